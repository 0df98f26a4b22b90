#include "trainingchart.h"
#include "logticker.h"

#include "wb/smoothing.h"

#include <algorithm>
#include <cmath>

namespace wb::widgets {

QColor TrainingChart::runColor(int n)
{
    // The ten "tab10" colours, then hues spaced by the golden angle (alternating saturation):
    // classes 9 and 10 (and runs 9, 10) no longer repeat the first two colours.
    static const QColor colors[] = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                                    QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                                    QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
                                    QColor(23, 190, 207)};
    if (n >= 0 && n < 10)
        return colors[n];
    const double hue = std::fmod(0.1 + std::abs(n) * 0.6180339887, 1.0);
    return QColor::fromHsvF(float(hue), (n / 10) % 2 ? 0.55f : 0.85f, 0.85f);
}

TrainingChart::TrainingChart(Metric metric, QWidget *parent) : PlotWidget(parent), m_metric(metric)
{
    const bool loss = metric == Metric::Loss;
    setExportName(loss ? QStringLiteral("training-loss") : QStringLiteral("training-accuracy"));
    xAxis->setLabel(tr("epoch")); // lines and dots are explained under the charts (page)
    yAxis->setLabel(loss ? tr("loss") : tr("accuracy"));
    if (loss) {
        setLogAxis(yAxis);
        yAxis->setRange(0.01, 3);
    } else {
        yAxis->setRange(0, 1);
    }
    xAxis->setRange(0, 1);
    placeLegendBelow(2);
    // Points: validation per epoch; lines: smoothed per-batch values.
    xAxis2->setVisible(false);
}

void TrainingChart::setRun(std::int64_t id, const QString &name, const std::vector<double> &x,
                           const std::vector<double> &y, const std::vector<double> &valX,
                           const std::vector<double> &valY)
{
    const auto old = m_runs.constFind(id);
    // A run's colour follows its id: the same after another run is deleted, on reopen and on
    // every page and export (it was the order of drawing).
    const QColor color = runColor(int(std::clamp<std::int64_t>(id - 1, 0, 1 << 20)));
    const bool diverged = old != m_runs.constEnd() && old->diverged;
    removeRun(id);
    Run run;
    run.name = name;
    run.color = color;
    run.diverged = diverged;
    QColor faint = color;
    faint.setAlpha(55);
    run.raw = addGraph();
    run.raw->setPen(QPen(faint, 1));
    run.raw->setName(name + tr(" (batches)"));
    run.raw->removeFromLegend();
    run.smooth = addGraph();
    run.smooth->setPen(QPen(color, 2.2));
    run.smooth->setName(diverged ? tr("%1 (diverged)").arg(name) : name);
    run.validation = addGraph();
    run.validation->setPen(QPen(color.darker(130), 1.5));
    run.validation->setLineStyle(QCPGraph::lsNone);
    run.validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color.darker(150), 9));
    run.validation->setName(name + tr(" · validation"));
    run.validation->removeFromLegend(); // same colour as the run: the legend stays short
    m_runs.insert(id, run);
    updateLegend();
    appendRun(id, x, y, valX, valY);
}

void TrainingChart::appendRun(std::int64_t id, const std::vector<double> &x,
                              const std::vector<double> &y, const std::vector<double> &valX,
                              const std::vector<double> &valY)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    Run &run = *it;
    const auto n = std::min(x.size(), y.size());
    run.x.insert(run.x.end(), x.begin(), x.begin() + long(n));
    run.y.insert(run.y.end(), y.begin(), y.begin() + long(n));
    QVector<double> keys, values;
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(y[i]) && (m_metric != Metric::Loss || y[i] > 0)) {
            keys << x[i];
            values << y[i];
        }
    run.raw->addData(keys, values, true);
    for (std::size_t i = 0; i < std::min(valX.size(), valY.size()); ++i) {
        run.valX.push_back(valX[i]);
        run.valY.push_back(valY[i]);
        if (std::isfinite(valY[i]))
            run.validation->addData(valX[i], valY[i]);
    }
    smoothNew(run);
    rescale();
}

void TrainingChart::smoothNew(Run &run)
{
    // The same recurrence as core::debiasedEwa, continued from the stored state.
    QVector<double> keys, values;
    for (std::size_t i = run.smoothedCount; i < run.y.size(); ++i) {
        const double y = run.y[i];
        if (!std::isfinite(y))
            continue;
        run.ewa = m_q * run.ewa + (1.0 - m_q) * y;
        run.ewaPow *= m_q;
        const double s = run.ewa / (1.0 - run.ewaPow);
        if (std::isfinite(s) && (m_metric != Metric::Loss || s > 0)) {
            keys << run.x[i];
            values << s;
        }
    }
    run.smoothedCount = run.y.size();
    run.smooth->addData(keys, values, true);
}

