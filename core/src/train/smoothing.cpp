#include "wb/smoothing.h"
#include "wb/errors.h"

#include <cmath>
#include <limits>

namespace wb::core {

std::vector<double> debiasedEwa(const std::vector<double> &values, double q)
{
    if (!(q >= 0.0 && q < 1.0))
        throw Error(ErrorCode::InvalidArgument, "smoothing must be in [0, 1)");
    std::vector<double> out(values.size(), std::numeric_limits<double>::quiet_NaN());
    double s = 0.0, qPow = 1.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = values[i];
        if (!std::isfinite(y))
            continue;
        s = q * s + (1.0 - q) * y;
        qPow *= q;
        out[i] = s / (1.0 - qPow);
    }
    return out;
}

} // namespace wb::core
