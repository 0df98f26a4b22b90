#include "wb/evaluation.h"

#include "wb/dataconfig.h"
#include "wb/trainconfig.h"
#include "wb/errors.h"
#include "wb/network.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

RejectCurve rejectCurve(const std::vector<double> &confidence, const std::vector<bool> &error)
{
    if (confidence.size() != error.size())
        throw Error(ErrorCode::InvalidArgument, "reject curve: confidences and errors differ in length");
    const std::size_t n = confidence.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return confidence[a] < confidence[b]; });
    const auto total = std::int64_t(std::count(error.begin(), error.end(), true));
    RejectCurve c;
    const double below = n ? confidence[order[0]] - 1e-12 : 0.0;
    c.threshold.push_back(below);
    c.errors.push_back(total);
    c.rejected.push_back(0);
    c.errorRate.push_back(n ? double(total) / double(n) : kNaN);
    std::int64_t cumulative = 0;
    for (std::size_t i = 0; i < n; ++i) {
        cumulative += error[order[i]] ? 1 : 0;
        if (i + 1 < n && confidence[order[i + 1]] == confidence[order[i]])
            continue; // ties: one point per distinct confidence
        const auto rejected = std::int64_t(i + 1), accepted = std::int64_t(n) - rejected;
        c.threshold.push_back(confidence[order[i]]);
        c.errors.push_back(total - cumulative);
        c.rejected.push_back(rejected);
        c.errorRate.push_back(accepted ? double(total - cumulative) / double(accepted) : kNaN);
    }
    return c;
}

Calibration calibration(const std::vector<double> &confidence, const std::vector<bool> &correct, int bins)
{
    if (confidence.size() != correct.size() || bins < 1)
        throw Error(ErrorCode::InvalidArgument, "calibration: sizes differ or no bins");
    Calibration c;
    std::vector<double> sumConf(std::size_t(bins), 0), sumAcc(std::size_t(bins), 0);
    c.count.assign(std::size_t(bins), 0);
    for (std::size_t i = 0; i < confidence.size(); ++i) {
        // Bin b holds (b/B, (b+1)/B]; confidence 0 falls into the first bin.
        int b = int(std::ceil(confidence[i] * bins)) - 1;
        b = std::clamp(b, 0, bins - 1);
        sumConf[std::size_t(b)] += confidence[i];
        sumAcc[std::size_t(b)] += correct[i] ? 1.0 : 0.0;
        ++c.count[std::size_t(b)];
    }
    const double n = double(confidence.size());
    for (int b = 0; b < bins; ++b) {
        const auto k = c.count[std::size_t(b)];
        c.binLow.push_back(double(b) / bins);
        c.binHigh.push_back(double(b + 1) / bins);
        c.meanConfidence.push_back(k ? sumConf[std::size_t(b)] / double(k) : kNaN);
        c.accuracy.push_back(k ? sumAcc[std::size_t(b)] / double(k) : kNaN);
        if (k)
            c.ece += double(k) / n * std::abs(c.accuracy.back() - c.meanConfidence.back());
    }
    return c;
}

std::vector<ConfusedPair> mostConfused(const std::vector<std::vector<std::int64_t>> &m, int limit)
{
    std::vector<ConfusedPair> pairs;
    for (std::size_t t = 0; t < m.size(); ++t)
        for (std::size_t p = 0; p < m[t].size(); ++p)
            if (t != p && m[t][p] > 0)
                pairs.push_back({int(t), int(p), m[t][p]});
    std::stable_sort(pairs.begin(), pairs.end(), [](const ConfusedPair &a, const ConfusedPair &b) { return a.count > b.count; });
    if (limit >= 0 && pairs.size() > std::size_t(limit))
        pairs.resize(std::size_t(limit));
    return pairs;
}

