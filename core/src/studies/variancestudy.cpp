// The variance study on the study engine: one cell per (setup, repeat). Repeat r trains with
// the same seed in every setup; the final model is measured on the evaluation images (the
// validation images moved from the training set, or the test images): loss, accuracy, the
// smoothed accuracy at every β, and the accuracy on nested stratified subsets of them.
#include "wb/variancestudy.h"

#include "util/random.h"
#include "wb/dataconfig.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/gridstudy.h"
#include "wb/metrics.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace wb::core {

namespace {

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

class VariancePlan : public StudyPlan
{
public:
    VariancePlan(const VarianceStudySetup &setup, const DatasetPair &data) : m_setup(setup), m_data(data)
    {
        const VarianceConfig &c = m_setup.variance;
        validate(c);
        if (m_setup.setups.empty())
            throw Error(ErrorCode::InvalidArgument, "variance: no setup to train");
        const std::array<int, 3> input{m_data.train.channels, m_data.train.height, m_data.train.width};
        for (const VarianceSetup &s : m_setup.setups) {
            validate(s.train);
            try {
                resolveDevice(s.train.device); // a device this machine lacks: refused before anything trains
            } catch (const Error &e) {
                throw Error(ErrorCode::InvalidArgument, "setup " + s.name + ": " + e.what());
            }
            try {
                inferShapes(s.spec);
            } catch (const Error &e) {
                throw Error(ErrorCode::BadSpec, "setup " + s.name + ": " + e.what());
            }
            if (s.spec.input != input)
                throw Error(ErrorCode::BadSpec, "setup " + s.name + ": the model expects [" + std::to_string(s.spec.input[0])
                                                    + "," + std::to_string(s.spec.input[1]) + ","
                                                    + std::to_string(s.spec.input[2]) + "] images, the dataset has ["
                                                    + std::to_string(input[0]) + "," + std::to_string(input[1]) + ","
                                                    + std::to_string(input[2]) + "]");
            if (m_data.train.classCount() > s.spec.classes)
                throw Error(ErrorCode::BadSpec, "setup " + s.name + ": the dataset has "
                                                    + std::to_string(m_data.train.classCount())
                                                    + " classes, the model outputs " + std::to_string(s.spec.classes));
        }
        DataConfig dc;
        dc.valFraction = 0;
        dc.trainLimit = c.trainSize;
        dc.testLimit = c.testSize;
        dc.limitMode = c.limitMode;
        dc.seed = c.seed;
        const DataSelection sel = selectData(m_data, dc);
        m_pool = sel.train;
        if (c.valPerClass == 0) {
            if (sel.test.empty())
                throw Error(ErrorCode::InvalidArgument, "variance: the dataset has no test images to measure on "
                                                        "(give validation images per class)");
            m_test = stratifiedEval(m_data.test, sel.test, c.seed);
            m_train = m_pool;
        } else {
            split(0, m_train, m_val); // refuses classes too small for the validation images
        }
        m_device = resolveDevice(m_setup.setups.front().train.device);
        m_stats = channelStats(subset(m_data.train, m_pool));
    }

    int cellCount() const override { return varianceCellCount(m_setup); }
    std::string device() const override { return m_device; }
    std::string cellLabel(int cell) const override
    {
        const int runs = m_setup.variance.runs;
        std::string label = "repeat " + std::to_string(cell % runs + 1);
        if (m_setup.setups.size() > 1)
            label = m_setup.setups[std::size_t(cell / runs)].name + ", " + label;
        return label;
    }
    int automaticWorkers() const override
    {
        if (m_setup.variance.workers > 0)
            return m_setup.variance.workers;
        return m_device != "cpu" ? 4 : cpuCores();
    }

