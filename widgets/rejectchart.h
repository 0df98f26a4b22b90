#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Reject-option plot, either (a) errors among accepted points against the confidence
/// threshold, or (b) the error rate of accepted points against the number rejected. A
/// vertical line marks the current threshold; clicking or dragging moves it
/// (thresholdChanged carries the confidence threshold in both views).
class RejectChart : public PlotWidget
{
    Q_OBJECT

public:
    enum class View { ErrorsVsThreshold, RateVsRejected };

    explicit RejectChart(View view, QWidget *parent = nullptr);
    void setCurve(const std::vector<double> &threshold, const std::vector<std::int64_t> &errors,
                  const std::vector<std::int64_t> &rejected, const std::vector<double> &errorRate);
    /// Moves the marker to the curve point of confidence threshold α (without emitting).
    void setThreshold(double threshold);
    double threshold() const { return m_current; }
    /// The confidence threshold of the curve point nearest to a widget x position.
    double thresholdAt(double pixelX) const;

Q_SIGNALS:
    void thresholdChanged(double threshold);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    View m_view;
    std::vector<double> m_threshold, m_rate;
    std::vector<std::int64_t> m_errors, m_rejected;
    double m_current = 0;
    QCPGraph *m_curve;
    QCPItemStraightLine *m_marker;
};

} // namespace wb::widgets
