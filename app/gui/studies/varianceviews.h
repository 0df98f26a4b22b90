#pragma once

// The views of a variance study as chart data (shared by the Variance page and Export All
// Plots): a metric's repeats per setup, the noise and bias of the smoothed accuracy against β,
// and the spread of the accuracy against the number of evaluation images.
#include "bandchart.h"
#include "stripchart.h"
#include "wb/variancestudy.h"

#include <QString>

namespace wb::app {

/// Every repeat of `metric` per setup, with quartile box, mean and 95% interval.
/// A metric as the interface names it ("smoothed accuracy, β = 3" for "smoothed_accuracy@3").
QString varianceMetricLabel(const std::string &key);

widgets::StripChart::Data varianceStrip(const core::VarianceStudyResult &result, const std::string &metric);

/// Std over repeats of the smoothed accuracy against β, per setup; the accuracy's pooled std
/// as the reference line.
widgets::BandChart::Data varianceBetaNoise(const core::VarianceStudyResult &result);

/// Mean of (smoothed accuracy at β − accuracy) against β, per setup.
widgets::BandChart::Data varianceBetaBias(const core::VarianceStudyResult &result);

/// Std over repeats of the accuracy on nested evaluation subsets against their size, per
/// setup, beside the sampling noise √(p(1−p)/n) of a fixed model.
widgets::BandChart::Data varianceValidationSize(const core::VarianceStudyResult &result);

/// "B − A: +0.6% [0.2%, 1.0%], p = 0.004" for `metric`, or empty with fewer than 2 pairs.
/// The verdict of B against A in the user's language, as core's comparisonVerdict words it for
/// the CLI ("B is better by 7.70 percentage points ± 7.6; real at 95% (paired t, p = 0.049 …)").
QString varianceVerdictText(const core::Comparison &c, const QString &nameA, const QString &nameB, bool percent,
                            bool higherIsBetter);
QString varianceDifferenceText(const core::VarianceStudyResult &result, std::size_t setup, const std::string &metric);

} // namespace wb::app
