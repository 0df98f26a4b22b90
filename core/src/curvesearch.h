#pragma once

// Core-private: what the learning-curve warnings need to know of the fit's search.
#include "wb/learningcurve.h"

#include <string>

namespace wb::core::detail {

/// The name of a nonlinear parameter of `fit` ("m", "b", "d") that sits at the end of the
/// range the fit searches (within 2% of the range, in log scale), or "" when none does.
std::string parameterAtSearchBound(const CurveFit &fit);

} // namespace wb::core::detail
