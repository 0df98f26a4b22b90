#include "wb/trainer.h"

#include "model/networkimpl.h"
#include "train/augment.h"
#include "train/optimizer.h"
#include "util/random.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/progress.h"
#include "wb/threadpolicy.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace wb::core {

namespace {

using Clock = std::chrono::steady_clock;

void checkData(const ModelSpec &spec, const TrainData &data)
{
    if (!data.train || data.trainIndices.empty())
        throw Error(ErrorCode::InvalidArgument, "training: no training images");
    const ImageDataset &d = *data.train;
    if (d.channels != spec.input[0] || d.height != spec.input[1] || d.width != spec.input[2])
        throw Error(ErrorCode::BadSpec,
                    "input: the model expects [" + std::to_string(spec.input[0]) + ","
                        + std::to_string(spec.input[1]) + "," + std::to_string(spec.input[2])
                        + "] images, the dataset has [" + std::to_string(d.channels) + ","
                        + std::to_string(d.height) + "," + std::to_string(d.width) + "]");
    if (d.classCount() > spec.classes)
        throw Error(ErrorCode::BadSpec, "classes: the dataset has " + std::to_string(d.classCount())
                                            + " classes, the model outputs "
                                            + std::to_string(spec.classes));
    for (const auto *list : {&data.trainIndices, &data.valIndices})
        for (auto i : *list)
            if (i >= d.size())
                throw Error(ErrorCode::InvalidArgument, "training: index out of range");
}

std::vector<std::int64_t> labelsAt(const ImageDataset &d, const std::vector<std::size_t> &idx)
{
    if (idx.empty())
        return d.labels;
    std::vector<std::int64_t> out;
    out.reserve(idx.size());
    for (auto i : idx)
        out.push_back(d.labels.at(i));
    return out;
}

// Everything one training call needs, built once.
/// A batch loss this many times the starting loss ends the run as diverged.
constexpr double kDivergenceFactor = 100;

struct Run
{
    const TrainConfig &config;
    const TrainData &data;
    ProgressSink &progress;
    TrainObserver *observer;
    Network network;
    std::unique_ptr<detail::TrainOptimizer> optimizer;
    torch::Device device;
    torch::Tensor pool, labels, trainIdx, valIdx;
    std::int64_t stepsPerEpoch = 0;
    double divergeAbove = std::numeric_limits<double>::infinity(); ///< set by the first batch
    TrainResult result;

    Run(const ModelSpec &spec, const TrainConfig &c, const TrainData &d, ProgressSink &p,
        TrainObserver *o, const std::string &dev)
        : config(c), data(d), progress(p), observer(o), network(spec, c.seed, dev), device(dev)
    {
    }

    detail::SpecNet &net() { return network.impl().net; }
    std::int64_t totalSteps() const { return stepsPerEpoch * config.epochs; }

