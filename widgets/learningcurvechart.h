#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Learning curve of a sufficiency study on a log-x axis: mean ± std per step (error
/// bars), the fitted power law (solid over the measured sizes, dashed beyond), its 80% and
/// 95% bootstrap bands, the asymptote, and a movable horizontal target line with the
/// samples-needed marker.
class LearningCurveChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Data
    {
        QString metric = QStringLiteral("accuracy");
        std::vector<double> steps, mean, stddev;
        std::vector<double> curveN, curve, lo80, hi80, lo95, hi95;
        double asymptote = 0;
        double trainSize = 0; ///< L: the curve is dashed beyond it
    };

    explicit LearningCurveChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    /// Draws the target line at `target`; `needed` (≤ 0: none) marks where the curve meets it.
    void setTarget(double target, double needed);
    QString csv() const override;

private:
    Data m_data;
    QCPGraph *m_points, *m_measured, *m_projected, *m_lo95, *m_hi95, *m_lo80, *m_hi80;
    QCPErrorBars *m_errors;
    QCPItemStraightLine *m_asymptote, *m_target;
    QCPItemStraightLine *m_neededLine;
    QCPItemText *m_label;
};

} // namespace wb::widgets
