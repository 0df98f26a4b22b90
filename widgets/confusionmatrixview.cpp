#include "confusionmatrixview.h"

#include <QLocale>

#include <cmath>

namespace wb::widgets {

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("confusion-matrix"));
    m_map = new QCPColorMap(xAxis, yAxis);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0, QColor(247, 251, 255));
    gradient.setColorStopAt(0.5, QColor(107, 174, 214));
    gradient.setColorStopAt(1, QColor(8, 48, 107));
    m_map->setGradient(gradient);
    m_map->setInterpolate(false);
    xAxis->setLabel(tr("predicted class"));
    yAxis->setLabel(tr("true class"));
    yAxis->setRangeReversed(true); // class 0 at the top, as in a table
    xAxis->setTickLabelRotation(-35); // labels run down-left from their tick: the last one is not cut at the edge
    // No tick marks, and room between the class names and the cells: a tick touching the
    // first column's "0.00" read as "-0.00".
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setTicks(true);
        axis->setTickLength(0, 0);
        axis->setSubTicks(false);
        axis->setTickLabelPadding(8);
    }
}

double ConfusionMatrixView::cellValue(int t, int p) const
{
    const double v = double(m_counts[std::size_t(t)][std::size_t(p)]);
    if (m_mode == Mode::Counts)
        return v;
    double total = 0;
    for (std::size_t k = 0; k < m_counts.size(); ++k)
        total += m_mode == Mode::RowNormalized ? double(m_counts[std::size_t(t)][k]) : double(m_counts[k][std::size_t(p)]);
    return total > 0 ? v / total : 0.0;
}

void ConfusionMatrixView::setMatrix(const std::vector<std::vector<std::int64_t>> &counts, const QStringList &classes)
{
    m_counts = counts;
    m_classes = classes;
    rebuild();
}

void ConfusionMatrixView::setMode(Mode mode)
{
    m_mode = mode;
    rebuild();
}

void ConfusionMatrixView::rebuild()
{
    for (auto *t : m_texts)
        removeItem(t);
    m_texts.clear();
    const int k = int(m_counts.size());
    m_map->data()->setSize(k, k);
    m_map->data()->setRange(QCPRange(0, std::max(0, k - 1)), QCPRange(0, std::max(0, k - 1)));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (int t = 0; t < k; ++t) {
        const QString name = t < m_classes.size() ? m_classes[t] : QString::number(t);
        ticker->addTick(t, name);
        for (int p = 0; p < k; ++p) {
            const double v = cellValue(t, p);
            m_map->data()->setCell(p, t, v);
            top = std::max(top, v);
        }
    }
    xAxis->setTicker(ticker);
    yAxis->setTicker(ticker);
    m_map->setDataRange(QCPRange(0, top > 0 ? top : 1));
    if (k <= 30) { // numbers stay readable up to 30 classes; zoom in beyond
        for (int t = 0; t < k; ++t)
            for (int p = 0; p < k; ++p) {
                auto *text = new QCPItemText(this);
                text->position->setCoords(p, t);
                const double v = cellValue(t, p);
                text->setText(m_mode == Mode::Counts ? QLocale().toString(qlonglong(v)) : QString::number(v, 'f', 2));
                text->setFont(QFont(font().family(), k > 15 ? 6 : 8));
                text->setColor(v > 0.55 * top ? Qt::white : Qt::black);
                text->setClipToAxisRect(true);
                m_texts << text;
            }
    }
    xAxis->setRange(-0.5, k - 0.5);
    yAxis->setRange(-0.5, k - 0.5);
    replot(QCustomPlot::rpQueuedReplot);
}

std::pair<int, int> ConfusionMatrixView::cellAt(const QPointF &pos) const
{
    const int p = int(std::lround(xAxis->pixelToCoord(pos.x())));
    const int t = int(std::lround(yAxis->pixelToCoord(pos.y())));
    const int k = int(m_counts.size());
    if (p < 0 || t < 0 || p >= k || t >= k || !axisRect()->rect().contains(pos.toPoint()))
        return {-1, -1};
    return {t, p};
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent *event)
{
    const auto [t, p] = cellAt(event->position());
    if (event->button() == Qt::LeftButton && t >= 0)
        Q_EMIT cellClicked(t, p);
    PlotWidget::mousePressEvent(event);
}

QString ConfusionMatrixView::csv() const
{
    QString out = QStringLiteral("true\\predicted");
    for (int p = 0; p < int(m_counts.size()); ++p)
        out += QLatin1Char(',') + csvField(p < m_classes.size() ? m_classes[p] : QString::number(p));
    out += QLatin1Char('\n');
    for (int t = 0; t < int(m_counts.size()); ++t) {
        out += csvField(t < m_classes.size() ? m_classes[t] : QString::number(t));
        for (int p = 0; p < int(m_counts.size()); ++p)
            out += QLatin1Char(',') + QString::number(cellValue(t, p), 'g', 10);
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace wb::widgets
