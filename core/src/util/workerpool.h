#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace wb::core::detail {

/// A small persistent thread pool for the numeric loops of one computation (t-SNE runs a
/// few parallel sections per iteration for a thousand iterations, so spawning threads per
/// section would cost more than some sections). The calling thread takes part as worker 0.
/// Work is split deterministically: the same chunks for the same sizes and worker count.
class WorkerPool
{
public:
    explicit WorkerPool(int threads)
    {
        for (int w = 1; w < threads; ++w)
            m_helpers.emplace_back([this, w] { helperLoop(w); });
    }
    ~WorkerPool()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (auto &t : m_helpers)
            t.join();
    }
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    int size() const { return int(m_helpers.size()) + 1; }

    /// body(begin, end) on the contiguous chunks [k·n/T, (k+1)·n/T), T = min(size, ⌈n/grain⌉).
    void forRange(std::size_t n, std::size_t grain, const std::function<void(std::size_t, std::size_t)> &body)
    {
        const std::size_t chunks = std::max<std::size_t>(1, std::min<std::size_t>(std::size_t(size()), (n + grain - 1) / std::max<std::size_t>(grain, 1)));
        dispatch(int(chunks), [&](int w) { body(n * std::size_t(w) / chunks, n * std::size_t(w + 1) / chunks); });
    }

    /// task(i) for every i in [0, count), each on one thread; task i always runs on worker i mod T.
    void forTasks(int count, const std::function<void(int)> &task)
    {
        const int workers = std::max(1, std::min(size(), count));
        dispatch(workers, [&](int w) {
            for (int i = w; i < count; i += workers)
                task(i);
        });
    }

private:
    void dispatch(int active, const std::function<void(int)> &job)
    {
        if (active <= 1 || m_helpers.empty()) {
            job(0);
            return;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_job = &job;
            m_active = active;
            m_pending = active - 1;
            m_error = nullptr;
            ++m_generation;
        }
        m_wake.notify_all();
        std::exception_ptr own;
        try {
            job(0);
        } catch (...) {
            own = std::current_exception();
        }
        std::unique_lock<std::mutex> lock(m_mutex);
        m_done.wait(lock, [&] { return m_pending == 0; });
        if (own)
            std::rethrow_exception(own);
        if (m_error)
            std::rethrow_exception(m_error);
    }

    void helperLoop(int w)
    {
        std::uint64_t seen = 0;
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop)
                return;
            seen = m_generation;
            if (w >= m_active)
                continue;
            const std::function<void(int)> *job = m_job;
            lock.unlock();
            std::exception_ptr error;
            try {
                (*job)(w);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            if (error && !m_error)
                m_error = error;
            if (--m_pending == 0)
                m_done.notify_one();
        }
    }

    std::vector<std::thread> m_helpers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    const std::function<void(int)> *m_job = nullptr;
    int m_active = 0, m_pending = 0;
    std::uint64_t m_generation = 0;
    std::exception_ptr m_error;
    bool m_stop = false;
};

} // namespace wb::core::detail
