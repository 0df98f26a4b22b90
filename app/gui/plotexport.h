#pragma once

#include "wb/dataset.h"
#include "wb/session.h"

#include <QString>
#include <QStringList>

namespace wb::app {

/// What an export wrote, and what it had to leave out.
struct ExportReport
{
    QStringList files;
    QStringList warnings;
};

/// Renders every plot of a session to PNG (and its data to CSV) in `dir`: the loss and
/// accuracy charts of all runs, each run on its own, and the class histogram when `data`
/// (the session's dataset) is given. Works without a visible window (offscreen platform).
/// Returns false with `error` set when nothing could be written.
bool exportAllPlots(const core::Session &session, const QString &dir, const core::DatasetPair *data,
                    double smoothing, ExportReport &report, QString *error);

} // namespace wb::app
