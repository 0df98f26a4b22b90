#include "wb/lrfinder.h"

#include "model/networkimpl.h"
#include "train/optimizer.h"
#include "util/random.h"
#include "wb/device.h"
#include "util/jsonutil.h"
#include "wb/errors.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/smoothing.h"
#include "wb/threadpolicy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void validate(const LrFindOptions &o)
{
    auto bad = [](const std::string &m) { throw Error(ErrorCode::InvalidArgument, "lr-find: " + m); };
    if (!(o.lrMin > 0 && o.lrMax > o.lrMin && std::isfinite(o.lrMax)))
        bad("need 0 < lr-min < lr-max");
    if (o.batches < 0 || o.batches > 1000000)
        bad("batches must be 0 (one epoch) to 1000000");
    if (o.repeats < 1 || o.repeats > 100)
        bad("repeats must be 1 to 100");
    if (!(o.smoothing >= 0 && o.smoothing < 1))
        bad("smoothing must be in [0, 1)");
    if (!(o.divergence > 1))
        bad("the divergence factor must be > 1");
}

double median(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
    if (v.empty())
        return kNaN;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}
} // namespace

double lrFinderRate(const LrFindOptions &o, int batch, int batches)
{
    if (batches <= 1 || batch >= batches - 1)
        return batches <= 1 ? o.lrMin : o.lrMax;
    return o.lrMin * std::pow(o.lrMax / o.lrMin, double(batch) / double(batches - 1));
}

LrSuggestions suggestLearningRates(const std::vector<double> &lr, const std::vector<double> &loss, double q)
{
    // Running median of 5 over the finite neighbours: an isolated spike cannot move it.
    std::vector<double> filtered(loss.size(), kNaN);
    for (std::size_t i = 0; i < loss.size(); ++i) {
        if (!std::isfinite(loss[i]))
            continue;
        std::vector<double> window;
        for (std::size_t j = i >= 2 ? i - 2 : 0; j <= std::min(loss.size() - 1, i + 2); ++j)
            window.push_back(loss[j]);
        filtered[i] = median(window);
    }
    const std::vector<double> s = debiasedEwa(filtered, q);
    LrSuggestions out{kNaN, kNaN, kNaN};
    const int n = int(std::min(lr.size(), s.size()));
    int minIdx = -1;
    for (int i = 0; i < n; ++i)
        if (std::isfinite(s[std::size_t(i)]) && (minIdx < 0 || s[std::size_t(i)] < s[std::size_t(minIdx)]))
            minIdx = i;
    if (minIdx < 0)
        return out;
    out.minLossHalf = lr[std::size_t(minIdx)] / 2;
    // Steepest descent over log(lr), before the minimum and past the noisy first few percent.
    const int lo = std::max(1, n / 20);
    double best = 0;
    for (int i = lo; i < std::min(minIdx, n - 1); ++i) {
        const double a = s[std::size_t(i - 1)], b = s[std::size_t(i + 1)];
        if (!std::isfinite(a) || !std::isfinite(b))
            continue;
        const double g = (b - a) / (std::log(lr[std::size_t(i + 1)]) - std::log(lr[std::size_t(i - 1)]));
        if (g < best) {
            best = g;
            out.steepest = lr[std::size_t(i)];
        }
    }
    // Valley: the longest decreasing subsequence up to the minimum (sustained descent that
    // tolerates bumps), and the point two thirds of the way down it.
    std::vector<int> length(std::size_t(minIdx + 1), 0), previous(std::size_t(minIdx + 1), -1);
    int end = -1;
    for (int i = 0; i <= minIdx; ++i) {
        if (!std::isfinite(s[std::size_t(i)]))
            continue;
        length[std::size_t(i)] = 1;
        for (int j = 0; j < i; ++j)
            if (length[std::size_t(j)] > 0 && s[std::size_t(i)] < s[std::size_t(j)]
                && length[std::size_t(j)] + 1 > length[std::size_t(i)]) {
                length[std::size_t(i)] = length[std::size_t(j)] + 1;
                previous[std::size_t(i)] = j;
            }
        if (end < 0 || length[std::size_t(i)] > length[std::size_t(end)])
            end = i;
    }
    if (end >= 0 && length[std::size_t(end)] >= 3) {
        int start = end;
        while (previous[std::size_t(start)] >= 0)
            start = previous[std::size_t(start)];
        out.valley = lr[std::size_t(start + int(std::lround((end - start) * 2.0 / 3.0)))];
    }
    return out;
}

