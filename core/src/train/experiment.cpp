#include "wb/experiment.h"

#include "wb/device.h"
#include "wb/errors.h"

#include <cstdio>
#include <sstream>

namespace wb::core {

namespace {

// Commits every finished epoch to the session as it ends.
class SessionRecorder : public TrainObserver
{
public:
    SessionRecorder(Session &session, std::int64_t runId, TrainObserver *next)
        : m_session(session), m_runId(runId), m_next(next)
    {
    }
    void onBatch(const BatchRecord &batch) override
    {
        if (m_next)
            m_next->onBatch(batch);
    }
    void onEpoch(const EpochRecord &epoch, const std::vector<BatchRecord> &batches,
                 const Checkpoint &checkpoint) override
    {
        m_session.appendEpoch(m_runId, epoch, batches, checkpoint); // committed before shown
        if (m_next)
            m_next->onEpoch(epoch, batches, checkpoint);
    }

private:
    Session &m_session;
    std::int64_t m_runId;
    TrainObserver *m_next;
};

} // namespace

std::int64_t registerDataset(Session &session, const DatasetPair &data, const std::string &name)
{
    DatasetRecord ds;
    ds.name = name;
    ds.path = data.source;
    ds.fingerprint = datasetFingerprint(data);
    ds.trainCount = std::int64_t(data.train.size());
    ds.testCount = std::int64_t(data.test.size());
    ds.channels = data.train.channels;
    ds.height = data.train.height;
    ds.width = data.train.width;
    ds.classNames = data.train.classNames;
    return session.addDataset(ds);
}

std::int64_t createRecordedRun(Session &session, const DatasetPair &data,
                               const std::string &datasetName, const std::string &modelName,
                               const ModelSpec &spec, const TrainConfig &config,
                               const DataConfig &dataConfig, const std::string &runName)
{
    validate(config);
    validate(dataConfig);
    inferShapes(spec);
    RunRecord run;
    run.datasetId = registerDataset(session, data, datasetName);
    run.architectureId = session.addArchitecture(modelName, toJson(spec));
    std::ostringstream defaultName;
    defaultName << modelName << ' ' << config.optimizer << " lr " << config.lr;
    run.name = runName.empty() ? defaultName.str() : runName;
    run.configJson = toJson(config);
    run.dataJson = toJson(dataConfig);
    return session.createRun(run);
}

namespace {

struct PreparedRun
{
    TrainConfig config;
    ModelSpec spec;
    std::optional<ResumeState> state;
    DataSelection selection;
    std::string device;
    std::int64_t parameters = 0;
};

PreparedRun prepareRun(Session &session, std::int64_t runId, const RunRecord &run,
                       const DatasetPair &data, bool resume)
{
    const DatasetRecord ds = session.dataset(run.datasetId);
    if (ds.fingerprint != datasetFingerprint(data))
        throw Error(ErrorCode::BadData, data.source + ": content differs from the dataset run "
                                            + std::to_string(runId) + " was created with ("
                                            + ds.path + ")");
    PreparedRun p;
    p.spec = parseModelSpec(session.architecture(run.architectureId).specJson,
                            "run " + std::to_string(runId) + " architecture");
    p.config = trainConfigFromJson(run.configJson);
    const DataConfig dataConfig = dataConfigFromJson(run.dataJson);
    if (resume) {
        if (run.status == RunStatus::Completed)
            throw Error(ErrorCode::InvalidArgument,
                        "run " + std::to_string(runId) + " is already completed");
        if (auto cp = session.checkpoint(runId))
            p.state = ResumeState{std::move(*cp), session.history(runId)};
        // No checkpoint yet: the run starts over from its seeded initial weights.
    }
    p.selection = selectData(data, dataConfig);
    p.device = resolveDevice(p.config.device);
    p.parameters = inferShapes(p.spec).totalParameters;
    return p;
}

} // namespace

TrainResult trainRecordedRun(Session &session, std::int64_t runId, const DatasetPair &data,
                             ProgressSink &progress, bool resume, TrainObserver *observer)
{
    const RunRecord run = session.run(runId);
    PreparedRun p;
    try {
        p = prepareRun(session, runId, run, data, resume);
    } catch (const std::exception &e) {
        // A check before training refused the run: a new run says so instead of staying
        // "created" for ever; a run that was trained before keeps its state.
        try {
            session.failUnstartedRun(runId, e.what());
        } catch (...) {
        }
        throw;
    }
    TrainData td;
    td.train = &data.train;
    td.trainIndices = p.selection.train;
    td.valIndices = p.selection.validation;
    td.test = &data.test;
    td.testIndices = p.selection.test;

    SessionRecorder recorder(session, runId, observer);
    // Claimed before the try: a run another process trains is refused, not marked failed.
    session.setRunStarted(runId, p.device, p.parameters);
    try {
        TrainResult result = train(p.spec, p.config, td, progress, &recorder, p.state ? &*p.state : nullptr);
        session.finishRun(runId, result.status, result.test, result.trainSeconds, result.message);
        return result;
    } catch (const std::exception &e) {
        try {
            session.finishRun(runId, RunStatus::Failed, std::nullopt, 0.0, e.what());
        } catch (...) {
            // The original error matters more than a failure to record it.
        }
        throw;
    }
}

} // namespace wb::core
