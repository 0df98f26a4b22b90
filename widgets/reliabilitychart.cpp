#include "reliabilitychart.h"

#include <QLocale>

#include <cmath>

namespace wb::widgets {

ReliabilityChart::ReliabilityChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("reliability"));
    setInteractions({});
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), 9, QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);
    m_bars = new QCPBars(xAxis, yAxis);
    m_bars->setBrush(QColor(31, 119, 180, 170));
    m_bars->setPen(QPen(QColor(31, 119, 180)));
    m_bars->setName(tr("accuracy per bin"));
    m_gap = addGraph();
    m_gap->setLineStyle(QCPGraph::lsNone);
    m_gap->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(214, 39, 40), 6));
    m_gap->setName(tr("mean confidence"));
    auto *diagonal = new QCPItemStraightLine(this);
    diagonal->point1->setCoords(0, 0);
    diagonal->point2->setCoords(1, 1);
    diagonal->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    xAxis->setLabel(tr("confidence (max softmax probability)"));
    yAxis->setLabel(tr("accuracy"));
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
    placeLegendBelow(2); // inside the axes it covered the bars from 0.3 to 0.6
}

void ReliabilityChart::setBins(const std::vector<double> &low, const std::vector<double> &high,
                               const std::vector<double> &accuracy, const std::vector<double> &confidence,
                               const std::vector<std::int64_t> &count, double ece)
{
    QVector<double> keys, values, cx, cy;
    for (std::size_t b = 0; b < low.size(); ++b) {
        if (count[b] == 0 || !std::isfinite(accuracy[b]))
            continue;
        keys << (low[b] + high[b]) / 2;
        values << accuracy[b];
        cx << (low[b] + high[b]) / 2;
        cy << confidence[b];
    }
    if (!low.empty())
        m_bars->setWidth((high[0] - low[0]) * 0.9);
    m_bars->setData(keys, values, true);
    m_gap->setData(cx, cy, true);
    // Short: the long title was cut at both ends on a laptop ("rwarteter Kalibrierungsfehler").
    m_title->setText(tr("Calibration error (ECE, 15 bins): %1").arg(QLocale().toString(ece, 'f', 4)));
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace wb::widgets
