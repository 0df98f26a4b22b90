#include "jobmanager.h"
#include "statusnames.h"

#include "wb/device.h"

#include <QColor>
#include <QFutureWatcher>
#include <QtConcurrent>


namespace wb::app {

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    const int s = int(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

JobManager::JobManager(QObject *parent) : QAbstractTableModel(parent)
{
    const int gpus = core::cudaDeviceCount();
    m_compute.setMaxThreadCount(gpus > 0 ? gpus : core::cpuCores());
    m_io.setMaxThreadCount(1);
    m_poll.setInterval(50); // ~20 Hz
    connect(&m_poll, &QTimer::timeout, this, &JobManager::poll);
    m_poll.start();
}

JobManager::~JobManager() { cancelAndWait(); }

Job *JobManager::start(const QString &title, Job::Work work, Pool pool)
{
    auto *job = new Job(title, std::move(work), this);
    job->setWritesSession(pool == Compute);
    beginInsertRows({}, rowCount(), rowCount());
    m_jobs.append(job);
    endInsertRows();
    auto *watcher = new QFutureWatcher<void>(job);
    connect(watcher, &QFutureWatcher<void>::finished, job, [this, job] {
        job->markFinished();
        Q_EMIT jobFinished(job);
        Q_EMIT runningCountChanged(runningCount());
        poll();
    });
    connect(job, &Job::stateChanged, this, [this] {
        Q_EMIT runningCountChanged(runningCount());
        poll();
    });
    watcher->setFuture(QtConcurrent::run(pool == Compute ? &m_compute : &m_io, [job] { job->run(); }));
    return job;
}

int JobManager::runningCount() const
{
    int n = 0;
    for (const auto &j : m_jobs)
        if (j && (j->state() == Job::State::Running || j->state() == Job::State::Queued))
            ++n;
    return n;
}

int JobManager::sessionWritersCount() const
{
    int n = 0;
    for (const auto &j : m_jobs)
        if (j && j->writesSession() && (j->state() == Job::State::Running || j->state() == Job::State::Queued))
            ++n;
    return n;
}

QList<Job *> JobManager::jobs() const
{
    QList<Job *> out;
    for (const auto &j : m_jobs)
        if (j)
            out << j;
    return out;
}

void JobManager::cancelAll()
{
    for (const auto &j : m_jobs)
        if (j)
            j->cancel();
}

void JobManager::cancelAndWait()
{
    cancelAll();
    m_compute.waitForDone();
    m_io.waitForDone();
}

void JobManager::clearFinished()
{
    beginResetModel();
    for (int i = m_jobs.size() - 1; i >= 0; --i) {
        Job *j = m_jobs[i];
        if (!j || (j->state() != Job::State::Running && j->state() != Job::State::Queued)) {
            if (j)
                j->deleteLater();
            m_jobs.removeAt(i);
        }
    }
    endResetModel();
}

void JobManager::poll()
{
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int JobManager::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_jobs.size()); }
int JobManager::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant JobManager::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size() || !m_jobs[index.row()])
        return {};
    const Job *j = m_jobs[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TitleColumn: return j->title();
        case StateColumn: return j->stateText();
        case ProgressColumn: return int(j->progress() * 100.0 + 0.5);
        case EtaColumn: return j->state() == Job::State::Running ? formatDuration(j->eta()) : QString();
        case MessageColumn: return j->state() == Job::State::Failed ? j->error() : engineMessageText(j->message());
        }
    }
    if (role == Qt::ToolTipRole && j->state() == Job::State::Failed)
        return j->error();
    if (role == Qt::ForegroundRole && j->state() == Job::State::Failed)
        return QColor(Qt::red);
    return {};
}

QVariant JobManager::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case TitleColumn: return tr("Job");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case EtaColumn: return tr("ETA");
    case MessageColumn: return tr("Status");
    }
    return {};
}

} // namespace wb::app
