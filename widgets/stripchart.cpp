#include "stripchart.h"

#include "bandchart.h"

#include <algorithm>
#include <cmath>

namespace wb::widgets {

namespace {

// Quantile (linear interpolation) of sorted values.
double sortedQuantile(const std::vector<double> &v, double q)
{
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

} // namespace

StripChart::StripChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("strip"));
    plotLayout()->addElement(1, 0, m_note = new QCPTextElement(this, QString(), QFont(font().family(), 8)));
    m_note->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
}

void StripChart::setData(const Data &data)
{
    m_data = data;
    clearPlottables();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    yAxis->setLabel(data.yLabel);
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        const Group &group = data.groups[g];
        const double x = double(g);
        ticker->addTick(x, group.name);
        const QColor color = categoryColor(int(g));
        std::vector<double> values;
        for (double v : group.values)
            if (std::isfinite(v))
                values.push_back(v);
        if (!values.empty()) {
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            auto *box = new QCPStatisticalBox(xAxis, yAxis);
            box->addData(x, sorted.front(), sortedQuantile(sorted, 0.25), sortedQuantile(sorted, 0.5),
                         sortedQuantile(sorted, 0.75), sorted.back());
            box->setWidth(0.5);
            QColor fill = color;
            fill.setAlpha(40);
            box->setBrush(fill);
            box->setPen(QPen(color.darker(120), 1));
            box->setMedianPen(QPen(color.darker(150), 1.5));
            box->setWhiskerPen(QPen(color, 1, Qt::DashLine));
            box->removeFromLegend();
            lo = std::min(lo, sorted.front());
            hi = std::max(hi, sorted.back());
            // The dots: spread sideways by rank so equal values do not hide each other.
            QVector<double> dx, dy;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const double offset = values.size() == 1 ? 0.0 : -0.18 + 0.36 * double(i) / double(values.size() - 1);
                dx << x + offset;
                dy << values[i];
            }
            QCPGraph *dots = addGraph();
            dots->setData(dx, dy, true);
            dots->setLineStyle(QCPGraph::lsNone);
            dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color.darker(110), color, 7));
            dots->removeFromLegend();
        }
        if (std::isfinite(group.mean)) {
            QCPGraph *mean = addGraph();
            mean->setData(QVector<double>{x + 0.32}, QVector<double>{group.mean}, true);
            mean->setLineStyle(QCPGraph::lsNone);
            mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, Qt::black, Qt::black, 7));
            mean->removeFromLegend();
            if (std::isfinite(group.ciLow) && std::isfinite(group.ciHigh)) {
                auto *bars = new QCPErrorBars(xAxis, yAxis);
                bars->setDataPlottable(mean);
                bars->setData(QVector<double>{group.mean - group.ciLow}, QVector<double>{group.ciHigh - group.mean});
                bars->setPen(QPen(Qt::black, 1.5));
                bars->removeFromLegend();
                lo = std::min(lo, group.ciLow);
                hi = std::max(hi, group.ciHigh);
            }
            lo = std::min(lo, group.mean);
            hi = std::max(hi, group.mean);
        }
    }
    xAxis->setTicker(ticker);
    xAxis->setNumberFormat(QStringLiteral("g")); // names as they are: "b" drew "adam 1e-3" as "adam 1·10⁻³"
    xAxis->setRange(-0.6, std::max(0.6, double(data.groups.size()) - 0.4));
    if (std::isfinite(lo)) {
        const double pad = 0.08 * std::max(hi - lo, 1e-9);
        yAxis->setRange(lo - pad, hi + pad);
    } else {
        yAxis->setRange(0, 1); // nothing to show: not the last study's range
    }
    m_note->setText(data.note);
    m_note->setVisible(!data.note.isEmpty());
    replot();
}

QString StripChart::csv() const
{
    auto num = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', 10) : QString(); };
    QString out = QStringLiteral("group,repeat,%1,mean,ci95_low,ci95_high\n").arg(csvField(m_data.csvName.isEmpty() ? m_data.yLabel : m_data.csvName));
    for (const Group &g : m_data.groups) {
        for (std::size_t i = 0; i < g.values.size(); ++i)
            out += csvField(g.name) + QLatin1Char(',') + QString::number(i + 1) + QLatin1Char(',') + num(g.values[i])
                   + QStringLiteral(",,,\n");
        out += csvField(g.name) + QStringLiteral(",mean,,") + num(g.mean) + QLatin1Char(',') + num(g.ciLow)
               + QLatin1Char(',') + num(g.ciHigh) + QLatin1Char('\n');
    }
    return out;
}

} // namespace wb::widgets
