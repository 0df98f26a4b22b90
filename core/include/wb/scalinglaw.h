#pragma once

#include "wb/learningcurve.h" // CurveWarning

#include <cstdint>
#include <limits>
#include <vector>

namespace wb::core {

/// One measured training (or the mean of a cell's seeds): parameters N, training samples D,
/// final test loss L. `forwardFlops` (per sample, 0 = unknown) sets the compute per
/// parameter and sample for compute-optimal answers.
struct ScalingPoint
{
    double params = 0;
    double samples = 0;
    double loss = 0;
    double forwardFlops = 0;
};

/// L(N, D) = E + A / N^alpha + B / D^beta (irreducible loss, a model-size term, a data term).
struct ScalingLaw
{
    double E = 0, A = 0, B = 0, alpha = 0, beta = 0;
};

double scalingLoss(const ScalingLaw &law, double params, double samples);

struct Interval
{
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
};

struct ScalingFitOptions
{
    double huberDelta = 1e-3; ///< on residuals of log L
    int resamples = 200;      ///< bootstrap draws for the intervals (0: none)
    std::uint64_t seed = 0;   ///< bootstrap seed
    bool heldOut = true;      ///< refit without the largest N and without the largest D
};

struct ScalingLawFit
{
    ScalingLaw law;
    int points = 0;           ///< rows given
    int cells = 0;            ///< distinct (N, D); the law is fitted to their mean losses
    int distinctParams = 0;
    int distinctSamples = 0;
    double medianAbsLogResidual = 0; ///< median |log L_fit − log L| over the cells
    /// 95% bootstrap percentile intervals (seeds resampled within cells when every cell has
    /// two or more, else cells resampled).
    Interval E, A, B, alpha, beta;
    std::vector<ScalingLaw> resampled; ///< the bootstrap fits, for prediction intervals
    /// Mean relative error of the predicted loss of the cells with the largest N, from a refit
    /// without them (NaN when too few cells remain); the same for the largest D.
    double heldOutParamsError = std::numeric_limits<double>::quiet_NaN();
    double heldOutSamplesError = std::numeric_limits<double>::quiet_NaN();
    double flopsPerParamSample = 6; ///< training FLOPs per parameter and sample (C = k·N·D)
    bool flopsFromData = false;     ///< k from the points' forward FLOPs (3 × forward / N) or 6
    std::vector<CurveWarning> warnings;
};

/// Fits the law to the cell means by the published "approach 3" recipe: Huber loss
/// (`huberDelta`) on log L with L = exp(LSE(a − α log N, b − β log D, e)) (A = e^a, B = e^b,
/// E = e^e), L-BFGS from every point of a grid of starts (α, β ∈ {0, 0.5, …, 2},
/// e ∈ {−1, −0.5, …, 1.5}, a, b ∈ {0, 5, …, 25}), the lowest objective kept. Needs at
/// least 3 distinct N, 3 distinct D and 6 cells, every value finite and positive; throws
/// InvalidArgument naming the point otherwise. Deterministic for a seed. Pure.
ScalingLawFit fitScalingLaw(const std::vector<ScalingPoint> &points, const ScalingFitOptions &options = {});

/// Whether the law describes its own cells well enough to answer from it: no "poor_fit" and no
/// "heldout_error" warning. Its predictions are not shown as answers otherwise.
bool scalingFitTrusted(const ScalingLawFit &fit);

/// The 95% percentile interval of the bootstrap fits' predicted loss at (N, D).
Interval scalingPredictionInterval(const ScalingLawFit &fit, double params, double samples);

/// The smallest N beyond which doubling N lowers the predicted loss at D by less than
/// `relativeGain` of it: 0 when every N does, +inf when none does (E = 0 and no data term).
double saturationParams(const ScalingLaw &law, double samples, double relativeGain);

struct ComputeOptimum
{
    double compute = 0, params = 0, samples = 0, loss = 0;
};

/// The N and D that minimise the law for training compute C = k·N·D (closed form:
/// N = G·(C/k)^(β/(α+β)), G = (αA/(βB))^(1/(α+β))). Needs α, β > 0.
ComputeOptimum computeOptimal(const ScalingLaw &law, double compute, double flopsPerParamSample);

} // namespace wb::core
