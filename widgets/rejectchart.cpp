#include "rejectchart.h"

#include <cmath>

namespace wb::widgets {

RejectChart::RejectChart(View view, QWidget *parent) : PlotWidget(parent), m_view(view)
{
    const bool a = view == View::ErrorsVsThreshold;
    setExportName(a ? QStringLiteral("reject-errors") : QStringLiteral("reject-error-rate"));
    setInteractions({});
    m_curve = addGraph();
    m_curve->setPen(QPen(QColor(31, 119, 180), 2));
    m_curve->setLineStyle(a ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    xAxis->setLabel(a ? tr("confidence threshold α (reject c ≤ α)") : tr("rejected test images"));
    yAxis->setLabel(a ? tr("errors among accepted") : tr("error rate of accepted"));
    m_marker = new QCPItemStraightLine(this);
    m_marker->setPen(QPen(QColor(214, 39, 40), 1.5, Qt::DashLine));
}

void RejectChart::setCurve(const std::vector<double> &threshold, const std::vector<std::int64_t> &errors,
                           const std::vector<std::int64_t> &rejected, const std::vector<double> &errorRate)
{
    m_threshold = threshold;
    m_errors = errors;
    m_rejected = rejected;
    m_rate = errorRate;
    QVector<double> x, y;
    for (std::size_t i = 0; i < threshold.size(); ++i) {
        const double yy = m_view == View::ErrorsVsThreshold ? double(errors[i]) : errorRate[i];
        if (!std::isfinite(yy))
            continue;
        x << (m_view == View::ErrorsVsThreshold ? threshold[i] : double(rejected[i]));
        y << yy;
    }
    m_curve->setData(x, y, true);
    rescaleAxes();
    yAxis->setRangeLower(0);
    setThreshold(threshold.empty() ? 0 : threshold.front());
}

void RejectChart::setThreshold(double t)
{
    m_current = t;
    double x = t;
    if (m_view == View::RateVsRejected) {
        std::size_t best = 0;
        for (std::size_t i = 0; i < m_threshold.size(); ++i)
            if (std::abs(m_threshold[i] - t) < std::abs(m_threshold[best] - t))
                best = i;
        x = m_rejected.empty() ? 0 : double(m_rejected[best]);
    }
    m_marker->point1->setCoords(x, 0);
    m_marker->point2->setCoords(x, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

double RejectChart::thresholdAt(double pixelX) const
{
    if (m_threshold.empty())
        return 0;
    const double x = xAxis->pixelToCoord(pixelX);
    std::size_t best = 0;
    for (std::size_t i = 0; i < m_threshold.size(); ++i) {
        const double xi = m_view == View::ErrorsVsThreshold ? m_threshold[i] : double(m_rejected[i]);
        const double xb = m_view == View::ErrorsVsThreshold ? m_threshold[best] : double(m_rejected[best]);
        if (std::abs(xi - x) < std::abs(xb - x))
            best = i;
    }
    return m_threshold[best];
}

void RejectChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_threshold.empty()) {
        const double t = thresholdAt(event->position().x());
        setThreshold(t);
        Q_EMIT thresholdChanged(t);
    }
    PlotWidget::mousePressEvent(event);
}

void RejectChart::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && !m_threshold.empty()) { // drag the threshold
        const double t = thresholdAt(event->position().x());
        if (t != m_current) {
            setThreshold(t);
            Q_EMIT thresholdChanged(t);
        }
    }
    PlotWidget::mouseMoveEvent(event);
}

} // namespace wb::widgets