namespace {

// What every repeat of the range test shares.
struct RangeTest
{
    Network &network;
    const TrainConfig &config;
    const TrainData &data;
    const LrFindOptions &options;
    ProgressSink &progress;
    torch::Tensor pool, labels;
    std::int64_t n, perEpoch;
    int batches;
};

// One repeat from the current weights: the raw loss of every batch until the last one, a
// non-finite loss or divergence (stoppedEarly), or cancellation.
std::vector<double> rangeTestRepeat(const RangeTest &t, int rep, const std::vector<double> &lr, bool &stoppedEarly,
                                    bool &cancelled)
{
    auto &impl = t.network.impl();
    const TrainConfig &config = t.config;
    auto optimizer = detail::makeOptimizer(config, impl.net->parameters());
    impl.net->seedDropout(detail::mixSeed(config.seed, 20000 + std::uint64_t(rep)));
    std::mt19937_64 rng(detail::mixSeed(config.seed, 30000 + std::uint64_t(rep)));
    std::vector<std::size_t> order;
    impl.net->train();
    std::vector<double> losses;
    double s = 0, qPow = 1, best = std::numeric_limits<double>::infinity();
    const int N = t.batches;
    for (int i = 0; i < N; ++i) {
        if (t.progress.isCancelRequested()) {
            cancelled = true;
            break;
        }
        const std::int64_t offset = (i % t.perEpoch) * config.batchSize;
        if (offset == 0) { // a fresh shuffle for every pass over the data
            order = t.data.trainIndices;
            detail::shuffle(order, rng);
        }
        const auto count = std::min<std::int64_t>(config.batchSize, t.n - offset);
        std::vector<std::int64_t> batch(order.begin() + offset, order.begin() + offset + count);
        const auto idx = torch::tensor(batch, torch::kInt64).to(impl.device);
        const double value = detail::trainStep(impl.net, *optimizer, t.pool, t.labels, idx, lr[std::size_t(i)],
                                               config.labelSmoothing, false)
                                 .loss;
        losses.push_back(value);
        if (!std::isfinite(value)) {
            stoppedEarly = true;
            break;
        }
        s = t.options.smoothing * s + (1 - t.options.smoothing) * value;
        qPow *= t.options.smoothing;
        const double smooth = s / (1 - qPow);
        best = std::min(best, smooth);
        t.progress.setProgress((rep + double(i + 1) / N) / t.options.repeats,
                               "repeat " + std::to_string(rep + 1) + ", lr " + std::to_string(lr[std::size_t(i)]));
        if (i > N / 50 && smooth > t.options.divergence * best) {
            stoppedEarly = true;
            break;
        }
    }
    return losses;
}

// Median raw and smoothed curves over the repeats, and the min–max band of the smoothed ones.
void combineRepeats(LrFindResult &result, double smoothing)
{
    std::size_t longest = 0;
    std::vector<std::vector<double>> smoothedRuns;
    for (const auto &l : result.losses) {
        longest = std::max(longest, l.size());
        smoothedRuns.push_back(debiasedEwa(l, smoothing));
    }
    result.lr.resize(longest);
    for (std::size_t i = 0; i < longest; ++i) {
        std::vector<double> raw, sm;
        for (std::size_t r = 0; r < result.losses.size(); ++r)
            if (i < result.losses[r].size()) {
                raw.push_back(result.losses[r][i]);
                sm.push_back(smoothedRuns[r][i]);
            }
        result.loss.push_back(median(raw));
        result.smoothed.push_back(median(sm));
        double lo = kNaN, hi = kNaN;
        for (double v : sm)
            if (std::isfinite(v)) {
                lo = std::isnan(lo) ? v : std::min(lo, v);
                hi = std::isnan(hi) ? v : std::max(hi, v);
            }
        result.lossMin.push_back(lo);
        result.lossMax.push_back(hi);
    }
}

} // namespace

