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
    if (choice == QLatin1String("calibrated"))
        return QCoreApplication::translate("wb::app::LearningCurveData", "calibrated answer (default)");
    return choice;
}

std::vector<core::FamilyCheck> missedChecks(const core::SufficiencyAnalysis &a)
{
    std::vector<core::FamilyCheck> out;
    if (!a.hasModel)
        return out;
    if (a.choice == "calibrated") {
        for (const auto &c : a.model.families)
            if (c.missesData)
                out.push_back(c);
    } else if (core::FamilyCheck c = core::checkFit(a.model, a.chosen); c.missesData) {
        out.push_back(c);
    }
    return out;
}

QStringList curveWarningTexts(const std::vector<core::CurveWarning> &warnings, double largest,
                              const std::vector<core::FamilyCheck> &misses)
{
    QStringList out;
    std::size_t missed = 0;
    for (const auto &w : warnings) {
        if (w.code == "misses_data" && missed < misses.size()) {
            const core::FamilyCheck &c = misses[missed++];
            out << QCoreApplication::translate("wb::app::LearningCurveData",
                                               "The %1 fit misses the data: %2 at %3 images where %4 was measured "
                                               "(±%5 allowed). It is left out of the answer.")
                       .arg(curveFamilyTitle(QString::fromStdString(c.fit.family)),
                            QLocale().toString(c.fitted, 'f', 3), QLocale().toString(qlonglong(c.at)),
                            QLocale().toString(c.measured, 'f', 3), QLocale().toString(c.allowed, 'f', 3));
            continue;
        }
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
        else if (w.code == "misses_data")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "A fit misses the measured points and is left out of the answer: %1")
                       .arg(QString::fromStdString(w.text));
        else if (w.code == "all_families_miss")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "Every curve family misses the measured points at the largest "
                      "sizes: no projection beyond the data.");
        else if (w.code == "families_disagree")
            out << QCoreApplication::translate("wb::app::LearningCurveData", "The curve families disagree beyond the data: its shape there is not "
                      "determined.");
        else
            out << QString::fromStdString(w.text);
    }
    return out;
}

namespace {
QString count(double n) { return std::isfinite(n) ? QLocale().toString(qlonglong(std::llround(n))) : QStringLiteral("∞"); }
QString accuracy(double v) { return QLocale().toString(v, 'f', 3); }

QString bandsText(const std::array<double, 3> &lo, const std::array<double, 3> &hi)
{
    return QCoreApplication::translate("wb::app::LearningCurveData", "80%: %1–%2; 95%: %3–%4").arg(count(lo[1]), count(hi[1]), count(lo[2]), count(hi[2]));
}

QString nextStepText(const core::SufficiencyAnalysis &a, const core::SampleSizeAnswer &ans)
{
    const double last = a.steps.back();
    const QString ratio = QLocale().toString(ans.next.collectTo / last, 'f', 1);
    switch (ans.status) {
    case core::SampleSizeAnswer::Status::Reached: return {};
    case core::SampleSizeAnswer::Status::NoAnswer:
        if (a.model.falling)
            return QCoreApplication::translate("wb::app::LearningCurveData", "Next step: check the training (learning rate, epochs) "
                                                                             "before collecting more: a learning curve rises.");
        return QCoreApplication::translate("wb::app::LearningCurveData", "Next step: measure up to %1 images (%2x) with more runs before projecting.")
            .arg(count(ans.next.collectTo), ratio);
    case core::SampleSizeAnswer::Status::Unreachable:
        return QCoreApplication::translate("wb::app::LearningCurveData", "Next step: collect up to %1 images (%2x) and run the study again to see whether the "
                  "curve keeps rising.")
            .arg(count(ans.next.collectTo), ratio);
    case core::SampleSizeAnswer::Status::Projected: break;
    }
    if (!(ans.next.widthNow >= 0.0005)) // no spread worth comparing
        return QCoreApplication::translate("wb::app::LearningCurveData",
                                           "Next step: collect up to %1 images (%2x) and run the study again.")
            .arg(count(ans.next.collectTo), ratio);
    const double factor = ans.next.widthAfter / ans.next.widthNow;
    return QCoreApplication::translate("wb::app::LearningCurveData", "Next step: collect up to %1 images (%2x) and run the study again — there the 80% band "
              "for this target is typically %3x as wide.")
        .arg(count(ans.next.collectTo), ratio, QLocale().toString(factor, 'f', 2));
}
} // namespace

