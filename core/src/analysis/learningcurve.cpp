#include "wb/learningcurve.h"

#include "analysis/curvesearch.h"
#include "util/minimise.h"
#include "wb/errors.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>

namespace wb::core {

std::vector<std::int64_t> sufficiencySteps(std::int64_t L, int S)
{
    if (L < 1 || S < 1)
        throw Error(ErrorCode::InvalidArgument, "steps: need a train size >= 1 and substeps >= 1");
    if (S == 1)
        return {L};
    std::vector<std::int64_t> steps;
    const double lo = std::log(0.01 * double(L)), hi = std::log(double(L));
    for (int k = 0; k < S; ++k) {
        const double v = k == S - 1 ? double(L) : k == 0 ? 0.01 * double(L)
                                                         : std::exp(lo + (hi - lo) * k / (S - 1));
        // Nudge up by a relative 1e-12 so that values like 33.000000001 from exp/log do
        // not floor to 32 where numpy's geomspace yields 33.
        steps.push_back(std::max<std::int64_t>(1, std::int64_t(std::floor(v * (1 + 1e-12)))));
    }
    return steps;
}

const std::vector<std::string> &curveFamilies()
{
    static const std::vector<std::string> f = {"power", "power4", "exp", "mmf"};
    return f;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A family as separable least squares: nonlinear parameters θ (searched in transformed
// coordinates u) and two basis columns whose coefficients β are solved exactly.
struct Family
{
    int dims;                                     // nonlinear parameter count
    std::array<std::pair<double, double>, 2> box; // grid range of u per dimension
    // Basis columns at n (with ln n precomputed) for natural nonlinear parameters θ = exp(u).
    std::function<std::array<double, 2>(double n, double logn, const std::array<double, 2> &theta, double N)> basis;
    std::function<std::vector<double>(const std::array<double, 2> &u, const Eigen::Vector2d &beta)> params;
    std::function<std::array<double, 2>(const std::vector<double> &start)> toU; // natural → u
    // mmf: β = (a, c), the levels at n = 0 and n → ∞; otherwise β = (c, c0), amplitude and floor.
    bool levels = false;
};

// Bounds on β as half-planes g·β ≤ h (see fitCurve).
struct HalfPlane
{
    double g0, g1, h;
};

std::vector<HalfPlane> bounds(const Family &fam, double floorMax)
{
    std::vector<HalfPlane> out;
    if (fam.levels) {
        out.push_back({0, -1, 0});  // c ≥ 0
        out.push_back({-1, 1, 0});  // c ≤ a: the curve falls
        if (std::isfinite(floorMax)) {
            out.push_back({0, 1, floorMax});
            out.push_back({1, 0, floorMax});
        }
    } else {
        out.push_back({-1, 0, 0});  // c ≥ 0: the curve falls
        out.push_back({0, -1, 0});  // c0 ≥ 0
        if (std::isfinite(floorMax))
            out.push_back({0, 1, floorMax});
    }
    return out;
}

bool feasible(const std::vector<HalfPlane> &planes, const Eigen::Vector2d &b)
{
    return std::all_of(planes.begin(), planes.end(), [&](const HalfPlane &p) {
        return p.g0 * b[0] + p.g1 * b[1] <= p.h + 1e-12 * (1 + std::abs(p.h));
    });
}

const Family &family(const std::string &name)
{
    static const Family power{1, {{{std::log(1e-4), std::log(10.0)}, {0, 0}}},
                              [](double, double logn, const std::array<double, 2> &t, double) {
                                  return std::array<double, 2>{std::exp(-t[0] * logn), 1.0};
                              },
                              [](const std::array<double, 2> &u, const Eigen::Vector2d &b) {
                                  return std::vector<double>{b[0], std::exp(u[0]), b[1]};
                              },
                              [](const std::vector<double> &s) {
                                  return std::array<double, 2>{std::log(std::max(s.at(0), 1e-8)), 0};
                              }};
    static const Family power4{2, {{{std::log(1e-3), std::log(10.0)}, {std::log(1e-2), std::log(1e5)}}},
                               [](double n, double, const std::array<double, 2> &t, double) {
                                   return std::array<double, 2>{std::exp(-t[0] * std::log(n + t[1])), 1.0};
                               },
                               [](const std::array<double, 2> &u, const Eigen::Vector2d &b) {
                                   return std::vector<double>{b[0], std::exp(u[0]), b[1], std::exp(u[1])};
                               },
                               [](const std::vector<double> &s) {
                                   return std::array<double, 2>{std::log(std::max(s.at(0), 1e-8)),
                                                                std::log(std::max(s.at(1), 1e-8))};
                               }};
    static const Family exp{1, {{{std::log(1e-3), std::log(200.0)}, {0, 0}}},
                            [](double n, double, const std::array<double, 2> &t, double N) {
                                return std::array<double, 2>{std::exp(-t[0] * n / N), 1.0};
                            },
                            [](const std::array<double, 2> &u, const Eigen::Vector2d &b) {
                                return std::vector<double>{b[0], std::exp(u[0]), b[1]};
                            },
                            [](const std::vector<double> &s) {
                                return std::array<double, 2>{std::log(std::max(s.at(0), 1e-8)), 0};
                            }};
    static const Family mmf{2, {{{std::log(1e-4), std::log(1e10)}, {std::log(0.05), std::log(5.0)}}},
                            [](double, double logn, const std::array<double, 2> &t, double) {
                                const double b = t[0], nd = std::exp(t[1] * logn);
                                return std::array<double, 2>{b / (b + nd), nd / (b + nd)};
                            },
                            [](const std::array<double, 2> &u, const Eigen::Vector2d &beta) {
                                return std::vector<double>{beta[0], std::exp(u[0]), beta[1], std::exp(u[1])};
                            },
                            [](const std::vector<double> &s) {
                                return std::array<double, 2>{std::log(std::max(s.at(0), 1e-8)),
                                                             std::log(std::max(s.at(1), 1e-8))};
                            },
                            true};
    if (name == "power")
        return power;
    if (name == "power4")
        return power4;
    if (name == "exp")
        return exp;
    if (name == "mmf")
        return mmf;
    throw Error(ErrorCode::InvalidArgument,
                "unknown curve family '" + name + "' (expected power, power4, exp or mmf)");
}

struct Problem
{
    const Family &fam;
    const std::vector<double> &n;
    std::vector<double> f; // the values, times sw when weighted
    double N;
    std::vector<double> logn;
    std::vector<HalfPlane> planes;
    std::vector<double> sw; // square roots of the weights; empty = unweighted

    // Sum of squared residuals of β on the basis columns x, z.
    double residual(const double *x, const double *z, const Eigen::Vector2d &b) const
    {
        double s = 0;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const double r = b[0] * x[i] + b[1] * z[i] - f[i];
            s += r * r;
        }
        return s;
    }

    // Bounded linear least squares in two unknowns: a convex quadratic over a polygon takes
    // its minimum inside (the free optimum, already infeasible here), on an edge (the
    // minimum along that edge's line) or at a vertex. Every such candidate that is
    // feasible is scored; the best is exact.
    Eigen::Vector2d bounded(const double *x, const double *z) const
    {
        const std::size_t m = n.size();
        std::vector<Eigen::Vector2d> candidates;
        for (const HalfPlane &p : planes) {
            const double norm2 = p.g0 * p.g0 + p.g1 * p.g1;
            const Eigen::Vector2d base(p.h * p.g0 / norm2, p.h * p.g1 / norm2), dir(-p.g1, p.g0);
            double wu = 0, uu = 0;
            for (std::size_t i = 0; i < m; ++i) {
                const double u = dir[0] * x[i] + dir[1] * z[i];
                const double w = base[0] * x[i] + base[1] * z[i] - f[i];
                wu += w * u;
                uu += u * u;
            }
            candidates.push_back(base + (uu > 0 ? -wu / uu : 0.0) * dir);
        }
        for (std::size_t i = 0; i < planes.size(); ++i)
            for (std::size_t j = i + 1; j < planes.size(); ++j) {
                const HalfPlane &a = planes[i], &b = planes[j];
                const double det = a.g0 * b.g1 - a.g1 * b.g0;
                if (std::abs(det) > 1e-15)
                    candidates.emplace_back((a.h * b.g1 - a.g1 * b.h) / det,
                                            (a.g0 * b.h - a.h * b.g0) / det);
            }
        Eigen::Vector2d best(0, 0);
        double bestSse = kInf;
        for (const auto &c : candidates)
            if (feasible(planes, c))
                if (const double v = residual(x, z, c); v < bestSse) {
                    bestSse = v;
                    best = c;
                }
        return best;
    }

    // Exact linear solve for β at u; returns the SSE (∞ when not finite). The two-column
    // problem is solved in closed form — centred when the second column is the constant 1
    // (power, power4, exp), by Cramer's rule otherwise, with a QR fallback when singular.
    double sse(const std::array<double, 2> &u, Eigen::Vector2d *betaOut = nullptr) const
    {
        const std::size_t m = n.size();
        double x[64], z[64];
        std::vector<double> xs, zs;
        double *px = x, *pz = z;
        if (m > 64) {
            xs.resize(m);
            zs.resize(m);
            px = xs.data();
            pz = zs.data();
        }
        bool constantSecond = sw.empty();
        const std::array<double, 2> theta = {std::exp(u[0]), std::exp(u[1])};
        for (std::size_t i = 0; i < m; ++i) {
            const auto b = fam.basis(n[i], logn[i], theta, N);
            const double w = sw.empty() ? 1.0 : sw[i]; // weighted rows: √w times each column
            px[i] = w * b[0];
            pz[i] = w * b[1];
            constantSecond = constantSecond && b[1] == 1.0;
            if (!std::isfinite(b[0]) || !std::isfinite(b[1]))
                return kInf;
        }
        Eigen::Vector2d beta;
        if (constantSecond) {
            double mx = 0, my = 0;
            for (std::size_t i = 0; i < m; ++i) {
                mx += px[i];
                my += f[i];
            }
            mx /= double(m);
            my /= double(m);
            double sxx = 0, sxy = 0;
            for (std::size_t i = 0; i < m; ++i) {
                sxx += (px[i] - mx) * (px[i] - mx);
                sxy += (px[i] - mx) * (f[i] - my);
            }
            const double slope = sxx > 0 ? sxy / sxx : 0.0;
            beta = {slope, my - slope * mx};
        } else {
            double a = 0, b = 0, c = 0, p = 0, q = 0;
            for (std::size_t i = 0; i < m; ++i) {
                a += px[i] * px[i];
                b += px[i] * pz[i];
                c += pz[i] * pz[i];
                p += px[i] * f[i];
                q += pz[i] * f[i];
            }
            const double det = a * c - b * b;
            if (std::abs(det) > 1e-12 * a * c) {
                beta = {(c * p - b * q) / det, (a * q - b * p) / det};
            } else {
                Eigen::MatrixXd A(static_cast<Eigen::Index>(m), 2);
                Eigen::VectorXd y(static_cast<Eigen::Index>(m));
                for (std::size_t i = 0; i < m; ++i) {
                    A(Eigen::Index(i), 0) = px[i];
                    A(Eigen::Index(i), 1) = pz[i];
                    y[Eigen::Index(i)] = f[i];
                }
                beta = A.colPivHouseholderQr().solve(y);
            }
        }
        if (!beta.allFinite() || !feasible(planes, beta))
            beta = bounded(px, pz);
        const double s = residual(px, pz, beta);
        if (betaOut)
            *betaOut = beta;
        return std::isfinite(s) && beta.allFinite() ? s : kInf;
    }
};

} // namespace

double curveValue(const CurveFit &fit, double n)
{
    if (fit.family == "ensemble" || fit.family == "calibrated") {
        std::vector<double> v;
        for (const auto &m : fit.members)
            v.push_back(curveValue(m, n));
        if (v.empty())
            throw Error(ErrorCode::InvalidArgument, "ensemble curve without members");
        if (fit.family == "calibrated") // the mean of the families that fit the data
            return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
        return detail::median(std::move(v));
    }
    const auto &p = fit.params;
    if (fit.family == "power")
        return p[0] * std::pow(n, -p[1]) + p[2];
    if (fit.family == "power4")
        return p[0] * std::pow(n + p[3], -p[1]) + p[2];
    if (fit.family == "exp")
        return p[0] * std::exp(-p[1] * n / fit.scale) + p[2];
    if (fit.family == "mmf") {
        const double nd = std::pow(n, p[3]);
        return (p[0] * p[1] + p[2] * nd) / (p[1] + nd);
    }
    throw Error(ErrorCode::InvalidArgument, "unknown curve family '" + fit.family + "'");
}

double floorMaxFor(bool accuracyLike)
{
    return accuracyLike ? kAccuracyFloorMax : kInf;
}

CurveFit detail::fitFamily(const std::string &name, const std::vector<double> &n,
                           const std::vector<double> &f, const std::vector<double> *start,
                           double floorMax, const std::vector<double> *weights, bool coarse)
{
    const Family &fam = family(name);
    const std::size_t nParams = std::size_t(fam.dims) + 2;
    if (n.size() != f.size() || n.size() < nParams)
        throw Error(ErrorCode::InvalidArgument,
                    "fit " + name + ": needs at least " + std::to_string(nParams)
                        + " points with matching sizes, got " + std::to_string(n.size()));
    for (std::size_t i = 0; i < n.size(); ++i)
        if (!(n[i] > 0) || !std::isfinite(f[i]))
            throw Error(ErrorCode::InvalidArgument, "fit " + name + ": sizes must be > 0 and values finite");
    if (!(floorMax > 0))
        throw Error(ErrorCode::InvalidArgument, "fit " + name + ": the floor bound must be > 0");
    Problem prob{fam, n, f, *std::max_element(n.begin(), n.end()), {}, bounds(fam, floorMax), {}};
    for (double v : n)
        prob.logn.push_back(std::log(v));
    if (weights) {
        if (weights->size() != n.size())
            throw Error(ErrorCode::InvalidArgument, "fit " + name + ": one weight per point is needed");
        for (std::size_t i = 0; i < n.size(); ++i) {
            if (!((*weights)[i] > 0) || !std::isfinite((*weights)[i]))
                throw Error(ErrorCode::InvalidArgument, "fit " + name + ": weights must be finite and > 0");
            prob.sw.push_back(std::sqrt((*weights)[i]));
            prob.f[i] *= prob.sw[i];
        }
    }
    // The local search stays inside the grid's box (half a cell beyond it at most): outside
    // it a parameter overflowed to 1.8e308 on a flat curve and every projection became NaN.
    auto g = [&](const std::array<double, 2> &u) {
        for (int d = 0; d < fam.dims; ++d) {
            const double slack = 0.01 * (fam.box[std::size_t(d)].second - fam.box[std::size_t(d)].first);
            if (!(u[std::size_t(d)] >= fam.box[std::size_t(d)].first - slack
                  && u[std::size_t(d)] <= fam.box[std::size_t(d)].second + slack))
                return kInf;
        }
        return prob.sse(u);
    };

    // Global phase: a dense grid over the transformed nonlinear parameters.
    const int per = fam.dims == 1 ? (coarse ? 80 : 240) : (coarse ? 24 : 60);
    std::vector<std::pair<double, std::array<double, 2>>> cells;
    for (int i = 0; i < per; ++i)
        for (int j = 0; j < (fam.dims == 2 ? per : 1); ++j) {
            std::array<double, 2> u = {fam.box[0].first + (fam.box[0].second - fam.box[0].first) * i / (per - 1),
                                       fam.dims == 2 ? fam.box[1].first + (fam.box[1].second - fam.box[1].first) * j / (per - 1) : 0.0};
            cells.push_back({g(u), u});
        }
    std::sort(cells.begin(), cells.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::array<double, 2>> starts;
    // The best cells that are not neighbours of a better one: distinct basins.
    const double h0 = (fam.box[0].second - fam.box[0].first) / (per - 1);
    const double h1b = fam.dims == 2 ? (fam.box[1].second - fam.box[1].first) / (per - 1) : 1.0;
    for (const auto &cell : cells) {
        if (!std::isfinite(cell.first) || starts.size() >= 3)
            break;
        const bool near = std::any_of(starts.begin(), starts.end(), [&](const auto &s) {
            return std::abs(s[0] - cell.second[0]) <= 1.5 * h0 && std::abs(s[1] - cell.second[1]) <= 1.5 * h1b;
        });
        if (!near)
            starts.push_back(cell.second);
    }
    if (start)
        starts.push_back(fam.toU(*start));

    // Local phase from the best cells (multi-start).
    if (starts.empty()) // every grid cell overflowed: values far beyond any metric's range
        throw Error(ErrorCode::InvalidArgument,
                    "fit " + name + ": no finite fit to these values (are they on the metric's scale?)");
    std::array<double, 2> bestU = starts.front();
    double bestSse = g(bestU);
    const double h1 = (fam.box[0].second - fam.box[0].first) / (per - 1);
    for (const auto &s : starts) {
        std::array<double, 2> u = s;
        if (fam.dims == 1) {
            u[0] = detail::golden([&](double x) { return g({x, 0.0}); }, s[0] - 2 * h1, s[0] + 2 * h1);
        } else {
            u = detail::nelderMead(g, s, h1);
        }
        const double v = g(u);
        if (v < bestSse) {
            bestSse = v;
            bestU = u;
        }
    }
    Eigen::Vector2d beta;
    CurveFit fit;
    fit.family = name;
    fit.scale = prob.N;
    fit.sse = prob.sse(bestU, &beta);
    fit.params = fam.params(bestU, beta);
    if (weights) { // reported unweighted
        fit.sse = 0;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const double r = curveValue(fit, n[i]) - f[i];
            fit.sse += r * r;
        }
    }
    return fit;
}

double projectMetric(const CurveFit &fit, double n, bool accuracyLike)
{
    const double v = curveValue(fit, n);
    return accuracyLike ? std::clamp(1.0 - v, 0.0, 1.0) : std::max(v, 0.0);
}

double extrapolationError(const std::string &name, const std::vector<double> &n, const std::vector<double> &f,
                          double floorMax)
{
    const std::size_t S = n.size();
    const std::size_t nParams = std::size_t(family(name).dims) + 2;
    double total = 0;
    int count = 0;
    for (std::size_t k = std::max((S + 1) / 2, nParams + 1); k < S; ++k) {
        const std::vector<double> nk(n.begin(), n.begin() + long(k)), fk(f.begin(), f.begin() + long(k));
        const CurveFit fit = detail::fitFamily(name, nk, fk, nullptr, floorMax);
        double err = 0;
        for (std::size_t i = k; i < S; ++i)
            err += std::abs(curveValue(fit, n[i]) - f[i]);
        total += err / double(S - k);
        ++count;
    }
    return count ? total / count : kInf;
}

std::string bestExtrapolatingFamily(const std::vector<double> &n, const std::vector<double> &f,
                                    double floorMax)
{
    std::string best = "power";
    double bestErr = kInf;
    for (const auto &name : curveFamilies()) {
        double e = kInf;
        try {
            e = extrapolationError(name, n, f, floorMax);
        } catch (const Error &) {
            continue; // too few points for this family
        }
        if (e < bestErr) {
            bestErr = e;
            best = name;
        }
    }
    return best;
}

double detail::median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t k = v.size();
    return k % 2 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
}

std::string detail::parameterAtSearchBound(const CurveFit &fit)
{
    const Family &fam = family(fit.family);
    // The nonlinear parameters in params, in the order of the search dimensions.
    static const std::map<std::string, std::vector<std::pair<std::size_t, std::string>>> where = {
        {"power", {{1, "m"}}}, {"exp", {{1, "m"}}}, {"power4", {{1, "m"}, {3, "b"}}},
        {"mmf", {{1, "b"}, {3, "d"}}}};
    const auto &dims = where.at(fit.family);
    for (std::size_t d = 0; d < dims.size(); ++d) {
        const double u = std::log(std::max(fit.params.at(dims[d].first), 1e-300));
        const auto [lo, hi] = fam.box[d];
        const double margin = 0.02 * (hi - lo);
        if (u <= lo + margin || u >= hi - margin)
            return dims[d].second;
    }
    return "";
}

} // namespace wb::core
