#include "bandchart.h"
#include "logticker.h"

#include <algorithm>
#include <cmath>

namespace wb::widgets {

QColor categoryColor(int index)
{
    static const QRgb palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(palette[std::size_t(std::abs(index)) % std::size(palette)]);
}

BandChart::BandChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("bands"));
    placeLegendBelow(4);
    plotLayout()->addElement(2, 0, m_note = new QCPTextElement(this, QString(), QFont(font().family(), 8)));
    m_note->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
    plotLayout()->setRowStretchFactor(2, 0.001);
}

void BandChart::setData(const Data &data)
{
    m_data = data;
    clearPlottables();
    if (data.logX) {
        setLogAxis(xAxis);
    } else {
        xAxis->setScaleType(QCPAxis::stLinear);
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    xAxis->setLabel(data.xLabel);
    yAxis->setLabel(data.yLabel);
    double xLo = INFINITY, xHi = -INFINITY, yLo = INFINITY, yHi = -INFINITY;
    auto see = [&](double x, double y) {
        if (!std::isfinite(x) || !std::isfinite(y) || (data.logX && x <= 0))
            return false;
        xLo = std::min(xLo, x);
        xHi = std::max(xHi, x);
        yLo = std::min(yLo, y);
        yHi = std::max(yHi, y);
        return true;
    };
    auto graph = [&](const QVector<double> &x, const QVector<double> &y, const QPen &pen) {
        QCPGraph *g = addGraph();
        g->setData(x, y, true);
        g->setPen(pen);
        g->removeFromLegend();
        return g;
    };
    int index = 0;
    for (const Line &line : data.lines) {
        const QColor color = categoryColor(line.color >= 0 ? line.color : index);
        ++index;
        for (const auto &trace : line.traces) {
            QVector<double> x, y;
            for (std::size_t i = 0; i < line.x.size() && i < trace.size(); ++i)
                if (see(line.x[i], trace[i])) {
                    x << line.x[i];
                    y << trace[i];
                }
            QColor faint = color;
            faint.setAlpha(70);
            graph(x, y, QPen(faint, 1));
        }
        QVector<double> bx, blo, bhi;
        for (std::size_t i = 0; i < line.x.size() && i < line.lo.size() && i < line.hi.size(); ++i)
            if (see(line.x[i], line.lo[i]) && see(line.x[i], line.hi[i])) {
                bx << line.x[i];
                blo << line.lo[i];
                bhi << line.hi[i];
            }
        if (!bx.isEmpty()) {
            QCPGraph *lo = graph(bx, blo, Qt::NoPen);
            QCPGraph *hi = graph(bx, bhi, Qt::NoPen);
            QColor fill = color;
            fill.setAlpha(55);
            hi->setBrush(fill);
            hi->setChannelFillGraph(lo);
        }
        QVector<double> x, y, cx, cy;
        for (std::size_t i = 0; i < line.x.size() && i < line.y.size(); ++i) {
            const bool censored = i < line.censored.size() && line.censored[i];
            if (!see(line.x[i], line.y[i]))
                continue;
            (censored ? cx : x) << line.x[i];
            (censored ? cy : y) << line.y[i];
        }
        QCPGraph *g = addGraph();
        g->setName(line.name);
        g->setData(x, y, true);
        g->setPen(QPen(color, line.dashed ? 1.6 : 2, line.dashed ? Qt::DashLine : Qt::SolidLine));
        if (!line.dashed)
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 5));
        if (!cx.isEmpty()) {
            QCPGraph *c = graph(cx, cy, QPen(color, 1.5));
            c->setLineStyle(QCPGraph::lsNone);
            c->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(color, 1.5), Qt::white, 10));
        }
    }
    const Reference &ref = data.reference;
    if (!ref.name.isEmpty() && std::isfinite(ref.y) && std::isfinite(xLo)) {
        see(xLo, ref.lo);
        see(xHi, ref.hi);
        const QVector<double> x{xLo, xHi};
        QCPGraph *lo = graph(x, {ref.lo, ref.lo}, Qt::NoPen);
        QCPGraph *hi = graph(x, {ref.hi, ref.hi}, Qt::NoPen);
        hi->setBrush(QColor(0, 0, 0, 30));
        hi->setChannelFillGraph(lo);
        QCPGraph *g = addGraph();
        g->setName(ref.name);
        g->setData(x, {ref.y, ref.y}, true);
        g->setPen(QPen(Qt::black, 1.6, Qt::DashLine));
        see(xLo, ref.y);
    }
    // A few distinct sizes on a log axis (β = 1, 2, 3, 5, 10; 250 … 2,000 images) are labelled
    // where they were measured: a log ticker left β = 1 without a label.
    std::vector<double> xs;
    for (const Line &line : data.lines)
        for (double x : line.x)
            if (std::isfinite(x) && (!data.logX || x > 0))
                xs.push_back(x);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    if (data.logX && !xs.empty() && xs.size() <= 12) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (double x : xs)
            ticker->addTick(x, QLocale().toString(x, 'g', 6));
        xAxis->setTicker(ticker);
    }
    if (std::isfinite(xLo)) {
        if (data.logX)
            xAxis->setRange(xLo / 1.1, xHi * 1.1);
        else
            xAxis->setRange(xLo - 0.03 * (xHi - xLo + 1e-12), xHi + 0.03 * (xHi - xLo + 1e-12));
        const double pad = 0.05 * std::max(yHi - yLo, 1e-9);
        yAxis->setRange(yLo - pad, yHi + pad);
    } else { // nothing to show (a new session): the axes of a new chart, not the last study's
        xAxis->setRange(data.logX ? QCPRange(1, 10) : QCPRange(0, 1));
        yAxis->setRange(0, 1);
    }
    legend->setVisible(!data.lines.empty());
    m_note->setText(data.note);
    m_note->setVisible(!data.note.isEmpty());
    replot();
}

QString BandChart::csv() const
{
    auto num = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', 10) : QString(); };
    QString out = QStringLiteral("series,trial,%1,%2,q25,q75,censored\n").arg(csvField(m_data.xLabel), csvField(m_data.yLabel));
    for (const Line &l : m_data.lines) {
        for (std::size_t i = 0; i < l.x.size() && i < l.y.size(); ++i)
            out += csvField(l.name) + QStringLiteral(",median,") + num(l.x[i]) + QLatin1Char(',') + num(l.y[i])
                   + QLatin1Char(',') + (i < l.lo.size() ? num(l.lo[i]) : QString()) + QLatin1Char(',')
                   + (i < l.hi.size() ? num(l.hi[i]) : QString()) + QLatin1Char(',')
                   + (i < l.censored.size() && l.censored[i] ? QStringLiteral("yes") : QString()) + QLatin1Char('\n');
        for (std::size_t t = 0; t < l.traces.size(); ++t)
            for (std::size_t i = 0; i < l.x.size() && i < l.traces[t].size(); ++i)
                out += csvField(l.name) + QLatin1Char(',') + QString::number(t + 1) + QLatin1Char(',') + num(l.x[i])
                       + QLatin1Char(',') + num(l.traces[t][i]) + QStringLiteral(",,,\n");
    }
    if (!m_data.reference.name.isEmpty())
        out += csvField(m_data.reference.name) + QStringLiteral(",median,,") + num(m_data.reference.y) + QLatin1Char(',')
               + num(m_data.reference.lo) + QLatin1Char(',') + num(m_data.reference.hi) + QStringLiteral(",\n");
    return out;
}

} // namespace wb::widgets
