#include "embeddingview.h"

#include "trainingchart.h"

#include <QBuffer>
#include <QToolTip>

#include <cmath>

namespace wb::widgets {

EmbeddingView::EmbeddingView(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("embedding"));
    legend->setVisible(false); // until there are classes to list
    legend->setFont(QFont(font().family(), 8));
    legend->setBrush(QColor(255, 255, 255, 200));
    // The legend sits beside the map, not over its points: in a column of its own, over an
    // empty element that takes the height (alone in the row, the legend's small maximum
    // height would cap the map's).
    axisRect()->insetLayout()->take(legend);
    auto *side = new QCPLayoutGrid;
    plotLayout()->addElement(0, 1, side);
    plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, legend);
    side->addElement(1, 0, new QCPLayoutElement(this));
    side->setRowStretchFactor(1, 100);
    side->setMargins(QMargins(0, 0, 4, 0)); // the legend's frame stays whole at the right edge
    legend->setMargins(QMargins(6, 6, 6, 6));
    xAxis->setTicks(false);
    yAxis->setTicks(false);
    setMouseTracking(true);
}

void EmbeddingView::setEmbedding(const std::vector<double> &points, const std::vector<std::int64_t> &truth,
                                 const std::vector<std::int64_t> &predicted, const QStringList &classes)
{
    clearGraphs();
    m_points = points;
    m_truth = truth;
    m_predicted = predicted;
    m_classes = classes;
    for (int k = 0; k < classes.size(); ++k) {
        QVector<double> x, y;
        for (std::size_t i = 0; i < truth.size(); ++i)
            if (truth[i] == k) {
                x << points[2 * i];
                y << points[2 * i + 1];
            }
        QCPGraph *g = addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, TrainingChart::runColor(k), 4));
        g->setName(classes[k]);
        g->setData(x, y);
        g->setAdaptiveSampling(false);
    }
    m_errors = addGraph();
    m_errors->setLineStyle(QCPGraph::lsNone);
    m_errors->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.2), Qt::NoBrush, 8));
    m_errors->setName(tr("misclassified"));
    QVector<double> ex, ey;
    for (std::size_t i = 0; i < truth.size(); ++i)
        if (i < predicted.size() && predicted[i] != truth[i]) {
            ex << points[2 * i];
            ey << points[2 * i + 1];
        }
    m_errors->setData(ex, ey);
    legend->setVisible(!classes.isEmpty());
    rescaleAxes();
    // A margin, so that the outermost points (and their rings) are whole, not cut by the frame.
    xAxis->scaleRange(1.08, xAxis->range().center());
    yAxis->scaleRange(1.08, yAxis->range().center());
    setHighlightErrors(m_highlight); // a new embedding keeps the "ring misclassified" choice
}

void EmbeddingView::setHighlightErrors(bool highlight)
{
    m_highlight = highlight;
    if (!m_errors)
        return;
    m_errors->setVisible(highlight);
    if (highlight)
        m_errors->addToLegend();
    else
        m_errors->removeFromLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

long EmbeddingView::pointAt(const QPointF &pos) const
{
    long best = -1;
    double bestD = 36; // within 6 px
    for (std::size_t i = 0; i < m_truth.size(); ++i) {
        const double dx = xAxis->coordToPixel(m_points[2 * i]) - pos.x();
        const double dy = yAxis->coordToPixel(m_points[2 * i + 1]) - pos.y();
        if (dx * dx + dy * dy < bestD) {
            bestD = dx * dx + dy * dy;
            best = long(i);
        }
    }
    return best;
}

void EmbeddingView::mouseMoveEvent(QMouseEvent *event)
{
    const long i = pointAt(event->position());
    if (i >= 0) {
        QString image;
        if (m_image) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            m_image(std::size_t(i)).scaled(84, 84, Qt::KeepAspectRatio, Qt::FastTransformation).save(&buffer, "PNG");
            image = QStringLiteral("<img src='data:image/png;base64,%1'><br>").arg(QString::fromLatin1(png.toBase64()));
        }
        const auto name = [this](std::int64_t k) { return k < m_classes.size() ? m_classes[int(k)] : QString::number(k); };
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1true: %2<br>predicted: %3").arg(image, name(m_truth[std::size_t(i)]),
                                                                 name(m_predicted[std::size_t(i)])), this);
    }
    PlotWidget::mouseMoveEvent(event);
}

QString EmbeddingView::csv() const
{
    QString out = QStringLiteral("x,y,true,predicted\n");
    for (std::size_t i = 0; i < m_truth.size(); ++i)
        out += QStringLiteral("%1,%2,%3,%4\n").arg(m_points[2 * i], 0, 'g', 8).arg(m_points[2 * i + 1], 0, 'g', 8)
                   .arg(m_truth[i]).arg(i < m_predicted.size() ? m_predicted[i] : -1);
    return out;
}

} // namespace wb::widgets