TargetAnswer targetAnswer(const core::SufficiencyAnalysis &a, double target)
{
    TargetAnswer out;
    if (!a.accuracyLike || !a.hasModel) {
        out.headline = a.accuracyLike ? QCoreApplication::translate("wb::app::LearningCurveData",
                                                                    "No answer: the study has fewer than 3 distinct sizes.")
                                      : QCoreApplication::translate("wb::app::LearningCurveData",
                                                                    "Targets apply to accuracy-like metrics.");
        return out;
    }
    const core::SampleSizeAnswer ans = core::answerTarget(a.model, target);
    out.nextStep = nextStepText(a, ans);
    const double last = a.steps.back();
    if (ans.status == core::SampleSizeAnswer::Status::Reached) {
        out.measured = true;
        out.marker = ans.n;
        out.headline = QCoreApplication::translate("wb::app::LearningCurveData", "Reached: %1 measured at %2 images (≈ %3 by interpolation between the measured sizes).")
                           .arg(accuracy(ans.measuredValue), count(ans.measuredAt), count(ans.n));
        out.band = QCoreApplication::translate("wb::app::LearningCurveData", "reached: %1 measured at %2")
                       .arg(accuracy(ans.measuredValue), count(ans.measuredAt));
        return out;
    }
    if (a.choice == "calibrated") {
        switch (ans.status) {
        case core::SampleSizeAnswer::Status::Projected:
            out.marker = ans.n;
            out.band = bandsText(ans.lo, ans.hi);
            out.headline = QCoreApplication::translate("wb::app::LearningCurveData", "≈ %1 images needed (%2).").arg(count(ans.n), out.band);
            break;
        case core::SampleSizeAnswer::Status::Unreachable:
            out.band = QCoreApplication::translate("wb::app::LearningCurveData", "the curve levels off at %1").arg(accuracy(ans.asymptote));
            out.headline = QCoreApplication::translate("wb::app::LearningCurveData", "Not reached on the fitted curve: it levels off at %1 (80%: from %2 images, if at all).")
                               .arg(accuracy(ans.asymptote), count(ans.lo[1]));
            break;
        default:
            out.band = QCoreApplication::translate("wb::app::LearningCurveData", "no answer");
            out.headline = a.model.falling
                               ? QCoreApplication::translate("wb::app::LearningCurveData", "No answer: the accuracy falls with more data over the "
                                                                                           "measured sizes; there is no learning curve to project.")
                               : QCoreApplication::translate("wb::app::LearningCurveData", "No answer: every curve family misses the measured points at the largest sizes.");
            break;
        }
        return out;
    }
    // One family, as the established method fits it — unless it misses the data.
    if (const core::FamilyCheck c = core::checkFit(a.model, a.chosen); c.missesData) {
        out.band = QCoreApplication::translate("wb::app::LearningCurveData", "the fit misses the data");
        out.headline = QCoreApplication::translate("wb::app::LearningCurveData", "No answer from this fit: it gives %1 at %2 images where %3 was measured. Choose "
                          "the calibrated answer.")
                           .arg(accuracy(c.fitted), count(c.at), accuracy(c.measured));
        return out;
    }
    const auto n = core::samplesNeeded(a.chosen, target);
    const double floorN = std::floor(last) + 1; // above every measured mean: more than the data
    if (!n) {
        const double asymptote = 1.0 - core::curveFloor(a.chosen);
        out.band = QCoreApplication::translate("wb::app::LearningCurveData", "asymptote %1").arg(QLocale().toString(asymptote, 'f', 4));
        out.headline = QCoreApplication::translate("wb::app::LearningCurveData", "unreachable — asymptote %1").arg(QLocale().toString(asymptote, 'f', 4));
        return out;
    }
    out.marker = std::max(double(*n), floorN);
    if (!a.draws.empty()) {
        const auto b80 = core::neededBand(a.draws, target, a.runs, 0.80);
        const auto b95 = core::neededBand(a.draws, target, a.runs, 0.95);
        out.band = bandsText({0, std::max(b80.first, floorN), std::max(b95.first, floorN)},
                             {0, std::max(b80.second, floorN), std::max(b95.second, floorN)});
    }
    out.headline = out.band.isEmpty() ? QCoreApplication::translate("wb::app::LearningCurveData", "≈ %1 images needed.").arg(count(out.marker))
                                      : QCoreApplication::translate("wb::app::LearningCurveData", "≈ %1 images needed (%2).").arg(count(out.marker), out.band);
    return out;
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
    if (a.choice == "calibrated" && !a.accuracyLike) // calibrated for accuracies only: the ensemble
        d.family = curveFamilyTitle(QStringLiteral("ensemble"));
    d.warnings = curveWarningTexts(a.warnings, a.steps.back(), missedChecks(a));
    d.lo50 = a.band.lo50;
    d.hi50 = a.band.hi50;
    if (a.hasModel) {
        d.firstFitted = a.choice == "calibrated" ? a.model.firstFitted : 0;
        if (a.choice == "calibrated") {
            d.curveLabel = QCoreApplication::translate("wb::app::LearningCurveData",
                                                       "answer: measured, then projected (calibrated)");
            for (const auto &c : a.model.families)
                if (c.missesData) { // drawn grey and dashed: left out of the answer
                    std::vector<double> values;
                    for (double n : a.curveN)
                        values.push_back(core::projectMetric(c.fit, n, true));
                    d.rejected.push_back({QCoreApplication::translate("wb::app::LearningCurveData", "%1 (misses the data)").arg(curveFamilyTitle(QString::fromStdString(c.fit.family))),
                                          values});
                }
            if (!a.model.hasCurve)
                d.asymptote = NAN;
            else
                d.asymptote = std::max(1.0 - core::curveFloor(a.model.curve), a.model.monotone.back());
        } else if (core::checkFit(a.model, a.chosen).missesData) {
            d.fitMisses = true;
        }
    }
    return d;
}

} // namespace wb::app
