#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Lines of points with error bars on (by default) a log-x axis — one line per group, in
/// viridis order so that a sequence (data sizes, model sizes) reads as one — plus, optionally,
/// highlighted lines (e.g. a compute-efficient frontier) and a note under the axes.
class SeriesChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Series
    {
        QString name;
        std::vector<double> x, y, error; ///< error: ± half-length of the bar (empty or NaN: none)
        bool line = true;                ///< points joined, else scattered
        bool highlight = false;          ///< drawn thick in red on top (a frontier)
    };
    struct Data
    {
        QString xLabel, yLabel;
        bool logX = true, logY = false;
        std::vector<Series> series;
        QString note;
    };

    explicit SeriesChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    QString csv() const override;

private:
    Data m_data;
    QCPTextElement *m_note;
};

} // namespace wb::widgets
