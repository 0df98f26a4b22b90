#include "imagegrid.h"

#include <QHelpEvent>
#include <QToolTip>

#include <QPainter>

namespace wb::widgets {

QImage toQImage(const core::ImageDataset &data, std::size_t index)
{
    const int w = data.width, h = data.height;
    const std::uint8_t *src = data.image(index);
    const std::size_t plane = std::size_t(w) * h;
    if (data.channels == 1) {
        QImage img(w, h, QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y)
            std::copy_n(src + std::size_t(y) * w, w, img.scanLine(y));
        return img;
    }
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar *line = img.scanLine(y);
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = src[std::size_t(std::min(c, data.channels - 1)) * plane
                                      + std::size_t(y) * w + x];
    }
    return img;
}

ImageGrid::ImageGrid(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ImageGrid::setImages(const QList<QImage> &images, const QStringList &captions)
{
    m_images = images;
    m_captions = captions;
    updateGeometry();
    update();
}

void ImageGrid::setCellSize(int pixels)
{
    m_cell = std::max(16, pixels);
    updateGeometry();
    update();
}

int ImageGrid::columns() const { return std::max(1, width() / (m_cell + 8)); }

QSize ImageGrid::sizeHint() const
{
    const int cols = std::max(1, std::min(int(m_images.size()), 10));
    const int rows = (int(m_images.size()) + columns() - 1) / columns();
    const int captionHeight = m_captions.isEmpty() ? 0 : fontMetrics().height();
    return {cols * (m_cell + 8), std::max(1, rows) * (m_cell + 8 + captionHeight)};
}

QSize ImageGrid::minimumSizeHint() const
{
    const int captionHeight = m_captions.isEmpty() ? 0 : fontMetrics().height();
    return {m_cell + 8, m_cell + 8 + captionHeight};
}

int ImageGrid::heightForWidth(int width) const
{
    const int captionHeight = m_captions.isEmpty() ? 0 : fontMetrics().height();
    const int cols = std::max(1, width / (m_cell + 8));
    const int rows = std::max(1, (int(m_images.size()) + cols - 1) / cols);
    return rows * (m_cell + 8 + captionHeight);
}

int ImageGrid::indexAt(const QPoint &pos) const
{
    const int captionHeight = m_captions.isEmpty() ? 0 : fontMetrics().height();
    const int col = pos.x() / (m_cell + 8), row = pos.y() / (m_cell + 8 + captionHeight);
    if (pos.x() < 0 || pos.y() < 0 || col >= columns())
        return -1;
    const int i = row * columns() + col;
    return i < m_images.size() ? i : -1;
}

bool ImageGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int i = indexAt(help->pos());
        if (i >= 0 && i < m_captions.size())
            QToolTip::showText(help->globalPos(), m_captions[i], this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ImageGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateGeometry();
}

void ImageGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const int captionHeight = m_captions.isEmpty() ? 0 : fontMetrics().height();
    const int cols = columns();
    for (int i = 0; i < m_images.size(); ++i) {
        const int x = (i % cols) * (m_cell + 8) + 4;
        const int y = (i / cols) * (m_cell + 8 + captionHeight) + 4;
        p.drawImage(QRect(x, y, m_cell, m_cell), m_images[i]);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(QRect(x, y, m_cell, m_cell).adjusted(0, 0, -1, -1));
        if (i < m_captions.size()) {
            p.setPen(palette().color(QPalette::WindowText));
            const QString text = fontMetrics().elidedText(m_captions[i], Qt::ElideRight, m_cell + 6);
            p.drawText(QRect(x - 3, y + m_cell, m_cell + 6, captionHeight), Qt::AlignCenter, text);
        }
    }
}

} // namespace wb::widgets
