#pragma once

#include "heatmapchart.h"
#include "serieschart.h"
#include "wb/gridstudy.h"
#include "wb/scalinglaw.h"

#include <QString>

#include <vector>

namespace wb::app {

/// A metric of the grid's cells the Scaling views show.
struct ScalingMetric
{
    const char *key;    ///< "test_loss", "test_accuracy", "train_loss", "train_accuracy", "gap",
                        ///< "test_smoothed_accuracy", "seconds"
    const char *title;  ///< untranslated (QT_TRANSLATE_NOOP "ScalingViews")
    bool higherIsBetter;
};
const std::vector<ScalingMetric> &scalingMetrics();
/// The metric of `key` (the first, test loss, when unknown).
const ScalingMetric &scalingMetric(const QString &key);

/// A number as the views print it: 4 significant digits, "–" when not finite.
QString scalingNumber(double value);

/// The heatmap of `metric` (rows: widths with their parameters, bottom = smallest; columns:
/// data sizes ascending; mean and ± std over seeds). For the test loss with a `fit`: its
/// iso-loss contours when the fit is trusted, else a note saying why there are none.
widgets::HeatmapChart::Data scalingHeatmap(const core::GridStudyResult &result, const QString &metric,
                                           const core::ScalingLawFit *fit = nullptr);
/// `metric` against parameters, one line per data size (mean ± std).
widgets::SeriesChart::Data scalingByParams(const core::GridStudyResult &result, const QString &metric);
/// `metric` against training images, one line per width.
widgets::SeriesChart::Data scalingBySamples(const core::GridStudyResult &result, const QString &metric);
/// Test loss against the training compute spent, per width, with the compute-efficient
/// frontier (the cells no cheaper cell beats) highlighted.
widgets::SeriesChart::Data scalingCompute(const core::GridStudyResult &result);

} // namespace wb::app
