#include "analysis/tsnetree.h"

#include "util/float8.h"
#include "util/workerpool.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace wb::core::detail {

namespace {

constexpr int kLevels = 16; // bits per axis of the Morton codes
constexpr int kLanes = 8;

// Spreads the low 16 bits of v to the even bits of the result.
std::uint32_t spreadBits(std::uint32_t v)
{
    v &= 0xffff;
    v = (v | (v << 8)) & 0x00ff00ff;
    v = (v | (v << 4)) & 0x0f0f0f0f;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

// Sums of one group's points over an interaction list (lx, ly, weight lc; length a multiple
// of kLanes, padded with weight 0): out[3s..3s+2] = Σ c·q (with the point itself, q = 1),
// Σ c·q²·dx, Σ c·q²·dy. Lane-wise arithmetic (no fused multiply-add in either clone), so the
// AVX2 and the baseline builds give the same bits.
WB_SIMD_CLONES
void groupSums(const float *px, const float *py, std::size_t points, const float *lx, const float *ly,
               const float *lc, std::size_t length, double *out)
{
    for (std::size_t s = 0; s < points; ++s) {
        const Float8 xi = Float8{} + px[s], yi = Float8{} + py[s];
        Float8 z = {}, fx = {}, fy = {};
        for (std::size_t m = 0; m < length; m += kLanes) {
            Float8 x, y, c;
            std::memcpy(&x, lx + m, sizeof x);
            std::memcpy(&y, ly + m, sizeof y);
            std::memcpy(&c, lc + m, sizeof c);
            const Float8 dx = xi - x, dy = yi - y;
            const Float8 q = 1.0f / (1.0f + dx * dx + dy * dy);
            const Float8 cq = c * q, cq2 = cq * q;
            z += cq;
            fx += cq2 * dx;
            fy += cq2 * dy;
        }
        double zs = 0, xs = 0, ys = 0;
        for (int l = 0; l < kLanes; ++l) {
            zs += z[l];
            xs += fx[l];
            ys += fy[l];
        }
        out[3 * s] = zs;
        out[3 * s + 1] = xs;
        out[3 * s + 2] = ys;
    }
}

} // namespace

GroupedBarnesHut::GroupedBarnesHut(int groupSize, int leafSize) : m_groupSize(groupSize), m_leafSize(leafSize) {}

void GroupedBarnesHut::sortPoints(const double *y, std::size_t n)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        x0 = std::min(x0, y[2 * i]);
        x1 = std::max(x1, y[2 * i]);
        y0 = std::min(y0, y[2 * i + 1]);
        y1 = std::max(y1, y[2 * i + 1]);
    }
    const double side = std::max({x1 - x0, y1 - y0, 1e-30});
    const double scale = 65535.0 / side, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    m_code.resize(n);
    m_codeScratch.resize(n);
    m_order.resize(n);
    m_scratch.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto qx = std::uint32_t(std::min(65535.0, (y[2 * i] - x0) * scale));
        const auto qy = std::uint32_t(std::min(65535.0, (y[2 * i + 1] - y0) * scale));
        m_code[i] = spreadBits(qx) | (spreadBits(qy) << 1);
        m_order[i] = std::uint32_t(i);
    }
    // Stable LSD radix sort by code, 8 bits per pass.
    for (int shift = 0; shift < 32; shift += 8) {
        std::size_t count[257] = {};
        for (std::size_t i = 0; i < n; ++i)
            ++count[((m_code[i] >> shift) & 0xff) + 1];
        for (int b = 0; b < 256; ++b)
            count[b + 1] += count[b];
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t to = count[(m_code[i] >> shift) & 0xff]++;
            m_codeScratch[to] = m_code[i];
            m_scratch[to] = m_order[i];
        }
        m_code.swap(m_codeScratch);
        m_order.swap(m_scratch);
    }
    m_x.resize(n);
    m_y.resize(n);
    for (std::size_t s = 0; s < n; ++s) { // float, relative to the centre of the box
        m_x[s] = float(y[2 * std::size_t(m_order[s])] - cx);
        m_y[s] = float(y[2 * std::size_t(m_order[s]) + 1] - cy);
    }
}

