#pragma once

// Core-private: what the learning-curve warnings need to know of the fit's search.
#include "wb/learningcurve.h"

#include <string>
#include <vector>

namespace wb::core::detail {

/// One family's bounded least-squares fit (fitCurve for a family name); with `weights`, the
/// weighted least-squares fit (sse stays the unweighted sum of squared residuals); `coarse`
/// searches a grid a third as dense before the same local refinement (for back-tests).
CurveFit fitFamily(const std::string &family, const std::vector<double> &n,
                   const std::vector<double> &f, const std::vector<double> *start, double floorMax,
                   const std::vector<double> *weights = nullptr, bool coarse = false);

/// The median of `v` (the mean of the middle two for an even count); v must not be empty.
double median(std::vector<double> v);

/// The name of a nonlinear parameter of `fit` ("m", "b", "d") that sits at the end of the
/// range the fit searches (within 2% of the range, in log scale), or "" when none does.
std::string parameterAtSearchBound(const CurveFit &fit);

} // namespace wb::core::detail
