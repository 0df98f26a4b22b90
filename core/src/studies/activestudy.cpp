// The active-learning study on the study engine: one cell per (strategy, trial), running every
// round of that trial, and one cell per full-data baseline seed.
#include "wb/activestudy.h"
#include "wb/scriptmodel.h"

#include "model/networkimpl.h"
#include "studies/activeround.h"
#include "train/optimizer.h"
#include "util/random.h"
#include "wb/dataconfig.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/threadpolicy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

class ActivePlan : public StudyPlan
{
public:
    ActivePlan(const ActiveStudySetup &setup, const DatasetPair &data) : m_setup(setup), m_data(data)
    {
        const ActiveConfig &c = m_setup.active;
        validate(c);
        validate(m_setup.train);
        DataConfig dc;
        dc.valFraction = 0;
        dc.trainLimit = c.poolSize;
        dc.testLimit = c.testSize;
        dc.limitMode = c.limitMode;
        dc.seed = c.seed;
        const DataSelection sel = selectData(m_data, dc);
        if (sel.test.empty())
            throw Error(ErrorCode::InvalidArgument, "active learning: the dataset has no test images");
        m_pool.assign(sel.train.begin(), sel.train.end());
        m_test.assign(sel.test.begin(), sel.test.end());
        if (c.maxLabels > std::int64_t(m_pool.size()))
            throw Error(ErrorCode::InvalidArgument, "max labels: " + std::to_string(c.maxLabels) + " is more than the "
                                                        + std::to_string(m_pool.size()) + " images of the pool");
        const ModelSpec &spec = m_setup.spec;
        const ShapeReport shapes = inferShapes(spec); // a bad spec fails here
        if (spec.input != std::array<int, 3>{m_data.train.channels, m_data.train.height, m_data.train.width})
            throw Error(ErrorCode::BadSpec, "input: the model expects [" + std::to_string(spec.input[0]) + ","
                                                + std::to_string(spec.input[1]) + "," + std::to_string(spec.input[2])
                                                + "] images, the dataset has other ones");
        if (m_data.train.classCount() > spec.classes)
            throw Error(ErrorCode::BadSpec, "classes: the dataset has " + std::to_string(m_data.train.classCount())
                                                + " classes, the model outputs " + std::to_string(spec.classes));
        const auto &s = c.strategies;
        if (std::find(s.begin(), s.end(), "bald") != s.end() && !detail::hasDropout(spec))
            throw Error(ErrorCode::InvalidArgument,
                        "bald: the model '" + m_setup.model + "' has no dropout layer, so MC dropout cannot measure "
                        "its uncertainty (use the preset lenet5-dropout, or add a dropout layer)");
        for (const char *needsFeatures : {"coreset", "adversarial"})
            if (spec.isScript() && std::find(s.begin(), s.end(), needsFeatures) != s.end()) {
                const auto report = inspectScriptModel(spec);
                if (report.featureDim == 0)
                    throw Error(ErrorCode::InvalidArgument, std::string(needsFeatures) + ": the model '" + m_setup.model
                                                                + "' has no penultimate features (" + report.features + ")");
            }
        (void)shapes;
        m_labels = activeRoundLabels(c);
        m_device = resolveDevice(m_setup.train.device);
        m_stats = channelStats(subset(m_data.train, sel.train));
    }

    int cellCount() const override { return activeCellCount(m_setup.active); }
    std::string device() const override { return m_device; }
    std::string cellLabel(int cell) const override
    {
        const ActiveCellKey k = activeCellKey(m_setup.active, cell);
        if (k.strategy < 0)
            return "baseline, seed " + std::to_string(k.trial + 1);
        return m_setup.active.strategies[std::size_t(k.strategy)] + ", trial " + std::to_string(k.trial + 1);
    }
    int automaticWorkers() const override
    {
        if (m_setup.active.workers > 0)
            return m_setup.active.workers;
        return m_device != "cpu" ? 4 : cpuCores();
    }

