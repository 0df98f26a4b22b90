#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

/// Student's t distribution with `df` > 0 degrees of freedom: P(T ≤ t), from the regularised
/// incomplete beta function (continued fraction). Pure.
double studentTCdf(double t, double df);
/// The t with P(T ≤ t) = p, p in (0, 1) (bisection on studentTCdf to 1e-12).
double studentTQuantile(double p, double df);

/// A metric over repeats: mean, sample standard deviation and the t-based 95% confidence
/// interval of the mean (NaN values are left out; with one value std and interval are NaN,
/// with none everything is).
struct MetricSummary
{
    int n = 0;
    double mean = 0, std = 0, ciLow = 0, ciHigh = 0;
};
MetricSummary summarise(const std::vector<double> &values);

/// Two setups' values of one metric, B − A. The analysis follows the design: **paired** (the
/// default) when repeat i of both setups used the same seed — the noise they share cancels in
/// the differences, so the paired t-test on the differences decides — or **unpaired** (Welch's
/// t) when they did not. Both tests are computed; the other one is kept as a check.
struct Comparison
{
    int n = 0;                      ///< pairs with both values finite
    bool paired = true;             ///< the design: the verdict, interval and power are the paired test's
    double difference = 0;          ///< mean(B) − mean(A) (= the mean of the differences)
    double low = 0, high = 0;       ///< 95% CI of the difference by the design's test
    double pValue = 1;              ///< two-sided, by the design's test (NaN: no spread to test against)
    double pairedLow = 0, pairedHigh = 0; ///< 95% CI, paired t on the differences (NaN: no spread)
    double pairedPValue = 1;        ///< two-sided, paired t (NaN: every difference the same)
    double welchLow = 0, welchHigh = 0; ///< 95% CI, Welch's t
    double welchDf = 0;
    double welchPValue = 1;         ///< two-sided, Welch's t (NaN: no spread in either setup)
    double bootstrapLow = 0, bootstrapHigh = 0; ///< 95% CI, paired bootstrap (percentiles; NaN below 5 pairs or unpaired)
    /// The difference detected with 80% power at α 0.05 with n repeats each: paired,
    /// (t₀.₉₇₅ + t₀.₈)·σ_d/√n with σ_d the std of the differences (n − 1 df); unpaired, the
    /// two-sample formula with the pooled σ.
    double minDetectable = 0;
    double detect = 0;              ///< the difference runsNeeded is for
    /// Repeats per setup that detect `detect` with 80% power by the design's test (nullopt:
    /// more than 100,000 or `detect` is 0).
    std::optional<int> runsNeeded;
};
/// Compares a and b (equal length, position i of both the same repeat; NaN pairs left out).
/// `detect` ≤ 0: the observed difference's size. Bootstrap draws are seeded. Throws
/// InvalidArgument with fewer than 2 pairs.
Comparison compareRepeats(const std::vector<double> &a, const std::vector<double> &b, double detect = 0,
                          int resamples = 10000, std::uint64_t seed = 1, bool paired = true);

/// Two-sample power analysis (equal n, common std σ, two-sided α 0.05, power 0.8, t-based):
/// the smallest difference detected with `n` repeats each, and the repeats that detect `d`.
double minDetectableDifference(double sigma, int n);
std::optional<int> repeatsNeeded(double sigma, double d);
/// The same for the paired t-test: σ_d the std of the differences, n − 1 degrees of freedom.
double pairedMinDetectableDifference(double sigmaDiff, int n);
std::optional<int> pairedRepeatsNeeded(double sigmaDiff, double d);

/// "B is better by 0.6% ± 0.3%; the difference is real at 95% (paired t, p = 0.002; …)" or
/// "not distinguishable with 5 repeats (…); about 14 would be needed for 0.3%", by the design's
/// test, with the other test's p-value beside it as a check.
/// `percent`: the metric is a fraction shown in percent; `higherIsBetter`: accuracy-like.
std::string comparisonVerdict(const Comparison &c, const std::string &nameA, const std::string &nameB,
                              bool percent, bool higherIsBetter);

} // namespace wb::core
