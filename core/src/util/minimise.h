#pragma once

#include <array>
#include <functional>
#include <vector>

namespace wb::core::detail {

/// Golden-section search for the minimum of a 1-D function on [a, b] (relative tolerance
/// 1e-12, at most 200 steps).
double golden(const std::function<double(double)> &g, double a, double b);

/// Nelder–Mead minimisation in 2-D from `start` with initial simplex step `step` (at most
/// 4000 steps; stops when values and simplex have collapsed).
std::array<double, 2> nelderMead(const std::function<double(const std::array<double, 2> &)> &g,
                                 std::array<double, 2> start, double step);

/// A function value with its gradient written to `grad` (same size as x).
using ValueAndGradient = std::function<double(const std::vector<double> &x, std::vector<double> &grad)>;

/// L-BFGS (the last 8 curvature pairs) with a backtracking Armijo line search, from `x`.
/// Stops after `maxSteps` steps, when the gradient's largest component is below
/// `gradTolerance`, or when a step no longer lowers the value by a relative 1e-14. Returns the
/// best point seen (never worse than `x`); non-finite values count as worse than any other.
std::vector<double> lbfgs(const ValueAndGradient &fg, std::vector<double> x, int maxSteps = 300,
                          double gradTolerance = 1e-12);

} // namespace wb::core::detail
