// The real active-learning loop of a session (result kind "active-loop"): its JSON, storage,
// and the data of the runs trained on the labelled set it grows.
#include "wb/activeloop.h"

#include "util/sha256.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace wb::core {

using nlohmann::json;

namespace {

constexpr const char *kKind = "active-loop";

json numberOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double numberFrom(const json &j) { return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN(); }

json pickJson(const PoolPick &p)
{
    return {{"path", p.path}, {"file_hash", p.fileHash}, {"score", numberOrNull(p.score)}, {"predicted", p.predicted},
            {"second", p.second}, {"p1", p.p1}, {"p2", p.p2}};
}

PoolPick pickFrom(const json &j)
{
    return {j.at("path").get<std::string>(), j.at("file_hash").get<std::string>(), numberFrom(j.at("score")),
            j.at("predicted").get<std::int64_t>(), j.at("second").get<std::int64_t>(), j.at("p1").get<double>(),
            j.at("p2").get<double>()};
}

} // namespace

const LoopRound *ActiveLoop::pending() const
{
    return !rounds.empty() && rounds.back().added.empty() ? &rounds.back() : nullptr;
}

std::int64_t ActiveLoop::labelledCount(std::int64_t baseCount) const { return baseCount + std::int64_t(labels.size()); }

std::string toJson(const ActiveLoop &l)
{
    json labels = json::array(), rounds = json::array(), models = json::array();
    for (const auto &x : l.labels)
        labels.push_back({{"path", x.path}, {"file_hash", x.fileHash}, {"label", x.label}, {"round", x.round},
                          {"pixels", detail::base64Encode(std::string(x.pixels.begin(), x.pixels.end()))}});
    for (const auto &r : l.rounds) {
        json picks = json::array();
        for (const auto &p : r.picks)
            picks.push_back(pickJson(p));
        rounds.push_back({{"index", r.index}, {"strategy", r.strategy}, {"pool", r.pool}, {"picked", r.picked},
                          {"run", r.runId}, {"labelled_before", r.labelledBefore}, {"pool_images", r.poolImages},
                          {"scored", r.scored}, {"already_labelled", r.alreadyLabelled},
                          {"per_class_cap", r.perClassCap}, {"picks", picks}, {"added", r.added},
                          {"labels_added", r.labelsAdded}, {"not_added", r.notAdded}});
    }
    for (const auto &m : l.models)
        models.push_back({{"labelled", m.labelled}, {"run", m.runId}, {"test_accuracy", numberOrNull(m.testAccuracy)}});
    const json j = {{"dataset", l.datasetName}, {"base_fingerprint", l.baseFingerprint},
                    {"data", json::parse(toJson(l.data))}, {"classes", l.classNames},
                    {"input", {l.channels, l.height, l.width}}, {"model", l.modelName},
                    {"spec", json::parse(l.specJson)}, {"train", json::parse(l.trainJson)},
                    {"labels", labels}, {"rounds", rounds}, {"models", models}};
    return j.dump();
}

ActiveLoop activeLoopFromJson(const std::string &text)
{
    ActiveLoop l;
    try {
        const json j = json::parse(text);
        l.datasetName = j.at("dataset").get<std::string>();
        l.baseFingerprint = j.at("base_fingerprint").get<std::string>();
        l.data = dataConfigFromJson(j.at("data").dump());
        l.classNames = j.at("classes").get<std::vector<std::string>>();
        const auto input = j.at("input").get<std::vector<int>>();
        if (input.size() != 3 || input[0] < 1 || input[1] < 1 || input[2] < 1)
            throw Error(ErrorCode::Session, "input is not C, H, W");
        l.channels = input[0];
        l.height = input[1];
        l.width = input[2];
        l.modelName = j.at("model").get<std::string>();
        l.specJson = j.at("spec").dump();
        l.trainJson = j.at("train").dump();
        const std::size_t bytes = std::size_t(l.channels) * std::size_t(l.height) * std::size_t(l.width);
        for (const auto &x : j.at("labels")) {
            LoopLabel label{x.at("path").get<std::string>(), x.at("file_hash").get<std::string>(),
                            x.at("label").get<std::int64_t>(), x.at("round").get<int>(), {}};
            std::string pixels;
            if (!detail::base64Decode(x.at("pixels").get<std::string>(), pixels) || pixels.size() != bytes)
                throw Error(ErrorCode::Session, "the pixels of " + label.path + " are damaged");
            if (label.label < 0 || label.label >= std::int64_t(l.classNames.size()))
                throw Error(ErrorCode::Session, "the label of " + label.path + " is not a class");
            label.pixels.assign(pixels.begin(), pixels.end());
            l.labels.push_back(std::move(label));
        }
        for (const auto &x : j.at("rounds")) {
            LoopRound r;
            r.index = x.at("index").get<int>();
            r.strategy = x.at("strategy").get<std::string>();
            r.pool = x.at("pool").get<std::string>();
            r.picked = x.at("picked").get<std::string>();
            r.runId = x.at("run").get<std::int64_t>();
            r.labelledBefore = x.at("labelled_before").get<std::int64_t>();
            r.poolImages = x.at("pool_images").get<std::size_t>();
            r.scored = x.at("scored").get<std::size_t>();
            r.alreadyLabelled = x.at("already_labelled").get<std::size_t>();
            r.perClassCap = x.at("per_class_cap").get<int>();
            for (const auto &p : x.at("picks"))
                r.picks.push_back(pickFrom(p));
            r.added = x.at("added").get<std::string>();
            r.labelsAdded = x.at("labels_added").get<std::int64_t>();
            r.notAdded = x.at("not_added").get<std::vector<std::string>>();
            l.rounds.push_back(std::move(r));
        }
        for (const auto &x : j.at("models"))
            l.models.push_back({x.at("labelled").get<std::int64_t>(), x.at("run").get<std::int64_t>(),
                                numberFrom(x.at("test_accuracy"))});
    } catch (const json::exception &e) {
        throw Error(ErrorCode::Session, std::string("active-learning loop: damaged record (") + e.what() + ")");
    } catch (const Error &e) {
        throw Error(ErrorCode::Session, std::string("active-learning loop: damaged record (") + e.what() + ")");
    }
    return l;
}

