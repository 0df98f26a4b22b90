// Warnings for learning-curve extrapolations: where a projection is not earned by the data.
#include "wb/learningcurve.h"

#include "analysis/curvesearch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wb::core {

namespace {

std::string count(double n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", n);
    return buf;
}

// Least-squares line f = α + β·ln n: its sum of squared residuals, and the slope β.
double logLinearSse(const std::vector<double> &n, const std::vector<double> &f, double *slopeOut = nullptr)
{
    const std::size_t m = n.size();
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < m; ++i) {
        mx += std::log(n[i]);
        my += f[i];
    }
    mx /= double(m);
    my /= double(m);
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < m; ++i) {
        sxx += (std::log(n[i]) - mx) * (std::log(n[i]) - mx);
        sxy += (std::log(n[i]) - mx) * (f[i] - my);
    }
    const double slope = sxx > 0 ? sxy / sxx : 0;
    if (slopeOut)
        *slopeOut = slope;
    double sse = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const double r = my + slope * (std::log(n[i]) - mx) - f[i];
        sse += r * r;
    }
    return sse;
}

} // namespace

std::vector<CurveWarning> curveWarnings(const CurveFit &fit, const std::vector<double> &n,
                                        const std::vector<double> &f, bool accuracyLike)
{
    std::vector<CurveWarning> out;
    if (n.empty())
        return out;
    const double largest = *std::max_element(n.begin(), n.end());
    const std::string limit = count(2 * largest);
    // A curve that a straight line in log n describes about as well has shown no sign of
    // levelling off: its floor, and everything beyond the data, is a guess.
    double slope = 0, constantSse = 0, mean = 0;
    const double lineSse = logLinearSse(n, f, &slope);
    for (double v : f)
        mean += v / double(f.size());
    for (double v : f)
        constantSse += (v - mean) * (v - mean);
    const bool flat = constantSse <= 1.5 * lineSse + 1e-12; // a constant fits as well as a line
    // Over the measured range the error grows with more data by more than the scatter.
    const double range = std::log(largest / *std::min_element(n.begin(), n.end()));
    const bool rises = slope * range > 0 && !flat
                       && slope * slope * range * range > 4 * lineSse / double(n.size());
    if (rises)
        out.push_back({"curve_rises", std::string("the ") + (accuracyLike ? "accuracy falls" : "loss rises")
                                          + " with more data over the measured sizes: there is no "
                                            "learning curve to project"});
    if (n.size() >= 3 && !flat && !rises && lineSse <= 1.5 * fit.sse + 1e-12)
        out.push_back({"not_leveling_off",
                       "the curve has not started to level off: projections beyond ~" + limit
                           + " samples (2x the largest measured size) are guesses"});
    // c0, or mmf's c: the level as n → ∞ (an ensemble's: its median member's).
    const double floor = curveFloor(fit);
    const double floorMax = floorMaxFor(accuracyLike);
    if (floor <= 1e-9 || (std::isfinite(floorMax) && floor >= floorMax - 1e-9))
        out.push_back({"floor_at_bound",
                       std::string("the fitted ") + (accuracyLike ? "asymptote" : "floor")
                           + " sits at its bound ("
                           + (accuracyLike ? (floor <= 1e-9 ? "100% accuracy" : "0% accuracy")
                                           : "loss 0")
                           + "): the data do not show where the curve levels off"});
    if (fit.family != "ensemble" && fit.family != "calibrated")
        if (const std::string p = detail::parameterAtSearchBound(fit); !p.empty())
            out.push_back({"exponent_at_bound", "the " + fit.family + " fit's parameter " + p
                                                    + " sits at the end of its range: the data "
                                                      "do not determine the curve's shape"});
    return out;
}

std::optional<CurveWarning> extrapolationWarning(const std::string &what, double at,
                                                 double largestMeasured)
{
    if (!(at > kSupportedExtrapolation * largestMeasured))
        return std::nullopt;
    return CurveWarning{"far_extrapolation",
                        what + " at " + count(at) + " samples is "
                            + count(at / largestMeasured) + "x the largest measured size ("
                            + count(largestMeasured) + "): beyond "
                            + count(kSupportedExtrapolation)
                            + "x a projection is a guess"};
}

} // namespace wb::core
