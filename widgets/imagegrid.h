#pragma once

#include "wb/dataset.h"

#include <QImage>
#include <QWidget>

namespace wb::widgets {

/// QImage of image `index` (grayscale or RGB), a deep copy.
QImage toQImage(const core::ImageDataset &data, std::size_t index);

/// A grid of small images with captions, scaled up with nearest-neighbour sampling so
/// that pixels stay crisp.
class ImageGrid : public QWidget
{
    Q_OBJECT

public:
    explicit ImageGrid(QWidget *parent = nullptr);
    void setImages(const QList<QImage> &images, const QStringList &captions);
    void setCellSize(int pixels);
    int count() const { return int(m_images.size()); }
    QSize sizeHint() const override;
    /// One row of cells: a grid may get narrow, but never so low that its images are cut.
    QSize minimumSizeHint() const override;
    /// The rows its images take at `width`: a layout keeps the grid that tall (the page scrolls).
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    /// The image under `pos` (widget coordinates), or -1.
    int indexAt(const QPoint &pos) const;

protected:
    /// The full caption of the image under the mouse (captions are elided to the cell).
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int columns() const;
    QList<QImage> m_images;
    QStringList m_captions;
    int m_cell = 56;
};

} // namespace wb::widgets
