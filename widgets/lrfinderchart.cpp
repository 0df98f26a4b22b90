#include "lrfinderchart.h"
#include "logticker.h"

#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <vector>

namespace wb::widgets {

LrFinderChart::LrFinderChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("lr-range-test"));
    setLogAxis(xAxis);
    xAxis->setLabel(tr("learning rate"));
    yAxis->setLabel(tr("training loss"));
    const QColor blue(31, 119, 180);
    m_lo = addGraph();
    m_hi = addGraph();
    for (auto *g : {m_lo, m_hi}) {
        g->setPen(Qt::NoPen);
        g->removeFromLegend();
    }
    QColor fill = blue;
    fill.setAlpha(45);
    m_hi->setBrush(fill);
    m_hi->setChannelFillGraph(m_lo);
    m_hi->setName(tr("min–max of repeats"));
    m_hi->addToLegend();
    m_raw = addGraph();
    QColor faint = blue;
    faint.setAlpha(70);
    m_raw->setPen(QPen(faint, 1));
    m_raw->setName(tr("loss per batch (median)"));
    m_smoothed = addGraph();
    m_smoothed->setPen(QPen(blue, 2.2));
    m_smoothed->setName(tr("smoothed"));
    m_markers = addGraph();
    m_markers->setLineStyle(QCPGraph::lsNone);
    m_markers->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(214, 39, 40), QColor(214, 39, 40), 11));
    m_markers->setName(tr("suggestions (click to use)"));
    // The suggestions' labels are placed once the plot's size is known (on screen and in an
    // exported PNG of any size): none overlaps another.
    connect(this, &QCustomPlot::afterLayout, this, &LrFinderChart::placeLabels);
    placeLegendBelow(2);
    setMouseTracking(true);
}

double LrFinderChart::smoothedAt(double lr) const
{
    double best = NAN, dist = INFINITY;
    for (std::size_t i = 0; i < m_lr.size(); ++i)
        if (std::isfinite(m_smooth[i]) && std::abs(std::log(m_lr[i] / lr)) < dist) {
            dist = std::abs(std::log(m_lr[i] / lr));
            best = m_smooth[i];
        }
    return best;
}

void LrFinderChart::setCurve(const std::vector<double> &lr, const std::vector<double> &loss,
                             const std::vector<double> &smoothed, const std::vector<double> &lossMin,
                             const std::vector<double> &lossMax, const QList<Suggestion> &suggestions)
{
    m_lr = lr;
    m_loss = loss;
    m_smooth = smoothed;
    m_suggestions = suggestions;
    QVector<double> x, raw, rx, sx, sm, bx, lo, hi;
    double top = -INFINITY, bottom = INFINITY;
    for (std::size_t i = 0; i < lr.size(); ++i) {
        if (i < loss.size() && std::isfinite(loss[i])) {
            rx << lr[i];
            raw << loss[i];
        }
        if (i < smoothed.size() && std::isfinite(smoothed[i])) {
            sx << lr[i];
            sm << smoothed[i];
            top = std::max(top, smoothed[i]);
            bottom = std::min(bottom, smoothed[i]);
        }
        if (i < lossMin.size() && std::isfinite(lossMin[i]) && std::isfinite(lossMax[i])) {
            bx << lr[i];
            lo << lossMin[i];
            hi << lossMax[i];
        }
    }
    m_raw->setData(rx, raw, true);
    m_smoothed->setData(sx, sm, true);
    m_lo->setData(bx, lo, true);
    m_hi->setData(bx, hi, true);
    for (auto *label : m_labels)
        removeItem(label);
    m_labels.clear();
    QVector<double> mx, my;
    for (const Suggestion &s : suggestions) {
        if (!std::isfinite(s.lr) || s.lr <= 0)
            continue;
        const double y = smoothedAt(s.lr);
        mx << s.lr;
        my << y;
        auto *label = new QCPItemText(this);
        label->position->setCoords(s.lr, y);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(QStringLiteral("%1\n%2").arg(s.name).arg(QLocale().toString(s.lr, 'g', 3)));
        label->setFont(QFont(font().family(), 8));
        label->setColor(QColor(150, 20, 20));
        m_labels << label;
    }
    m_markers->setData(mx, my);
    if (!lr.empty())
        xAxis->setRange(lr.front(), lr.back());
    if (std::isfinite(top))
        yAxis->setRange(std::max(0.0, bottom - 0.1 * (top - bottom)), top + 0.3 * (top - bottom)); // room for stacked labels
    replot(QCustomPlot::rpQueuedReplot);
}

