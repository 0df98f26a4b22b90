#include "analysis/tsneaffinity.h"

#include "analysis/tsneknn.h"
#include "util/workerpool.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wb::core::detail {

namespace {

// p_j|i over the k neighbours of every point, the bandwidth found by bisection so that the
// entropy of row i is log(perplexity).
std::vector<double> conditionalProbabilities(const std::vector<float> &dist2, std::size_t n, int k, double perplexity,
                                             WorkerPool &pool)
{
    std::vector<double> cond(n * std::size_t(k));
    const double target = std::log(perplexity);
    pool.forRange(n, 256, [&](std::size_t a, std::size_t b) {
        for (std::size_t i = a; i < b; ++i) {
            const float *dd = &dist2[i * std::size_t(k)];
            double beta = 1, lo = 0, hi = INFINITY;
            double *p = &cond[i * std::size_t(k)];
            for (int it = 0; it < 100; ++it) {
                double sum = 0, h = 0;
                for (int m = 0; m < k; ++m) {
                    p[m] = std::exp(-beta * (dd[m] - dd[0]));
                    sum += p[m];
                }
                for (int m = 0; m < k; ++m) {
                    p[m] /= sum;
                    h += p[m] > 1e-300 ? -p[m] * std::log(p[m]) : 0;
                }
                if (std::abs(h - target) < 1e-6)
                    break;
                if (h > target) {
                    lo = beta;
                    beta = std::isinf(hi) ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = (beta + lo) / 2;
                }
            }
        }
    });
    return cond;
}

// Both directions of every neighbour pair, grouped by row (unsorted, duplicates kept).
void pairEntries(const std::vector<int> &nbr, const std::vector<double> &cond, std::size_t n, int k,
                 std::vector<std::size_t> &entryStart, std::vector<std::pair<int, double>> &entries)
{
    entryStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            ++entryStart[i + 1];
            ++entryStart[std::size_t(nbr[i * std::size_t(k) + std::size_t(m)]) + 1];
        }
    for (std::size_t i = 0; i < n; ++i)
        entryStart[i + 1] += entryStart[i];
    entries.assign(entryStart[n], {});
    std::vector<std::size_t> next(entryStart.begin(), entryStart.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            const int j = nbr[i * std::size_t(k) + std::size_t(m)];
            const double v = cond[i * std::size_t(k) + std::size_t(m)] / (2.0 * double(n));
            entries[next[i]++] = {j, v};
            entries[next[std::size_t(j)]++] = {int(i), v};
        }
}

} // namespace

SparseAffinities inputAffinities(const std::vector<float> &x, std::size_t n, std::size_t d, double perplexity,
                                 WorkerPool &pool)
{
    const int k = std::min<int>(int(n) - 1, int(3 * perplexity));
    std::vector<int> nbr;
    std::vector<float> dist2;
    nearestNeighbours(x, n, d, k, pool, nbr, dist2);
    const std::vector<double> cond = conditionalProbabilities(dist2, n, k, perplexity, pool);
    std::vector<std::size_t> entryStart;
    std::vector<std::pair<int, double>> entries;
    pairEntries(nbr, cond, n, k, entryStart, entries);
    std::vector<std::size_t> merged(n); // per row: entries left after summing duplicates
    pool.forRange(n, 256, [&](std::size_t a, std::size_t b) {
        for (std::size_t i = a; i < b; ++i) {
            auto *first = entries.data() + entryStart[i], *last = entries.data() + entryStart[i + 1];
            std::sort(first, last);
            std::size_t out = 0;
            for (auto *e = first; e != last; ++e) {
                if (out > 0 && first[out - 1].first == e->first)
                    first[out - 1].second += e->second;
                else
                    first[out++] = *e;
            }
            merged[i] = out;
        }
    });
    SparseAffinities p;
    p.rowStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t m = 0; m < merged[i]; ++m) {
            p.col.push_back(entries[entryStart[i] + m].first);
            p.val.push_back(entries[entryStart[i] + m].second);
        }
        p.rowStart[i + 1] = p.col.size();
    }
    return p;
}

} // namespace wb::core::detail
