#include "wb/tsne.h"

#include "wb/errors.h"
#include "wb/progress.h"

#include "tsneknn.h"
#include "tsnegrid.h"
#include "tsnetree.h"
#include "float8.h"
#include "workerpool.h"

#include <Eigen/Dense>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <numeric>
#include <random>
#include <thread>

namespace wb::core {

namespace {

using detail::Float8;
using Clock = std::chrono::steady_clock;

// The attractive half of the gradient for rows [begin, end) of the sparse P: Σ_j p_ij q_ij (y_i − y_j).
// Rows are padded to multiples of eight entries (p = 0, j = i). Single precision (neighbours are
// O(1) apart, so float keeps six digits of the differences), eight independent lanes: the AVX2
// and the baseline clone give the same bits.
__attribute__((target_clones("avx2", "default")))
void attraction(const std::size_t *rowStart, const int *col, const float *p, const float *yf, std::size_t begin,
                std::size_t end, double exaggeration, double *grad)
{
    for (std::size_t i = begin; i < end; ++i) {
        const Float8 xi = Float8{} + yf[2 * i], yi = Float8{} + yf[2 * i + 1];
        Float8 ax = {}, ay = {};
        for (std::size_t m = rowStart[i]; m < rowStart[i + 1]; m += 8) {
            Float8 xj, yj, pij;
            for (int l = 0; l < 8; ++l) {
                const std::size_t j = std::size_t(col[m + std::size_t(l)]);
                xj[l] = yf[2 * j];
                yj[l] = yf[2 * j + 1];
            }
            std::memcpy(&pij, p + m, sizeof pij);
            const Float8 dx = xi - xj, dy = yi - yj;
            const Float8 pq = pij / (1.0f + dx * dx + dy * dy);
            ax += pq * dx;
            ay += pq * dy;
        }
        double sx = 0, sy = 0;
        for (int l = 0; l < 8; ++l) {
            sx += ax[l];
            sy += ay[l];
        }
        grad[2 * i] = sx * exaggeration;
        grad[2 * i + 1] = sy * exaggeration;
    }
}

} // namespace

const char *tsneMethodName(TsneMethod method)
{
    switch (method) {
    case TsneMethod::Auto: return "auto";
    case TsneMethod::Fft: return "fft";
    case TsneMethod::BarnesHut: return "barnes-hut";
    }
    return "auto";
}

bool parseTsneMethod(const std::string &name, TsneMethod &method)
{
    for (TsneMethod m : {TsneMethod::Auto, TsneMethod::Fft, TsneMethod::BarnesHut})
        if (name == tsneMethodName(m)) {
            method = m;
            return true;
        }
    if (name == "bh") {
        method = TsneMethod::BarnesHut;
        return true;
    }
    return false;
}

TsneResult tsne(const std::vector<float> &x, std::size_t n, std::size_t d, const TsneOptions &o,
                ProgressSink *progress)
{
    if (n < 4 || d < 1 || x.size() != n * d)
        throw Error(ErrorCode::InvalidArgument, "t-SNE: need at least 4 points and x of size n·d");
    if (!(o.perplexity > 1 && o.perplexity < double(n - 1) / 3 + 1e-9 + 1))
        throw Error(ErrorCode::InvalidArgument, "t-SNE: perplexity must be in (1, (n−1)/3]");
    if (o.iterations < 1 || o.earlyExaggeration < 1 || o.theta < 0)
        throw Error(ErrorCode::InvalidArgument, "t-SNE: iterations >= 1, early exaggeration >= 1, theta >= 0");
    const auto t0 = Clock::now();
    const int threads = o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    const int k = std::min<int>(int(n) - 1, int(3 * o.perplexity));
    std::vector<float> centred(x);
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<RowMajor> X(centred.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    X.rowwise() -= X.colwise().mean();

    // 1. Conditional similarities on the k nearest neighbours, bandwidths by bisection.
    std::vector<int> nbr;
    std::vector<float> dist2;
    detail::WorkerPool pool(threads);
    detail::nearestNeighbours(centred, n, d, k, pool, nbr, dist2);
    std::vector<double> cond(n * std::size_t(k));
    const double target = std::log(o.perplexity);
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
    // 2. Symmetric joint P in CSR: p_ij = (p_j|i + p_i|j) / 2n.
    std::vector<std::size_t> entryStart(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            ++entryStart[i + 1];
            ++entryStart[std::size_t(nbr[i * std::size_t(k) + std::size_t(m)]) + 1];
        }
    for (std::size_t i = 0; i < n; ++i)
        entryStart[i + 1] += entryStart[i];
    std::vector<std::pair<int, double>> entries(entryStart[n]);
    {
        std::vector<std::size_t> next(entryStart.begin(), entryStart.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            for (int m = 0; m < k; ++m) {
                const int j = nbr[i * std::size_t(k) + std::size_t(m)];
                const double v = cond[i * std::size_t(k) + std::size_t(m)] / (2.0 * double(n));
                entries[next[i]++] = {j, v};
                entries[next[std::size_t(j)]++] = {int(i), v};
            }
    }
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
    std::vector<std::size_t> rowStart(n + 1, 0);
    std::vector<int> col;
    std::vector<double> val;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t m = 0; m < merged[i]; ++m) {
            col.push_back(entries[entryStart[i] + m].first);
            val.push_back(entries[entryStart[i] + m].second);
        }
        rowStart[i + 1] = col.size();
    }
    std::vector<std::pair<int, double>>().swap(entries);

    // 3. PCA initialisation, scaled so that the first coordinate has std 1e-4.
    std::vector<double> y(2 * n);
    {
        const Eigen::MatrixXf cov = (X.transpose() * X) / float(n);
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> eig(cov);
        const Eigen::MatrixXf proj = X * eig.eigenvectors().rightCols(2).rowwise().reverse();
        double sd = 0;
        for (Eigen::Index i = 0; i < proj.rows(); ++i)
            sd += double(proj(i, 0)) * proj(i, 0);
        sd = std::sqrt(sd / double(n)) + 1e-12;
        std::mt19937_64 rng(o.seed);
        std::normal_distribution<double> jitter(0, 1e-8); // breaks exact ties only
        for (std::size_t i = 0; i < n; ++i) {
            y[2 * i] = 1e-4 * proj(Eigen::Index(i), 0) / sd + jitter(rng);
            y[2 * i + 1] = 1e-4 * proj(Eigen::Index(i), 1) / sd + jitter(rng);
        }
    }

    // 4. Gradient descent.
    const double lr = o.learningRate > 0 ? o.learningRate : std::max(double(n) / o.earlyExaggeration / 4.0, 50.0);
    std::vector<double> update(2 * n, 0.0), gains(2 * n, 1.0), grad(2 * n);
    std::vector<float> yf(2 * n), padVal;
    std::vector<std::size_t> padStart(n + 1, 0);
    std::vector<int> padCol;
    for (std::size_t i = 0; i < n; ++i) { // P again, rows padded to multiples of eight
        for (std::size_t m = rowStart[i]; m < rowStart[i + 1]; ++m) {
            padCol.push_back(col[m]);
            padVal.push_back(float(val[m]));
        }
        while (padCol.size() % 8) {
            padCol.push_back(int(i));
            padVal.push_back(0.f);
        }
        padStart[i + 1] = padCol.size();
    }
    std::vector<double> rep(2 * n);
    TsneResult result;
    result.method = o.method == TsneMethod::Auto ? (n >= kTsneFftFromPoints ? TsneMethod::Fft : TsneMethod::BarnesHut)
                                                 : o.method;
    std::unique_ptr<detail::GridRepulsion> grid;
    std::unique_ptr<detail::GroupedBarnesHut> tree;
    if (result.method == TsneMethod::Fft)
        grid = std::make_unique<detail::GridRepulsion>();
    else
        tree = std::make_unique<detail::GroupedBarnesHut>();
    auto klDivergence = [&](double z) {
        double kl = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t m = rowStart[i]; m < rowStart[i + 1]; ++m) {
                const std::size_t j = std::size_t(col[m]);
                const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                const double q = 1.0 / (1.0 + dx * dx + dy * dy) / z;
                kl += val[m] * std::log(std::max(val[m], 1e-300) / std::max(q, 1e-300));
            }
        return kl;
    };
    double z = 1;
    for (int it = 0; it < o.iterations; ++it) {
        if (progress && progress->isCancelRequested()) {
            result.cancelled = true;
            break;
        }
        const bool early = it < o.exaggerationIterations;
        const double exaggeration = early ? o.earlyExaggeration : 1.0;
        const double momentum = early ? 0.5 : 0.8;
        if (grid) {
            z = grid->compute(y.data(), n, rep.data(), pool);
        } else {
            z = tree->compute(y.data(), n, o.theta, rep.data(), pool);
        }
        for (std::size_t c = 0; c < 2 * n; ++c)
            yf[c] = float(y[c]);
        pool.forRange(n, 256, [&](std::size_t a, std::size_t b) {
            attraction(padStart.data(), padCol.data(), padVal.data(), yf.data(), a, b, exaggeration, grad.data());
        });
        z = std::max(z, 1e-300);
        for (std::size_t c = 0; c < 2 * n; ++c)
            grad[c] = 4 * (grad[c] - rep[c] / z);
        double mx = 0, my = 0, extent = 0;
        for (std::size_t c = 0; c < 2 * n; ++c) {
            gains[c] = (grad[c] > 0) != (update[c] > 0) ? gains[c] + 0.2 : std::max(gains[c] * 0.8, 0.01);
            update[c] = momentum * update[c] - lr * gains[c] * grad[c];
            y[c] += update[c];
            (c % 2 ? my : mx) += y[c];
            extent = std::max(extent, std::abs(y[c]));
        }
        // Embeddings of even millions of points stay within a few thousand units; far beyond,
        // or not finite, the step size has blown the points apart.
        if (!(extent < 1e6))
            throw Error(ErrorCode::Runtime, "t-SNE diverged at iteration " + std::to_string(it + 1)
                                                + " (coordinates beyond 1e6): lower the learning rate");
        for (std::size_t i = 0; i < n; ++i) { // keep the embedding centred
            y[2 * i] -= mx / double(n);
            y[2 * i + 1] -= my / double(n);
        }
        result.iterations = it + 1;
        if (progress && ((it + 1) % 50 == 0 || it + 1 == o.iterations)) {
            result.kl = klDivergence(z);
            progress->setProgress(double(it + 1) / o.iterations,
                                  "iteration " + std::to_string(it + 1) + ", KL " + std::to_string(result.kl));
        }
    }
    result.kl = klDivergence(z);
    result.embedding = std::move(y);
    result.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return result;
}

