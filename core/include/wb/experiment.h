#pragma once

#include "wb/dataconfig.h"
#include "wb/dataset.h"
#include "wb/modelspec.h"
#include "wb/session.h"
#include "wb/trainconfig.h"
#include "wb/trainer.h"

#include <cstdint>
#include <string>

namespace wb::core {

class ProgressSink;

/// Registers `data` in the session's datasets (name, path, fingerprint), or finds the same
/// one already there; returns its id.
std::int64_t registerDataset(Session &session, const DatasetPair &data, const std::string &name);

/// Registers dataset, architecture and a new run (status "created") in the session.
/// The spec is checked with inferShapes first. Returns the run id.
std::int64_t createRecordedRun(Session &session, const DatasetPair &data,
                               const std::string &datasetName, const std::string &modelName,
                               const ModelSpec &spec, const TrainConfig &config,
                               const DataConfig &dataConfig, const std::string &runName = {});

/// Trains run `runId` of the session on `data` (which must be the run's dataset: checked by
/// fingerprint), committing each epoch as it ends and the final status and test metrics.
/// With `resume`, continues from the run's last checkpoint. A failure is recorded as status
/// "failed" with its message and partial history, then rethrown. `observer` (optional) also
/// receives every batch and epoch, e.g. for live plots; it is called on this thread.
TrainResult trainRecordedRun(Session &session, std::int64_t runId, const DatasetPair &data,
                             ProgressSink &progress, bool resume = false,
                             TrainObserver *observer = nullptr);

} // namespace wb::core
