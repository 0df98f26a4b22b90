// Bootstrap bands of the learning-curve fits: resampled runs, percentile bands calibrated
// for a mean of R runs, and the bands of projections and of the samples needed.
#include "wb/learningcurve.h"

#include "util/random.h"
#include "wb/errors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace wb::core {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

namespace {
double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double pos = p * double(v.size() - 1);
    const auto i = std::size_t(pos);
    if (i + 1 >= v.size())
        return v.back();
    if (std::isinf(v[i]) || std::isinf(v[i + 1]))
        return v[pos - double(i) < 0.5 ? i : i + 1];
    return v[i] + (pos - double(i)) * (v[i + 1] - v[i]);
}

// Student-t quantile by the Cornish–Fisher expansion around the normal quantile z.
double tQuantile(double z, double dof)
{
    const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
    return z + (z3 + z) / (4 * dof) + (5 * z5 + 16 * z3 + 3 * z) / (96 * dof * dof)
           + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * dof * dof * dof);
}

// A percentile band of `v` widened around its median for a mean of R runs: the resampled
// means spread by a factor sqrt((R−1)/R) too little, and with R runs the variance is itself
// estimated, so the normal multiplier z becomes Student's t with R−1 degrees of freedom.
// Infinite draws (unreachable targets) are kept as they are.
std::pair<double, double> band(const std::vector<double> &v, double coverage, std::size_t runs)
{
    const double tail = (1 - coverage) / 2;
    const double lo = percentile(v, tail), hi = percentile(v, 1 - tail), mid = percentile(v, 0.5);
    if (runs < 2 || !std::isfinite(mid))
        return {lo, hi};
    const double z = coverage > 0.9 ? 1.959963985 : 1.281551566; // 95% and 80% two-sided
    const double k = std::sqrt(double(runs) / double(runs - 1)) * tQuantile(z, double(runs - 1)) / z;
    return {std::isfinite(lo) ? mid - k * (mid - lo) : lo, std::isfinite(hi) ? mid + k * (hi - mid) : hi};
}
// What a band is taken over: each draw's fit — or, for an ensemble, each of its members.
// The pooled members carry the uncertainty of the curve's shape as well as the run-to-run
// noise; the median alone carried only the noise (on real curves its 95% band held the
// measured accuracy at 4x the data in 56% of cases; README).
const std::vector<CurveFit> &bandMembers(const CurveFit &fit)
{
    static thread_local std::vector<CurveFit> one(1);
    if ((fit.family == "ensemble" || fit.family == "calibrated") && !fit.members.empty())
        return fit.members;
    one[0] = fit;
    return one;
}

std::vector<double> bandValues(const std::vector<CurveFit> &fits, double n, bool accuracyLike)
{
    std::vector<double> values;
    for (const auto &fit : fits)
        for (const CurveFit &one : bandMembers(fit))
            values.push_back(projectMetric(one, n, accuracyLike));
    return values;
}

// The widened band of an accuracy-like metric stays a probability.
std::pair<double, double> clipped(std::pair<double, double> b, bool accuracyLike)
{
    if (accuracyLike)
        b = {std::clamp(b.first, 0.0, 1.0), std::clamp(b.second, 0.0, 1.0)};
    return b;
}
} // namespace

