#include "wb/tsne.h"

#include "wb/errors.h"
#include "wb/progress.h"

#include <Eigen/Dense>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <thread>

namespace wb::core {

namespace {

using Clock = std::chrono::steady_clock;

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)> &body)
{
    const std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(std::size_t(threads), n / 256 + 1));
    if (t == 1) {
        body(0, n);
        return;
    }
    std::vector<std::thread> pool;
    for (std::size_t k = 0; k < t; ++k)
        pool.emplace_back([&, k] { body(n * k / t, n * (k + 1) / t); });
    for (auto &th : pool)
        th.join();
}

// Squared distances to the k nearest neighbours of every point (excluding itself).
void nearestNeighbours(const Eigen::MatrixXf &X, int k, int threads, std::vector<int> &index,
                       std::vector<float> &dist2)
{
    const Eigen::Index n = X.rows();
    const Eigen::VectorXf norms = X.rowwise().squaredNorm();
    index.assign(std::size_t(n) * std::size_t(k), 0);
    dist2.assign(std::size_t(n) * std::size_t(k), 0.f);
    constexpr Eigen::Index block = 256;
    const std::size_t blocks = std::size_t((n + block - 1) / block);
    parallelFor(blocks, threads, [&](std::size_t b0, std::size_t b1) {
        std::vector<int> order(static_cast<std::size_t>(n));
        for (std::size_t b = b0; b < b1; ++b) {
            const Eigen::Index start = Eigen::Index(b) * block, rows = std::min(block, n - start);
            const Eigen::MatrixXf dots = X.middleRows(start, rows) * X.transpose();
            for (Eigen::Index r = 0; r < rows; ++r) {
                const Eigen::Index i = start + r;
                auto d2 = [&](int j) { return std::max(0.f, norms[i] + norms[j] - 2 * dots(r, j)); };
                std::iota(order.begin(), order.end(), 0);
                std::nth_element(order.begin(), order.begin() + k, order.end(), [&](int a, int c) {
                    const float da = a == i ? INFINITY : d2(a), dc = c == i ? INFINITY : d2(c);
                    return da < dc || (da == dc && a < c);
                });
                std::sort(order.begin(), order.begin() + k, [&](int a, int c) { return d2(a) < d2(c) || (d2(a) == d2(c) && a < c); });
                for (int m = 0; m < k; ++m) {
                    index[std::size_t(i) * std::size_t(k) + std::size_t(m)] = order[std::size_t(m)];
                    dist2[std::size_t(i) * std::size_t(k) + std::size_t(m)] = d2(order[std::size_t(m)]);
                }
            }
        }
    });
}

// Quadtree over the embedding for the Barnes–Hut repulsion.
struct QuadTree
{
    struct Node
    {
        double cx, cy, half;  // cell centre and half width
        double mx = 0, my = 0; // centre of mass (sum until finalised)
        int count = 0;
        int child = -1;        // first of four children, or -1 for a leaf
        int point = -1;        // the point in a leaf with count 1
    };
    std::vector<Node> nodes;
    const double *y;