Evaluation evaluatePredictions(const std::vector<float> &logits, const std::vector<std::int64_t> &labels,
                               int classes, double beta)
{
    Evaluation e;
    e.metrics = evaluateLogits(logits, labels, classes, beta);
    e.labels = labels;
    e.logits = logits;
    e.classes = classes;
    e.beta = beta;
    const std::size_t n = labels.size();
    std::vector<bool> wrong(n), right(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float *z = logits.data() + i * std::size_t(classes);
        const double zmax = *std::max_element(z, z + classes);
        double sum = 0;
        for (int k = 0; k < classes; ++k)
            sum += std::exp(double(z[k]) - zmax);
        const auto pred = std::int64_t(std::max_element(z, z + classes) - z);
        e.predicted.push_back(pred);
        e.confidence.push_back(1.0 / sum); // softmax of the arg max
        e.loss.push_back(-(double(z[labels[i]]) - zmax - std::log(sum)));
        wrong[i] = pred != labels[i];
        right[i] = !wrong[i];
    }
    e.confused = mostConfused(e.metrics.confusion, 20);
    e.topLosses.resize(n);
    std::iota(e.topLosses.begin(), e.topLosses.end(), 0);
    std::stable_sort(e.topLosses.begin(), e.topLosses.end(), [&](std::size_t a, std::size_t b) { return e.loss[a] > e.loss[b]; });
    e.topLosses.resize(std::min<std::size_t>(n, 100));
    e.reject = rejectCurve(e.confidence, wrong);
    e.calibrated = calibration(e.confidence, right, 15);
    return e;
}

Evaluation evaluateRun(const Session &session, std::int64_t runId, int epoch, const DatasetPair &data,
                       double beta, bool features)
{
    const RunRecord run = session.run(runId);
    const DatasetRecord ds = session.dataset(run.datasetId);
    if (ds.fingerprint != datasetFingerprint(data)) // as resume checks: other data, other numbers
        throw Error(ErrorCode::BadData, data.source + ": content differs from the dataset run " + std::to_string(runId)
                                            + " was trained on (" + ds.path + ", fingerprint " + ds.fingerprint
                                            + "); evaluating it there would report numbers of another test set");
    const auto checkpoint = session.checkpoint(runId, epoch);
    if (!checkpoint)
        throw Error(ErrorCode::InvalidArgument, "run " + std::to_string(runId) + " has no checkpoint"
                                                    + (epoch > 0 ? " for epoch " + std::to_string(epoch) : ""));
    const ModelSpec spec = parseModelSpec(session.architecture(run.architectureId).specJson);
    const DataSelection sel = selectData(data, dataConfigFromJson(run.dataJson));
    if (sel.test.empty())
        throw Error(ErrorCode::BadData, "run " + std::to_string(runId) + ": the dataset has no test images");
    if (data.test.channels != spec.input[0] || data.test.height != spec.input[1] || data.test.width != spec.input[2])
        throw Error(ErrorCode::BadData, "run " + std::to_string(runId) + ": the test images do not fit the model input");
    Network net(spec, 1, "cpu");
    net.loadState(checkpoint->model);
    std::vector<std::int64_t> labels;
    for (auto i : sel.test)
        labels.push_back(data.test.labels[i]);
    const bool tta = trainConfigFromJson(run.configJson).testTimeFlip; // as the run measured itself
    Evaluation e = evaluatePredictions(net.logits(data.test, sel.test, tta), labels, spec.classes, beta);
    e.testIndices = sel.test;
    e.epoch = checkpoint->epoch;
    if (features) {
        try {
            e.features = net.features(data.test, sel.test, &e.featureDim);
        } catch (const Error &err) { // a user's model may have none: the views say why
            e.featureDim = 0;
            e.featuresProblem = err.what();
        }
    }
    return e;
}

EvalResult acceptedSubset(const Evaluation &e, double threshold, int classes)
{
    std::vector<std::int64_t> truth, predicted;
    for (std::size_t i = 0; i < e.labels.size(); ++i)
        if (e.confidence[i] > threshold) {
            truth.push_back(e.labels[i]);
            predicted.push_back(e.predicted[i]);
        }
    EvalResult r;
    r.count = std::int64_t(truth.size());
    r.confusion = confusionMatrix(truth, predicted, classes);
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        correct += truth[i] == predicted[i];
    r.accuracy = truth.empty() ? kNaN : double(correct) / double(truth.size());
    r.loss = r.smoothedAccuracy = kNaN;
    for (int c = 0; c < classes; ++c) { // of the accepted images of each class
        std::int64_t row = 0;
        for (const auto v : r.confusion[std::size_t(c)])
            row += v;
        r.perClassAccuracy.push_back(row ? double(r.confusion[std::size_t(c)][std::size_t(c)]) / double(row) : kNaN);
    }
    return r;
}

} // namespace wb::core
