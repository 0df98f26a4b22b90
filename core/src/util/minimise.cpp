#include "util/minimise.h"
#include "util/vectorstate.h"

#include <algorithm>
#include <cmath>

namespace wb::core::detail {

double golden(const std::function<double(double)> &g, double a, double b)
{
    const double r = (std::sqrt(5.0) - 1) / 2;
    double c = b - r * (b - a), d = a + r * (b - a);
    double gc = g(c), gd = g(d);
    for (int it = 0; it < 200 && std::abs(b - a) > 1e-12 * (1 + std::abs(a)); ++it) {
        if (gc < gd) {
            b = d;
            d = c;
            gd = gc;
            c = b - r * (b - a);
            gc = g(c);
        } else {
            a = c;
            c = d;
            gc = gd;
            d = a + r * (b - a);
            gd = g(d);
        }
    }
    return gc < gd ? c : d;
}

std::array<double, 2> nelderMead(const std::function<double(const std::array<double, 2> &)> &g,
                                 std::array<double, 2> start, double step)
{
    std::array<std::array<double, 2>, 3> x = {start, start, start};
    x[1][0] += step;
    x[2][1] += step;
    std::array<double, 3> v = {g(x[0]), g(x[1]), g(x[2])};
    for (int it = 0; it < 4000; ++it) {
        std::array<int, 3> o = {0, 1, 2};
        std::sort(o.begin(), o.end(), [&](int a, int b) { return v[std::size_t(a)] < v[std::size_t(b)]; });
        const auto &best = x[std::size_t(o[0])];
        auto &worst = x[std::size_t(o[2])];
        const double spread = std::abs(v[std::size_t(o[2])] - v[std::size_t(o[0])]);
        const double size = std::max(std::abs(x[1][0] - x[0][0]) + std::abs(x[2][0] - x[0][0]),
                                     std::abs(x[1][1] - x[0][1]) + std::abs(x[2][1] - x[0][1]));
        if (spread <= 1e-16 * (1 + std::abs(v[std::size_t(o[0])])) && size < 1e-10)
            break;
        const std::array<double, 2> centroid = {(best[0] + x[std::size_t(o[1])][0]) / 2,
                                                (best[1] + x[std::size_t(o[1])][1]) / 2};
        auto along = [&](double t) {
            return std::array<double, 2>{centroid[0] + t * (worst[0] - centroid[0]),
                                         centroid[1] + t * (worst[1] - centroid[1])};
        };
        const auto xr = along(-1);
        const double vr = g(xr);
        if (vr < v[std::size_t(o[0])]) {
            const auto xe = along(-2);
            const double ve = g(xe);
            worst = ve < vr ? xe : xr;
            v[std::size_t(o[2])] = std::min(ve, vr);
        } else if (vr < v[std::size_t(o[1])]) {
            worst = xr;
            v[std::size_t(o[2])] = vr;
        } else {
            const auto xc = along(0.5);
            const double vc = g(xc);
            if (vc < v[std::size_t(o[2])]) {
                worst = xc;
                v[std::size_t(o[2])] = vc;
            } else { // shrink towards the best
                for (int k = 1; k < 3; ++k) {
                    auto &p = x[std::size_t(o[std::size_t(k)])];
                    p = {best[0] + 0.5 * (p[0] - best[0]), best[1] + 0.5 * (p[1] - best[1])};
                    v[std::size_t(o[std::size_t(k)])] = g(p);
                }
            }
        }
    }
    const auto it = std::min_element(v.begin(), v.end());
    return x[std::size_t(it - v.begin())];
}

namespace {

double dot(const std::vector<double> &a, const std::vector<double> &b)
{
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

} // namespace

std::vector<double> lbfgs(const ValueAndGradient &fg, std::vector<double> x, int maxSteps, double gradTolerance)
{
    clearUpperVectorState(); // the objective's exp/log would stall on a dirty AVX state (vectorstate.h)
    const std::size_t n = x.size(), memory = 8;
    std::vector<double> g(n), gNew(n), xNew(n), d(n);
    double f = fg(x, g);
    if (!std::isfinite(f))
        return x;
    std::vector<std::vector<double>> sHist, yHist;
    std::vector<double> rho;
    for (int step = 0; step < maxSteps; ++step) {
        double gMax = 0;
        for (double v : g)
            gMax = std::max(gMax, std::abs(v));
        if (!(gMax > gradTolerance))
            break;
        // Two-loop recursion: d = -H g.
        d = g;
        std::vector<double> alpha(sHist.size());
        for (std::size_t k = sHist.size(); k-- > 0;) {
            alpha[k] = rho[k] * dot(sHist[k], d);
            for (std::size_t i = 0; i < n; ++i)
                d[i] -= alpha[k] * yHist[k][i];
        }
        const double gamma = sHist.empty() ? 1.0 / std::max(gMax, 1.0)
                                           : dot(sHist.back(), yHist.back()) / dot(yHist.back(), yHist.back());
        for (double &v : d)
            v *= gamma;
        for (std::size_t k = 0; k < sHist.size(); ++k) {
            const double beta = rho[k] * dot(yHist[k], d);
            for (std::size_t i = 0; i < n; ++i)
                d[i] += sHist[k][i] * (alpha[k] - beta);
        }
        for (double &v : d)
            v = -v;
        double slope = dot(g, d);
        if (!(slope < 0)) { // not a descent direction: restart from steepest descent
            sHist.clear();
            yHist.clear();
            rho.clear();
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i] / std::max(gMax, 1.0);
            slope = dot(g, d);
        }
        double t = 1, fNew = 0;
        bool accepted = false;
        for (int tries = 0; tries < 60; ++tries, t *= 0.5) {
            for (std::size_t i = 0; i < n; ++i)
                xNew[i] = x[i] + t * d[i];
            fNew = fg(xNew, gNew);
            if (std::isfinite(fNew) && fNew <= f + 1e-4 * t * slope) {
                accepted = true;
                break;
            }
        }
        if (!accepted)
            break;
        std::vector<double> s(n), y(n);
        for (std::size_t i = 0; i < n; ++i) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        const double sy = dot(s, y);
        const bool stalled = f - fNew <= 1e-14 * std::max(1.0, std::abs(f));
        x = xNew;
        g = gNew;
        f = fNew;
        if (stalled)
            break;
        if (sy > 1e-300) {
            if (sHist.size() == memory) {
                sHist.erase(sHist.begin());
                yHist.erase(yHist.begin());
                rho.erase(rho.begin());
            }
            sHist.push_back(std::move(s));
            yHist.push_back(std::move(y));
            rho.push_back(1.0 / sy);
        }
    }
    return x;
}

} // namespace wb::core::detail