    std::string runCell(int cell, ProgressSink &progress) const override
    {
        const ActiveCellKey k = activeCellKey(m_setup.active, cell);
        detail::prepareTrainingThreads(1);
        const torch::Device device(m_device);
        detail::DeviceImages train{detail::poolTensor(m_data.train).to(device),
                                   torch::tensor(m_data.train.labels, torch::kInt64).to(device)};
        return k.strategy < 0 ? runBaseline(k.trial, train, progress) : runTrial(k, train, progress);
    }

private:
    std::uint64_t trialSeed(int trial) const { return detail::mixSeed(m_setup.active.seed, 1000 + std::uint64_t(trial)); }

    // A network with the trial's initial weights and the pool's normalisation.
    Network initialNetwork(std::uint64_t seed) const
    {
        Network net(m_setup.spec, seed >> 1, m_device);
        net.setNormalization(m_stats);
        return net;
    }

    // Test accuracy and loss of `net`.
    std::pair<double, double> test(Network &net) const
    {
        const auto l = detail::batchedLogits(net.impl().net, detail::poolTensor(m_data.test),
                                             detail::indexTensor(std::vector<std::size_t>(m_test.begin(), m_test.end()), 0),
                                             torch::Device(m_device), 1024);
        std::vector<std::int64_t> labels;
        for (auto i : m_test)
            labels.push_back(m_data.test.labels[std::size_t(i)]);
        const EvalResult e = detail::evalFromLogits(l, labels, m_setup.spec.classes, m_setup.train.smoothingBeta);
        return {e.accuracy, e.loss};
    }

    std::string runBaseline(int seedIndex, const detail::DeviceImages &train, ProgressSink &progress) const
    {
        const auto t0 = std::chrono::steady_clock::now();
        const std::uint64_t seed = detail::mixSeed(m_setup.active.seed, 50000 + std::uint64_t(seedIndex));
        Network net = initialNetwork(seed);
        detail::RoundTraining rt;
        rt.config = &m_setup.train;
        rt.steps = activeBaselineSteps(m_setup.active, std::int64_t(m_pool.size()));
        rt.seed = seed;
        const std::string why = detail::trainRound(net.impl().net, train, m_pool, rt, progress, 0, 0.95);
        if (why == "cancelled")
            return {};
        double accuracy = kNaN, loss = kNaN;
        if (why.empty())
            std::tie(accuracy, loss) = test(net);
        nlohmann::json out = {{"kind", "baseline"},
                              {"seed_index", seedIndex},
                              {"samples", std::int64_t(m_pool.size())},
                              {"steps", rt.steps},
                              {"accuracy", number(accuracy)},
                              {"loss", number(loss)},
                              {"seconds", seconds(t0)}};
        if (!why.empty())
            out["message"] = "baseline seed " + std::to_string(seedIndex + 1) + ": " + why;
        progress.setProgress(1.0, "test accuracy " + std::to_string(accuracy).substr(0, 6));
        return out.dump();
    }

