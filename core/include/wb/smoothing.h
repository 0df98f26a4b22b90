#pragma once

#include <vector>

namespace wb::core {

/// Debiased exponentially weighted average: s_t = q·s_{t-1} + (1−q)·y_t over the finite
/// points, reported as s_t / (1 − q^n) with n the count of finite points so far. A NaN or
/// infinite y_t passes through as NaN without poisoning the average; a constant series
/// stays constant; q = 0 returns the input. q must be in [0, 1). Pure, thread-safe.
std::vector<double> debiasedEwa(const std::vector<double> &values, double q);

} // namespace wb::core
