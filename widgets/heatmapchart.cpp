#include "heatmapchart.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace wb::widgets {

QCPColorGradient viridisGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    const std::pair<double, QColor> stops[] = {{0.0, QColor(0x44, 0x01, 0x54)},  {0.125, QColor(0x48, 0x28, 0x78)},
                                               {0.25, QColor(0x3e, 0x49, 0x89)}, {0.375, QColor(0x31, 0x68, 0x8e)},
                                               {0.5, QColor(0x26, 0x82, 0x8e)},  {0.625, QColor(0x1f, 0x9e, 0x89)},
                                               {0.75, QColor(0x35, 0xb7, 0x79)}, {0.875, QColor(0x6e, 0xce, 0x58)},
                                               {1.0, QColor(0xfd, 0xe7, 0x25)}};
    for (const auto &[at, color] : stops)
        g.setColorStopAt(at, color);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

HeatmapChart::HeatmapChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("heatmap"));
    m_map = new QCPColorMap(xAxis, yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    auto *margins = new QCPMarginGroup(this); // the scale's height follows the axis rect's
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plotLayout()->addElement(1, 0, m_note = new QCPTextElement(this, QString(), QFont(font().family(), 8)));
    m_note->setTextColor(QColor(179, 89, 0));
    m_note->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    m_map->setVisible(false); // until there are cells: no dark, empty map
    m_scale->setVisible(false);
}

void HeatmapChart::setData(const Data &data)
{
    m_data = data;
    clearItems();
    for (QCPCurve *curve : m_contours)
        removePlottable(curve);
    m_contours.clear();
    const int R = int(data.rows.size()), C = int(data.columns.size());
    m_map->setVisible(R > 0 && C > 0);
    m_scale->setVisible(R > 0 && C > 0);
    m_map->data()->setSize(std::max(1, C), std::max(1, R));
    m_map->data()->setRange(QCPRange(0, std::max(0, C - 1)), QCPRange(0, std::max(0, R - 1)));
    double lo = INFINITY, hi = -INFINITY;
    for (int r = 0; r < R; ++r)
        for (int c = 0; c < C; ++c) {
            const double v = r < int(data.mean.size()) && c < int(data.mean[std::size_t(r)].size())
                                 ? data.mean[std::size_t(r)][std::size_t(c)]
                                 : NAN;
            m_map->data()->setCell(c, r, v);
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    } else if (hi <= lo) {
        hi = lo + std::max(1e-9, std::abs(lo) * 1e-3);
    }
    QCPColorGradient gradient = viridisGradient();
    if (!data.higherIsBetter)
        gradient = gradient.inverted(); // bright = better: low loss, high accuracy
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(lo, hi));
    m_scale->axis()->setLabel(data.title);
    QSharedPointer<QCPAxisTickerText> xt(new QCPAxisTickerText), yt(new QCPAxisTickerText);
    for (int c = 0; c < C; ++c)
        xt->addTick(c, data.columns[c]);
    for (int r = 0; r < R; ++r)
        yt->addTick(r, data.rows[r]);
    xAxis->setTicker(xt);
    yAxis->setTicker(yt);
    xAxis->setLabel(data.columnAxis);
    yAxis->setLabel(data.rowAxis);
    xAxis->setRange(-0.5, std::max(0, C - 1) + 0.5);
    yAxis->setRange(-0.5, std::max(0, R - 1) + 0.5);
    const int fontSize = C > 8 ? 7 : 8;
    for (int r = 0; r < R; ++r)
        for (int c = 0; c < C; ++c) {
            const QString text = cellText(r, c);
            if (text.isEmpty())
                continue;
            auto *item = new QCPItemText(this);
            item->position->setCoords(c, r);
            item->setText(text);
            item->setFont(QFont(font().family(), fontSize));
            double t = (data.mean[std::size_t(r)][std::size_t(c)] - lo) / (hi - lo);
            if (!data.higherIsBetter)
                t = 1 - t;
            item->setColor(t < 0.62 ? Qt::white : Qt::black); // viridis is dark below ~0.6
            item->setClipToAxisRect(true);
        }
    for (const Contour &contour : data.contours) {
        auto *curve = new QCPCurve(xAxis, yAxis); // a curve: x need not grow monotonically
        m_contours.push_back(curve);
        curve->setData(QVector<double>(contour.column.begin(), contour.column.end()),
                       QVector<double>(contour.row.begin(), contour.row.end()));
        curve->setPen(QPen(QColor(255, 255, 255, 220), 1.6, Qt::DashLine));
        curve->removeFromLegend();
        if (!contour.column.empty()) {
            // label at the contour's point nearest the middle of the plot
            std::size_t best = 0;
            double bestDistance = INFINITY;
            for (std::size_t i = 0; i < contour.column.size(); ++i) {
                const double d = std::hypot(contour.column[i] - (C - 1) / 2.0, contour.row[i] - (R - 1) / 2.0);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            auto *label = new QCPItemText(this);
            label->position->setCoords(contour.column[best], contour.row[best]);
            label->setText(contour.label);
            label->setFont(QFont(font().family(), 8, QFont::Bold));
            label->setColor(Qt::white);
            label->setBrush(QColor(0, 0, 0, 110));
            label->setClipToAxisRect(true);
        }
    }
    m_note->setText(data.note);
    replot();
}

QString HeatmapChart::cellText(int row, int column) const
{
    if (row < 0 || row >= int(m_data.mean.size()) || column < 0 || column >= int(m_data.mean[std::size_t(row)].size()))
        return {};
    const double mean = m_data.mean[std::size_t(row)][std::size_t(column)];
    if (!std::isfinite(mean))
        return {};
    const int digits = std::abs(mean) >= 100 ? 0 : std::abs(mean) >= 10 ? 1 : 3;
    QString text = QLocale().toString(mean, 'f', digits);
    const double sd = row < int(m_data.stddev.size()) && column < int(m_data.stddev[std::size_t(row)].size())
                          ? m_data.stddev[std::size_t(row)][std::size_t(column)]
                          : NAN;
    if (std::isfinite(sd))
        text += QStringLiteral("\n±") + QLocale().toString(sd, 'f', digits);
    return text;
}

QString HeatmapChart::csv() const
{
    QString out = QStringLiteral("row,column,%1,std\n").arg(csvField(m_data.title.isEmpty() ? QStringLiteral("value") : m_data.title));
    for (int r = 0; r < m_data.rows.size(); ++r)
        for (int c = 0; c < m_data.columns.size(); ++c) {
            const double mean = r < int(m_data.mean.size()) && c < int(m_data.mean[std::size_t(r)].size())
                                    ? m_data.mean[std::size_t(r)][std::size_t(c)]
                                    : NAN;
            const double sd = r < int(m_data.stddev.size()) && c < int(m_data.stddev[std::size_t(r)].size())
                                  ? m_data.stddev[std::size_t(r)][std::size_t(c)]
                                  : NAN;
            out += csvField(m_data.rows[r]) + QLatin1Char(',') + csvField(m_data.columns[c]) + QLatin1Char(',')
                   + (std::isfinite(mean) ? QString::number(mean, 'g', 10) : QString()) + QLatin1Char(',')
                   + (std::isfinite(sd) ? QString::number(sd, 'g', 10) : QString()) + QLatin1Char('\n');
        }
    return out;
}

} // namespace wb::widgets
