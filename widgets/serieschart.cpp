#include "serieschart.h"
#include "logticker.h"

#include "heatmapchart.h" // viridisGradient

#include <algorithm>
#include <cmath>

namespace wb::widgets {

SeriesChart::SeriesChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("series"));
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plotLayout()->addElement(1, 0, m_note = new QCPTextElement(this, QString(), QFont(font().family(), 8)));
    m_note->setTextColor(QColor(179, 89, 0));
    m_note->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
}

void SeriesChart::setData(const Data &data)
{
    m_data = data;
    clearPlottables();
    QCPColorGradient gradient = viridisGradient(); // color() is not const
    for (auto [axis, log] : {std::pair{xAxis, data.logX}, std::pair{yAxis, data.logY}}) {
        if (log) {
            setLogAxis(axis);
        } else {
            axis->setScaleType(QCPAxis::stLinear);
            axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
            axis->setNumberFormat(QStringLiteral("gb"));
        }
    }
    xAxis->setLabel(data.xLabel);
    yAxis->setLabel(data.yLabel);
    int plain = 0;
    for (const Series &s : data.series)
        plain += s.highlight ? 0 : 1;
    int index = 0;
    double xLo = INFINITY, xHi = -INFINITY, yLo = INFINITY, yHi = -INFINITY;
    for (const Series &s : data.series) {
        QCPGraph *g = addGraph();
        g->setName(s.name);
        QVector<double> x, y, e;
        bool anyError = false;
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]) || (data.logX && s.x[i] <= 0)
                || (data.logY && s.y[i] <= 0))
                continue;
            const double err = i < s.error.size() && std::isfinite(s.error[i]) ? s.error[i] : 0.0;
            x << s.x[i];
            y << s.y[i];
            e << err;
            anyError = anyError || err > 0;
            xLo = std::min(xLo, s.x[i]);
            xHi = std::max(xHi, s.x[i]);
            yLo = std::min(yLo, s.y[i] - err);
            yHi = std::max(yHi, s.y[i] + err);
        }
        g->setData(x, y, !s.line); // scattered points may come in any order
        QColor color = s.highlight ? QColor(214, 39, 40)
                                   : gradient.color(plain > 1 ? 0.9 * index / double(plain - 1) : 0.3, QCPRange(0, 1));
        if (s.highlight) {
            g->setPen(QPen(color, 2.6));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, color, color, 8));
        } else {
            g->setPen(s.line ? QPen(color, 1.6) : Qt::NoPen);
            g->setLineStyle(s.line ? QCPGraph::lsLine : QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 6));
            ++index;
        }
        if (anyError) {
            auto *bars = new QCPErrorBars(xAxis, yAxis);
            bars->setDataPlottable(g);
            bars->setData(e);
            bars->setPen(QPen(color, 1.1));
            bars->removeFromLegend();
        }
    }
    if (std::isfinite(xLo)) {
        if (data.logX)
            xAxis->setRange(xLo / 1.3, xHi * 1.3);
        else
            xAxis->setRange(xLo - 0.05 * (xHi - xLo + 1e-12), xHi + 0.05 * (xHi - xLo + 1e-12));
        const double pad = 0.06 * std::max(yHi - yLo, 1e-9);
        if (data.logY)
            yAxis->setRange(std::max(yLo, 1e-12) / 1.15, yHi * 1.15);
        else
            yAxis->setRange(yLo - pad, yHi + pad);
    } else { // nothing to show (a new session): the axes of a new chart
        xAxis->setRange(data.logX ? QCPRange(1, 10) : QCPRange(0, 1));
        yAxis->setRange(data.logY ? QCPRange(0.1, 1) : QCPRange(0, 1));
    }
    legend->setVisible(!data.series.empty() && data.series.size() <= 12);
    m_note->setText(data.note);
    replot();
}

QString SeriesChart::csv() const
{
    QString out = QStringLiteral("series,%1,%2,error\n").arg(csvField(m_data.xLabel), csvField(m_data.yLabel));
    for (const Series &s : m_data.series)
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
            out += csvField(s.name) + QLatin1Char(',') + QString::number(s.x[i], 'g', 10) + QLatin1Char(',')
                   + QString::number(s.y[i], 'g', 10) + QLatin1Char(',')
                   + (i < s.error.size() && std::isfinite(s.error[i]) ? QString::number(s.error[i], 'g', 10) : QString())
                   + QLatin1Char('\n');
    return out;
}

} // namespace wb::widgets
