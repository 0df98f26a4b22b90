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
        QString curveLabel; ///< the curve's legend entry instead of "<family> fit", when set
        QStringList warnings; ///< written into the plot's top left corner
        std::vector<double> lo50, hi50;   ///< a 50% band (calibrated answers), may be empty
        std::size_t firstFitted = 0;      ///< sizes before this index are drawn hollow (not fitted)
        bool fitMisses = false;           ///< the fitted curve misses the data: grey and dashed
        /// Fits left out of the answer (they miss the data), at curveN: grey and dashed.
        std::vector<std::pair<QString, std::vector<double>>> rejected;
    };

    explicit LearningCurveChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    /// Draws the target line at `target`; `needed` (≤ 0: none) marks where the curve meets
    /// it; `detail` (e.g. "80%: 900–1,400", or the asymptote) follows the answer, and
    /// `nextStep` is written on a line of its own (so an exported image carries both).
    void setTarget(double target, double needed, const QString &detail = QString(),
                   const QString &nextStep = QString());
    QString csv() const override;

private:
    Data m_data;
    QCPGraph *m_points, *m_excluded, *m_measured, *m_projected, *m_lo95, *m_hi95, *m_lo80, *m_hi80, *m_lo50, *m_hi50;
    std::vector<QCPGraph *> m_rejected;
    QString m_answerText, m_nextStep; ///< as set by setTarget, for the CSV
    QCPErrorBars *m_errors;
    QCPItemStraightLine *m_asymptote, *m_target;
    QCPItemStraightLine *m_neededLine;
    QCPTextElement *m_label, *m_warnings; ///< rows under the axes: never over the data
    double m_yLo = 0, m_yHi = 1; ///< the data's y range, before the target extends it
};

} // namespace wb::widgets
