#include "analysis/tsneknn.h"

#include "train/optimizer.h"
#include "util/workerpool.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace wb::core::detail {

void nearestNeighbours(const std::vector<float> &x, std::size_t n, std::size_t d, int k, WorkerPool &pool,
                       std::vector<int> &index, std::vector<float> &dist2)
{
    torch::NoGradGuard noGrad;
    const auto X = torch::from_blob(const_cast<float *>(x.data()), {std::int64_t(n), std::int64_t(d)},
                                    torch::kFloat32);
    const auto norms = X.pow(2).sum(1).contiguous();
    const float *norm = norms.data_ptr<float>();
    index.assign(n * std::size_t(k), 0);
    dist2.assign(n * std::size_t(k), 0.f);
    // Each worker multiplies its own blocks of 256 rows (10 MB of distances at 10,000 points)
    // with a single-threaded BLAS, as the trainer runs it, and selects from them.
    setBlasThreads(1);
    constexpr std::size_t block = 256;
    const std::size_t blocks = (n + block - 1) / block;
    pool.forRange(blocks, 1, [&](std::size_t b0, std::size_t b1) {
        torch::Tensor partial = torch::empty({std::int64_t(std::min(block, n)), std::int64_t(n)}, torch::kFloat32);
        for (std::size_t b = b0; b < b1; ++b) {
            const std::size_t start = b * block, rows = std::min(block, n - start);
            // Row r holds |x_j|² − 2 x_i·x_j for every j: |x_i − x_j|² up to the constant |x_i|².
            auto out = partial.narrow(0, 0, std::int64_t(rows));
            torch::addmm_out(out, norms.unsqueeze(0), X.narrow(0, std::int64_t(start), std::int64_t(rows)), X.t(),
                             /*beta=*/1, /*alpha=*/-2);
            const float *all = out.data_ptr<float>();
            std::vector<std::pair<float, int>> heap; // the k best so far, largest (distance, index) on top
            heap.reserve(std::size_t(k) + 1);
            for (std::size_t r = 0; r < rows; ++r) {
                const std::size_t i = start + r;
                const float *dist = all + r * n;
                heap.clear();
                float worst = INFINITY; // the k-th smallest so far, once there are k
                for (int j = 0; j < int(n); ++j) {
                    // Indices only grow, so a candidate at a tie never beats the heap's top.
                    if (dist[j] >= worst || j == int(i))
                        continue;
                    if (int(heap.size()) == k) {
                        std::pop_heap(heap.begin(), heap.end());
                        heap.pop_back();
                    }
                    heap.push_back({dist[j], j});
                    std::push_heap(heap.begin(), heap.end());
                    if (int(heap.size()) == k)
                        worst = heap.front().first;
                }
                std::sort_heap(heap.begin(), heap.end());
                for (int m = 0; m < k; ++m) {
                    index[i * std::size_t(k) + std::size_t(m)] = heap[std::size_t(m)].second;
                    dist2[i * std::size_t(k) + std::size_t(m)] = std::max(0.f, heap[std::size_t(m)].first + norm[i]);
                }
            }
        }
    });
}

} // namespace wb::core::detail
