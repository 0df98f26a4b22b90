#include "wb/tsne.h"
#include "wb/device.h"
#include "wb/threadpolicy.h"

#include "wb/errors.h"
#include "wb/progress.h"

#include "analysis/tsneaffinity.h"
#include "analysis/tsnegrid.h"
#include "analysis/tsnetree.h"
#include "util/float8.h"
#include "util/workerpool.h"

#include <Eigen/Dense>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <numeric>
#include <random>

namespace wb::core {

namespace {

using detail::Float8;
using Clock = std::chrono::steady_clock;

// The attractive half of the gradient for rows [begin, end) of the sparse P: Σ_j p_ij q_ij (y_i − y_j).
// Rows are padded to multiples of eight entries (p = 0, j = i). Single precision (neighbours are
// O(1) apart, so float keeps six digits of the differences), eight independent lanes: the AVX2
// and the baseline clone give the same bits.
WB_SIMD_CLONES
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

namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// PCA initialisation of centred X, scaled so that the first coordinate has std 1e-4, with a
// seeded 1e-8 jitter that only breaks exact ties.
std::vector<double> pcaStart(const Eigen::Map<RowMajor> &X, std::uint64_t seed)
{
    const std::size_t n = std::size_t(X.rows());
    const Eigen::MatrixXf cov = (X.transpose() * X) / float(n);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> eig(cov);
    const Eigen::MatrixXf proj = X * eig.eigenvectors().rightCols(2).rowwise().reverse();
    double sd = 0;
    for (Eigen::Index i = 0; i < proj.rows(); ++i)
        sd += double(proj(i, 0)) * proj(i, 0);
    sd = std::sqrt(sd / double(n)) + 1e-12;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> jitter(0, 1e-8);
    std::vector<double> y(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        y[2 * i] = 1e-4 * proj(Eigen::Index(i), 0) / sd + jitter(rng);
        y[2 * i + 1] = 1e-4 * proj(Eigen::Index(i), 1) / sd + jitter(rng);
    }
    return y;
}

// KL(P || Q) over the nonzeros of P, Q with the normalisation z.
double klDivergence(const detail::SparseAffinities &p, const std::vector<double> &y, double z)
{
    double kl = 0;
    for (std::size_t i = 0; i + 1 < p.rowStart.size(); ++i)
        for (std::size_t m = p.rowStart[i]; m < p.rowStart[i + 1]; ++m) {
            const std::size_t j = std::size_t(p.col[m]);
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            const double q = 1.0 / (1.0 + dx * dx + dy * dy) / z;
            kl += p.val[m] * std::log(std::max(p.val[m], 1e-300) / std::max(q, 1e-300));
        }
    return kl;
}

// The KL gradient 4·(exaggeration·Σ p_ij q_ij (y_i − y_j) − Σ q_ij² (y_i − y_j) / Z), the
// repulsion by the chosen method; keeps P as float rows padded to multiples of eight.
class Gradient
{
public:
    Gradient(const detail::SparseAffinities &p, TsneMethod method, double theta) : m_theta(theta)
    {
        const std::size_t n = p.rowStart.size() - 1;
        m_start.assign(n + 1, 0);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t m = p.rowStart[i]; m < p.rowStart[i + 1]; ++m) {
                m_col.push_back(p.col[m]);
                m_val.push_back(float(p.val[m]));
            }
            while (m_col.size() % 8) {
                m_col.push_back(int(i));
                m_val.push_back(0.f);
            }
            m_start[i + 1] = m_col.size();
        }
        m_yf.resize(2 * n);
        m_rep.resize(2 * n);
        if (method == TsneMethod::Fft)
            m_grid = std::make_unique<detail::GridRepulsion>();
        else
            m_tree = std::make_unique<detail::GroupedBarnesHut>();
    }

    // Fills grad[2n] at y; returns Z.
    double compute(const std::vector<double> &y, double exaggeration, std::vector<double> &grad,
                   detail::WorkerPool &pool)
    {
        const std::size_t n = m_start.size() - 1;
        double z = m_grid ? m_grid->compute(y.data(), n, m_rep.data(), pool)
                          : m_tree->compute(y.data(), n, m_theta, m_rep.data(), pool);
        for (std::size_t c = 0; c < 2 * n; ++c)
            m_yf[c] = float(y[c]);
        pool.forRange(n, 256, [&](std::size_t a, std::size_t b) {
            attraction(m_start.data(), m_col.data(), m_val.data(), m_yf.data(), a, b, exaggeration, grad.data());
        });
        z = std::max(z, 1e-300);
        for (std::size_t c = 0; c < 2 * n; ++c)
            grad[c] = 4 * (grad[c] - m_rep[c] / z);
        return z;
    }

private:
    double m_theta;
    std::vector<std::size_t> m_start;
    std::vector<int> m_col;
    std::vector<float> m_val, m_yf;
    std::vector<double> m_rep;
    std::unique_ptr<detail::GridRepulsion> m_grid;
    std::unique_ptr<detail::GroupedBarnesHut> m_tree;
};

