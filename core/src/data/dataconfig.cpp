#include "wb/dataconfig.h"
#include "wb/errors.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

namespace wb::core {

void validate(const DataConfig &c)
{
    if (c.dataset.empty())
        throw Error(ErrorCode::InvalidArgument, "data: dataset must not be empty");
    if (!(c.valFraction >= 0 && c.valFraction < 1))
        throw Error(ErrorCode::InvalidArgument, "data: val-fraction must be in [0, 1)");
    if (c.trainLimit < 0 || c.testLimit < 0 || c.poolLabels < 0)
        throw Error(ErrorCode::InvalidArgument, "data: limits must be >= 0");
    if (c.limitMode != "random" && c.limitMode != "first")
        throw Error(ErrorCode::InvalidArgument,
                    "data: limit-mode must be 'random' or 'first', got '" + c.limitMode + "'");
}

std::string toJson(const DataConfig &c)
{
    nlohmann::json j = {{"dataset", c.dataset},       {"val_fraction", c.valFraction},
                        {"stratified", c.stratified}, {"train_limit", c.trainLimit},
                        {"test_limit", c.testLimit},  {"limit_mode", c.limitMode},
                        {"seed", c.seed},             {"image_channels", c.imageChannels},
                        {"image_height", c.imageHeight}, {"image_width", c.imageWidth}};
    if (c.poolLabels > 0) // absent in every other run: their JSON stays as it was
        j["pool_labels"] = c.poolLabels;
    return j.dump();
}

DataConfig dataConfigFromJson(const std::string &text)
{
    DataConfig c;
    json::Reader r(text, "data config");
    r.get("dataset", c.dataset);
    r.get("val_fraction", c.valFraction);
    r.get("stratified", c.stratified);
    r.get("train_limit", c.trainLimit);
    r.get("test_limit", c.testLimit);
    r.get("limit_mode", c.limitMode);
    r.get("seed", c.seed);
    r.get("image_channels", c.imageChannels);
    r.get("image_height", c.imageHeight);
    r.get("image_width", c.imageWidth);
    r.get("pool_labels", c.poolLabels);
    r.finish();
    validate(c);
    return c;
}

namespace {
std::vector<std::size_t> limited(std::size_t n, std::int64_t limit, const DataConfig &c,
                                 std::uint64_t stream, const char *what)
{
    if (limit > 0 && std::size_t(limit) > n)
        throw Error(ErrorCode::InvalidArgument, std::string(what) + "-limit " + std::to_string(limit)
                                                    + " exceeds the " + std::to_string(n)
                                                    + " available images");
    const std::size_t count = limit > 0 ? std::size_t(limit) : n;
    if (c.limitMode == "first" || count == n) {
        std::vector<std::size_t> idx(count);
        for (std::size_t i = 0; i < count; ++i)
            idx[i] = i;
        return idx;
    }
    return randomSubset(n, count, c.seed + stream);
}
} // namespace

DataSelection selectData(const DatasetPair &data, const DataConfig &c)
{
    validate(c);
    DataSelection sel;
    if (std::size_t(c.poolLabels) > data.train.size())
        throw Error(ErrorCode::InvalidArgument, "data: " + std::to_string(c.poolLabels)
                                                    + " labelled pool images, but the training set has only "
                                                    + std::to_string(data.train.size()) + " images");
    const std::size_t base = data.train.size() - std::size_t(c.poolLabels);
    const auto pool = limited(base, c.trainLimit, c, 1, "train");
    std::vector<std::int64_t> poolLabels;
    poolLabels.reserve(pool.size());
    for (auto i : pool)
        poolLabels.push_back(data.train.labels[i]);
    const SplitIndices split = randomSplit(poolLabels, c.valFraction, c.seed, c.stratified);
    sel.train = pick(pool, split.train);
    sel.validation = pick(pool, split.validation);
    for (std::size_t i = base; i < data.train.size(); ++i)
        sel.train.push_back(i);
    if (sel.train.empty())
        throw Error(ErrorCode::InvalidArgument, "data: no training images left after the limit "
                                                "and validation split");
    sel.test = limited(data.test.size(), c.testLimit, c, 2, "test");
    return sel;
}

} // namespace wb::core
