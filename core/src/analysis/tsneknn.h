#pragma once

#include <cstddef>
#include <vector>

namespace wb::core::detail {

class WorkerPool;

/// Exact k nearest neighbours of every row of x[n][d] (row-major), the point itself excluded,
/// by squared Euclidean distance, ascending, ties broken by the lower index: index[i·k + m]
/// and dist2[i·k + m]. Distances come from blocked matrix products |x_j|² − 2 x_i·x_j (BLAS
/// through LibTorch), the selection runs on the pool.
void nearestNeighbours(const std::vector<float> &x, std::size_t n, std::size_t d, int k, WorkerPool &pool,
                       std::vector<int> &index, std::vector<float> &dist2);

} // namespace wb::core::detail
