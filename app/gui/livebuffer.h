#pragma once

#include "wb/trainer.h"

#include <mutex>
#include <vector>

namespace wb::app {

/// Collects a training run's batch and epoch records on the worker thread for the GUI
/// thread to take at its own pace (it drains at ~20 Hz). Thread-safe.
class LiveBuffer : public core::TrainObserver
{
public:
    void onBatch(const core::BatchRecord &batch) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_batches.push_back(batch);
    }
    void onEpoch(const core::EpochRecord &epoch, const std::vector<core::BatchRecord> &,
                 const core::Checkpoint &) override
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_epochs.push_back(epoch);
    }
    /// Moves everything collected since the last call into the arguments.
    void take(std::vector<core::BatchRecord> &batches, std::vector<core::EpochRecord> &epochs)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        batches.swap(m_batches);
        epochs.swap(m_epochs);
        m_batches.clear();
        m_epochs.clear();
    }

private:
    std::mutex m_mutex;
    std::vector<core::BatchRecord> m_batches;
    std::vector<core::EpochRecord> m_epochs;
};

} // namespace wb::app
