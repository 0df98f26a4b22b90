#pragma once

#include "wb/progress.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace wb::app {

/// One unit of background work (house style §2): a core function run on a pool thread with
/// this object as its ProgressSink. Progress is read by the GUI thread (JobManager polls
/// at ~20 Hz); cancellation is an atomic flag core polls once per batch.
class Job : public QObject, public core::ProgressSink
{
    Q_OBJECT

public:
    enum class State { Queued, Running, Finished, Failed, Cancelled };
    using Work = std::function<void(Job &)>;

    Job(QString title, Work work, QObject *parent = nullptr);

    QString title() const { return m_title; }
    /// Whether the job writes to the session (training does; loading data does not).
    bool writesSession() const { return m_writesSession; }
    void setWritesSession(bool writes) { m_writesSession = writes; }
    State state() const { return m_state; }
    QString stateText() const;
    double progress() const { return m_progress.load(); }
    QString message() const;
    QString error() const { return m_error; }
    /// Seconds since the job started running, and the estimated seconds left (−1: unknown).
    double elapsed() const;
    double eta() const;

    // core::ProgressSink — called from the worker thread.
    void setProgress(double fraction, const std::string &message) override;
    bool isCancelRequested() const override { return m_cancel.load(); }

    /// Requests cancellation; takes effect at the next batch.
    void cancel();
    /// Runs the work on the calling (pool) thread; JobManager uses it.
    void run();
    /// Called on the GUI thread when run() has returned.
    void markFinished();

Q_SIGNALS:
    void stateChanged();
    void finished();

private:
    QString m_title;
    Work m_work;
    State m_state = State::Queued;
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_started{false};
    mutable std::mutex m_mutex;
    QString m_message;
    QString m_error;     // set by run(), read after finish
    bool m_failed = false;
    bool m_writesSession = false;
    QElapsedTimer m_timer;
};

} // namespace wb::app