std::vector<CurveFit> bootstrapFits(const std::vector<double> &steps,
                                    const std::vector<std::vector<double>> &perRun, bool accuracyLike,
                                    int resamples, std::uint64_t seed, const std::string &choice)
{
    if (perRun.empty() || resamples < 1)
        throw Error(ErrorCode::InvalidArgument, "bootstrap: needs runs and at least one resample");
    std::mt19937_64 rng(detail::mixSeed(seed, 31));
    const std::size_t R = perRun.size(), S = steps.size();
    const double floorMax = floorMaxFor(accuracyLike);
    std::string family = choice;
    if (family == "auto") { // chosen once, on the mean of all runs
        std::vector<double> f(S, 0.0);
        for (const auto &run : perRun)
            for (std::size_t k = 0; k < S; ++k)
                f[k] += (accuracyLike ? 1.0 - run.at(k) : run.at(k)) / double(R);
        family = fitCurve("auto", steps, f, nullptr, floorMax).family;
    }
    std::vector<CurveFit> fits;
    for (int b = 0; b < resamples; ++b) {
        std::vector<double> mean(S, 0.0);
        for (std::size_t r = 0; r < R; ++r) {
            const auto &run = perRun[std::size_t(detail::below(rng, R))];
            for (std::size_t k = 0; k < S; ++k)
                mean[k] += run.at(k) / double(R);
        }
        std::vector<double> f(S);
        for (std::size_t k = 0; k < S; ++k)
            f[k] = accuracyLike ? 1.0 - mean[k] : mean[k];
        fits.push_back(fitCurve(family, steps, f, nullptr, floorMax));
    }
    return fits;
}

std::pair<double, double> neededBand(const std::vector<CurveFit> &fits, double target, std::size_t runs,
                                     double coverage)
{
    // The first n (bisection in log n) at which the chosen edge of the band reaches the target.
    auto firstReaching = [&](bool upperEdge) {
        auto edge = [&](double n) {
            const auto b = projectionBand(fits, n, true, runs, coverage);
            return upperEdge ? b.second : b.first;
        };
        double lo = 0, hi = std::log(1e15);
        if (edge(1) >= target)
            return 1.0;
        if (!(edge(std::exp(hi)) >= target))
            return kInf;
        for (int i = 0; i < 60 && hi - lo > 1e-9; ++i) {
            const double mid = 0.5 * (lo + hi);
            (edge(std::exp(mid)) >= target ? hi : lo) = mid;
        }
        return std::ceil(std::exp(hi) - 1e-9);
    };
    return {std::max(1.0, firstReaching(true)), firstReaching(false)};
}

std::pair<double, double> projectionBand(const std::vector<CurveFit> &fits, double n, bool accuracyLike,
                                         std::size_t runs, double coverage)
{
    return clipped(band(bandValues(fits, n, accuracyLike), coverage, runs), accuracyLike);
}

BootstrapResult bootstrapPowerLaw(const std::vector<double> &steps,
                                  const std::vector<std::vector<double>> &perRun, bool accuracyLike,
                                  const std::vector<double> &at, const std::vector<double> &targets,
                                  int resamples, std::uint64_t seed, const std::string &family)
{
    return bootstrapBands(bootstrapFits(steps, perRun, accuracyLike, resamples, seed, family),
                          perRun.size(), accuracyLike, at, targets);
}

BootstrapResult bootstrapBands(const std::vector<CurveFit> &fits, std::size_t R, bool accuracyLike,
                               const std::vector<double> &at, const std::vector<double> &targets)
{
    BootstrapResult out;
    for (double n : at) {
        const std::vector<double> values = bandValues(fits, n, accuracyLike);
        const auto b80 = clipped(band(values, 0.80, R), accuracyLike);
        const auto b95 = clipped(band(values, 0.95, R), accuracyLike);
        out.curve.lo80.push_back(b80.first);
        out.curve.hi80.push_back(b80.second);
        out.curve.lo95.push_back(b95.first);
        out.curve.hi95.push_back(b95.second);
    }
    for (double t : targets) {
        if (!accuracyLike) {
            for (auto *v : {&out.neededLo80, &out.neededHi80, &out.neededLo95, &out.neededHi95})
                v->push_back(kInf);
            continue;
        }
        const auto b80 = neededBand(fits, t, R, 0.80), b95 = neededBand(fits, t, R, 0.95);
        out.neededLo80.push_back(b80.first);
        out.neededHi80.push_back(b80.second);
        out.neededLo95.push_back(b95.first);
        out.neededHi95.push_back(b95.second);
    }
    return out;
}

} // namespace wb::core
