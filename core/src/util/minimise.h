#pragma once

#include <array>
#include <functional>

namespace wb::core::detail {

/// Golden-section search for the minimum of a 1-D function on [a, b] (relative tolerance
/// 1e-12, at most 200 steps).
double golden(const std::function<double(double)> &g, double a, double b);

/// Nelder–Mead minimisation in 2-D from `start` with initial simplex step `step` (at most
/// 4000 steps; stops when values and simplex have collapsed).
std::array<double, 2> nelderMead(const std::function<double(const std::array<double, 2> &)> &g,
                                 std::array<double, 2> start, double step);

} // namespace wb::core::detail