void LrFinderChart::placeLabels()
{
    // From the lowest learning rate up: each label sits just above its marker, or above every
    // label already placed that it would overlap.
    std::vector<QCPItemText *> order(m_labels.begin(), m_labels.end());
    std::sort(order.begin(), order.end(), [](QCPItemText *a, QCPItemText *b) {
        return a->position->coords().x() < b->position->coords().x();
    });
    QList<QRectF> placed;
    for (QCPItemText *label : order) {
        const QPointF anchor = label->position->pixelPosition();
        const QSizeF size = QFontMetricsF(label->font()).boundingRect(QRectF(), Qt::AlignCenter, label->text()).size()
                            + QSizeF(6, 2);
        QRectF rect(anchor.x() - size.width() / 2, anchor.y() - 8 - size.height(), size.width(), size.height());
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF &other : placed)
                if (rect.intersects(other)) {
                    rect.moveBottom(other.top() - 2);
                    moved = true;
                }
        }
        placed << rect;
        label->setPadding(QMargins(0, 0, 0, int(std::lround(anchor.y() - rect.bottom()))));
    }
}

QList<QRectF> LrFinderChart::labelRects() const
{
    QList<QRectF> out;
    for (QCPItemText *label : m_labels) {
        const QPointF anchor = label->position->pixelPosition();
        const QSizeF size = QFontMetricsF(label->font()).boundingRect(QRectF(), Qt::AlignCenter, label->text()).size();
        out << QRectF(anchor.x() - size.width() / 2, anchor.y() - label->padding().bottom() - size.height(), size.width(),
                      size.height());
    }
    return out;
}

int LrFinderChart::suggestionAt(const QPointF &pos) const
{
    for (int i = 0; i < m_suggestions.size(); ++i) {
        const double lr = m_suggestions[i].lr;
        if (!std::isfinite(lr))
            continue;
        const QPointF p(xAxis->coordToPixel(lr), yAxis->coordToPixel(smoothedAt(lr)));
        if (QLineF(p, pos).length() < 10)
            return i;
    }
    return -1;
}

void LrFinderChart::mousePressEvent(QMouseEvent *event)
{
    const int i = suggestionAt(event->position());
    if (i >= 0 && event->button() == Qt::LeftButton) {
        Q_EMIT suggestionClicked(m_suggestions[i].name, m_suggestions[i].lr);
        return;
    }
    PlotWidget::mousePressEvent(event);
}

void LrFinderChart::mouseMoveEvent(QMouseEvent *event)
{
    const int i = suggestionAt(event->position());
    if (i >= 0)
        QToolTip::showText(event->globalPosition().toPoint(),
                           QStringLiteral("<b>%1 = %2</b><br>%3").arg(m_suggestions[i].name).arg(QLocale().toString(m_suggestions[i].lr, 'g', 4))
                               .arg(m_suggestions[i].explanation), this);
    else
        QToolTip::hideText();
    PlotWidget::mouseMoveEvent(event);
}

QString LrFinderChart::csv() const
{
    QString out = QStringLiteral("lr,loss,smoothed\n");
    for (std::size_t i = 0; i < m_lr.size(); ++i)
        out += QStringLiteral("%1,%2,%3\n").arg(m_lr[i], 0, 'g', 10)
                   .arg(i < m_loss.size() ? m_loss[i] : NAN, 0, 'g', 10)
                   .arg(i < m_smooth.size() ? m_smooth[i] : NAN, 0, 'g', 10);
    for (const auto &s : m_suggestions)
        out += QStringLiteral("# suggestion %1,%2\n").arg(s.name).arg(s.lr, 0, 'g', 10);
    return out;
}

} // namespace wb::widgets
