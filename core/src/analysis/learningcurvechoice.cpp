// Family choices (one family, auto, ensemble), the inverse of any fitted curve and the
// check that the families agree beyond the data.
#include "wb/learningcurve.h"

#include "analysis/curvesearch.h"
#include "wb/errors.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <cstdio>

namespace wb::core {

const std::vector<std::string> &curveChoices()
{
    static const std::vector<std::string> c = [] {
        std::vector<std::string> v = curveFamilies();
        v.push_back("auto");
        v.push_back("ensemble");
        v.push_back("calibrated");
        return v;
    }();
    return c;
}

namespace {

std::size_t parameterCount(const std::string &family)
{
    return family == "power4" || family == "mmf" ? 4 : 3;
}

CurveFit fitEnsemble(const std::vector<double> &n, const std::vector<double> &f, double floorMax)
{
    CurveFit e;
    e.family = "ensemble";
    for (const auto &name : curveFamilies())
        if (n.size() >= parameterCount(name))
            e.members.push_back(detail::fitFamily(name, n, f, nullptr, floorMax));
    if (e.members.empty())
        throw Error(ErrorCode::InvalidArgument,
                    "fit ensemble: needs at least 3 points, got " + std::to_string(n.size()));
    for (std::size_t i = 0; i < n.size(); ++i) {
        const double r = curveValue(e, n[i]) - f[i];
        e.sse += r * r;
    }
    e.scale = e.members.front().scale;
    return e;
}

} // namespace

CurveFit fitCurve(const std::string &family, const std::vector<double> &n,
                  const std::vector<double> &f, const std::vector<double> *start, double floorMax)
{
    if (family == "ensemble" || family == "calibrated")
        return fitEnsemble(n, f, floorMax);
    if (family == "auto")
        return detail::fitFamily(n.size() >= 6 ? bestExtrapolatingFamily(n, f, floorMax) : "power",
                                 n, f, nullptr, floorMax);
    return detail::fitFamily(family, n, f, start, floorMax);
}

CurveFit fitFromEnsemble(const CurveFit &ensemble, const std::string &choice,
                         const std::string &bestFamily, const std::vector<double> &n,
                         const std::vector<double> &f, double floorMax)
{
    if (choice == "ensemble" || choice == "calibrated")
        return ensemble;
    const std::string family = choice == "auto" ? bestFamily : choice;
    for (const auto &m : ensemble.members)
        if (m.family == family)
            return m;
    return detail::fitFamily(family, n, f, nullptr, floorMax);
}

double curveFloor(const CurveFit &fit)
{
    if (fit.family != "ensemble" && fit.family != "calibrated")
        return fit.params.at(2);
    std::vector<double> v;
    for (const auto &m : fit.members)
        v.push_back(curveFloor(m));
    if (v.empty())
        throw Error(ErrorCode::InvalidArgument, "ensemble curve without members");
    if (fit.family == "calibrated")
        return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    return detail::median(std::move(v));
}

std::optional<std::int64_t> samplesNeeded(const CurveFit &fit, double target)
{
    if (1.0 - curveValue(fit, 1) >= target) // met from the first sample on (a flat curve)
        return 1;
    if (fit.family == "power") {
        const double c = fit.params[0], m = fit.params[1], c0 = fit.params[2];
        const double gap = 1.0 - target - c0;
        if (!(c > 0 && m > 0) || !(gap > 0))
            return std::nullopt;
        const double n = std::ceil(std::pow(gap / c, -1.0 / m) - 1e-9);
        if (!std::isfinite(n) || n > 1e18)
            return std::nullopt;
        return std::max<std::int64_t>(1, std::int64_t(n));
    }
    // Every family falls by its bounds: bisect the first n with 1 − f(n) ≥ target.
    const double goal = 1.0 - target;
    const double hiLimit = 1e15;
    if (!(curveValue(fit, hiLimit) <= goal))
        return std::nullopt;
    double lo = 0, hi = std::log(hiLimit); // f(e^lo) > goal >= f(e^hi)
    for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
        const double mid = 0.5 * (lo + hi);
        (curveValue(fit, std::exp(mid)) <= goal ? hi : lo) = mid;
    }
    auto n = std::int64_t(std::ceil(std::exp(hi) - 1e-9));
    while (n > 1 && curveValue(fit, double(n - 1)) <= goal) // exact integer answer
        --n;
    while (curveValue(fit, double(n)) > goal)
        ++n;
    return n;
}

std::optional<CurveWarning> familyDisagreement(const std::vector<CurveFit> &fits, double at,
                                               bool accuracyLike)
{
    if (fits.size() < 2)
        return std::nullopt;
    double lo = 1e300, hi = -1e300;
    for (const auto &fit : fits) {
        const double v = projectMetric(fit, at, accuracyLike);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const double limit = accuracyLike ? 0.05 : 0.1 * std::max(std::abs(hi), 1e-12);
    if (!(hi - lo > limit))
        return std::nullopt;
    char text[200];
    std::snprintf(text, sizeof text,
                  "the curve families disagree at %.0f samples (%.4f to %.4f): the data do not "
                  "decide which shape the curve has beyond them",
                  at, lo, hi);
    return CurveWarning{"families_disagree", text};
}

} // namespace wb::core
