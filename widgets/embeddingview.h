#pragma once

#include "plotwidget.h"

#include <QImage>

#include <cstdint>
#include <functional>
#include <vector>

namespace wb::widgets {

/// 2-D scatter of an embedding (t-SNE or PCA) coloured by true class, with a legend;
/// misclassified points can be ringed; hovering a point shows its image and labels.
class EmbeddingView : public PlotWidget
{
    Q_OBJECT

public:
    explicit EmbeddingView(QWidget *parent = nullptr);
    /// points: row-major [n, 2]; truth/predicted per point; classes names the colours.
    void setEmbedding(const std::vector<double> &points, const std::vector<std::int64_t> &truth,
                      const std::vector<std::int64_t> &predicted, const QStringList &classes);
    void setHighlightErrors(bool highlight);
    /// Supplies the image of point i for the hover tooltip.
    void setImageProvider(std::function<QImage(std::size_t)> provider) { m_image = std::move(provider); }
    /// The point under a widget position, or −1.
    long pointAt(const QPointF &pos) const;
    QString csv() const override;

protected:
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    std::vector<double> m_points;
    std::vector<std::int64_t> m_truth, m_predicted;
    QStringList m_classes;
    QCPGraph *m_errors = nullptr;
    bool m_highlight = false;
    std::function<QImage(std::size_t)> m_image;
};

} // namespace wb::widgets
