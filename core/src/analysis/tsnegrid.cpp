#include "analysis/tsnegrid.h"

#include "util/workerpool.h"

#include <fftw3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace wb::core::detail {

namespace {

// FFTW's planner is not thread-safe (fftw_execute is); every plan is made under this lock.
std::mutex &plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

// The smallest 2^a·{1, 3, 5} ≥ atLeast: lengths for which FFTW_ESTIMATE plans are within
// 10–40% of measured ones (measured plans are faster still but pick their algorithm by
// timing, which would make embeddings differ from run to run).
int goodFftLength(int atLeast)
{
    int best = INT_MAX;
    for (int base : {1, 3, 5}) {
        long long l = base;
        while (l < atLeast)
            l *= 2;
        best = int(std::min<long long>(best, l));
    }
    return best;
}

constexpr int kCharges = 4;      // 1, y₁, y₂, |y|²
constexpr int kMaxLength = 2048; // per axis; 5 grids of 2048² doubles are 170 MB
// Double-precision grids and FFTs: Z comes out of charges up to |y|² ~ 10⁴ that cancel to
// Σ q_ij, and FFT rounding is relative to the whole grid, so single precision lost Z entirely
// for few or far-apart points (measured: a t-SNE of 6 points diverged). ~15% slower than float.
using Real = double;

} // namespace

struct GridRepulsion::Impl
{
    struct Axis // the grid along one axis, for the current call
    {
        double lo, boxWidth, centre, spacing;
        int boxes, nodes, length;
    };
    GridSettings settings;
    Axis axis[2] = {};
    int length[2] = {0, 0}; // FFT lengths
    std::size_t stride = 0; // doubles per row of the in-place real-to-complex arrays
    fftw_plan forward = nullptr, inverse = nullptr;
    Real *buffer[1 + kCharges] = {}; // the kernel, then the charges
    std::vector<int> firstNode;        // per point and axis: index of its box's first node
    std::vector<double> weight;        // per point and axis: Lagrange weights of the box's nodes
    std::vector<double> zPart;

    ~Impl() { release(); }

    void release()
    {
        std::lock_guard<std::mutex> lock(plannerMutex());
        if (forward)
            fftw_destroy_plan(forward);
        if (inverse)
            fftw_destroy_plan(inverse);
        forward = inverse = nullptr;
        for (Real *&b : buffer) {
            fftw_free(b);
            b = nullptr;
        }
        length[0] = length[1] = 0;
    }

    void prepare(int l0, int l1)
    {
        if (l0 == length[0] && l1 == length[1])
            return;
        release();
        stride = 2 * (std::size_t(l1) / 2 + 1);
        for (Real *&b : buffer) {
            b = fftw_alloc_real(std::size_t(l0) * stride);
            if (!b) {
                release();
                throw std::bad_alloc();
            }
        }
        std::lock_guard<std::mutex> lock(plannerMutex());
        auto *c = reinterpret_cast<fftw_complex *>(buffer[0]);
        forward = fftw_plan_dft_r2c_2d(l0, l1, buffer[0], c, FFTW_ESTIMATE);
        inverse = fftw_plan_dft_c2r_2d(l0, l1, c, buffer[0], FFTW_ESTIMATE);
        if (!forward || !inverse)
            throw std::bad_alloc();
        length[0] = l0;
        length[1] = l1;
    }

    void layout(const double *y, std::size_t n);
    void interpolationWeights(const double *y, std::size_t n, WorkerPool &pool);
    void kernelGrid(Real *g) const;
    void spreadCharge(int charge, const double *y, std::size_t n, Real *g) const;
    void convolve(Real *g) const;
    double gather(const double *y, std::size_t n, double *rep, WorkerPool &pool);
};

GridRepulsion::GridRepulsion(GridSettings settings) : m(std::make_unique<Impl>())
{
    m->settings = settings;
}

GridRepulsion::~GridRepulsion() = default;

int GridRepulsion::fftLength(int axis) const
{
    return m->length[axis];
}

