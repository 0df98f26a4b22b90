#include "histogramchart.h"

#include <algorithm>
#include <cmath>

namespace wb::widgets {

HistogramChart::HistogramChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("class-histogram"));
    setInteractions({});
    m_train = new QCPBars(xAxis, yAxis);
    m_test = new QCPBars(xAxis, yAxis);
    m_train->setName(tr("train"));
    m_test->setName(tr("test"));
    m_train->setBrush(QColor(31, 119, 180, 200));
    m_test->setBrush(QColor(255, 127, 14, 200));
    m_train->setPen(Qt::NoPen);
    m_test->setPen(Qt::NoPen);
    auto *group = new QCPBarsGroup(this);
    m_train->setBarsGroup(group);
    m_test->setBarsGroup(group);
    m_train->setWidth(0.38);
    m_test->setWidth(0.38);
    yAxis->setLabel(tr("images"));
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
}

void HistogramChart::setClassTicks(const QStringList &classes)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 0; k < classes.size(); ++k)
        ticker->addTick(k, classes[k]);
    xAxis->setTicker(ticker);
    xAxis->setRange(-0.6, classes.size() - 0.4);
    const bool rotate = classes.size() > 6;
    xAxis->setTickLabelRotation(rotate ? 35 : 0);
    // QCustomPlot drops a tick label that would cross the widget's edge; rotated labels run to
    // the right of their tick, so leave room for the last one.
    if (rotate && !classes.isEmpty()) {
        const double width = QFontMetrics(xAxis->tickLabelFont()).horizontalAdvance(classes.last());
        axisRect()->setAutoMargins(QCP::msLeft | QCP::msTop | QCP::msBottom);
        axisRect()->setMargins(QMargins(0, 0, int(width * std::cos(35 * M_PI / 180)) + 6, 0));
    } else {
        axisRect()->setAutoMargins(QCP::msAll);
    }
}

void HistogramChart::setCounts(const QStringList &classes, const std::vector<std::int64_t> &train,
                               const std::vector<std::int64_t> &test)
{
    m_classes = classes;
    m_values.clear();
    m_trainCounts = train;
    m_testCounts = test;
    setClassTicks(classes);
    QVector<double> keys, trainValues, testValues;
    double top = 1;
    for (int k = 0; k < classes.size(); ++k) {
        keys << k;
        trainValues << (std::size_t(k) < train.size() ? double(train[std::size_t(k)]) : 0.0);
        testValues << (std::size_t(k) < test.size() ? double(test[std::size_t(k)]) : 0.0);
        top = std::max({top, trainValues.back(), testValues.back()});
    }
    yAxis->setRange(0, top * 1.5); // headroom for the legend above the tallest bar
    m_train->setData(keys, trainValues, true);
    m_test->setData(keys, testValues, true);
    m_test->setVisible(!test.empty());
    replot();
}

void HistogramChart::setValues(const QStringList &classes, const std::vector<double> &values,
                               const QString &label, double top)
{
    m_classes = classes;
    m_trainCounts.clear();
    m_testCounts.clear();
    setClassTicks(classes);
    QVector<double> keys, v;
    for (int k = 0; k < classes.size(); ++k) {
        keys << k;
        v << (std::size_t(k) < values.size() && std::isfinite(values[std::size_t(k)]) ? values[std::size_t(k)] : 0.0);
    }
    yAxis->setRange(0, top);
    yAxis->setLabel(label);
    m_train->setName(label);
    m_train->setWidth(0.7);
    m_train->setData(keys, v, true);
    m_test->setVisible(false);
    m_test->removeFromLegend();
    m_test->setBarsGroup(nullptr); // a single series: bars centred on their class
    m_train->setBarsGroup(nullptr);
    legend->setVisible(false);
    m_values = values;
    replot(QCustomPlot::rpQueuedReplot);
}

QString HistogramChart::csv() const
{
    if (!m_values.empty()) {
        QString out = QStringLiteral("class,value\n");
        for (int k = 0; k < m_classes.size(); ++k)
            out += QStringLiteral("%1,%2\n").arg(csvField(m_classes[k])).arg(std::size_t(k) < m_values.size() ? m_values[std::size_t(k)] : NAN, 0, 'g', 10);
        return out;
    }
    QString out = QStringLiteral("class,train,test\n");
    for (int k = 0; k < m_classes.size(); ++k)
        out += QStringLiteral("%1,%2,%3\n")
                   .arg(csvField(m_classes[k]))
                   .arg(std::size_t(k) < m_trainCounts.size() ? m_trainCounts[std::size_t(k)] : 0)
                   .arg(std::size_t(k) < m_testCounts.size() ? m_testCounts[std::size_t(k)] : 0);
    return out;
}

} // namespace wb::widgets
