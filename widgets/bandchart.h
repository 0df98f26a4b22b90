#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Lines of medians with their interquartile bands and, faint behind them, every trial —
/// one colour per line (a qualitative palette, the same index the same colour on every chart)
/// — plus an optional horizontal reference with its band (e.g. a full-data baseline), and
/// censored points (e.g. "never reached") drawn as hollow triangles apart from the line.
class BandChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Line
    {
        QString name;
        std::vector<double> x, y, lo, hi;          ///< lo/hi: the band (empty or NaN: none)
        std::vector<std::vector<double>> traces;  ///< per trial, at x (NaN: not measured)
        std::vector<bool> censored;               ///< points drawn as hollow triangles, off the line
        int color = -1;                           ///< palette index (−1: the line's position)
        bool dashed = false;                      ///< a dashed line without markers (e.g. an expectation)
    };
    struct Reference
    {
        QString name;                 ///< empty: no reference
        double y = 0, lo = 0, hi = 0; ///< the line and its band
    };
    struct Data
    {
        QString xLabel, yLabel;
        bool logX = false;
        std::vector<Line> lines;
        Reference reference;
        QString note;                 ///< a line under the axes
    };

    explicit BandChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    QString csv() const override;

private:
    Data m_data;
    QCPTextElement *m_note;
};

/// The i-th colour of a qualitative palette (Tableau 10), cycling.
QColor categoryColor(int index);

} // namespace wb::widgets
