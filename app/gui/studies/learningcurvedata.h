#pragma once

// What the Sufficiency page and the headless export draw of a study's analysis: one place
// for the chart data, the family names and the translated warnings.
#include "wb/sufficiency.h"
#include "learningcurvechart.h"

#include <QString>
#include <QStringList>

namespace wb::app {

/// The curve family the Sufficiency page shows unless the user picks another (chosen by
/// bench/corpus_calibrate.py on real learning curves; README "How the answer is calibrated").
inline constexpr const char *kDefaultCurveFamily = "calibrated";

/// The name of a family choice as the UI shows it ("power law", "ensemble (median)", …).
QString curveFamilyTitle(const QString &choice);

/// The analysis' warnings in the user's language; `largest` is the largest measured size;
/// `misses` are the checks behind the misses_data warnings, in their order.
QStringList curveWarningTexts(const std::vector<core::CurveWarning> &warnings, double largest,
                              const std::vector<core::FamilyCheck> &misses = {});

/// The fits of an analysis that miss the data, in the order of its misses_data warnings.
std::vector<core::FamilyCheck> missedChecks(const core::SufficiencyAnalysis &a);

/// The answer for a target accuracy as the page, the chart and the export show it: measured
/// when a measured mean reaches the target (whatever the family), otherwise from the choice
/// (calibrated: the calibrated answer; a family: its fit, unless it misses the data), never
/// below the largest measured size; with the next step.
struct TargetAnswer
{
    QString headline;  ///< "Reached: 0,913 measured at 1.198 images …" / "≈ 12.000 images (80%: …)"
    QString band;      ///< what follows the answer in the chart, e.g. "80%: 8.000–20.000"
    QString source;    ///< "calibrated answer", "power law", … (what the answer came from)
    QString nextStep;  ///< "Next step: collect up to 4.000 images (2x) …"; empty when reached
    double marker = -1;///< the n the chart marks (≤ 0: none)
    bool measured = false;
};
TargetAnswer targetAnswer(const core::SufficiencyAnalysis &a, double target);

/// The chart data of an analysis of `metric`: points, the chosen fit, its bands, warnings.
widgets::LearningCurveChart::Data learningCurveData(const core::SufficiencyAnalysis &a,
                                                   const QString &metric);

} // namespace wb::app