    std::string runTrial(const ActiveCellKey &k, const detail::DeviceImages &train, ProgressSink &progress) const
    {
        const auto t0 = std::chrono::steady_clock::now();
        const ActiveConfig &c = m_setup.active;
        const std::string &strategy = c.strategies[std::size_t(k.strategy)];
        const std::uint64_t seed = trialSeed(k.trial);
        Network net = initialNetwork(seed);
        const std::string initialState = net.saveState();
        // The trial's initial labelled set: the same for every strategy.
        std::vector<std::int64_t> unlabelled = m_pool, labelled;
        {
            std::mt19937_64 rng(detail::mixSeed(seed, 1));
            detail::shuffle(unlabelled, rng);
            labelled.assign(unlabelled.begin(), unlabelled.begin() + long(c.initial));
            unlabelled.erase(unlabelled.begin(), unlabelled.begin() + long(c.initial));
            std::sort(unlabelled.begin(), unlabelled.end());
        }
        const bool adversarial = strategy == "adversarial";
        std::int64_t featureDim = 0;
        if (adversarial)
            detail::penultimateFeatures(net.impl().net, train, {m_pool.front()}, &featureDim);

        nlohmann::json accuracy = nlohmann::json::array(), loss = nlohmann::json::array();
        nlohmann::json picked = nlohmann::json::array(), pickedLabels = nlohmann::json::array(),
                       pickedScores = nlohmann::json::array();
        std::string message;
        const auto R = m_labels.size();
        for (std::size_t r = 0; r < R; ++r) {
            net.loadState(initialState);
            const std::uint64_t roundSeed = detail::mixSeed(seed, 100 + r); // the same for every strategy
            torch::nn::Sequential discriminator{nullptr};
            detail::RoundTraining rt;
            rt.config = &m_setup.train;
            rt.steps = c.stepsPerRound;
            rt.seed = roundSeed;
            if (adversarial) {
                discriminator = detail::makeDiscriminator(featureDim, detail::mixSeed(roundSeed, 3),
                                                          torch::Device(m_device));
                rt.discriminator = &discriminator;
                rt.unlabelled = unlabelled;
                rt.adversarialLossWeight = c.adversarialLossWeight;
            }
            const double share = 1.0 / double(R);
            const std::string why = detail::trainRound(net.impl().net, train, labelled, rt, progress, double(r) * share,
                                                       (double(r) + 0.8) * share);
            if (why == "cancelled")
                return {};
            if (!why.empty()) {
                message = strategy + ", trial " + std::to_string(k.trial + 1) + ", round " + std::to_string(r + 1)
                          + ": " + why;
                break;
            }
            const auto [acc, lss] = test(net);
            accuracy.push_back(number(acc));
            loss.push_back(number(lss));
            progress.setProgress((double(r) + 0.9) * share, "round " + std::to_string(r + 1) + "/"
                                                                 + std::to_string(R) + ": test accuracy "
                                                                 + std::to_string(acc).substr(0, 6));
            if (r + 1 == R)
                break;
            const auto want = std::size_t(m_labels[r + 1] - m_labels[r]);
            std::vector<double> scores;
            const std::vector<std::size_t> picks =
                pick(strategy, net, discriminator, train, labelled, unlabelled, want, detail::mixSeed(roundSeed, 7), scores);
            nlohmann::json ids = nlohmann::json::array(), cls = nlohmann::json::array(), sc = nlohmann::json::array();
            std::vector<bool> taken(unlabelled.size(), false);
            for (std::size_t p : picks) {
                taken[p] = true;
                ids.push_back(unlabelled[p]);
                cls.push_back(m_data.train.labels[std::size_t(unlabelled[p])]);
                sc.push_back(scores.empty() ? nlohmann::json(nullptr) : number(scores[p]));
                labelled.push_back(unlabelled[p]);
            }
            std::vector<std::int64_t> rest;
            for (std::size_t p = 0; p < unlabelled.size(); ++p)
                if (!taken[p])
                    rest.push_back(unlabelled[p]);
            unlabelled.swap(rest);
            picked.push_back(std::move(ids));
            pickedLabels.push_back(std::move(cls));
            pickedScores.push_back(std::move(sc));
        }
        nlohmann::json out = {{"kind", "strategy"},
                              {"strategy", strategy},
                              {"trial", k.trial},
                              {"labels", m_labels},
                              {"accuracy", accuracy},
                              {"loss", loss},
                              {"picked", picked},
                              {"picked_labels", pickedLabels},
                              {"picked_scores", pickedScores},
                              {"steps_per_round", c.stepsPerRound},
                              {"seconds", seconds(t0)}};
        if (!message.empty())
            out["message"] = message;
        return out.dump();
    }