// One step of gradient descent with momentum and gains; re-centres y. Returns the largest
// |coordinate| (not finite when the step diverged).
double descend(std::vector<double> &y, const std::vector<double> &grad, std::vector<double> &update,
               std::vector<double> &gains, double momentum, double lr)
{
    const std::size_t n = y.size() / 2;
    double mx = 0, my = 0, extent = 0;
    for (std::size_t c = 0; c < 2 * n; ++c) {
        gains[c] = (grad[c] > 0) != (update[c] > 0) ? gains[c] + 0.2 : std::max(gains[c] * 0.8, 0.01);
        update[c] = momentum * update[c] - lr * gains[c] * grad[c];
        y[c] += update[c];
        (c % 2 ? my : mx) += y[c];
        extent = std::max(extent, std::abs(y[c]));
    }
    for (std::size_t i = 0; i < n; ++i) {
        y[2 * i] -= mx / double(n);
        y[2 * i + 1] -= my / double(n);
    }
    return std::isfinite(mx + my) ? extent : INFINITY;
}

} // namespace

TsneResult tsne(const std::vector<float> &x, std::size_t n, std::size_t d, const TsneOptions &o,
                ProgressSink *progress)
{
    if (n < 4 || d < 1 || x.size() != n * d)
        throw Error(ErrorCode::InvalidArgument, "t-SNE: need at least 4 points and x of size n·d");
    if (!(o.perplexity > 1 && o.perplexity <= maxTsnePerplexity(n) + 1e-9))
        throw Error(ErrorCode::InvalidArgument, "t-SNE: perplexity must be in (1, (n−1)/3]");
    if (o.iterations < 1 || o.earlyExaggeration < 1 || o.theta < 0)
        throw Error(ErrorCode::InvalidArgument, "t-SNE: iterations >= 1, early exaggeration >= 1, theta >= 0");
    const auto t0 = Clock::now();
    detail::WorkerPool pool(cpuThreads(o.threads));
    std::vector<float> centred(x);
    Eigen::Map<RowMajor> X(centred.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    X.rowwise() -= X.colwise().mean();
    const detail::SparseAffinities P = detail::inputAffinities(centred, n, d, o.perplexity, pool);
    std::vector<double> y = pcaStart(X, o.seed);

    TsneResult result;
    result.method = o.method != TsneMethod::Auto ? o.method
                    : n >= kTsneFftFromPoints    ? TsneMethod::Fft
                                                 : TsneMethod::BarnesHut;
    Gradient gradient(P, result.method, o.theta);
    const double lr = o.learningRate > 0 ? o.learningRate : std::max(double(n) / o.earlyExaggeration / 4.0, 50.0);
    std::vector<double> update(2 * n, 0.0), gains(2 * n, 1.0), grad(2 * n);
    double z = 1;
    for (int it = 0; it < o.iterations; ++it) {
        if (progress && progress->isCancelRequested()) {
            result.cancelled = true;
            break;
        }
        const bool early = it < o.exaggerationIterations;
        z = gradient.compute(y, early ? o.earlyExaggeration : 1.0, grad, pool);
        // Embeddings of even millions of points stay within a few thousand units; far beyond,
        // or not finite, the step size has blown the points apart.
        if (!(descend(y, grad, update, gains, early ? 0.5 : 0.8, lr) < 1e6))
            throw Error(ErrorCode::Runtime, "t-SNE diverged at iteration " + std::to_string(it + 1)
                                                + " (coordinates beyond 1e6): lower the learning rate");
        result.iterations = it + 1;
        if (progress && (it + 1) % 50 == 0 && it + 1 < o.iterations) {
            result.kl = klDivergence(P, y, z);
            progress->setProgress(double(it + 1) / o.iterations,
                                  "iteration " + std::to_string(it + 1) + ", KL " + std::to_string(result.kl));
        }
    }
    result.kl = klDivergence(P, y, z);
    if (progress && !result.cancelled)
        progress->setProgress(1.0, "iteration " + std::to_string(result.iterations) + ", KL " + std::to_string(result.kl));
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
