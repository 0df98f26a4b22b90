#pragma once

#include "wb/dataset.h"
#include "wb/session.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QDir;

namespace wb::widgets {
class PlotWidget;
}

namespace wb::app {

/// What an export wrote, and what it had to leave out.
struct ExportReport
{
    QStringList files;
    QStringList warnings;
};

/// One plot of File → Export All Plots: its file name (without extension) and how to draw it.
/// The data are read and computed when the plan is made (any thread); `make` only builds the
/// widget from them, so it is quick — but it is a widget: GUI thread only.
struct PlotItem
{
    QString name;
    std::function<std::unique_ptr<widgets::PlotWidget>()> make;
};

/// Every plot of a session, in the order they are written: the loss and accuracy charts of
/// all runs the Training page shows and of each on its own, LR tests, studies, stored
/// evaluations, and the class histogram when `data` (the session's dataset) is given. Runs the
/// user hid on the Training page are left out (said in `warnings`). The Sufficiency page's
/// curve family and target and the hidden runs are read from the session's saved page state.
/// Reads `session` only; safe on a worker thread. `stop` is polled between studies.
std::vector<PlotItem> exportPlan(const core::Session &session, const core::DatasetPair *data, double smoothing,
                                 QStringList &warnings, const std::function<bool()> &stop = {});

/// The stored evaluation of every run (its last one) but `hidden`: confusion-<run>,
/// per-class-<run>, reject-<run> (errors against threshold), reject-rate-<run>,
/// calibration-<run>, and tsne-<run> when a t-SNE of that evaluation is stored (evaluationexport.cpp).
void appendEvaluationPlots(const core::Session &session, const std::vector<std::int64_t> &hidden,
                           std::vector<PlotItem> &plan, QStringList &warnings);

/// A plot drawn for a file: the image (1000 × 600) and its data as CSV.
struct RenderedPlot
{
    QImage image;
    QString csv;
};

/// Draws one planned plot (GUI thread).
RenderedPlot renderPlot(const PlotItem &item);

/// Writes `plot` as `dir`/`name`.png and .csv, each atomically, adding both to `report` (any thread).
bool writeRenderedPlot(const RenderedPlot &plot, const QDir &dir, const QString &name, ExportReport &report,
                       QString *error);

/// The dataset the session was last trained on, loaded for the class histogram; null (with a
/// note in `warnings`) when the session has none or it cannot be loaded.
std::shared_ptr<const core::DatasetPair> exportDataset(const core::Session &session, QStringList &warnings);

/// Removes the files `report` lists and, when `madeFolder`, the folder `dir` if it is empty then:
/// what a cancelled or failed export wrote.
void removeExported(ExportReport &report, const QString &dir, bool madeFolder);

/// The whole export on the calling (GUI) thread — for `workbench --export-all`, where no
/// window waits. The app runs it as a background job (ExportAllJob).
bool exportAllPlots(const core::Session &session, const QString &dir, const core::DatasetPair *data,
                    double smoothing, ExportReport &report, QString *error);

} // namespace wb::app
