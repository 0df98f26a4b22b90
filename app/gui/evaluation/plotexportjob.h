#pragma once

#include "plotexport.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace wb::core {
struct DatasetPair;
}

namespace wb::app {

class Job;
class JobManager;

/// File → Export All Plots as a background job (house style §2), listed in the Jobs panel with
/// progress and Cancel. The session is read and every plot's data computed on a pool thread;
/// each plot is then drawn on the GUI thread, one at a time (a plot is a widget: tens of
/// milliseconds, the window answers in between), and its PNG and CSV are written on the pool
/// thread. Cancel stops between two plots. A cancelled or failed export removes the files it
/// wrote, and the folder when it made it, so nothing half-written is left behind.
class PlotExportJob : public QObject
{
    Q_OBJECT

public:
    explicit PlotExportJob(JobManager *jobs, QObject *parent = nullptr);
    ~PlotExportJob() override;

    /// Starts exporting the session file `sessionPath` (with `data`, its dataset, for the class
    /// histogram) into `dir`. Returns the job, or nullptr with `error` set (one export at a time).
    Job *start(const QString &sessionPath, const QString &dir, std::shared_ptr<const core::DatasetPair> data,
               double smoothing, QString *error);
    bool isRunning() const { return !m_job.isNull(); }
    /// What the last finished export wrote and left out.
    const ExportReport &report() const { return m_report; }

Q_SIGNALS:
    /// The export ended: `ok` when every file was written; `message` says what happened
    /// (files written and notes, or why it failed or that it was cancelled).
    void finished(bool ok, bool cancelled, const QString &message);

private:
    JobManager *m_jobs;
    QPointer<Job> m_job;
    ExportReport m_report;
};

} // namespace wb::app
