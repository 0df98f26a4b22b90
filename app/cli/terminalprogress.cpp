#include "terminalprogress.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace wb::app {

namespace {
volatile std::sig_atomic_t s_interrupted = 0;

void onInterrupt(int)
{
    if (s_interrupted) // a second Ctrl-C really quits
        std::_Exit(130);
    s_interrupted = 1;
}

std::string clock(double seconds)
{
    const long s = long(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}
} // namespace

TerminalProgress::TerminalProgress(bool quiet)
    : m_tty(isatty(STDERR_FILENO) != 0), m_quiet(quiet), m_start(Clock::now()), m_lastDraw(m_start)
{
}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::installInterruptHandler() { std::signal(SIGINT, onInterrupt); }

bool TerminalProgress::isCancelRequested() const { return s_interrupted != 0; }

void TerminalProgress::setProgress(double fraction, const std::string &message)
{
    if (m_quiet)
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const int percent = int(fraction * 100.0);
    const std::string eta = fraction > 0.001 ? clock(elapsed * (1.0 - fraction) / fraction) : "?";
    if (m_tty) {
        if (fraction < 1.0 && now - m_lastDraw < std::chrono::milliseconds(100))
            return;
        m_lastDraw = now;
        constexpr int width = 30;
        const int filled = int(fraction * width);
        std::string bar(std::size_t(filled), '#');
        bar.resize(width, '.');
        std::fprintf(stderr, "\r[%s] %3d%% %s  elapsed %s  ETA %s\033[K", bar.c_str(), percent,
                     message.c_str(), clock(elapsed).c_str(), eta.c_str());
        m_drawn = true;
    } else if (percent / 5 != m_lastPercent / 5 || fraction >= 1.0) {
        if (percent == m_lastPercent)
            return;
        m_lastPercent = percent;
        std::fprintf(stderr, "%3d%% %s (elapsed %s, ETA %s)\n", percent, message.c_str(),
                     clock(elapsed).c_str(), eta.c_str());
    }
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_drawn)
        std::fputc('\n', stderr);
    m_drawn = false;
}

} // namespace wb::app
