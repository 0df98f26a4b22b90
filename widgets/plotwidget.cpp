#include "plotwidget.h"

#include <QDialog>
#include <algorithm>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFileDialog>
#include <QFormLayout>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSpinBox>
#include <QSvgGenerator>

namespace wb::widgets {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void PlotWidget::placeLegendBelow(int wrap)
{
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(1); // right under the axes, above any rows of text
    plotLayout()->addElement(1, 0, legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(wrap);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setRowSpacing(0);
    plotLayout()->setRowStretchFactor(1, 0.001);
    if (m_legendWrap == 0)
        connect(this, &QCustomPlot::beforeReplot, this, &PlotWidget::fitLegendWrap);
    m_legendWrap = std::max(1, wrap);
}

void PlotWidget::fitLegendWrap()
{
    int widest = 1;
    for (int i = 0; i < legend->itemCount(); ++i) // a grid's empty cells count as items: null
        if (const QCPAbstractLegendItem *item = legend->item(i); item && item->visible())
            widest = std::max(widest, item->minimumOuterSizeHint().width() + legend->columnSpacing());
    const int room = viewport().width() - legend->margins().left() - legend->margins().right();
    const int wrap = std::clamp(room / widest, 1, m_legendWrap);
    if (legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // rearranges the entries
    }
}

void PlotWidget::setEmptyHint(const QString &text)
{
    m_emptyHint = text;
    update();
}

bool PlotWidget::isEmptyPlot() const
{
    for (int i = 0; i < plottableCount(); ++i) {
        const QCPAbstractPlottable *p = const_cast<PlotWidget *>(this)->plottable(i); // QCustomPlot has no const getter
        if (const auto *g = qobject_cast<const QCPGraph *>(p); g && !g->data()->isEmpty())
            return false;
        if (const auto *c = qobject_cast<const QCPCurve *>(p); c && !c->data()->isEmpty())
            return false;
        if (const auto *b = qobject_cast<const QCPBars *>(p); b && !b->data()->isEmpty())
            return false;
        if (!qobject_cast<const QCPGraph *>(p) && !qobject_cast<const QCPCurve *>(p) && !qobject_cast<const QCPBars *>(p))
            return false; // a kind this check does not know: taken as data
    }
    return true;
}

void PlotWidget::paintEvent(QPaintEvent *event)
{
    QCustomPlot::paintEvent(event);
    if (m_emptyHint.isEmpty() || !isEmptyPlot())
        return;
    QPainter painter(this);
    const QRect area = axisRect() ? axisRect()->rect() : rect();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    painter.setFont(f);
    painter.setPen(QColor(110, 110, 110));
    painter.drawText(area.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_emptyHint);
}

PlotWidget::PlotWidget(QWidget *parent) : QCustomPlot(parent)
{
    setNoAntialiasingOnDrag(true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setMinimumSize(200, 160); // two side by side still fit a German page at 1280×720
}

bool PlotWidget::exportPng(const QString &path, int width, int height, int dpi, QString *error)
{
    if (width < 16 || height < 16 || width > 20000 || height > 20000 || dpi < 24 || dpi > 1200) {
        if (error)
            *error = tr("The size must be 16 to 20000 pixels and the DPI 24 to 1200.");
        return false;
    }
    return writePng(toImage(width, height, dpi), path, error);
}

QImage PlotWidget::toImage(int width, int height, int dpi)
{
    // The image has the pixels asked for; the DPI scales text and lines (and is written into
    // the file), so 1600 px at 150 DPI is a 1600 px image with larger type, not 2500 px.
    const double scale = dpi / 96.0;
    QImage image = toPixmap(std::max(1, qRound(width / scale)), std::max(1, qRound(height / scale)), scale).toImage();
    if (image.size() != QSize(width, height)) // rounding of the logical size: at most a pixel
        image = image.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool PlotWidget::writePng(const QImage &image, const QString &path, QString *error)
{
    QSaveFile file(path); // all or nothing: a full disk leaves no truncated PNG
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = file.errorString().isEmpty() || image.isNull() ? tr("Cannot write %1.").arg(path)
                                                                    : tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlotWidget::exportPdf(const QString &path, int width, int height, QString *error)
{
    if (!savePdf(path, width, height)) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

bool PlotWidget::exportSvg(const QString &path, int width, int height, QString *error)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setTitle(m_exportName);
    QCPPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    toPainter(&painter, width, height);
    painter.end();
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

bool PlotWidget::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(csv().toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString PlotWidget::csv() const
{
    QString out = QStringLiteral("series,x,y\n");
    for (int g = 0; g < graphCount(); ++g) {
        const QCPGraph *graph = this->graph(g);
        if (!graph->visible())
            continue;
        const QString name = csvField(graph->name());
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            out += QStringLiteral("%1,%2,%3\n").arg(name).arg(it->key, 0, 'g', 10).arg(it->value, 0, 'g', 10);
    }
    return out;
}

void PlotWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export PNG…"), this, &PlotWidget::exportPngInteractive);
    menu.addAction(tr("Export PDF…"), this, &PlotWidget::exportPdfInteractive);
    menu.addAction(tr("Export SVG…"), this, &PlotWidget::exportSvgInteractive);
    menu.addAction(tr("Export CSV…"), this, &PlotWidget::exportCsvInteractive);
    menu.addSeparator();
    menu.addAction(tr("Reset view"), this, [this] {
        rescaleAxes();
        replot();
    });
    menu.exec(event->globalPos());
}

void PlotWidget::exportPngInteractive()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export PNG"));
    auto *form = new QFormLayout(&dialog);
    auto *w = new QSpinBox(&dialog);
    auto *h = new QSpinBox(&dialog);
    auto *dpi = new QSpinBox(&dialog);
    w->setRange(16, 20000);
    h->setRange(16, 20000);
    dpi->setRange(24, 1200);
    w->setValue(width());
    h->setValue(height());
    dpi->setValue(96);
    w->setSuffix(tr(" px"));
    h->setSuffix(tr(" px"));
    form->addRow(tr("Width:"), w);
    form->addRow(tr("Height:"), h);
    form->addRow(tr("DPI:"), dpi);
    auto *hint = new QLabel(tr("The file has exactly this many pixels; a higher DPI draws text and lines larger."),
                            &dialog);
    hint->setWordWrap(true);
    form->addRow(hint);
    dialog.setMinimumWidth(360); // the title stays whole
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PNG"), m_exportName + QStringLiteral(".png"),
                                                      tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportPng(path, w->value(), h->value(), dpi->value(), &error))
        QMessageBox::warning(this, tr("Export PNG"), error);
}

void PlotWidget::exportPdfInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), m_exportName + QStringLiteral(".pdf"),
                                                      tr("PDF documents (*.pdf)"));
    QString error;
    if (!path.isEmpty() && !exportPdf(path, width(), height(), &error))
        QMessageBox::warning(this, tr("Export PDF"), error);
}

void PlotWidget::exportSvgInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export SVG"), m_exportName + QStringLiteral(".svg"),
                                                      tr("SVG images (*.svg)"));
    QString error;
    if (!path.isEmpty() && !exportSvg(path, width(), height(), &error))
        QMessageBox::warning(this, tr("Export SVG"), error);
}

void PlotWidget::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), m_exportName + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), error);
}

} // namespace wb::widgets