// Per axis a bounding interval split into equal boxes of p nodes each, FFT length with room
// for the zero padding of a linear convolution; at most kMaxLength (beyond, boxes grow wider
// than boxWidth and the forces less accurate, rather than memory).
void GridRepulsion::Impl::layout(const double *y, std::size_t n)
{
    const int p = settings.nodesPerBox;
    for (int a = 0; a < 2; ++a) {
        double mn = INFINITY, mx = -INFINITY;
        for (std::size_t i = 0; i < n; ++i) {
            mn = std::min(mn, y[2 * i + std::size_t(a)]);
            mx = std::max(mx, y[2 * i + std::size_t(a)]);
        }
        const double range = std::max(mx - mn, 1e-12);
        const int needed = std::max(settings.minBoxes, int(std::min(std::ceil(range / settings.boxWidth), 1e6)));
        Axis &ax = axis[a];
        ax.length = std::min(goodFftLength(2 * p * needed), kMaxLength);
        ax.boxes = ax.length / (2 * p);
        ax.nodes = ax.boxes * p;
        ax.lo = mn;
        ax.boxWidth = range / ax.boxes;
        ax.spacing = ax.boxWidth / p;
        ax.centre = mn + range / 2;
    }
    prepare(axis[0].length, axis[1].length);
}

// Each point's box and the Lagrange weights of its nodes (at (k + ½)/p of the box).
void GridRepulsion::Impl::interpolationWeights(const double *y, std::size_t n, WorkerPool &pool)
{
    const int p = settings.nodesPerBox;
    double denom[16];
    for (int k = 0; k < p; ++k) {
        denom[k] = 1;
        for (int j = 0; j < p; ++j)
            if (j != k)
                denom[k] *= double(k - j) / p;
    }
    firstNode.resize(2 * n);
    weight.resize(2 * n * std::size_t(p));
    pool.forRange(n, 512, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            for (int a = 0; a < 2; ++a) {
                const double u = (y[2 * i + std::size_t(a)] - axis[a].lo) / axis[a].boxWidth;
                const int box = std::clamp(int(u), 0, axis[a].boxes - 1);
                const double t = u - box;
                double *w = &weight[(2 * i + std::size_t(a)) * std::size_t(p)];
                for (int k = 0; k < p; ++k) {
                    double prod = 1;
                    for (int j = 0; j < p; ++j)
                        if (j != k)
                            prod *= t - (j + 0.5) / p;
                    w[k] = prod / denom[k];
                }
                firstNode[2 * i + std::size_t(a)] = box * p;
            }
    });
}

// The kernel q² = 1/(1 + d²)² at every node offset, in circulant order (negative offsets at
// the end); offsets no pair of nodes has are zero.
void GridRepulsion::Impl::kernelGrid(Real *g) const
{
    const Axis &a0 = axis[0], &a1 = axis[1];
    for (int r = 0; r < a0.length; ++r) {
        const int dr = r < a0.nodes ? r : r - a0.length;
        const bool rowUsed = r < a0.nodes || r > a0.length - a0.nodes;
        for (int c = 0; c < a1.length; ++c) {
            const int dc = c < a1.nodes ? c : c - a1.length;
            const bool used = rowUsed && (c < a1.nodes || c > a1.length - a1.nodes);
            const double dx = dr * a0.spacing, dy = dc * a1.spacing, q = 1 / (1 + dx * dx + dy * dy);
            g[std::size_t(r) * stride + std::size_t(c)] = Real(used ? q * q : 0.0);
        }
    }
}

// Charge 1..4 (1, y₁, y₂, |y|², coordinates relative to the grid's centre) spread onto the nodes.
void GridRepulsion::Impl::spreadCharge(int charge, const double *y, std::size_t n, Real *g) const
{
    const int p = settings.nodesPerBox;
    std::memset(g, 0, std::size_t(axis[0].length) * stride * sizeof(Real));
    for (std::size_t i = 0; i < n; ++i) {
        const double x0 = y[2 * i] - axis[0].centre, x1 = y[2 * i + 1] - axis[1].centre;
        const double q = charge == 1 ? 1.0 : charge == 2 ? x0 : charge == 3 ? x1 : x0 * x0 + x1 * x1;
        const double *w0 = &weight[2 * i * std::size_t(p)], *w1 = w0 + p;
        Real *base = g + std::size_t(firstNode[2 * i]) * stride + std::size_t(firstNode[2 * i + 1]);
        for (int k = 0; k < p; ++k) {
            const double qk = q * w0[k];
            for (int l = 0; l < p; ++l)
                base[std::size_t(k) * stride + std::size_t(l)] += Real(qk * w1[l]);
        }
    }
}