std::vector<double> pca2(const std::vector<float> &x, std::size_t n, std::size_t d)
{
    if (n < 2 || d < 2 || x.size() != n * d)
        throw Error(ErrorCode::InvalidArgument, "PCA: need at least 2 points of 2 dimensions");
    Eigen::MatrixXd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j)
            X(Eigen::Index(i), Eigen::Index(j)) = x[i * d + j];
    X.rowwise() -= X.colwise().mean();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig((X.transpose() * X) / double(n));
    Eigen::MatrixXd v = eig.eigenvectors().rightCols(2).rowwise().reverse();
    for (int c = 0; c < 2; ++c) {
        Eigen::Index arg;
        v.col(c).cwiseAbs().maxCoeff(&arg);
        if (v(arg, c) < 0)
            v.col(c) *= -1;
    }
    const Eigen::MatrixXd p = X * v;
    std::vector<double> out(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = p(Eigen::Index(i), 0);
        out[2 * i + 1] = p(Eigen::Index(i), 1);
    }
    return out;
}

double trustworthiness(const std::vector<float> &x, std::size_t n, std::size_t d,
                       const std::vector<double> &emb, int k)
{
    if (n < std::size_t(2 * k + 2) || x.size() != n * d || emb.size() != 2 * n)
        throw Error(ErrorCode::InvalidArgument, "trustworthiness: sizes do not match or too few points");
    double penalty = 0;
    std::vector<int> rank(n);
    std::vector<std::pair<double, int>> dx(n), de(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            double s = 0;
            for (std::size_t c = 0; c < d; ++c) {
                const double v = double(x[i * d + c]) - x[j * d + c];
                s += v * v;
            }
            dx[j] = {j == i ? -1.0 : s, int(j)};
            const double ex = emb[2 * i] - emb[2 * j], ey = emb[2 * i + 1] - emb[2 * j + 1];
            de[j] = {j == i ? -1.0 : ex * ex + ey * ey, int(j)};
        }
        std::sort(dx.begin(), dx.end());
        for (std::size_t r = 0; r < n; ++r)
            rank[std::size_t(dx[r].second)] = int(r); // rank 0 is i itself
        std::partial_sort(de.begin(), de.begin() + k + 1, de.end());
        for (int m = 1; m <= k; ++m)
            penalty += std::max(0, rank[std::size_t(de[std::size_t(m)].second)] - k);
    }
    return 1.0 - 2.0 / (double(n) * k * (2.0 * n - 3.0 * k - 1.0)) * penalty;
}

} // namespace wb::core
