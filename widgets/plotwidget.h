#pragma once

#include <qcustomplot.h>

namespace wb::widgets {

/// QCustomPlot with the export every plot of the workbench offers: a context menu with
/// PNG (size and DPI), PDF and CSV of the plotted data.
class PlotWidget : public QCustomPlot
{
    Q_OBJECT

public:
    explicit PlotWidget(QWidget *parent = nullptr);

    /// File-name friendly title used by "Export all plots" (e.g. "training-loss").
    QString exportName() const { return m_exportName; }
    void setExportName(const QString &name) { m_exportName = name; }

    /// Writes a PNG of width×height logical pixels at `dpi` (96 = 1:1, 192 doubles the
    /// pixel size). Returns false with a message in `error`.
    bool exportPng(const QString &path, int width, int height, int dpi = 96,
                   QString *error = nullptr);
    /// The plot drawn as exportPng draws it (GUI thread: the plot is a widget).
    QImage toImage(int width, int height, int dpi = 96);
    /// Writes `image` as a PNG, atomically (any thread). Returns false with a message in `error`.
    static bool writePng(const QImage &image, const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, int width, int height, QString *error = nullptr);
    bool exportSvg(const QString &path, int width, int height, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    /// The plotted data as CSV; by default every visible graph as series,x,y rows.
    virtual QString csv() const;

    /// What the plot says in the middle of its axes while it shows nothing (e.g. "No grid study
    /// yet: …"), instead of a blank grid or an empty colour map.
    void setEmptyHint(const QString &text);
    QString emptyHint() const { return m_emptyHint; }
    /// Whether there is nothing to show: by default, no plottable holds a data point.
    virtual bool isEmptyPlot() const;

protected:
    /// Moves the legend out of the axes to a row under them, in rows of up to `wrap` entries:
    /// inside the axes it covered data wherever the curves happened to run (at any plot size).
    /// The number of entries per row shrinks to what fits the plot's width (on screen and in an
    /// export of any size), so that no name is cut.
    void placeLegendBelow(int wrap);

    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void exportPngInteractive();
    void exportPdfInteractive();
    void exportSvgInteractive();
    void exportCsvInteractive();
    QString m_exportName = QStringLiteral("plot");
    QString m_emptyHint;
    int m_legendWrap = 0; // 0: the legend stays where QCustomPlot puts it
    void fitLegendWrap();
};

/// Quotes a CSV field when needed.
QString csvField(const QString &text);

} // namespace wb::widgets
