// Statistics of repeated trainings: t intervals, Welch and paired tests, a paired bootstrap,
// power analysis and the verdict sentence of a comparison.
#include "wb/repeatstats.h"

#include "util/random.h"
#include "wb/errors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace wb::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the regularised incomplete beta function (modified Lentz).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    if (std::abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 1000; ++m) {
        const double m2 = 2.0 * m;
        double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        for (int half = 0; half < 2; ++half) {
            d = 1 + num * d;
            if (std::abs(d) < tiny)
                d = tiny;
            c = 1 + num / c;
            if (std::abs(c) < tiny)
                c = tiny;
            d = 1 / d;
            const double step = d * c;
            h *= step;
            if (half == 1 && std::abs(step - 1) < 1e-15)
                return h;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        }
    }
    return h;
}

// I_x(a, b).
double regularisedBeta(double x, double a, double b)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const double front =
        std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

// Quantile (type 7, linear interpolation) of sorted values.
double sortedQuantile(const std::vector<double> &sorted, double q)
{
    const double pos = q * double(sorted.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(sorted.size() - 1, lo + 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

// Two-sided p-value of t with df degrees of freedom.
double twoSidedP(double t, double df)
{
    if (std::isnan(t))
        return 1;
    if (std::isinf(t))
        return 0;
    return std::min(1.0, 2 * studentTCdf(-std::abs(t), df));
}

// A difference as the verdict writes it: in percent points for fractions (two significant
// digits below 10%, whole points above), else three significant digits.
std::string number(double v, bool percent)
{
    char text[64];
    if (percent && std::abs(100 * v) >= 10)
        std::snprintf(text, sizeof text, "%.0f%%", 100 * v);
    else if (percent)
        std::snprintf(text, sizeof text, "%.2g%%", 100 * v);
    else
        std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

/// The fewest repeats (2 … 100,000) whose minimum detectable difference `mdd(n)` is at most
/// |d|, searched up from the normal approximation factor·(zσ/d)² (the t-based value is at least
/// it); nullopt beyond 100,000 or for d = 0.
template <typename Mdd>
std::optional<int> smallestRepeats(double sigma, double d, double factor, Mdd mdd)
{
    d = std::abs(d);
    if (!(d > 0) || !std::isfinite(sigma))
        return std::nullopt;
    if (sigma <= 0)
        return 2;
    const double z = 1.959963984540054 + 0.8416212335729143;
    const double approx = factor * (z * sigma / d) * (z * sigma / d);
    if (approx > 100000)
        return std::nullopt;
    for (int n = std::max(2, int(std::floor(approx)) - 1); n <= 100000; ++n)
        if (mdd(n) <= d)
            return n;
    return std::nullopt;
}

} // namespace

double studentTCdf(double t, double df)
{
    if (!(df > 0))
        throw Error(ErrorCode::InvalidArgument, "t distribution: degrees of freedom must be positive");
    if (std::isnan(t))
        return kNaN;
    if (std::isinf(t))
        return t > 0 ? 1 : 0;
    const double tail = 0.5 * regularisedBeta(df / (df + t * t), df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
}

double studentTQuantile(double p, double df)
{
    if (!(p > 0 && p < 1))
        throw Error(ErrorCode::InvalidArgument, "t quantile: p must be in (0, 1)");
    double lo = -1, hi = 1;
    while (studentTCdf(lo, df) > p)
        lo *= 2;
    while (studentTCdf(hi, df) < p)
        hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * std::max(1.0, std::abs(lo)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (studentTCdf(mid, df) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

MetricSummary summarise(const std::vector<double> &values)
{
    MetricSummary s;
    double sum = 0;
    for (double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++s.n;
        }
    if (s.n == 0)
        return {0, kNaN, kNaN, kNaN, kNaN};
    s.mean = sum / s.n;
    double ss = 0;
    for (double v : values)
        if (std::isfinite(v))
            ss += (v - s.mean) * (v - s.mean);
    if (s.n == 1) { // one value has no spread to measure
        s.std = s.ciLow = s.ciHigh = kNaN;
        return s;
    }
    s.std = std::sqrt(ss / (s.n - 1));
    const double half = studentTQuantile(0.975, s.n - 1) * s.std / std::sqrt(double(s.n));
    s.ciLow = s.mean - half;
    s.ciHigh = s.mean + half;
    return s;
}

double minDetectableDifference(double sigma, int n)
{
    if (n < 2 || !std::isfinite(sigma))
        return kNaN;
    const double df = 2.0 * n - 2;
    return (studentTQuantile(0.975, df) + studentTQuantile(0.8, df)) * sigma * std::sqrt(2.0 / n);
}

std::optional<int> repeatsNeeded(double sigma, double d)
{
    return smallestRepeats(sigma, d, 2.0, [sigma](int n) { return minDetectableDifference(sigma, n); });
}

double pairedMinDetectableDifference(double sigmaDiff, int n)
{
    if (n < 2 || !std::isfinite(sigmaDiff))
        return kNaN;
    const double df = n - 1.0;
    return (studentTQuantile(0.975, df) + studentTQuantile(0.8, df)) * sigmaDiff / std::sqrt(double(n));
}

std::optional<int> pairedRepeatsNeeded(double sigmaDiff, double d)
{
    return smallestRepeats(sigmaDiff, d, 1.0, [sigmaDiff](int n) { return pairedMinDetectableDifference(sigmaDiff, n); });
}

Comparison compareRepeats(const std::vector<double> &a, const std::vector<double> &b, double detect, int resamples,
                          std::uint64_t seed, bool paired)
{
    if (a.size() != b.size())
        throw Error(ErrorCode::InvalidArgument, "compare: the setups have different numbers of repeats");
    std::vector<double> xa, xb, diff;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::isfinite(a[i]) && std::isfinite(b[i])) {
            xa.push_back(a[i]);
            xb.push_back(b[i]);
            diff.push_back(b[i] - a[i]);
        }
    if (diff.size() < 2)
        throw Error(ErrorCode::InvalidArgument, "compare: fewer than 2 repeats where both setups have a value");
    Comparison c;
    c.n = int(diff.size());
    c.paired = paired;
    const MetricSummary sa = summarise(xa), sb = summarise(xb), sd = summarise(diff);
    c.difference = sb.mean - sa.mean;

    const double va = sa.std * sa.std / c.n, vb = sb.std * sb.std / c.n;
    const double se = std::sqrt(va + vb);
    if (se > 0) {
        c.welchDf = (va + vb) * (va + vb) / (va * va / (c.n - 1) + vb * vb / (c.n - 1));
        const double half = studentTQuantile(0.975, c.welchDf) * se;
        c.welchLow = c.difference - half;
        c.welchHigh = c.difference + half;
        c.welchPValue = twoSidedP(c.difference / se, c.welchDf);
    } else { // every repeat of both setups gave the same value: no noise to test against
        c.welchDf = kNaN;
        c.welchLow = c.welchHigh = kNaN;
        c.welchPValue = kNaN;
    }
    // Differences equal up to rounding (0.6 − 0.5 and 0.7 − 0.6) are no spread either.
    const double seDiff = sd.std / std::sqrt(double(c.n));
    if (sd.std > 1e-12 * std::max(1.0, std::abs(sd.mean))) {
        const double half = studentTQuantile(0.975, c.n - 1) * seDiff;
        c.pairedLow = sd.mean - half;
        c.pairedHigh = sd.mean + half;
        c.pairedPValue = twoSidedP(sd.mean / seDiff, c.n - 1);
    } else { // every repeat gave the same difference
        c.pairedLow = c.pairedHigh = c.pairedPValue = kNaN;
    }
    c.low = paired ? c.pairedLow : c.welchLow;
    c.high = paired ? c.pairedHigh : c.welchHigh;
    c.pValue = paired ? c.pairedPValue : c.welchPValue;

    // The paired bootstrap (paired designs only): with fewer than 5 pairs its resamples take
    // too few distinct values to give an interval.
    c.bootstrapLow = c.bootstrapHigh = kNaN;
    if (paired && c.n >= 5) {
        std::mt19937_64 rng(seed);
        std::vector<double> means(std::size_t(std::max(1, resamples)));
        for (double &m : means) {
            double sum = 0;
            for (int i = 0; i < c.n; ++i)
                sum += diff[detail::below(rng, std::uint64_t(c.n))];
            m = sum / c.n;
        }
        std::sort(means.begin(), means.end());
        c.bootstrapLow = sortedQuantile(means, 0.025);
        c.bootstrapHigh = sortedQuantile(means, 0.975);
    }

    c.detect = detect > 0 ? detect : std::abs(c.difference);
    const double sigma = paired ? (std::isnan(c.pairedPValue) ? 0.0 : sd.std) : std::sqrt(0.5 * (sa.std * sa.std + sb.std * sb.std));
    if (sigma > 0) {
        c.minDetectable = paired ? pairedMinDetectableDifference(sigma, c.n) : minDetectableDifference(sigma, c.n);
        c.runsNeeded = paired ? pairedRepeatsNeeded(sigma, c.detect) : repeatsNeeded(sigma, c.detect);
    } else {
        c.minDetectable = kNaN; // no noise measured: nothing to say about power
    }
    return c;
}

std::string comparisonVerdict(const Comparison &c, const std::string &nameA, const std::string &nameB, bool percent,
                              bool higherIsBetter)
{
    if (std::isnan(c.pValue)) {
        if (c.paired && std::isfinite(c.welchPValue) && c.difference != 0) // the same difference in every repeat
            return nameB + " − " + nameA + " is " + number(c.difference, percent) + " in every one of the " + std::to_string(c.n)
                   + " repeats, with no spread to test it against; measure on more images to put an interval on it";
        return nameA + " and " + nameB + ": every repeat gave the same value (difference " + number(c.difference, percent)
               + "), so the repeats cannot tell a difference from noise; measure on more images";
    }
    // The design's test decides; the other one is named beside it as a check.
    const auto pText = [](const char *test, double p) {
        char text[64];
        if (!std::isfinite(p))
            std::snprintf(text, sizeof text, "%s: no spread", test);
        else if (p < 0.001)
            std::snprintf(text, sizeof text, "%s, p < 0.001", test);
        else
            std::snprintf(text, sizeof text, "%s, p = %.2g", test, p);
        return std::string(text);
    };
    const std::string p = c.paired ? pText("paired t", c.pValue) + " over the shared seeds; check: " + pText("Welch's t", c.welchPValue)
                                   : pText("Welch's t", c.pValue) + "; the seeds differ, so no paired test";
    const double half = 0.5 * (c.high - c.low);
    if (c.pValue < 0.05) {
        const bool bBetter = higherIsBetter ? c.difference > 0 : c.difference < 0;
        const std::string &winner = bBetter ? nameB : nameA;
        return winner + " is better by " + number(std::abs(c.difference), percent) + " ± " + number(half, percent)
               + "; the difference is real at 95% (" + p + ", " + std::to_string(c.n) + " repeats each)";
    }
    std::string s = nameA + " and " + nameB + " are not distinguishable with " + std::to_string(c.n) + " repeats ("
                    + p + "; difference " + number(c.difference, percent) + " ± " + number(half, percent) + ")";
    if (c.detect > 0) {
        if (c.runsNeeded)
            s += "; about " + std::to_string(*c.runsNeeded) + " repeats would be needed for " + number(c.detect, percent);
        else
            s += "; more than 100,000 repeats would be needed for " + number(c.detect, percent);
    }
    return s;
}

} // namespace wb::core
