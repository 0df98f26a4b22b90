#include "varianceviews.h"

#include "wb/errors.h"
#include "wb/repeatstats.h"

#include <QLocale>
#include <QCoreApplication>

#include <cmath>

namespace wb::app {

namespace {


std::vector<double> values(const core::VarianceSetupResult &s, const std::string &metric, int runs)
{
    std::vector<double> v(std::size_t(std::max(0, runs)), NAN);
    for (const auto &run : s.runs)
        if (run.run >= 0 && run.run < runs)
            v[std::size_t(run.run)] = run.metrics.at(metric);
    return v;
}

} // namespace

QString varianceMetricLabel(const std::string &key)
{
    const QString k = QString::fromStdString(key);
    if (k == QLatin1String("accuracy"))
        return QCoreApplication::translate("wb::app::VarianceViews", "accuracy");
    if (k == QLatin1String("loss"))
        return QCoreApplication::translate("wb::app::VarianceViews", "loss");
    if (k.startsWith(QLatin1String("smoothed_accuracy@")))
        return QCoreApplication::translate("wb::app::VarianceViews", "smoothed accuracy, β = %1").arg(k.mid(18));
    return k;
}

widgets::StripChart::Data varianceStrip(const core::VarianceStudyResult &r, const std::string &metric)
{
    widgets::StripChart::Data d;
    d.yLabel = varianceMetricLabel(metric);
    d.csvName = QString::fromStdString(metric); // the exported file keeps the metric's key in every language
    for (const auto &s : r.setups) {
        widgets::StripChart::Group g;
        g.name = QString::fromStdString(s.name);
        for (const auto &run : s.runs)
            g.values.push_back(run.metrics.at(metric));
        const core::MetricSummary &m = s.summary.at(metric);
        g.mean = m.n > 0 ? m.mean : NAN;
        g.ciLow = m.n > 1 ? m.ciLow : NAN;
        g.ciHigh = m.n > 1 ? m.ciHigh : NAN;
        d.groups.push_back(std::move(g));
    }
    d.note = QCoreApplication::translate("wb::app::VarianceViews", "Every repeat a dot; box: quartiles, whiskers: extremes; black: mean and its 95% interval.");
    return d;
}

widgets::BandChart::Data varianceBetaNoise(const core::VarianceStudyResult &r)
{
    widgets::BandChart::Data d;
    d.xLabel = QCoreApplication::translate("wb::app::VarianceViews", "β of the smoothed accuracy");
    d.yLabel = QCoreApplication::translate("wb::app::VarianceViews", "std over repeats");
    d.logX = true;
    int color = 0;
    for (const auto &s : r.setups) {
        // Per setup its smoothed accuracies' std against β and, dashed in the same colour, its
        // accuracy's std: below its own dashed line a smoothed accuracy is the less noisy measure.
        widgets::BandChart::Line smoothed, accuracy;
        smoothed.name = QCoreApplication::translate("wb::app::VarianceViews", "smoothed accuracy, %1").arg(QString::fromStdString(s.name));
        accuracy.name = QCoreApplication::translate("wb::app::VarianceViews", "accuracy, %1").arg(QString::fromStdString(s.name));
        smoothed.color = accuracy.color = color++;
        accuracy.dashed = true;
        const auto &acc = s.summary.at("accuracy");
        for (double beta : r.setup.variance.betas) {
            const auto &m = s.summary.at(core::varianceBetaMetric(beta));
            smoothed.x.push_back(beta);
            smoothed.y.push_back(m.n > 1 ? m.std : NAN);
            accuracy.x.push_back(beta);
            accuracy.y.push_back(acc.n > 1 ? acc.std : NAN);
        }
        d.lines.push_back(std::move(smoothed));
        d.lines.push_back(std::move(accuracy));
    }
    d.note = QCoreApplication::translate("wb::app::VarianceViews", "Below its setup's dashed line, the smoothed accuracy is the less noisy measure at that β.");
    return d;
}

widgets::BandChart::Data varianceBetaBias(const core::VarianceStudyResult &r)
{
    widgets::BandChart::Data d;
    d.xLabel = QCoreApplication::translate("wb::app::VarianceViews", "β of the smoothed accuracy");
    d.yLabel = QCoreApplication::translate("wb::app::VarianceViews", "smoothed accuracy − accuracy");
    d.logX = true;
    for (const auto &s : r.setups) {
        widgets::BandChart::Line line;
        line.name = QString::fromStdString(s.name);
        for (const auto &[beta, bias] : s.bias) {
            line.x.push_back(beta);
            line.y.push_back(bias);
        }
        d.lines.push_back(std::move(line));
    }
    d.reference = {QCoreApplication::translate("wb::app::VarianceViews", "no bias"), 0, 0, 0};
    d.note = QCoreApplication::translate("wb::app::VarianceViews", "Mean over repeats; the smoothed accuracy tracks the accuracy, offset by this bias.");
    return d;
}

widgets::BandChart::Data varianceValidationSize(const core::VarianceStudyResult &r)
{
    widgets::BandChart::Data d;
    d.xLabel = QCoreApplication::translate("wb::app::VarianceViews", "evaluation images");
    d.yLabel = QCoreApplication::translate("wb::app::VarianceViews", "std of the accuracy over repeats");
    d.logX = true;
    int color = 0;
    for (const auto &s : r.setups) {
        widgets::BandChart::Line measured, expected;
        measured.color = expected.color = color++;
        expected.dashed = true;
        measured.name = QCoreApplication::translate("wb::app::VarianceViews", "%1: measured").arg(QString::fromStdString(s.name));
        expected.name = QCoreApplication::translate("wb::app::VarianceViews", "%1: sampling √(p(1−p)/n)").arg(QString::fromStdString(s.name));
        for (std::size_t i = 0; i < r.subsetSizes.size() && i < s.subsetSummary.size(); ++i) {
            const auto &m = s.subsetSummary[i];
            const double n = double(r.subsetSizes[i]);
            measured.x.push_back(n);
            measured.y.push_back(m.n > 1 ? m.std : NAN);
            expected.x.push_back(n);
            expected.y.push_back(m.n > 0 ? std::sqrt(m.mean * (1 - m.mean) / n) : NAN);
        }
        d.lines.push_back(std::move(measured));
        d.lines.push_back(std::move(expected));
    }
    d.note = QCoreApplication::translate("wb::app::VarianceViews", "Nested stratified subsets of the evaluation images; more images shrink only the sampling part of "
                "the noise.");
    return d;
}

QString varianceDifferenceText(const core::VarianceStudyResult &r, std::size_t setup, const std::string &metric)
{
    if (setup == 0 || setup >= r.setups.size())
        return {};
    const int runs = r.setup.variance.runs;
    try {
        const core::Comparison c = core::compareRepeats(values(r.setups[0], metric, runs),
                                                        values(r.setups[setup], metric, runs), 0, 2000,
                                                        r.setup.variance.seed,
                                                        !r.comparisons[setup] || r.comparisons[setup]->paired);
        if (std::isnan(c.pValue))
            return QCoreApplication::translate("wb::app::VarianceViews", "no spread");
        const bool percent = core::varianceMetricIsAccuracy(metric);
        auto num = [percent](double v, bool sign) {
            const QString s = percent ? QLocale().toString(100 * v, 'f', 2) + QLatin1Char('%') : QLocale().toString(v, 'g', 3);
            return sign && v >= 0 ? QLatin1Char('+') + s : s;
        };
        return QStringLiteral("%1 [%2, %3], p = %4")
            .arg(num(c.difference, true), num(c.low, true), num(c.high, true))
            .arg(QLocale().toString(c.pValue, 'g', 2));
    } catch (const core::Error &) {
        return {};
    }
}

QString varianceVerdictText(const core::Comparison &c, const QString &nameA, const QString &nameB, bool percent,
                            bool higherIsBetter)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("VarianceViews", text); };
    // Differences of accuracies are percentage points, not per cent of the accuracy.
    auto number = [percent, &tr](double v) {
        return percent ? tr("%1 percentage points").arg(QLocale().toString(100 * v, 'f', 2)) : QLocale().toString(v, 'g', 3);
    };
    auto pText = [&tr](const QString &test, double p) {
        if (!std::isfinite(p))
            return tr("%1: no spread").arg(test);
        if (p < 0.001)
            return tr("%1, p < 0.001").arg(test);
        return tr("%1, p = %2").arg(test, QLocale().toString(p, 'g', 2));
    };
    if (std::isnan(c.pValue)) {
        if (c.paired && std::isfinite(c.welchPValue) && c.difference != 0)
            return tr("%1 − %2 is %3 in every one of the %4 repeats, with no spread to test it against; measure on more "
                      "images to put an interval on it")
                .arg(nameB, nameA, number(c.difference))
                .arg(c.n);
        return tr("%1 and %2: every repeat gave the same value (difference %3), so the repeats cannot tell a difference "
                  "from noise; measure on more images")
            .arg(nameA, nameB, number(c.difference));
    }
    const QString p = c.paired ? tr("%1 over the shared seeds; check: %2").arg(pText(tr("paired t"), c.pValue), pText(tr("Welch's t"), c.welchPValue))
                               : tr("%1; the seeds differ, so no paired test").arg(pText(tr("Welch's t"), c.pValue));
    const double half = 0.5 * (c.high - c.low);
    if (c.pValue < 0.05) {
        const bool bBetter = higherIsBetter ? c.difference > 0 : c.difference < 0;
        return tr("%1 is better by %2 ± %3; the difference is real at 95% (%4, %5 repeats each)")
            .arg(bBetter ? nameB : nameA, number(std::abs(c.difference)), number(half), p)
            .arg(c.n);
    }
    QString s = tr("%1 and %2 are not distinguishable with %3 repeats (%4; difference %5 ± %6)")
                    .arg(nameA, nameB)
                    .arg(c.n)
                    .arg(p, number(c.difference), number(half));
    if (c.detect > 0)
        s += c.runsNeeded ? tr("; about %1 repeats would be needed for %2").arg(*c.runsNeeded).arg(number(c.detect))
                          : tr("; more than 100,000 repeats would be needed for %1").arg(number(c.detect));
    return s;
}

} // namespace wb::app
