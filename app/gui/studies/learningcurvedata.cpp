#include "learningcurvedata.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace wb::app {

// Strings of this file translate in the context "wb::app::LearningCurveData".
QString curveFamilyTitle(const QString &choice)
{
    if (choice == QLatin1String("power"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "power law");
    if (choice == QLatin1String("power4"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "power law with offset (power4)");
    if (choice == QLatin1String("exp"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "exponential");
    if (choice == QLatin1String("mmf"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "Morgan–Mercer–Flodin (mmf)");
    if (choice == QLatin1String("auto"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "auto (best extrapolating)");
    if (choice == QLatin1String("ensemble"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "ensemble (median of families)");
    return choice;
}

QStringList curveWarningTexts(const std::vector<core::CurveWarning> &warnings, double largest)
{
    QStringList out;
    for (const auto &w : warnings) {
        if (w.code == "not_leveling_off")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "The curve has not started to level off: projections beyond ~%1 samples "
                      "are guesses.")
                       .arg(QLocale().toString(qlonglong(2 * largest)));
        else if (w.code == "floor_at_bound")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "The fitted asymptote sits at its bound: the data do not show where the "
                      "curve levels off.");
        else if (w.code == "exponent_at_bound")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "A fitted parameter sits at the end of its range: the data do not "
                      "determine the curve's shape.");
        else if (w.code == "curve_rises")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "The metric gets worse with more data over the measured sizes: there is "
                      "no learning curve to project.");
        else if (w.code == "far_extrapolation")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "An answer beyond %1x the largest measured size is a guess.")
                       .arg(core::kSupportedExtrapolation);
        else if (w.code == "families_disagree")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "The curve families disagree beyond the data: its shape there is not "
                      "determined.");
        else
            out << QString::fromStdString(w.text);
    }
    return out;
}

QString neededBandText(double lo95, double hi95)
{
    auto count = [](double n) {
        return std::isfinite(n) ? QLocale().toString(qlonglong(n)) : QStringLiteral("∞");
    };
    return QCoreApplication::translate("wb::app::SufficiencyPage", "95%: %1–%2").arg(count(lo95), count(hi95));
}

widgets::LearningCurveChart::Data learningCurveData(const core::SufficiencyAnalysis &a,
                                                   const QString &metric)
{
    widgets::LearningCurveChart::Data d;
    d.metric = metric;
    d.steps = a.steps;
    d.mean = a.mean;
    d.stddev = a.stddev;
    d.curveN = a.curveN;
    d.curve = a.curve;
    d.lo80 = a.band.lo80;
    d.hi80 = a.band.hi80;
    d.lo95 = a.band.lo95;
    d.hi95 = a.band.hi95;
    const double floor = core::curveFloor(a.chosen);
    d.asymptote = a.accuracyLike ? 1.0 - floor : floor;
    d.trainSize = a.steps.back();
    d.family = curveFamilyTitle(QString::fromStdString(a.choice));
    if (a.choice == "auto")
        d.family += QStringLiteral(": ") + QString::fromStdString(a.chosen.family);
    d.warnings = curveWarningTexts(a.warnings, a.steps.back());
    return d;
}

} // namespace wb::app
