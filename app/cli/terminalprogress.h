#pragma once

#include "wb/progress.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

namespace wb::app {

/// ProgressSink for the terminal: a bar with ETA redrawn in place on stderr when stderr is
/// a terminal, else a plain line every few percent. Cancellation comes from SIGINT.
class TerminalProgress : public core::ProgressSink
{
public:
    explicit TerminalProgress(bool quiet = false);
    ~TerminalProgress() override;
    void setProgress(double fraction, const std::string &message) override;
    bool isCancelRequested() const override;
    /// Ends the bar line (call before printing anything else to stderr).
    void finish();

    /// Installs a SIGINT handler that requests cancellation instead of killing the process.
    static void installInterruptHandler();

private:
    using Clock = std::chrono::steady_clock;
    bool m_tty = false;
    bool m_quiet = false;
    bool m_drawn = false;
    int m_lastPercent = -1;
    Clock::time_point m_start, m_lastDraw;
    std::mutex m_mutex;
};

} // namespace wb::app
