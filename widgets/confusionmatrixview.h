#pragma once

#include "plotwidget.h"

#include <cstdint>
#include <vector>

namespace wb::widgets {

/// Confusion matrix heatmap: rows = true class (y, top to bottom), columns = predicted
/// class (x), numbers in the cells while they are large enough to read; counts, row- or
/// column-normalised. Zoom and pan for many classes; clicking a cell emits cellClicked.
class ConfusionMatrixView : public PlotWidget
{
    Q_OBJECT

public:
    enum class Mode { Counts, RowNormalized, ColumnNormalized };

    explicit ConfusionMatrixView(QWidget *parent = nullptr);
    void setMatrix(const std::vector<std::vector<std::int64_t>> &counts, const QStringList &classes);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    /// Value shown in cell (truth, predicted) under the current mode.
    double cellValue(int truth, int predicted) const;
    /// The cell under a widget position, or {-1, -1}.
    std::pair<int, int> cellAt(const QPointF &pos) const;
    QString csv() const override;

Q_SIGNALS:
    void cellClicked(int truth, int predicted);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    void rebuild();
    std::vector<std::vector<std::int64_t>> m_counts;
    QStringList m_classes;
    Mode m_mode = Mode::Counts;
    QCPColorMap *m_map;
    QList<QCPItemText *> m_texts;
};

} // namespace wb::widgets