LrFindResult findLearningRate(Network &network, const TrainConfig &config, const TrainData &data,
                              const LrFindOptions &options, ProgressSink &progress)
{
    validate(config);
    validate(options);
    if (!data.train || data.trainIndices.empty())
        throw Error(ErrorCode::InvalidArgument, "lr-find: no training images");
    detail::prepareTrainingThreads(trainingThreads(
        config.threads, double(inferShapes(network.spec()).totalMacs), config.batchSize));

    auto &impl = network.impl();
    const std::string saved = network.saveState();
    const auto n = std::int64_t(data.trainIndices.size());
    const std::int64_t perEpoch = (n + config.batchSize - 1) / config.batchSize;
    const RangeTest test{network, config, data, options, progress,
                         detail::poolTensor(*data.train).to(impl.device),
                         torch::tensor(data.train->labels, torch::kInt64).to(impl.device), n, perEpoch,
                         options.batches > 0 ? options.batches : int(perEpoch)};
    LrFindResult result;
    result.plannedBatches = test.batches;
    for (int i = 0; i < test.batches; ++i)
        result.lr.push_back(lrFinderRate(options, i, test.batches));
    bool cancelled = false;
    for (int rep = 0; rep < options.repeats && !cancelled; ++rep) {
        network.loadState(saved);
        std::vector<double> losses = rangeTestRepeat(test, rep, result.lr, result.stoppedEarly, cancelled);
        if (!losses.empty())
            result.losses.push_back(std::move(losses));
    }
    network.loadState(saved); // the test leaves no trace on the model
    if (result.losses.empty())
        throw Error(ErrorCode::Runtime, "lr-find: cancelled before the first batch");
    combineRepeats(result, options.smoothing);
    result.suggestions = suggestLearningRates(result.lr, result.loss, options.smoothing);
    return result;
}

LrFindResult findLearningRate(const ModelSpec &spec, const TrainConfig &config, const TrainData &data,
                              const LrFindOptions &options, ProgressSink &progress)
{
    inferShapes(spec);
    if (!data.train)
        throw Error(ErrorCode::InvalidArgument, "lr-find: no training images");
    Network network(spec, config.seed, resolveDevice(config.device));
    network.setNormalization(data.normalization ? *data.normalization
                                                : channelStats(subset(*data.train, data.trainIndices)));
    return findLearningRate(network, config, data, options, progress);
}


std::string toJson(const LrFindResult &r)
{
    nlohmann::json losses = nlohmann::json::array();
    for (const auto &l : r.losses)
        losses.push_back(json::numbers(l));
    const auto &s = r.suggestions;
    return nlohmann::json{{"lr", json::numbers(r.lr)},
                          {"loss", json::numbers(r.loss)},
                          {"smoothed", json::numbers(r.smoothed)},
                          {"loss_min", json::numbers(r.lossMin)},
                          {"loss_max", json::numbers(r.lossMax)},
                          {"losses", losses},
                          {"suggestions", {{"min_loss_half", json::numbers({s.minLossHalf})[0]},
                                           {"steepest", json::numbers({s.steepest})[0]},
                                           {"valley", json::numbers({s.valley})[0]}}},
                          {"stopped_early", r.stoppedEarly},
                          {"planned_batches", r.plannedBatches}}
        .dump();
}

LrFindResult lrFindResultFromJson(const std::string &text)
{
    try {
        const auto j = nlohmann::json::parse(text);
        LrFindResult r;
        r.lr = json::fromNumbers(j.at("lr"));
        r.loss = json::fromNumbers(j.at("loss"));
        r.smoothed = json::fromNumbers(j.at("smoothed"));
        r.lossMin = json::fromNumbers(j.at("loss_min"));
        r.lossMax = json::fromNumbers(j.at("loss_max"));
        for (const auto &l : j.at("losses"))
            r.losses.push_back(json::fromNumbers(l));
        const auto &s = j.at("suggestions");
        auto one = [](const nlohmann::json &v) { return v.is_null() ? kNaN : v.get<double>(); };
        r.suggestions = {one(s.at("min_loss_half")), one(s.at("steepest")), one(s.at("valley"))};
        r.stoppedEarly = j.value("stopped_early", false);
        r.plannedBatches = json::integerOr<int>(j, "planned_batches", 0, "stored LR test is damaged");
        return r;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("stored LR test is damaged: ") + json::message(e));
    }
}

} // namespace wb::core
