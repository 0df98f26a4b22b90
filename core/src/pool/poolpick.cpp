// Picking the next images to label from a real, unlabelled pool: the pool is decoded and
// scored in batches with a trained network (uncertainty, BALD, core-set or a uniform draw).
#include "wb/poolpick.h"

#include "model/networkimpl.h"
#include "studies/activeround.h"
#include "train/optimizer.h"
#include "util/random.h"
#include "wb/activescores.h"
#include "wb/errors.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/threadpolicy.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace wb::core {

const std::vector<std::string> &poolStrategyNames()
{
    static const std::vector<std::string> names = {"margin", "least-confidence", "entropy", "bald", "coreset", "uniform"};
    return names;
}

void checkPoolStrategy(const std::string &name)
{
    const auto &names = poolStrategyNames();
    if (std::find(names.begin(), names.end(), name) != names.end())
        return;
    std::string list;
    for (const auto &n : names)
        list += (list.empty() ? "" : ", ") + n;
    throw Error(ErrorCode::InvalidArgument, "strategy '" + name + "' is not one of " + list);
}

namespace {

// What the scoring keeps of each new pool image: a few numbers, never its pixels.
struct Scored
{
    std::vector<std::size_t> position;
    std::vector<std::string> fileHash;
    std::vector<std::int64_t> predicted, second;
    std::vector<double> p1, p2;
    std::vector<float> logProbs; // [n, classes], for the strategy's scores
    std::vector<std::vector<float>> passes; // bald: per pass [n, classes]
    std::vector<float> features; // coreset: [n, dims]
    std::int64_t dims = 0;
};

// Log-softmax of row-major logits, in place.
void logSoftmax(std::vector<float> &rows, int classes)
{
    for (std::size_t i = 0; i + std::size_t(classes) <= rows.size(); i += std::size_t(classes)) {
        float *z = rows.data() + i;
        const double top = *std::max_element(z, z + classes);
        double sum = 0;
        for (int c = 0; c < classes; ++c)
            sum += std::exp(double(z[c]) - top);
        const double log = top + std::log(sum);
        for (int c = 0; c < classes; ++c)
            z[c] = float(double(z[c]) - log);
    }
}

void keepTopTwo(Scored &s, const float *row, int classes)
{
    int a = 0, b = classes > 1 ? 1 : 0;
    if (row[b] > row[a])
        std::swap(a, b);
    for (int c = 2; c < classes; ++c)
        if (row[c] > row[a]) {
            b = a;
            a = c;
        } else if (row[c] > row[b]) {
            b = c;
        }
    auto prob = [](float lp) { return std::isfinite(lp) ? std::exp(double(lp)) : 0.0; };
    s.predicted.push_back(a);
    s.second.push_back(b);
    s.p1.push_back(prob(row[a]));
    s.p2.push_back(prob(row[b]));
}

std::string countText(std::size_t n) { return std::to_string(n); }

void scoreBatch(Network &net, const PoolBatch &b, const std::vector<std::size_t> &keep, const PoolPickOptions &o,
                int classes, Scored &s)
{
    std::vector<float> lp = net.logits(b.images, keep);
    logSoftmax(lp, classes);
    for (std::size_t r = 0; r < keep.size(); ++r) {
        keepTopTwo(s, lp.data() + r * std::size_t(classes), classes);
        s.position.push_back(b.positions[keep[r]]);
        s.fileHash.push_back(hashHex(b.fileHashes[keep[r]]));
    }
    if (o.strategy == "bald") {
        auto &impl = net.impl();
        torch::NoGradGuard noGrad;
        const auto images = detail::poolTensor(b.images).index_select(0, detail::indexTensor(keep, b.images.size()));
        const auto all = impl.net->mcDropoutLogProbabilities(images.to(impl.device), o.mcPasses)
                             .to(torch::kCPU).to(torch::kFloat32).contiguous(); // [passes * n, classes]
        s.passes.resize(std::size_t(o.mcPasses));
        const std::size_t n = keep.size() * std::size_t(classes);
        for (int k = 0; k < o.mcPasses; ++k) {
            const float *from = all.data_ptr<float>() + std::size_t(k) * n;
            s.passes[std::size_t(k)].insert(s.passes[std::size_t(k)].end(), from, from + n);
        }
    } else if (o.strategy == "coreset") {
        const auto f = net.features(b.images, keep, &s.dims);
        s.features.insert(s.features.end(), f.begin(), f.end());
    } else {
        s.logProbs.insert(s.logProbs.end(), lp.begin(), lp.end());
    }
}

// The ranked picks of a score per scored image: highest first (ties to the earlier pool image),
// at most `cap` per predicted class.
std::vector<std::size_t> rankByScore(const std::vector<double> &score, const Scored &s, const PoolPickOptions &o)
{
    std::vector<std::size_t> order(score.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::vector<std::size_t> out;
    std::vector<int> perClass;
    for (std::size_t i : order) {
        if (out.size() == o.count)
            break;
        if (o.perClassCap > 0) {
            const auto c = std::size_t(s.predicted[i]);
            if (perClass.size() <= c)
                perClass.resize(c + 1, 0);
            if (perClass[c] >= o.perClassCap)
                continue;
            ++perClass[c];
        }
        out.push_back(i);
    }
    return out;
}

} // namespace

void checkPoolPick(const ModelSpec &spec, const PoolPickOptions &o)
{
    checkPoolStrategy(o.strategy);
    if (o.count == 0)
        throw Error(ErrorCode::InvalidArgument, "count: pick at least one image");
    if (o.perClassCap < 0)
        throw Error(ErrorCode::InvalidArgument, "per-class cap: " + std::to_string(o.perClassCap)
                                                    + " is below 0 (0 = no cap)");
    if (o.mcPasses < 1)
        throw Error(ErrorCode::InvalidArgument, "mc-passes: " + std::to_string(o.mcPasses) + " is below 1");
    if (o.batch < 1)
        throw Error(ErrorCode::InvalidArgument, "batch: pool images are scored at least one at a time");
    if (o.strategy == "bald" && !detail::hasDropout(spec))
        throw Error(ErrorCode::InvalidArgument, "strategy bald needs a model with dropout (e.g. lenet5-dropout): "
                                                "without it every pass gives the same answer");
}

PoolPickResult pickFromPool(const ModelSpec &spec, const std::string &weights, const ImageDataset &labelled,
                            const ImagePool &pool, const PoolPickOptions &o, ProgressSink &progress)
{
    const auto start = std::chrono::steady_clock::now();
    checkPoolPick(spec, o);
    if (o.count > pool.paths.size())
        throw Error(ErrorCode::InvalidArgument, "count: " + countText(o.count) + " images asked for, but the pool "
                                                    + pool.source + " has only " + countText(pool.paths.size()));
    const int classes = spec.classes;
    const int channels = spec.input[0], height = spec.input[1], width = spec.input[2];
    if (labelled.size() > 0 && (labelled.channels != channels || labelled.height != height || labelled.width != width))
        throw Error(ErrorCode::InvalidArgument, "pool pick: the labelled images do not fit the model's input");
    detail::prepareTrainingThreads(cpuThreads(o.threads));
    Network net(spec, 1, "cpu");
    net.loadState(weights);
    if (o.strategy == "bald")
        net.impl().net->seedDropout(detail::mixSeed(o.seed, 21));

    std::unordered_set<std::uint64_t> labelledPixels, seen;
    for (std::size_t i = 0; i < labelled.size(); ++i)
        labelledPixels.insert(contentHash(labelled.image(i), labelled.imageBytes()));
    PoolPickResult r;
    r.listed = pool.paths.size();
    Scored s;
    for (std::size_t begin = 0; begin < pool.paths.size(); begin += o.batch) {
        if (progress.isCancelRequested())
            throw Error(ErrorCode::Runtime, "scoring the pool " + pool.source + " was cancelled");
        const PoolBatch b = decodePoolBatch(pool, begin, begin + o.batch, channels, height, width, r.skipped);
        r.converted += b.converted;
        std::vector<std::size_t> keep;
        for (std::size_t i = 0; i < b.positions.size(); ++i) {
            if (labelledPixels.count(b.pixelHashes[i]))
                ++r.alreadyLabelled;
            else if (!seen.insert(b.pixelHashes[i]).second)
                ++r.duplicates;
            else
                keep.push_back(i);
        }
        if (!keep.empty())
            scoreBatch(net, b, keep, o, classes, s);
        const std::size_t done = std::min(pool.paths.size(), begin + o.batch);
        progress.setProgress(double(done) / double(pool.paths.size()),
                             "scored " + countText(done) + " of " + countText(pool.paths.size()) + " pool images");
    }
    r.scored = s.position.size();
    if (r.scored == 0) {
        if (r.alreadyLabelled > 0)
            throw Error(ErrorCode::BadData, pool.source + ": every readable image of the pool ("
                                                + countText(r.alreadyLabelled + r.duplicates)
                                                + ") is already labelled: is this the labelled dataset itself?");
        throw Error(ErrorCode::BadData, pool.source + ": no readable image in the pool (" + countText(r.skipped.size())
                                            + " files skipped; first " + r.skipped.front().path + ": "
                                            + r.skipped.front().reason + ")");
    }
    if (o.count > r.scored)
        throw Error(ErrorCode::InvalidArgument,
                    "count: " + countText(o.count) + " images asked for, but only " + countText(r.scored)
                        + " pool images are new and readable (" + countText(r.alreadyLabelled) + " already labelled, "
                        + countText(r.duplicates) + " duplicates, " + countText(r.skipped.size()) + " unreadable)");

    std::vector<std::size_t> ranked;
    std::vector<double> score;
    if (o.strategy == "coreset") {
        std::int64_t dims = s.dims;
        std::vector<float> all = labelled.size() ? net.features(labelled, {}, &dims) : std::vector<float>();
        all.insert(all.end(), s.features.begin(), s.features.end());
        std::vector<std::size_t> lab(labelled.size()), candidates(r.scored);
        std::iota(lab.begin(), lab.end(), std::size_t(0));
        std::iota(candidates.begin(), candidates.end(), labelled.size());
        std::vector<double> distance;
        for (std::size_t pick :
             kCenterGreedy(all, int(dims), lab, candidates, o.count, s.predicted, o.perClassCap, &distance))
            ranked.push_back(pick - labelled.size());
        score.assign(r.scored, 0.0);
        for (std::size_t k = 0; k < ranked.size(); ++k)
            score[ranked[k]] = distance[k];
    } else {
        if (o.strategy == "margin")
            score = marginScores(s.logProbs, classes);
        else if (o.strategy == "least-confidence")
            score = leastConfidenceScores(s.logProbs, classes);
        else if (o.strategy == "entropy")
            score = entropyScores(s.logProbs, classes);
        else if (o.strategy == "bald")
            score = baldScores(s.passes, classes);
        else { // uniform: a seeded draw per new image, in pool order
            std::mt19937_64 rng(detail::mixSeed(o.seed, 22));
            for (std::size_t i = 0; i < r.scored; ++i)
                score.push_back(double(rng() >> 11) / double(1ull << 53));
        }
        ranked = rankByScore(score, s, o);
    }
    for (std::size_t i : ranked)
        r.picks.push_back({pool.paths[s.position[i]], s.fileHash[i], score[i], s.predicted[i], s.second[i], s.p1[i],
                           s.p2[i]});
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace wb::core
