#pragma once

#include "plotwidget.h"

#include <QStringList>

#include <vector>

namespace wb::widgets {

/// Learning curve of a sufficiency study on a log-x axis: mean ± std per step (error
/// bars), the fitted curve (solid over the measured sizes, dashed beyond; its family named
/// in the legend), its 80% and 95% bootstrap bands, the asymptote, and a horizontal target
/// line — always in view — with the samples-needed marker, and the answer with its band and
/// the fit's warnings in rows under the axes (so an exported image carries them and they
/// never cover the data).
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
        QString family = QStringLiteral("power law"); ///< legend name of the fitted curve
        QStringList warnings; ///< written into the plot's top left corner
    };

    explicit LearningCurveChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    /// Draws the target line at `target`; `needed` (≤ 0: unreachable) marks where the curve
    /// meets it; `detail` (e.g. "95%: 900–1,400", or the asymptote) follows the answer.
    void setTarget(double target, double needed, const QString &detail = QString());
    QString csv() const override;

private:
    Data m_data;
    QCPGraph *m_points, *m_measured, *m_projected, *m_lo95, *m_hi95, *m_lo80, *m_hi80;
    QCPErrorBars *m_errors;
    QCPItemStraightLine *m_asymptote, *m_target;
    QCPItemStraightLine *m_neededLine;
    QCPTextElement *m_label, *m_warnings; ///< rows under the axes: never over the data
    double m_yLo = 0, m_yHi = 1; ///< the data's y range, before the target extends it
};

} // namespace wb::widgets
