#include "job.h"

#include <exception>

namespace wb::app {

Job::Job(QString title, Work work, QObject *parent)
    : QObject(parent), m_title(std::move(title)), m_work(std::move(work))
{
}

QString Job::stateText() const
{
    switch (m_state) {
    case State::Queued: return tr("queued");
    case State::Running: return tr("running");
    case State::Finished: return tr("finished");
    case State::Failed: return tr("failed");
    case State::Cancelled: return tr("cancelled");
    }
    return {};
}

QString Job::message() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_message;
}

double Job::elapsed() const { return m_timer.isValid() ? m_timer.elapsed() / 1000.0 : 0.0; }

double Job::eta() const
{
    const double p = progress();
    if (m_state != State::Running || p < 0.01)
        return -1;
    return elapsed() * (1.0 - p) / p;
}

void Job::setProgress(double fraction, const std::string &message)
{
    // Work that stops on cancel reports "done" (1.0) as it ends: a cancelled job keeps the
    // fraction it had reached.
    if (!m_cancel.load())
        m_progress.store(std::clamp(fraction, 0.0, 1.0));
    std::lock_guard<std::mutex> lock(m_mutex);
    m_message = QString::fromStdString(message);
}

void Job::cancel()
{
    m_cancel.store(true);
    if (m_state == State::Queued) {
        m_state = State::Cancelled;
        Q_EMIT stateChanged();
    }
}

void Job::run()
{
    if (m_cancel.load())
        return; // cancelled while queued
    m_started.store(true);
    QMetaObject::invokeMethod(this, [this] {
        if (m_state == State::Queued) {
            m_state = State::Running;
            m_timer.start();
            Q_EMIT stateChanged();
        }
    }, Qt::QueuedConnection);
    try {
        m_work(*this);
    } catch (const std::exception &e) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_failed = true;
        m_error = QString::fromUtf8(e.what());
    } catch (...) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_failed = true;
        m_error = tr("unknown error");
    }
}

void Job::markFinished()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_state = m_failed ? State::Failed : m_cancel.load() ? State::Cancelled : State::Finished;
    }
    if (m_state == State::Finished)
        m_progress.store(1.0);
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

} // namespace wb::app