    // Returns false when the epoch stopped early (cancel or divergence).
    bool runEpoch(int epoch);
    // Whether batch b's loss ends the run as diverged (non-finite, or kDivergenceFactor times
    // the start); sets the status and message.
    bool diverged(const BatchRecord &rec, int epoch, std::int64_t b);
};

bool Run::diverged(const BatchRecord &rec, int epoch, std::int64_t b)
{
    // The scale is the first batch's loss, at least ln(classes) (an untrained network's
    // cross-entropy): a warm-started network's tiny first loss does not make a spike fatal.
    if (!std::isfinite(divergeAbove) && std::isfinite(rec.loss))
        divergeAbove = kDivergenceFactor
                       * std::max(result.history.batches.empty() ? rec.loss : result.history.batches.front().loss,
                                  std::log(double(std::max(2, network.spec().classes))));
    if (std::isfinite(rec.loss) && rec.loss <= divergeAbove)
        return false;
    result.history.batches.push_back(rec);
    result.status = RunStatus::Diverged;
    std::ostringstream msg;
    msg << "diverged: ";
    if (std::isfinite(rec.loss))
        msg << "loss " << rec.loss;
    else
        msg << "the loss became " << (std::isnan(rec.loss) ? "NaN" : "infinite");
    msg << " at epoch " << epoch << ", batch " << b + 1 << " (lr " << rec.lr << ")";
    if (std::isfinite(rec.loss))
        msg << " is more than " << kDivergenceFactor << "x the starting loss " << divergeAbove / kDivergenceFactor;
    msg << "; lower the learning rate";
    result.message = msg.str();
    return true;
}

bool Run::runEpoch(int epoch)
{
    const auto t0 = Clock::now();
    const std::int64_t n = trainIdx.size(0);
    // Batch order and dropout depend only on (seed, epoch): resuming reproduces them.
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        order[std::size_t(i)] = i;
    std::mt19937_64 rng(detail::mixSeed(config.seed, 5000 + std::uint64_t(epoch)));
    detail::shuffle(order, rng);
    const auto perm = trainIdx.index_select(0, torch::tensor(order, torch::kInt64).to(device));
    net()->seedDropout(detail::mixSeed(config.seed, 9000 + std::uint64_t(epoch)));

    net()->train();
    std::vector<BatchRecord> batches;
    double lossSum = 0, correctSum = 0;
    std::int64_t seen = 0;
    for (std::int64_t b = 0; b < stepsPerEpoch; ++b) {
        if (progress.isCancelRequested()) {
            result.status = RunStatus::Cancelled;
            result.message = "cancelled during epoch " + std::to_string(epoch);
            return false;
        }
        const std::int64_t start = b * config.batchSize;
        const auto idx = perm.slice(0, start, std::min(n, start + config.batchSize));
        const std::int64_t step = std::int64_t(epoch - 1) * stepsPerEpoch + b;
        const double lr = scheduledLr(config, step, totalSteps());
        detail::StepResult sr;
        if (detail::augments(config)) {
            // The batch's crops and flips depend only on (seed, epoch, batch): resuming repeats them.
            std::mt19937_64 augmentRng(detail::mixSeed(detail::mixSeed(config.seed, 20000 + std::uint64_t(epoch)),
                                                       std::uint64_t(b)));
            const auto x = detail::applyCrops(pool.index_select(0, idx),
                                              detail::drawCrops(idx.size(0), config, augmentRng));
            sr = detail::trainStepOn(net(), *optimizer, x, labels.index_select(0, idx), lr, config.labelSmoothing);
        } else {
            sr = detail::trainStep(net(), *optimizer, pool, labels, idx, lr, config.labelSmoothing);
        }
        const double lossValue = sr.loss;
        BatchRecord rec{step, epoch, lossValue, sr.accuracy, lr};
        const std::int64_t bs = sr.size;
        if (diverged(rec, epoch, b))
            return false;
        lossSum += lossValue * double(bs);
        correctSum += rec.accuracy * double(bs);
        seen += bs;
        batches.push_back(rec);
        result.history.batches.push_back(rec);
        if (observer)
            observer->onBatch(rec);
        progress.setProgress(double(step + 1) / double(totalSteps()),
                             "epoch " + std::to_string(epoch) + "/" + std::to_string(config.epochs)
                                 + " loss " + std::to_string(lossValue));
    }
    EpochRecord ep;
    ep.epoch = epoch;
    ep.trainLoss = lossSum / double(seen);
    ep.trainAccuracy = correctSum / double(seen);
    ep.lr = batches.back().lr;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    ep.valLoss = ep.valAccuracy = ep.valSmoothedAccuracy = nan;
    if (valIdx.numel() > 0) {
        const auto l = detail::batchedLogits(net(), pool, valIdx, device, 1024, false, config.testTimeFlip);
        const auto ev = detail::evalFromLogits(l, labelsAt(*data.train, data.valIndices),
                                               network.spec().classes, config.smoothingBeta);
        ep.valLoss = ev.loss;
        ep.valAccuracy = ev.accuracy;
        ep.valSmoothedAccuracy = ev.smoothedAccuracy;
    }
    ep.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    result.history.epochs.push_back(ep);
    if (observer) {
        Checkpoint cp{epoch, network.saveState(), optimizer->save()};
        observer->onEpoch(ep, batches, cp);
    }
    return true;
}

} // namespace