// A transformed charge grid times the kernel's transform, transformed back: the potentials.
void GridRepulsion::Impl::convolve(Real *g) const
{
    const Real *kernel = buffer[0];
    const std::size_t cells = std::size_t(axis[0].length) * stride;
    for (std::size_t c = 0; c < cells; c += 2) {
        const Real re = g[c] * kernel[c] - g[c + 1] * kernel[c + 1];
        const Real im = g[c] * kernel[c + 1] + g[c + 1] * kernel[c];
        g[c] = re;
        g[c + 1] = im;
    }
    fftw_execute_dft_c2r(inverse, reinterpret_cast<fftw_complex *>(g), g);
}

// The potentials interpolated back to the points; forces and Z follow from the charges.
double GridRepulsion::Impl::gather(const double *y, std::size_t n, double *rep, WorkerPool &pool)
{
    const int p = settings.nodesPerBox;
    const double scale = 1.0 / (double(axis[0].length) * double(axis[1].length));
    // The kernel between nodes of one box, for each point's interpolated self-interaction.
    std::vector<double> near(std::size_t((2 * p - 1) * (2 * p - 1)));
    for (int a = 0; a < 2 * p - 1; ++a)
        for (int b = 0; b < 2 * p - 1; ++b) {
            const double dx = (a - (p - 1)) * axis[0].spacing, dy = (b - (p - 1)) * axis[1].spacing;
            const double q = 1 / (1 + dx * dx + dy * dy);
            near[std::size_t(a * (2 * p - 1) + b)] = q * q;
        }
    zPart.resize(n);
    pool.forRange(n, 512, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            double phi[kCharges] = {0, 0, 0, 0};
            const double *w0 = &weight[2 * i * std::size_t(p)], *w1 = w0 + p;
            const std::size_t offset = std::size_t(firstNode[2 * i]) * stride + std::size_t(firstNode[2 * i + 1]);
            for (int c = 0; c < kCharges; ++c) {
                const Real *base = buffer[1 + c] + offset;
                double s = 0;
                for (int k = 0; k < p; ++k) {
                    double row = 0;
                    for (int l = 0; l < p; ++l)
                        row += w1[l] * base[std::size_t(k) * stride + std::size_t(l)];
                    s += w0[k] * row;
                }
                phi[c] = s * scale;
            }
            const double x0 = y[2 * i] - axis[0].centre, x1 = y[2 * i + 1] - axis[1].centre;
            rep[2 * i] = x0 * phi[0] - phi[1];
            rep[2 * i + 1] = x1 * phi[0] - phi[2];
            // (1 + |y_i|²)φ₁ − 2 y_i·(φ₂, φ₃) + φ₄ = Σ_j q̃²_ij (1 + |y_i − y_j|²) ≈ Σ_j q_ij,
            // j = i included as the grid sees it (q̃²_ii, about 1): subtracted exactly, which
            // matters when Z is small (few or far-apart points).
            double self = 0;
            for (int a = 0; a < p; ++a)
                for (int b = 0; b < p; ++b)
                    for (int c = 0; c < p; ++c)
                        for (int d = 0; d < p; ++d)
                            self += w0[a] * w1[b] * w0[c] * w1[d]
                                    * near[std::size_t((a - c + p - 1) * (2 * p - 1) + (b - d + p - 1))];
            zPart[i] = (1 + x0 * x0 + x1 * x1) * phi[0] - 2 * (x0 * phi[1] + x1 * phi[2]) + phi[3] - self;
        }
    });
    double z = 0;
    for (double v : zPart)
        z += v;
    return z;
}

double GridRepulsion::compute(const double *y, std::size_t n, double *rep, WorkerPool &pool)
{
    m->layout(y, n);
    m->interpolationWeights(y, n, pool);
    // The kernel and the four charges transformed in parallel, then one convolution each.
    pool.forTasks(1 + kCharges, [&](int task) {
        Real *g = m->buffer[task];
        if (task == 0)
            m->kernelGrid(g);
        else
            m->spreadCharge(task, y, n, g);
        fftw_execute_dft_r2c(m->forward, g, reinterpret_cast<fftw_complex *>(g));
    });
    pool.forTasks(kCharges, [&](int task) { m->convolve(m->buffer[1 + task]); });
    return m->gather(y, n, rep, pool);
}

} // namespace wb::core::detail
