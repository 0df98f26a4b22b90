#pragma once

#include <atomic>
#include <string>

namespace wb::core {

/// Qt-free progress and cancellation channel handed to every long core function
/// (modelled on QgsFeedback). Implementations must be thread-safe: core calls
/// them from worker threads; the UI side polls or forwards them.
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    /// Fraction done in [0, 1] and a short human-readable status line.
    virtual void setProgress(double fraction, const std::string &message) = 0;
    /// Polled by core at least once per batch; true stops the work early.
    virtual bool isCancelRequested() const = 0;
};

/// A sink that ignores progress and can be cancelled from any thread.
class CancelFlagSink : public ProgressSink
{
public:
    void setProgress(double, const std::string &) override {}
    bool isCancelRequested() const override { return m_cancel.load(); }
    void cancel() { m_cancel.store(true); }

private:
    std::atomic<bool> m_cancel{false};
};

} // namespace wb::core
