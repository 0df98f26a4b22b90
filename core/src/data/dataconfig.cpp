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
    if (c.trainLimit < 0 || c.testLimit < 0)
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
    const auto pool = limited(data.train.size(), c.trainLimit, c, 1, "train");
    std::vector<std::int64_t> poolLabels;
    poolLabels.reserve(pool.size());
    for (auto i : pool)
        poolLabels.push_back(data.train.labels[i]);
    const SplitIndices split = randomSplit(poolLabels, c.valFraction, c.seed, c.stratified);
    sel.train = pick(pool, split.train);
    sel.validation = pick(pool, split.validation);
    if (sel.train.empty())
        throw Error(ErrorCode::InvalidArgument, "data: no training images left after the limit "
                                                "and validation split");
    sel.test = limited(data.test.size(), c.testLimit, c, 2, "test");
    return sel;
}

} // namespace wb::core
