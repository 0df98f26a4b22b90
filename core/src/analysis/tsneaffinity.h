#pragma once

#include <cstddef>
#include <vector>

namespace wb::core::detail {

class WorkerPool;

/// The symmetric input similarities of t-SNE in compressed rows: p_ij = (p_j|i + p_i|j) / 2n
/// over the k = 3·perplexity nearest neighbours of every point, Σ p_ij = 1.
struct SparseAffinities
{
    std::vector<std::size_t> rowStart; ///< n + 1 offsets into col / val
    std::vector<int> col;
    std::vector<double> val;
};

/// From centred row-major x[n][d]: exact kNN (nearestNeighbours), per-point Gaussian
/// bandwidths by bisection on the perplexity, then symmetrisation. Deterministic for any
/// worker count.
SparseAffinities inputAffinities(const std::vector<float> &x, std::size_t n, std::size_t d, double perplexity,
                                 WorkerPool &pool);

} // namespace wb::core::detail
