#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// One metric of several groups side by side: every value a dot (spread sideways so that
/// equal values stay visible), a box of the quartiles with whiskers to the extremes behind
/// them, and the mean with its confidence interval as a black bar — the strip/box plot of
/// repeated trainings.
class StripChart : public PlotWidget
{
    Q_OBJECT

public:
    struct Group
    {
        QString name;
        std::vector<double> values;              ///< NaN values are left out
        double mean = 0, ciLow = 0, ciHigh = 0;  ///< drawn when finite
    };
    struct Data
    {
        QString yLabel;
        QString csvName; ///< the values' column in the CSV (a stable key, e.g. "accuracy"); yLabel when empty
        std::vector<Group> groups;
        QString note;                            ///< a line under the axes
    };

    explicit StripChart(QWidget *parent = nullptr);
    void setData(const Data &data);
    const Data &data() const { return m_data; }
    QString csv() const override;

private:
    Data m_data;
    QCPTextElement *m_note;
};

} // namespace wb::widgets
