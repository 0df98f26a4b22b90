#pragma once

// File → Export All Plots as the app runs it (a background job), waited for in a test.
#include "plotexportjob.h"
#include "mainwindow.h"

#include <QSignalSpy>
#include <QTest>

/// Starts the export and waits for it; true when every file was written (else `error` says why).
inline bool exportAllAndWait(wb::app::MainWindow &w, const QString &dir, QString *error, int timeoutMs = 120000)
{
    QSignalSpy done(w.plotExport(), &wb::app::PlotExportJob::finished);
    if (!w.startExportAll(dir, error))
        return false;
    if (!done.wait(timeoutMs)) {
        *error = QStringLiteral("the export did not finish in time");
        return false;
    }
    *error = done.first().at(2).toString();
    return done.first().at(0).toBool();
}
