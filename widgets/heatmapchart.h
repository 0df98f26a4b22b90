#pragma once

#include "plotwidget.h"

#include <QStringList>

#include <vector>

namespace wb::widgets {

/// A grid of numbers as a heatmap (rows bottom to top, columns left to right) in a
/// perceptual colour map (viridis), each cell labelled with its mean (and ± std when given),
/// missing cells (NaN) left blank so that a running study fills in; optional iso-lines
/// (e.g. a fitted law's iso-loss contours) drawn over it in cell coordinates, with a label.
class HeatmapChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Contour
    {
        QString label;                   ///< e.g. "0.5"
        std::vector<double> column, row; ///< the polyline in cell coordinates (0 = first cell's centre)
    };
    struct Data
    {
        QString title;                   ///< e.g. "test loss"
        QStringList rows, columns;       ///< tick labels
        QString rowAxis, columnAxis;     ///< axis titles
        std::vector<std::vector<double>> mean, stddev; ///< [row][column]; NaN = not measured
        bool higherIsBetter = false;     ///< flips the colour map so that "better" is always bright
        std::vector<Contour> contours;
        QString note;                    ///< a line under the axes (e.g. why no contours)
    };

    explicit HeatmapChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    /// The label text of cell (row, column): "" when missing.
    QString cellText(int row, int column) const;
    QString csv() const override;
    /// No rows or columns: the page's hint instead of an empty (dark) colour map.
    bool isEmptyPlot() const override { return m_data.rows.empty() || m_data.columns.empty(); }

private:
    Data m_data;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPTextElement *m_note;
    std::vector<QCPCurve *> m_contours;
};

/// The viridis colour map (perceptually uniform, readable in grey and by colour-blind eyes).
QCPColorGradient viridisGradient();

} // namespace wb::widgets
