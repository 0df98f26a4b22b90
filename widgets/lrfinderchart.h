#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Loss against learning rate (log x) from an LR range test: raw losses (faint), the
/// smoothed median curve (bold) with the min–max band of the repeats, and the suggestions
/// as labelled markers. Clicking a marker emits suggestionClicked; hovering explains it.
class LrFinderChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Suggestion
    {
        QString name;        ///< "min_loss_half", "steepest", "valley"
        double lr = 0;
        QString explanation; ///< tooltip text
    };

    explicit LrFinderChart(QWidget *parent = nullptr);
    void setCurve(const std::vector<double> &lr, const std::vector<double> &loss,
                  const std::vector<double> &smoothed, const std::vector<double> &lossMin,
                  const std::vector<double> &lossMax, const QList<Suggestion> &suggestions);
    const QList<Suggestion> &suggestions() const { return m_suggestions; }
    /// The suggestion whose marker is within a few pixels of `pos`, or −1.
    int suggestionAt(const QPointF &pos) const;
    QString csv() const override;
    /// Where the suggestions' labels are drawn (pixels, after a replot): for tests.
    QList<QRectF> labelRects() const;

Q_SIGNALS:
    void suggestionClicked(const QString &name, double lr);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void placeLabels();
    double smoothedAt(double lr) const;
    QCPGraph *m_raw, *m_smoothed, *m_lo, *m_hi, *m_markers;
    std::vector<double> m_lr, m_loss, m_smooth;
    QList<Suggestion> m_suggestions;
    QList<QCPItemText *> m_labels;
};

} // namespace wb::widgets
