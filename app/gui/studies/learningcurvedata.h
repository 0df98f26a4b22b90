#pragma once

// What the Sufficiency page and the headless export draw of a study's analysis: one place
// for the chart data, the family names and the translated warnings.
#include "wb/sufficiency.h"
#include "learningcurvechart.h"

#include <QString>
#include <QStringList>

namespace wb::app {

/// The curve family the Sufficiency page shows unless the user picks another (chosen by
/// bench/curves_bench.py on real learning curves; README "Sufficiency").
inline constexpr const char *kDefaultCurveFamily = "ensemble";

/// The name of a family choice as the UI shows it ("power law", "ensemble (median)", …).
QString curveFamilyTitle(const QString &choice);

/// The analysis' warnings in the user's language; `largest` is the largest measured size.
QStringList curveWarningTexts(const std::vector<core::CurveWarning> &warnings, double largest);

/// "95%: a–b" for a samples-needed band (∞ where draws never reach the target).
QString neededBandText(double lo95, double hi95);

/// The chart data of an analysis of `metric`: points, the chosen fit, its bands, warnings.
widgets::LearningCurveChart::Data learningCurveData(const core::SufficiencyAnalysis &a,
                                                   const QString &metric);

} // namespace wb::app
