#include "activeviews.h"

#include "wb/session.h"

#include <QLocale>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace wb::app {

namespace {

std::vector<double> labelAxis(const core::ActiveStudyResult &r) { return {r.labels.begin(), r.labels.end()}; }
} // namespace

QStringList activeClassNames(const core::Session &session, const core::StudyRecord &study, std::string *fingerprint)
{
    QStringList names;
    for (const auto &d : session.datasets())
        if (d.id == study.datasetId) {
            for (const auto &n : d.classNames)
                names << QString::fromStdString(n);
            if (fingerprint)
                *fingerprint = d.fingerprint;
        }
    return names;
}

widgets::BandChart::Data activeAccuracyCurves(const core::ActiveStudyResult &r)
{
    widgets::BandChart::Data d;
    d.xLabel = QCoreApplication::translate("ActiveViews", "labelled images");
    d.yLabel = QCoreApplication::translate("ActiveViews", "test accuracy");
    const std::vector<double> x = labelAxis(r);
    for (const auto &s : r.strategies) {
        widgets::BandChart::Line line;
        line.name = QStringLiteral("%1 (n=%2)").arg(QString::fromStdString(s.name)).arg(s.trials.size());
        line.x = x;
        line.y = s.median;
        line.lo = s.q25;
        line.hi = s.q75;
        for (const auto &t : s.trials)
            line.traces.push_back(t.accuracy);
        d.lines.push_back(std::move(line));
    }
    std::vector<double> base;
    for (const auto &b : r.baseline)
        base.push_back(b.accuracy);
    if (const double m = core::quantile(base, 0.5); std::isfinite(m)) {
        d.reference.name = QCoreApplication::translate("ActiveViews", "full data, %1 images (n=%2)").arg(r.baseline.front().samples).arg(base.size());
        d.reference.y = m;
        d.reference.lo = core::quantile(base, 0.25);
        d.reference.hi = core::quantile(base, 0.75);
    }
    d.note = QCoreApplication::translate("ActiveViews", "Median over trials with the 25–75% band; faint lines: single trials. Every round of every "
                "strategy trains %1 steps.")
                 .arg(r.setup.active.stepsPerRound);
    return d;
}

std::vector<double> activeLevels(const core::ActiveStudyResult &r)
{
    double lo = INFINITY, hi = -INFINITY;
    for (const auto &s : r.strategies)
        if (!s.median.empty()) {
            if (std::isfinite(s.median.front()))
                lo = std::min(lo, s.median.front());
            for (double q : s.q75)
                if (std::isfinite(q))
                    hi = std::max(hi, q);
        }
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return {};
    const int from = int(std::ceil(lo * 100 + 1e-9)), to = int(std::floor(hi * 100 + 1e-9));
    std::vector<double> levels;
    for (int step : {1, 2, 5, 10}) {
        levels.clear();
        for (int l = (from + step - 1) / step * step; l <= to; l += step)
            levels.push_back(l / 100.0);
        if (levels.size() <= 15)
            break;
    }
    return levels;
}

widgets::BandChart::Data activeLabelsNeeded(const core::ActiveStudyResult &r, const std::vector<double> &levels)
{
    widgets::BandChart::Data d;
    d.xLabel = QCoreApplication::translate("ActiveViews", "test accuracy level");
    d.yLabel = QCoreApplication::translate("ActiveViews", "labelled images needed (median over trials)");
    const std::vector<double> x = labelAxis(r);
    const double last = x.empty() ? 0 : x.back();
    for (const auto &s : r.strategies) {
        widgets::BandChart::Line line;
        line.name = QString::fromStdString(s.name);
        std::vector<std::vector<double>> accuracy;
        for (const auto &t : s.trials)
            accuracy.push_back(t.accuracy);
        if (accuracy.empty())
            continue;
        for (double level : levels) {
            const core::LabelsNeeded n = core::labelsNeeded(x, accuracy, level);
            line.x.push_back(level);
            line.y.push_back(n.median ? *n.median : last);
            line.censored.push_back(!n.median);
        }
        d.lines.push_back(std::move(line));
    }
    d.note = QCoreApplication::translate("ActiveViews", "△ at %1 labels: half or more of the trials never reached that level within the budget (censored, "
                "not averaged in).")
                 .arg(last);
    return d;
}

widgets::HeatmapChart::Data activeClassBalance(const core::ActiveStudyResult &r, const QStringList &classNames)
{
    widgets::HeatmapChart::Data d;
    d.title = QCoreApplication::translate("ActiveViews", "share of picks (%)");
    d.rowAxis = QCoreApplication::translate("ActiveViews", "strategy");
    d.columnAxis = QCoreApplication::translate("ActiveViews", "class");
    d.higherIsBetter = true;
    std::size_t classes = std::size_t(classNames.size());
    std::vector<std::vector<double>> counts;
    for (const auto &s : r.strategies) {
        std::vector<double> c;
        for (const auto &t : s.trials)
            for (const auto &round : t.pickedLabels)
                for (auto label : round) {
                    if (label < 0)
                        continue;
                    if (std::size_t(label) >= c.size())
                        c.resize(std::size_t(label) + 1, 0);
                    c[std::size_t(label)] += 1;
                }
        classes = std::max(classes, c.size());
        counts.push_back(std::move(c));
        d.rows << QString::fromStdString(s.name);
    }
    for (std::size_t k = 0; k < classes; ++k)
        d.columns << (int(k) < classNames.size() ? classNames[int(k)] : QString::number(k));
    for (auto &c : counts) {
        c.resize(classes, 0);
        double total = 0;
        for (double v : c)
            total += v;
        for (double &v : c)
            v = total > 0 ? 100 * v / total : NAN;
        d.mean.push_back(c);
    }
    if (classes > 0)
        d.note = QCoreApplication::translate("ActiveViews", "A balanced pick gives each class about %1%.").arg(QLocale().toString(100.0 / double(classes), 'f', 1));
    return d;
}

} // namespace wb::app
