// The steps of the real active-learning loop: train on the labelled set of the moment, pick
// from the pool with a trained run, add the labels that came back.
#include "wb/activeloop.h"

#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/trainconfig.h"

#include <cmath>

namespace wb::core {

namespace {

std::string classList(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i)
        out += (i ? ", " : "") + names[i];
    return out + (names.size() > 12 ? ", ..." : "");
}

} // namespace

ActiveLoop startActiveLoop(const DatasetPair &base, const std::string &datasetName, const DataConfig &data,
                           const std::string &modelName, const ModelSpec &spec, const std::string &trainJson)
{
    if (data.poolLabels != 0)
        throw Error(ErrorCode::InvalidArgument, "a loop starts from a dataset, not from an earlier loop's labels");
    validate(data);
    ActiveLoop loop;
    loop.datasetName = datasetName;
    loop.baseFingerprint = datasetFingerprint(base);
    loop.data = data;
    loop.classNames = base.train.classNames;
    loop.channels = base.train.channels;
    loop.height = base.train.height;
    loop.width = base.train.width;
    loop.modelName = modelName;
    loop.specJson = toJson(spec);
    loop.trainJson = trainJson;
    return loop;
}

std::int64_t trainLoopModel(Session &session, ActiveLoop &loop, const DatasetPair &base, ProgressSink &progress)
{
    const auto count = std::int64_t(loop.labels.size());
    const DatasetPair data = withLoopLabels(base, loop, count);
    DataConfig dc = loop.data;
    dc.poolLabels = count;
    const std::int64_t labelled = std::int64_t(labelledImages(data, dc).size());
    const ModelSpec spec = parseModelSpec(loop.specJson, "active-learning loop network");
    const std::int64_t runId =
        createRecordedRun(session, data, loop.datasetName, // the name loads the base: loadRunData adds the labels
                          loop.modelName, spec, trainConfigFromJson(loop.trainJson), dc,
                          "active loop: " + std::to_string(labelled) + " labelled");
    const TrainResult r = trainRecordedRun(session, runId, data, progress);
    if (r.status != RunStatus::Completed)
        throw Error(ErrorCode::Runtime, "run " + std::to_string(runId) + " on " + std::to_string(labelled)
                                            + " labelled images " + runStatusName(r.status) + ": " + r.message);
    loop.models.push_back({labelled, runId, r.test ? r.test->accuracy : std::nan("")});
    return runId;
}

const LoopRound &pickLoopRound(const Session &session, ActiveLoop &loop, std::int64_t runId, const DatasetPair &base,
                               const ImagePool &pool, const PoolPickOptions &options, ProgressSink &progress,
                               PoolPickResult *result)
{
    if (const LoopRound *p = loop.pending())
        throw Error(ErrorCode::InvalidArgument,
                    "round " + std::to_string(p->index) + "'s " + std::to_string(p->picks.size())
                        + " picks wait for labels: add them first (active add --labels FILE), or discard the round");
    const RunRecord run = session.run(runId);
    const DatasetRecord ds = session.dataset(run.datasetId);
    if (ds.classNames != loop.classNames)
        throw Error(ErrorCode::InvalidArgument, "run " + std::to_string(runId) + " was trained on the classes ("
                                                    + classList(ds.classNames) + "), not the loop's dataset's ("
                                                    + classList(loop.classNames) + ")");
    const ModelSpec spec = parseModelSpec(session.architecture(run.architectureId).specJson);
    if (spec.input[0] != loop.channels || spec.input[1] != loop.height || spec.input[2] != loop.width)
        throw Error(ErrorCode::InvalidArgument, "run " + std::to_string(runId) + " takes other images ("
                                                    + std::to_string(spec.input[0]) + "x" + std::to_string(spec.input[1])
                                                    + "x" + std::to_string(spec.input[2]) + ") than the loop's dataset");
    const auto checkpoint = session.checkpoint(runId);
    if (!checkpoint)
        throw Error(ErrorCode::InvalidArgument, "run " + std::to_string(runId) + " has no trained weights (no checkpoint)");
    const DatasetPair data = withLoopLabels(base, loop, std::int64_t(loop.labels.size()));
    DataConfig dc = loop.data;
    dc.poolLabels = std::int64_t(loop.labels.size());
    const ImageDataset labelled = labelledImages(data, dc);
    PoolPickResult r = pickFromPool(spec, checkpoint->model, labelled, pool, options, progress);
    LoopRound round;
    round.index = int(loop.rounds.size()) + 1;
    round.strategy = options.strategy;
    round.pool = pool.source;
    round.picked = utcNow();
    round.runId = runId;
    round.labelledBefore = std::int64_t(labelled.size());
    round.poolImages = r.listed;
    round.scored = r.scored;
    round.alreadyLabelled = r.alreadyLabelled;
    round.perClassCap = options.perClassCap;
    round.picks = r.picks;
    loop.rounds.push_back(std::move(round));
    if (result)
        *result = std::move(r);
    return loop.rounds.back();
}

void addLoopLabels(ActiveLoop &loop, const AddedLabels &labels)
{
    if (!loop.pending())
        throw Error(ErrorCode::InvalidArgument, "no picks wait for labels");
    LoopRound &round = loop.rounds.back();
    round.added = utcNow();
    round.labelsAdded = std::int64_t(labels.added.size());
    round.notAdded = labels.skipped;
    loop.labels.insert(loop.labels.end(), labels.added.begin(), labels.added.end());
}

} // namespace wb::core
