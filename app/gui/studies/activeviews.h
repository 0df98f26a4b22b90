#pragma once

// The views of an active-learning study as chart data (shared by the Active learning page and
// Export All Plots): accuracy against labels, labels needed per accuracy level with censored
// levels marked, the classes each strategy picked, and the accuracy levels worth asking about.
#include "bandchart.h"
#include "heatmapchart.h"
#include "wb/activestudy.h"

#include <QStringList>

#include <vector>

namespace wb::core {
class Session;
}

namespace wb::app {

/// The class names of the dataset study `study` was made on (as registered in `session`);
/// `fingerprint` receives that dataset's content fingerprint.
QStringList activeClassNames(const core::Session &session, const core::StudyRecord &study,
                             std::string *fingerprint = nullptr);

/// Median test accuracy against labelled images per strategy, its interquartile band, every
/// trial faint, and the full-data baseline (median and quartiles of its seeds) as a line.
widgets::BandChart::Data activeAccuracyCurves(const core::ActiveStudyResult &result);

/// Accuracy levels from the lowest first-round median to the highest final 75% quantile, in
/// steps of 0.01 (0.02, 0.05 when that would give more than 15), at most 15.
std::vector<double> activeLevels(const core::ActiveStudyResult &result);

/// Labels needed (median over trials) against the accuracy level; levels half or more of the
/// trials never reached are drawn at the last round's labels as censored.
widgets::BandChart::Data activeLabelsNeeded(const core::ActiveStudyResult &result, const std::vector<double> &levels);

/// Share (%) of each strategy's picks, all trials and rounds, per class.
widgets::HeatmapChart::Data activeClassBalance(const core::ActiveStudyResult &result, const QStringList &classNames);

} // namespace wb::app
