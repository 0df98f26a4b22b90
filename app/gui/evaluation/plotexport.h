#pragma once

#include "wb/dataset.h"
#include "wb/session.h"

#include <QString>
#include <QStringList>

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

/// Renders every plot of a session to PNG (and its data to CSV) in `dir`: the loss and
/// accuracy charts of all runs, each run on its own, LR tests, studies, stored evaluations,
/// and the class histogram when `data` (the session's dataset) is given. Works without a visible window (offscreen platform).
/// Returns false with `error` set when nothing could be written.
bool exportAllPlots(const core::Session &session, const QString &dir, const core::DatasetPair *data,
                    double smoothing, ExportReport &report, QString *error);

/// Writes `plot` as `dir`/`name`.png (1000 × 600) and .csv, adding both to `report`.
bool writePlot(widgets::PlotWidget &plot, const QDir &dir, const QString &name, ExportReport &report, QString *error);

/// The stored evaluation of every run (its last one): confusion-<run>, per-class-<run>,
/// reject-<run> (errors against threshold), reject-rate-<run>, calibration-<run>, and
/// tsne-<run> when a t-SNE of that evaluation is stored (evaluationexport.cpp).
bool exportEvaluations(const core::Session &session, const QDir &dir, ExportReport &report, QString *error);

} // namespace wb::app
