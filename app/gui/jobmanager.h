#pragma once

#include "job.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace wb::app {

/// Runs jobs on thread pools and lists them for the jobs panel. Training runs on the
/// compute pool: one single-threaded worker per CPU core, or one worker per GPU. Loading
/// data and other short work uses its own pool, so it never waits behind training.
class JobManager : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Pool { Compute, Io };
    enum Column { TitleColumn, StateColumn, ProgressColumn, EtaColumn, MessageColumn, ColumnCount };

    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    /// Queues `work` and returns its job (owned by the manager, alive until cleared).
    Job *start(const QString &title, Job::Work work, Pool pool = Compute);
    /// LibTorch threads a compute job asks for: 0, core's default policy (every core for
    /// models large enough to gain, else 1; see wb/threadpolicy.h) — the same as the CLI's
    /// default, so a run gives the same numbers in both.
    int threadsPerComputeJob() const { return 0; }
    int computeWorkers() const { return m_compute.maxThreadCount(); }

    int runningCount() const;
    /// Queued or running jobs that write to the session (they block New/Open/Save As).
    int sessionWritersCount() const;
    QList<Job *> jobs() const;
    void cancelAll();
    /// Cancels everything and blocks until every worker has returned.
    void cancelAndWait();
    void clearFinished();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void jobFinished(wb::app::Job *job);
    void runningCountChanged(int count);

private:
    void poll();
    QThreadPool m_compute;
    QThreadPool m_io;
    QList<QPointer<Job>> m_jobs;
    QTimer m_poll;
};

/// "1:05" style duration, "—" when negative.
QString formatDuration(double seconds);

} // namespace wb::app
