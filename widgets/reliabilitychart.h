#pragma once

#include "plotwidget.h"

#include <vector>

namespace wb::widgets {

/// Reliability diagram: accuracy per confidence bin as bars against the diagonal of perfect
/// calibration, with the expected calibration error in the title.
class ReliabilityChart : public PlotWidget
{
    Q_OBJECT

public:
    explicit ReliabilityChart(QWidget *parent = nullptr);
    void setBins(const std::vector<double> &low, const std::vector<double> &high,
                 const std::vector<double> &accuracy, const std::vector<double> &confidence,
                 const std::vector<std::int64_t> &count, double ece);

private:
    QCPBars *m_bars;
    QCPGraph *m_gap;
    QCPTextElement *m_title;
};

} // namespace wb::widgets