std::optional<ActiveLoop> loadActiveLoop(const Session &session)
{
    const auto records = session.results(kKind);
    if (records.empty())
        return std::nullopt;
    ActiveLoop loop = activeLoopFromJson(records.back().payloadJson);
    loop.storedJson = records.back().payloadJson;
    return loop;
}

void saveActiveLoop(Session &session, ActiveLoop &loop)
{
    ResultRecord r;
    r.kind = kKind;
    r.name = "active-learning loop on " + loop.datasetName;
    r.created = utcNow();
    r.payloadJson = toJson(loop);
    if (!session.replaceResultIf(r, loop.storedJson))
        throw Error(ErrorCode::Session, session.path() + ": another process changed the session's active-learning "
                                                         "loop meanwhile; nothing of this step was stored in the loop "
                                                         "(see active rounds), run it again");
    loop.storedJson = r.payloadJson;
}

DatasetPair withLoopLabels(DatasetPair data, const ActiveLoop &loop, std::int64_t count)
{
    if (datasetFingerprint(data) != loop.baseFingerprint)
        throw Error(ErrorCode::BadData, data.source + ": not the dataset of the session's active-learning loop ("
                                            + loop.datasetName + "): its content changed");
    if (count < 0 || std::size_t(count) > loop.labels.size())
        throw Error(ErrorCode::InvalidArgument, "the active-learning loop has " + std::to_string(loop.labels.size())
                                                    + " labels, not " + std::to_string(count));
    auto &train = data.train;
    if (train.channels != loop.channels || train.height != loop.height || train.width != loop.width)
        throw Error(ErrorCode::BadData, data.source + ": images are not of the loop's size");
    for (std::int64_t i = 0; i < count; ++i) {
        const auto &x = loop.labels[std::size_t(i)];
        train.pixels.insert(train.pixels.end(), x.pixels.begin(), x.pixels.end());
        train.labels.push_back(x.label);
    }
    return data;
}

DatasetPair loadRunData(const Session &session, const RunRecord &run, std::vector<SkippedFile> &skipped,
                        ProgressSink *progress)
{
    const DataConfig dc = dataConfigFromJson(run.dataJson);
    DatasetPair data = loadDataset(dc.dataset, {dc.imageChannels, dc.imageHeight, dc.imageWidth}, skipped, progress);
    if (dc.poolLabels == 0)
        return data;
    const auto loop = loadActiveLoop(session);
    if (!loop)
        throw Error(ErrorCode::Session, "run " + std::to_string(run.id) + " was trained on "
                                            + std::to_string(dc.poolLabels)
                                            + " labels of an active-learning loop this session no longer holds");
    return withLoopLabels(std::move(data), *loop, dc.poolLabels);
}

ImageDataset labelledImages(const DatasetPair &data, const DataConfig &config)
{
    const DataSelection sel = selectData(data, config);
    std::vector<std::size_t> all = sel.train;
    all.insert(all.end(), sel.validation.begin(), sel.validation.end());
    return subset(data.train, all);
}

} // namespace wb::core