TrainResult train(const ModelSpec &spec, const TrainConfig &config, const TrainData &data,
                  ProgressSink &progress, TrainObserver *observer, const ResumeState *resume)
{
    validate(config);
    const ShapeReport shapes = inferShapes(spec);
    checkData(spec, data);
    detail::prepareTrainingThreads(
        trainingThreads(config.threads, double(shapes.totalMacs), config.batchSize));
    const std::string device = resolveDevice(config.device);
    if (device == "cpu") {
        const double need = trainingMemoryBytes(shapes, config.batchSize);
        const double have = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGE_SIZE));
        if (have > 0 && need > have) {
            char text[256];
            std::snprintf(text, sizeof text,
                          "the model needs at least %.3g GB to train with batch size %d (%lld parameters and "
                          "their activations); this machine has %.3g GB of memory",
                          need / 1e9, config.batchSize, static_cast<long long>(shapes.totalParameters), have / 1e9);
            throw Error(ErrorCode::InvalidArgument, text);
        }
    }

    Run run(spec, config, data, progress, observer, device);
    run.result.device = device;
    run.result.parameters = run.network.parameterCount();
    int firstEpoch = 1;
    if (resume) {
        run.network.loadState(resume->checkpoint.model);
        firstEpoch = resume->checkpoint.epoch + 1;
        run.result.history = resume->history;
        auto &h = run.result.history;
        h.epochs.erase(std::remove_if(h.epochs.begin(), h.epochs.end(),
                                      [&](const EpochRecord &e) { return e.epoch >= firstEpoch; }),
                       h.epochs.end());
        h.batches.erase(std::remove_if(h.batches.begin(), h.batches.end(),
                                       [&](const BatchRecord &b) { return b.epoch >= firstEpoch; }),
                        h.batches.end());
    } else if (!data.initialState.empty()) {
        run.network.loadState(data.initialState); // carries its normalisation
    } else {
        run.network.setNormalization(data.normalization ? *data.normalization
                                                        : channelStats(subset(*data.train, data.trainIndices)));
    }
    run.optimizer = detail::makeOptimizer(config, run.net()->parameters());
    if (resume && !resume->checkpoint.optimizer.empty())
        run.optimizer->load(resume->checkpoint.optimizer, run.device);
    // The whole dataset lives on the device once; batches are gathered by index.
    run.pool = detail::poolTensor(*data.train).to(run.device);
    run.labels = torch::tensor(data.train->labels, torch::kInt64).to(run.device);
    run.trainIdx = detail::indexTensor(data.trainIndices, 0).to(run.device);
    run.valIdx = data.valIndices.empty() ? torch::zeros({0}, torch::kInt64)
                                         : detail::indexTensor(data.valIndices, 0).to(run.device);
    run.stepsPerEpoch = (std::int64_t(data.trainIndices.size()) + config.batchSize - 1)
                        / config.batchSize;

    run.result.status = RunStatus::Running;
    const auto t0 = Clock::now();
    for (int epoch = firstEpoch; epoch <= config.epochs; ++epoch)
        if (!run.runEpoch(epoch))
            break;
    run.result.trainSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (run.result.status == RunStatus::Running)
        run.result.status = RunStatus::Completed;
    if (run.result.status == RunStatus::Completed && data.test && data.test->size() > 0) {
        auto testIdx = detail::indexTensor(data.testIndices, data.test->size());
        auto l = detail::batchedLogits(run.net(), detail::poolTensor(*data.test), testIdx,
                                       run.device, 1024, false, config.testTimeFlip);
        run.result.test = detail::evalFromLogits(l, labelsAt(*data.test, data.testIndices),
                                                 spec.classes, config.smoothingBeta);
    }
    if (data.keepFinalState)
        run.result.finalState = run.network.saveState();
    progress.setProgress(1.0, runStatusName(run.result.status));
    return run.result;
}

} // namespace wb::core