void TrainingChart::resmooth(Run &run)
{
    run.smooth->data()->clear();
    run.ewa = 0;
    run.ewaPow = 1;
    run.smoothedCount = 0;
    smoothNew(run);
}

void TrainingChart::rescale()
{
    legend->setVisible(!m_runs.isEmpty());
    double maxX = 1;
    double lo = INFINITY, hi = -INFINITY;
    const bool anySane = std::any_of(m_runs.cbegin(), m_runs.cend(), [](const Run &r) {
        return r.smooth->visible() && !r.diverged && !r.y.empty();
    });
    for (const Run &run : std::as_const(m_runs)) {
        if (!run.smooth->visible() || (anySane && run.diverged))
            continue;
        if (!run.x.empty())
            maxX = std::max(maxX, std::ceil(run.x.back() - 1e-9));
        for (const auto *g : {run.raw, run.validation}) {
            bool found = false;
            const QCPRange r = g->getValueRange(found);
            if (found) {
                lo = std::min(lo, r.lower);
                hi = std::max(hi, r.upper);
            }
        }
    }
    xAxis->setRange(0, maxX);
    if (m_metric == Metric::Loss && std::isfinite(lo))
        yAxis->setRange(std::max(lo * 0.8, 1e-6), hi * 1.25);
    else if (m_metric == Metric::Accuracy && std::isfinite(lo))
        yAxis->setRange(std::max(0.0, lo - 0.05), std::min(1.0, hi + 0.02));
}

void TrainingChart::setRunVisible(std::int64_t id, bool visible)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    for (auto *g : {it->raw, it->smooth, it->validation})
        g->setVisible(visible);
    updateLegend();
    rescale();
}

void TrainingChart::setRunDiverged(std::int64_t id, bool diverged)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->diverged = diverged;
    it->smooth->setName(diverged ? tr("%1 (diverged)").arg(it->name) : it->name);
    rescale();
}

void TrainingChart::setRunName(std::int64_t id, const QString &name)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    it->name = name;
    it->raw->setName(name + tr(" (batches)"));
    it->validation->setName(name + tr(" · validation"));
    it->smooth->setName(it->diverged ? tr("%1 (diverged)").arg(name) : name);
}

QList<std::int64_t> TrainingChart::sortedIds() const
{
    QList<std::int64_t> ids = m_runs.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TrainingChart::updateLegend()
{
    const auto ids = sortedIds();
    for (auto id : ids)
        m_runs[id].smooth->removeFromLegend();
    for (auto id : ids)
        if (m_runs[id].smooth->visible())
            m_runs[id].smooth->addToLegend();
}

QStringList TrainingChart::legendLabels() const
{
    QStringList labels;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            labels << item->plottable()->name();
    return labels;
}

void TrainingChart::removeRun(std::int64_t id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    for (auto *g : {it->raw, it->smooth, it->validation})
        removeGraph(g);
    m_runs.erase(it);
}

void TrainingChart::clearRuns()
{
    const auto ids = m_runs.keys();
    for (auto id : ids)
        removeRun(id);
    // The axes of a new chart: a new session must not show the last one's ranges.
    yAxis->setRange(m_metric == Metric::Loss ? QCPRange(0.01, 3) : QCPRange(0, 1));
    xAxis->setRange(0, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

int TrainingChart::pointCount(std::int64_t id) const
{
    auto it = m_runs.constFind(id);
    return it == m_runs.constEnd() ? 0 : int(it->x.size());
}

void TrainingChart::setSmoothing(double q)
{
    m_q = std::clamp(q, 0.0, 0.999);
    for (Run &run : m_runs)
        resmooth(run);
}

std::vector<double> TrainingChart::smoothed(std::int64_t id) const
{
    auto it = m_runs.constFind(id);
    return it == m_runs.constEnd() ? std::vector<double>() : core::debiasedEwa(it->y, m_q);
}

QString TrainingChart::csv() const
{
    QString out = QStringLiteral("run,kind,epoch,value,smoothed\n");
    for (const auto id : sortedIds()) {
        const auto it = m_runs.constFind(id);
        const QString name = csvField(it->name);
        const auto s = core::debiasedEwa(it->y, m_q);
        for (std::size_t i = 0; i < it->x.size(); ++i)
            out += QStringLiteral("%1,batch,%2,%3,%4\n").arg(name).arg(it->x[i], 0, 'g', 10)
                       .arg(it->y[i], 0, 'g', 10).arg(s[i], 0, 'g', 10);
        for (std::size_t i = 0; i < it->valX.size(); ++i)
            out += QStringLiteral("%1,validation,%2,%3,\n").arg(name).arg(it->valX[i], 0, 'g', 10)
                       .arg(it->valY[i], 0, 'g', 10);
    }
    return out;
}

} // namespace wb::widgets
