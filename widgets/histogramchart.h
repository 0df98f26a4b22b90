#pragma once

#include "plotwidget.h"

#include <cstdint>
#include <vector>

namespace wb::widgets {

/// Bar chart of images per class, train and test side by side, class names on the axis.
class HistogramChart : public PlotWidget
{
    Q_OBJECT

public:
    explicit HistogramChart(QWidget *parent = nullptr);
    void setCounts(const QStringList &classes, const std::vector<std::int64_t> &train,
                   const std::vector<std::int64_t> &test);
    /// One series of values per class (e.g. per-class accuracy) with its axis label.
    void setValues(const QStringList &classes, const std::vector<double> &values, const QString &label,
                   double top);
    QString csv() const override;

private:
    void setClassTicks(const QStringList &classes);
    QCPBars *m_train = nullptr;
    QCPBars *m_test = nullptr;
    QStringList m_classes;
    std::vector<std::int64_t> m_trainCounts, m_testCounts;
    std::vector<double> m_values;
};

} // namespace wb::widgets
