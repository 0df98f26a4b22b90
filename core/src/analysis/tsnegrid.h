#pragma once

#include <cstddef>
#include <memory>

namespace wb::core::detail {

class WorkerPool;

/// Accuracy settings of the interpolation grid: Lagrange nodes per box and the widest box
/// in embedding units (the t-SNE kernel varies on the scale of 1).
struct GridSettings
{
    int nodesPerBox = 3;
    double boxWidth = 1.0;
    int minBoxes = 10;
};

/// The repulsive half of the t-SNE gradient by polynomial interpolation onto an equispaced
/// grid and FFT convolution (the scheme of Linderman et al., "Fast interpolation-based t-SNE
/// for improved visualization of single-cell RNA-seq data", Nature Methods 2019): the kernel
/// q² = 1/(1 + d²)² is convolved with four charges (1, y₁, y₂, |y|²) on the grid, which gives
/// every force and the normalisation Z in O(n + G log G) for G grid nodes. The grid spans the
/// embedding's bounding box; its FFT lengths are chosen among 2^a·{1, 3, 5}, which FFTW's
/// deterministic estimate planner handles well. Results are identical for any worker count.
class GridRepulsion
{
public:
    explicit GridRepulsion(GridSettings settings = {});
    ~GridRepulsion();
    GridRepulsion(const GridRepulsion &) = delete;
    GridRepulsion &operator=(const GridRepulsion &) = delete;

    /// rep[2i..2i+1] = Σ_j q_ij² (y_i − y_j) with q_ij = 1/(1 + |y_i − y_j|²), for row-major
    /// y[n][2]; returns Z = Σ_{i≠j} q_ij.
    double compute(const double *y, std::size_t n, double *rep, WorkerPool &pool);

    /// FFT length along an axis (0 or 1) in the last call.
    int fftLength(int axis) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace wb::core::detail
