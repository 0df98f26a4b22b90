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

/// Two setups' values of one metric, paired by position (the same seed at index i). B − A.
struct Comparison
{
    int n = 0;                      ///< pairs with both values finite
    double difference = 0;          ///< mean(B) − mean(A)
    double welchLow = 0, welchHigh = 0; ///< 95% CI of the difference (Welch's t)
    double welchDf = 0;
    double pValue = 1;              ///< two-sided, Welch's t (NaN: no spread in either setup)
    double pairedPValue = 1;        ///< two-sided, paired t on the differences (NaN: no spread)
    double bootstrapLow = 0, bootstrapHigh = 0; ///< 95% CI, paired bootstrap (percentiles; NaN below 5 pairs)
    double minDetectable = 0;       ///< difference detected with 80% power at α 0.05 with n repeats each
    double detect = 0;              ///< the difference runsNeeded is for
    /// Repeats per setup that detect `detect` with 80% power (nullopt: more than 100,000 or
    /// `detect` is 0).
    std::optional<int> runsNeeded;
};
/// Compares a and b (equal length; NaN pairs left out). `detect` ≤ 0: the observed
/// difference's size. Bootstrap draws are seeded. Throws InvalidArgument with fewer than 2 pairs.
Comparison compareRepeats(const std::vector<double> &a, const std::vector<double> &b, double detect = 0,
                          int resamples = 10000, std::uint64_t seed = 1);

/// Two-sample power analysis (equal n, common std σ, two-sided α 0.05, power 0.8, t-based):
/// the smallest difference detected with `n` repeats each, and the repeats that detect `d`.
double minDetectableDifference(double sigma, int n);
std::optional<int> repeatsNeeded(double sigma, double d);

/// "B is better by 0.6% ± 0.3%; the difference is real at 95% (p = 0.002)" or "not
/// distinguishable with 5 repeats (p = 0.31); about 14 would be needed for 0.3%".
/// `percent`: the metric is a fraction shown in percent; `higherIsBetter`: accuracy-like.
std::string comparisonVerdict(const Comparison &c, const std::string &nameA, const std::string &nameB,
                              bool percent, bool higherIsBetter);

} // namespace wb::core