    // The `want` positions (into `unlabelled`) a strategy labels next; `scores` receives the
    // score of every unlabelled image (left empty by uniform and coreset, which have none).
    std::vector<std::size_t> pick(const std::string &strategy, Network &net, torch::nn::Sequential &discriminator,
                                  const detail::DeviceImages &train, const std::vector<std::int64_t> &labelled,
                                  const std::vector<std::int64_t> &unlabelled, std::size_t want, std::uint64_t seed,
                                  std::vector<double> &scores) const
    {
        auto &sn = net.impl().net;
        const int K = m_setup.spec.classes;
        if (strategy == "uniform") {
            std::vector<std::size_t> order(unlabelled.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::mt19937_64 rng(seed);
            detail::shuffle(order, rng);
            order.resize(std::min(want, order.size()));
            return order;
        }
        if (strategy == "coreset") {
            std::vector<std::int64_t> all = labelled;
            all.insert(all.end(), unlabelled.begin(), unlabelled.end());
            std::int64_t dims = 0;
            const auto features = detail::penultimateFeatures(sn, train, all, &dims);
            std::vector<std::size_t> lab(labelled.size()), pool(unlabelled.size());
            for (std::size_t i = 0; i < lab.size(); ++i)
                lab[i] = i;
            for (std::size_t i = 0; i < pool.size(); ++i)
                pool[i] = labelled.size() + i;
            auto picks = kCenterGreedy(features, int(dims), lab, pool, want);
            for (auto &p : picks)
                p -= labelled.size();
            return picks;
        }
        if (strategy == "bald")
            scores = baldScores(detail::mcDropoutLogProbabilities(sn, train, unlabelled, m_setup.active.mcPasses, seed), K);
        else {
            const auto lp = detail::logProbabilities(sn, train, unlabelled);
            if (strategy == "least-confidence")
                scores = leastConfidenceScores(lp, K);
            else if (strategy == "entropy")
                scores = entropyScores(lp, K);
            else
                scores = marginScores(lp, K);
            if (strategy == "adversarial") {
                const auto u = detail::unlabelledScores(sn, discriminator, train, unlabelled);
                for (std::size_t i = 0; i < scores.size(); ++i)
                    scores[i] = m_setup.active.marginWeight * scores[i] + m_setup.active.discriminatorWeight * u[i];
            }
        }
        return topScores(scores, want);
    }

    static double seconds(std::chrono::steady_clock::time_point t0)
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }

    ActiveStudySetup m_setup;
    const DatasetPair &m_data;
    std::vector<std::int64_t> m_pool, m_test;
    std::vector<std::int64_t> m_labels;
    std::string m_device;
    ChannelStats m_stats;
};

} // namespace

std::unique_ptr<StudyPlan> activePlan(const ActiveStudySetup &setup, const DatasetPair &data)
{
    return std::make_unique<ActivePlan>(setup, data);
}

std::int64_t createActiveStudy(Session &session, const ActiveStudySetup &setup, const DatasetPair &data,
                               const std::string &name)
{
    const ActivePlan plan(setup, data); // checks the setup against the data
    const ActiveConfig &c = setup.active;
    StudyRecord r;
    r.type = "active";
    std::string strategies;
    for (const auto &s : c.strategies)
        strategies += (strategies.empty() ? "" : ", ") + s;
    r.name = name.empty() ? setup.model + " " + strategies + " (" + std::to_string(c.initial) + "→"
                                + std::to_string(c.maxLabels) + " labels, " + std::to_string(c.trials) + (c.trials == 1 ? " trial)" : " trials)")
                          : name;
    r.datasetId = registerDataset(session, data, setup.dataset);
    r.configJson = activeStudyConfigJson(setup);
    r.cellCount = plan.cellCount();
    r.owner = thisProcessOwner();
    return session.createStudy(r);
}

} // namespace wb::core