int GroupedBarnesHut::build(std::uint32_t begin, std::uint32_t end, int level, bool inGroup)
{
    const int index = int(m_nodes.size());
    m_nodes.push_back({});
    double sx = 0, sy = 0;
    float x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::uint32_t s = begin; s < end; ++s) {
        sx += m_x[s];
        sy += m_y[s];
        x0 = std::min(x0, m_x[s]);
        x1 = std::max(x1, m_x[s]);
        y0 = std::min(y0, m_y[s]);
        y1 = std::max(y1, m_y[s]);
    }
    const std::uint32_t count = end - begin;
    const float side = std::max(x1 - x0, y1 - y0);
    m_nodes[std::size_t(index)] = {float(sx / count), float(sy / count), side * side, float(count), begin, end,
                                   {-1, -1, -1, -1}};
    const bool leaf = int(count) <= m_leafSize || level == kLevels;
    if (!inGroup && (int(count) <= m_groupSize || leaf)) {
        m_groups.push_back({begin, end, x0, y0, x1, y1});
        inGroup = true;
    }
    if (leaf)
        return index;
    const int shift = 2 * (kLevels - 1 - level);
    std::uint32_t s = begin;
    for (std::uint32_t quadrant = 0; quadrant < 4; ++quadrant) {
        const std::uint32_t from = s;
        while (s < end && ((m_code[s] >> shift) & 3) == quadrant)
            ++s;
        if (s > from) {
            const int child = build(from, s, level + 1, inGroup);
            m_nodes[std::size_t(index)].child[quadrant] = child;
        }
    }
    return index;
}

// The interaction list of a group: accepted cells as (centre of mass, count), the points of
// leaves that are not.
void GroupedBarnesHut::collect(const Group &g, float theta2, List &list) const
{
    list.x.clear();
    list.y.clear();
    list.weight.clear();
    list.stack.assign(1, 0);
    auto add = [&list](float x, float y, float weight) {
        list.x.push_back(x);
        list.y.push_back(y);
        list.weight.push_back(weight);
    };
    while (!list.stack.empty()) {
        const Node &nd = m_nodes[std::size_t(list.stack.back())];
        list.stack.pop_back();
        // A cell holding the group itself is always opened (its points interact exactly).
        if (!(nd.begin <= g.begin && g.end <= nd.end)) {
            const float dx = std::max({g.x0 - nd.cx, nd.cx - g.x1, 0.f});
            const float dy = std::max({g.y0 - nd.cy, nd.cy - g.y1, 0.f});
            if (nd.extent2 < theta2 * (dx * dx + dy * dy)) {
                add(nd.cx, nd.cy, nd.count);
                continue;
            }
        }
        bool leaf = true;
        for (int c = 3; c >= 0; --c)
            if (nd.child[c] >= 0) {
                list.stack.push_back(nd.child[c]);
                leaf = false;
            }
        if (leaf)
            for (std::uint32_t s = nd.begin; s < nd.end; ++s)
                add(m_x[s], m_y[s], 1.f);
    }
}

double GroupedBarnesHut::compute(const double *y, std::size_t n, double theta, double *rep, WorkerPool &pool)
{
    sortPoints(y, n);
    m_nodes.clear();
    m_groups.clear();
    build(0, std::uint32_t(n), 0, false);
    const float theta2 = float(theta * theta);
    m_sums.resize(3 * n); // kept between calls: a fresh 240 KB block per iteration is an mmap
    m_listLength.resize(m_groups.size());
    std::vector<double> &sums = m_sums;
    std::vector<std::size_t> &listLength = m_listLength;
    pool.forRange(m_groups.size(), 16, [&](std::size_t g0, std::size_t g1) {
        List list;
        for (std::size_t gi = g0; gi < g1; ++gi) {
            const Group &g = m_groups[gi];
            collect(g, theta2, list);
            listLength[gi] = list.x.size();
            while (list.x.size() % kLanes) {
                list.x.push_back(0.f);
                list.y.push_back(0.f);
                list.weight.push_back(0.f);
            }
            groupSums(&m_x[g.begin], &m_y[g.begin], g.end - g.begin, list.x.data(), list.y.data(),
                      list.weight.data(), list.x.size(), &sums[3 * std::size_t(g.begin)]);
        }
    });
    double z = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const std::size_t i = m_order[s];
        z += sums[3 * s] - 1.0; // less the point itself (q = 1)
        rep[2 * i] = sums[3 * s + 1];
        rep[2 * i + 1] = sums[3 * s + 2];
    }
    double total = 0;
    for (std::size_t l : listLength)
        total += double(l);
    m_meanList = m_groups.empty() ? 0 : total / double(m_groups.size());
    return z;
}

} // namespace wb::core::detail