    std::string runCell(int cell, ProgressSink &progress) const override
    {
        const auto t0 = std::chrono::steady_clock::now();
        const VarianceConfig &c = m_setup.variance;
        const int s = cell / c.runs, r = cell % c.runs;
        const VarianceSetup &setup = m_setup.setups[std::size_t(s)];
        std::vector<std::size_t> trainIdx = m_train, evalIdx = c.valPerClass > 0 ? m_val : m_test;
        if (c.resplit)
            split(r + 1, trainIdx, evalIdx); // draw 0 is the shared split
        const ImageDataset &evalData = c.valPerClass > 0 ? m_data.train : m_data.test;

        TrainData td;
        td.train = &m_data.train;
        td.trainIndices = trainIdx;
        td.normalization = m_stats;
        td.keepFinalState = true;
        TrainConfig tc = setup.train;
        tc.threads = 1;
        tc.seed = varianceRunSeed(c, r);
        const TrainResult res = train(setup.spec, tc, td, progress);
        if (res.status == RunStatus::Cancelled)
            return {};
        const auto sizes = varianceSubsetSizes(std::int64_t(evalIdx.size()));
        nlohmann::json out = {{"setup", s}, {"run", r}, {"seed", tc.seed}, {"eval_images", evalIdx.size()},
                              {"train_images", trainIdx.size()},
                              {"subset_sizes", sizes}};
        nlohmann::json metrics = nlohmann::json::object();
        nlohmann::json subsets = nlohmann::json::array();
        if (res.status == RunStatus::Completed && !res.finalState.empty()) {
            Network net(setup.spec, 0, m_device);
            net.loadState(res.finalState);
            const std::vector<float> logits = net.logits(evalData, evalIdx, setup.train.testTimeFlip);
            std::vector<std::int64_t> labels;
            for (auto i : evalIdx)
                labels.push_back(evalData.labels[i]);
            const int k = setup.spec.classes;
            for (std::size_t b = 0; b < c.betas.size(); ++b) {
                const EvalResult e = evaluateLogits(logits, labels, k, c.betas[b]);
                if (b == 0) {
                    metrics["accuracy"] = number(e.accuracy);
                    metrics["loss"] = number(e.loss);
                }
                metrics[varianceBetaMetric(c.betas[b])] = number(e.smoothedAccuracy);
            }
            for (std::int64_t n : sizes) {
                const std::vector<float> head(logits.begin(), logits.begin() + n * k);
                const std::vector<std::int64_t> headLabels(labels.begin(), labels.begin() + n);
                subsets.push_back(number(evaluateLogits(head, headLabels, k).accuracy));
            }
        } else {
            for (const std::string &name : varianceMetricNames(c))
                metrics[name] = nullptr;
            for (std::size_t i = 0; i < sizes.size(); ++i)
                subsets.push_back(nullptr);
            out["message"] = cellLabel(cell) + ": " + (res.message.empty() ? "did not complete" : res.message);
        }
        out["metrics"] = metrics;
        out["subset_accuracy"] = subsets;
        out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const auto acc = metrics.value("accuracy", nlohmann::json());
        progress.setProgress(1.0, acc.is_number() ? "accuracy " + std::to_string(acc.get<double>()).substr(0, 6)
                                                  : std::string("diverged"));
        return out.dump();
    }

private:

    // The images at `indices` of `data` in a seeded stratified order: every prefix holds each
    // class in proportion, so the validation-size view's subsets are nested prefixes.
    static std::vector<std::size_t> stratifiedEval(const ImageDataset &data, const std::vector<std::size_t> &indices,
                                                   std::uint64_t seed)
    {
        std::vector<std::int64_t> labels;
        for (auto i : indices)
            labels.push_back(data.labels[i]);
        std::vector<std::size_t> out;
        for (auto p : stratifiedOrder(labels, detail::mixSeed(seed, 91)))
            out.push_back(indices[p]);
        return out;
    }

    // Moves valPerClass images of every class from the pool into the validation images, drawn
    // with the study seed (draw 0) or repeat r's (resplit).
    void split(int draw, std::vector<std::size_t> &train, std::vector<std::size_t> &val) const
    {
        const VarianceConfig &c = m_setup.variance;
        std::map<std::int64_t, std::vector<std::size_t>> byClass;
        for (auto i : m_pool)
            byClass[m_data.train.labels[i]].push_back(i);
        std::mt19937_64 rng(detail::mixSeed(c.seed, 7000 + std::uint64_t(draw)));
        train.clear();
        std::vector<std::size_t> picked;
        for (auto &[label, images] : byClass) {
            if (std::int64_t(images.size()) <= c.valPerClass)
                throw Error(ErrorCode::InvalidArgument,
                            "validation per class: class " + std::to_string(label) + " has "
                                + std::to_string(images.size()) + " training images; at most "
                                + std::to_string(images.size() - 1) + " can move to the validation images");
            detail::shuffle(images, rng);
            picked.insert(picked.end(), images.begin(), images.begin() + c.valPerClass);
            train.insert(train.end(), images.begin() + c.valPerClass, images.end());
        }
        std::sort(train.begin(), train.end());
        val = stratifiedEval(m_data.train, picked, detail::mixSeed(c.seed, 7000 + std::uint64_t(draw)));
    }

    VarianceStudySetup m_setup;
    const DatasetPair &m_data;
    std::vector<std::size_t> m_pool, m_train, m_val, m_test;
    std::string m_device;
    ChannelStats m_stats;
};

} // namespace

std::unique_ptr<StudyPlan> variancePlan(const VarianceStudySetup &setup, const DatasetPair &data)
{
    return std::make_unique<VariancePlan>(setup, data);
}

std::int64_t createVarianceStudy(Session &session, const VarianceStudySetup &setup, const DatasetPair &data,
                                 const std::string &name)
{
    const VariancePlan plan(setup, data); // checks the setup against the data
    StudyRecord r;
    r.type = "variance";
    const int runs = setup.variance.runs;
    if (!name.empty())
        r.name = name;
    else if (setup.setups.size() == 1)
        r.name = setup.setups.front().model + " × " + std::to_string(runs) + " repeats";
    else {
        for (std::size_t i = 0; i < setup.setups.size(); ++i)
            r.name += (i ? " vs " : "") + setup.setups[i].name;
        r.name += " × " + std::to_string(runs) + " repeats";
    }
    r.datasetId = registerDataset(session, data, setup.dataset);
    r.configJson = varianceStudyConfigJson(setup);
    r.cellCount = plan.cellCount();
    r.owner = thisProcessOwner();
    return session.createStudy(r);
}

} // namespace wb::core