    QuadTree(const std::vector<double> &emb, std::size_t n) : y(emb.data())
    {
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (std::size_t i = 0; i < n; ++i) {
            x0 = std::min(x0, y[2 * i]);
            x1 = std::max(x1, y[2 * i]);
            y0 = std::min(y0, y[2 * i + 1]);
            y1 = std::max(y1, y[2 * i + 1]);
        }
        nodes.reserve(4 * n);
        nodes.push_back({(x0 + x1) / 2, (y0 + y1) / 2, std::max(x1 - x0, y1 - y0) / 2 + 1e-5});
        for (std::size_t i = 0; i < n; ++i)
            insert(0, int(i), 0);
        for (auto &nd : nodes)
            if (nd.count > 0) {
                nd.mx /= nd.count;
                nd.my /= nd.count;
            }
    }
    void insert(int node, int p, int depth)
    {
        const double px = y[2 * p], py = y[2 * p + 1];
        for (;;) {
            Node &nd = nodes[std::size_t(node)];
            nd.mx += px;
            nd.my += py;
            ++nd.count;
            if (nd.child < 0) {
                if (nd.count == 1 || depth > 40) { // empty leaf, or duplicates: keep here
                    if (nd.count == 1)
                        nd.point = p;
                    return;
                }
                split(node); // the existing point moves down
            }
            const Node &cur = nodes[std::size_t(node)];
            node = cur.child + (px > cur.cx ? 1 : 0) + (py > cur.cy ? 2 : 0);
            ++depth;
        }
    }
    void split(int node)
    {
        const int first = int(nodes.size());
        const Node parent = nodes[std::size_t(node)];
        const double h = parent.half / 2;
        for (int q = 0; q < 4; ++q)
            nodes.push_back({parent.cx + ((q & 1) ? h : -h), parent.cy + ((q & 2) ? h : -h), h});
        nodes[std::size_t(node)].child = first;
        const int old = parent.point;
        nodes[std::size_t(node)].point = -1;
        const double ox = y[2 * old], oy = y[2 * old + 1];
        Node &c = nodes[std::size_t(first + (ox > parent.cx ? 1 : 0) + (oy > parent.cy ? 2 : 0))];
        c.mx += ox;
        c.my += oy;
        c.count = 1;
        c.point = old;
    }
    // Adds the repulsive force on point i and its share of the normalisation Z.
    void repulse(std::size_t i, double theta2, double &fx, double &fy, double &z) const
    {
        const double px = y[2 * i], py = y[2 * i + 1];
        int stack[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node &nd = nodes[std::size_t(stack[--top])];
            if (nd.count == 0 || (nd.child < 0 && nd.point == int(i) && nd.count == 1))
                continue;
            const double dx = px - nd.mx, dy = py - nd.my, d2 = dx * dx + dy * dy;
            const double size = 2 * nd.half;
            if (nd.child < 0 || size * size < theta2 * d2) {
                const int count = (nd.child < 0 && nd.point < 0 && nd.count > 1) ? nd.count : nd.count;
                const double q = 1.0 / (1.0 + d2);
                // A duplicate-point leaf holding i itself contributes the others only.
                const double m = (nd.child < 0 && nd.count > 1 && d2 == 0) ? count - 1 : count;
                z += m * q;
                fx += m * q * q * dx;
                fy += m * q * q * dy;
            } else if (top + 4 <= 256) {
                for (int c = 0; c < 4; ++c)
                    stack[top++] = nd.child + c;
            }
        }
    }
};

} // namespace

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
    Eigen::MatrixXf X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j)
            X(Eigen::Index(i), Eigen::Index(j)) = x[i * d + j];
    X.rowwise() -= X.colwise().mean();

    // 1. Conditional similarities on the k nearest neighbours, bandwidths by bisection.
    std::vector<int> nbr;
    std::vector<float> dist2;
    nearestNeighbours(X, k, threads, nbr, dist2);
    std::vector<double> cond(n * std::size_t(k));
    const double target = std::log(o.perplexity);
    parallelFor(n, threads, [&](std::size_t a, std::size_t b) {
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
    std::vector<std::vector<std::pair<int, double>>> rows(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            const int j = nbr[i * std::size_t(k) + std::size_t(m)];
            const double v = cond[i * std::size_t(k) + std::size_t(m)] / (2.0 * double(n));
            rows[i].push_back({j, v});
            rows[std::size_t(j)].push_back({int(i), v});
        }
    std::vector<std::size_t> rowStart(n + 1, 0);
    std::vector<int> col;
    std::vector<double> val;
    for (std::size_t i = 0; i < n; ++i) {
        auto &r = rows[i];
        std::sort(r.begin(), r.end());
        for (std::size_t m = 0; m < r.size(); ++m) {
            if (m > 0 && r[m].first == r[m - 1].first)
                val.back() += r[m].second;
            else {
                col.push_back(r[m].first);
                val.push_back(r[m].second);
            }
        }
        rowStart[i + 1] = col.size();
        std::vector<std::pair<int, double>>().swap(r);
    }

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
    std::vector<double> zPart(n), repX(n), repY(n);
    TsneResult result;
    const double theta2 = o.theta * o.theta;
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
        const QuadTree tree(y, n);
        parallelFor(n, threads, [&](std::size_t a, std::size_t b) {
            for (std::size_t i = a; i < b; ++i) {
                double fx = 0, fy = 0, zi = 0;
                tree.repulse(i, theta2, fx, fy, zi);
                repX[i] = fx;
                repY[i] = fy;
                zPart[i] = zi;
                double ax = 0, ay = 0;
                for (std::size_t m = rowStart[i]; m < rowStart[i + 1]; ++m) {
                    const std::size_t j = std::size_t(col[m]);
                    const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    ax += val[m] * q * dx;
                    ay += val[m] * q * dy;
                }
                grad[2 * i] = ax * exaggeration;
                grad[2 * i + 1] = ay * exaggeration;
            }
        });
        z = std::max(std::accumulate(zPart.begin(), zPart.end(), 0.0), 1e-300);
        for (std::size_t i = 0; i < n; ++i) {
            grad[2 * i] = 4 * (grad[2 * i] - repX[i] / z);
            grad[2 * i + 1] = 4 * (grad[2 * i + 1] - repY[i] / z);
        }
        double mx = 0, my = 0;
        for (std::size_t c = 0; c < 2 * n; ++c) {
            gains[c] = (grad[c] > 0) != (update[c] > 0) ? gains[c] + 0.2 : std::max(gains[c] * 0.8, 0.01);
            update[c] = momentum * update[c] - lr * gains[c] * grad[c];
            y[c] += update[c];
            (c % 2 ? my : mx) += y[c];
        }
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
