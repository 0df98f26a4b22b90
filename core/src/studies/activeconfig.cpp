// The active-learning protocol's config: names, ranges, JSON, rounds and cell indices.
#include "studies/celljson.h"
#include "wb/activestudy.h"

#include "util/jsonutil.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace wb::core {

namespace {
constexpr std::int64_t kMaxRounds = 1000;
constexpr std::int64_t kMaxSteps = 10'000'000;

std::string text(double v)
{
    char out[32];
    std::snprintf(out, sizeof out, "%.10g", v);
    return out;
}

void range(const char *field, double value, double lo, double hi)
{
    if (!(value >= lo && value <= hi))
        throw Error(ErrorCode::InvalidArgument,
                    std::string(field) + ": " + text(value) + " is not " + text(lo) + " to " + text(hi));
}
} // namespace

const std::vector<std::string> &activeStrategyNames()
{
    static const std::vector<std::string> names = {"uniform", "least-confidence", "margin", "entropy",
                                                   "bald",    "coreset",          "adversarial"};
    return names;
}

void validate(const ActiveConfig &c)
{
    if (c.strategies.empty())
        throw Error(ErrorCode::InvalidArgument, "strategies: at least one strategy is needed");
    std::set<std::string> seen;
    for (const auto &s : c.strategies) {
        const auto &names = activeStrategyNames();
        if (std::find(names.begin(), names.end(), s) == names.end()) {
            std::string list;
            for (const auto &n : names)
                list += (list.empty() ? "" : ", ") + n;
            throw Error(ErrorCode::InvalidArgument, "strategies: unknown strategy '" + s + "' (expected " + list + ")");
        }
        if (!seen.insert(s).second)
            throw Error(ErrorCode::InvalidArgument, "strategies: '" + s + "' is named twice");
    }
    range("initial", double(c.initial), 1, 1e9);
    range("budget", double(c.budget), 1, 1e9);
    if (c.maxLabels < c.initial)
        throw Error(ErrorCode::InvalidArgument, "max labels: " + std::to_string(c.maxLabels)
                                                    + " is fewer than the initial " + std::to_string(c.initial));
    if ((c.maxLabels - c.initial) / c.budget + 1 > kMaxRounds)
        throw Error(ErrorCode::InvalidArgument, "budget: " + std::to_string(c.budget) + " per round from "
                                                    + std::to_string(c.initial) + " to " + std::to_string(c.maxLabels)
                                                    + " labels makes more than 1000 rounds");
    range("trials", c.trials, 1, 1000);
    range("steps per round", double(c.stepsPerRound), 1, double(kMaxSteps));
    range("MC passes", c.mcPasses, 2, 100);
    range("margin weight", c.marginWeight, 0, 1e6);
    range("discriminator weight", c.discriminatorWeight, 0, 1e6);
    if (c.marginWeight == 0 && c.discriminatorWeight == 0)
        throw Error(ErrorCode::InvalidArgument, "margin weight and discriminator weight: both are 0, the adversarial "
                                                "strategy would score every image alike");
    range("adversarial loss weight", c.adversarialLossWeight, 0, 1e6);
    range("baseline seeds", c.baselineSeeds, 0, 100);
    if (c.poolSize < 0 || c.testSize < 0)
        throw Error(ErrorCode::InvalidArgument, "pool size and test size: 0 (all) or more");
    if (c.limitMode != "random" && c.limitMode != "first")
        throw Error(ErrorCode::InvalidArgument, "limit mode: '" + c.limitMode + "' (expected random or first)");
    range("workers", c.workers, 0, 4096);
}

std::string toJson(const ActiveConfig &c)
{
    return nlohmann::json{{"strategies", c.strategies},
                          {"initial", c.initial},
                          {"budget", c.budget},
                          {"max_labels", c.maxLabels},
                          {"trials", c.trials},
                          {"steps_per_round", c.stepsPerRound},
                          {"mc_passes", c.mcPasses},
                          {"margin_weight", c.marginWeight},
                          {"discriminator_weight", c.discriminatorWeight},
                          {"adversarial_loss_weight", c.adversarialLossWeight},
                          {"baseline_seeds", c.baselineSeeds},
                          {"pool_size", c.poolSize},
                          {"test_size", c.testSize},
                          {"limit_mode", c.limitMode},
                          {"seed", c.seed},
                          {"workers", c.workers}}
        .dump();
}

ActiveConfig activeConfigFromJson(const std::string &text)
{
    ActiveConfig c;
    const std::string context = "a stored active-learning config is damaged";
    try {
        const auto j = nlohmann::json::parse(text);
        c.strategies = j.at("strategies").get<std::vector<std::string>>();
        c.initial = json::integer<std::int64_t>(j.at("initial"), "initial", context);
        c.budget = json::integer<std::int64_t>(j.at("budget"), "budget", context);
        c.maxLabels = json::integer<std::int64_t>(j.at("max_labels"), "max_labels", context);
        c.trials = json::integer<int>(j.at("trials"), "trials", context);
        c.stepsPerRound = json::integer<std::int64_t>(j.at("steps_per_round"), "steps_per_round", context);
        c.mcPasses = json::integerOr<int>(j, "mc_passes", 10, context);
        c.marginWeight = j.value("margin_weight", 1.0);
        c.discriminatorWeight = j.value("discriminator_weight", 1.0);
        c.adversarialLossWeight = j.value("adversarial_loss_weight", 0.1);
        c.baselineSeeds = json::integerOr<int>(j, "baseline_seeds", 3, context);
        c.poolSize = json::integerOr<std::int64_t>(j, "pool_size", 0, context);
        c.testSize = json::integerOr<std::int64_t>(j, "test_size", 0, context);
        c.limitMode = j.value("limit_mode", "random");
        c.seed = json::integerOr<std::uint64_t>(j, "seed", 1, context);
        c.workers = json::integerOr<int>(j, "workers", 0, context);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, context + ": " + json::message(e));
    }
    try {
        validate(c);
    } catch (const Error &e) {
        throw Error(ErrorCode::Session, context + ": " + e.what());
    }
    return c;
}

std::vector<std::int64_t> activeRoundLabels(const ActiveConfig &c)
{
    std::vector<std::int64_t> labels;
    for (std::int64_t n = c.initial; n < c.maxLabels; n += c.budget)
        labels.push_back(n);
    labels.push_back(c.maxLabels);
    return labels;
}

std::int64_t activeBaselineSteps(const ActiveConfig &c, std::int64_t poolSize)
{
    const double perImage = double(c.stepsPerRound) / double(c.maxLabels);
    return std::max(c.stepsPerRound, std::int64_t(std::ceil(perImage * double(poolSize))));
}

int activeCellCount(const ActiveConfig &c) { return int(c.strategies.size()) * c.trials + c.baselineSeeds; }

ActiveCellKey activeCellKey(const ActiveConfig &c, int cell)
{
    const int strategyCells = int(c.strategies.size()) * c.trials;
    if (cell >= strategyCells)
        return {-1, cell - strategyCells};
    return {cell / c.trials, cell % c.trials};
}

std::string activeStudyConfigJson(const ActiveStudySetup &s)
{
    return nlohmann::json{{"active", nlohmann::json::parse(toJson(s.active))},
                          {"train_config", nlohmann::json::parse(toJson(s.train))},
                          {"model", s.model},
                          {"spec", nlohmann::json::parse(toJson(s.spec))},
                          {"dataset", s.dataset},
                          {"image", {{"channels", s.image.channels}, {"height", s.image.height}, {"width", s.image.width}}}}
        .dump();
}

ActiveStudySetup activeStudySetup(const std::string &configJson)
{
    ActiveStudySetup s;
    try {
        const auto j = nlohmann::json::parse(configJson);
        if (detail::nestsDeeperThan(j, 64))
            throw Error(ErrorCode::Session, "a stored active-learning study's config is damaged: it nests deeper than 64 levels");
        s.active = activeConfigFromJson(j.at("active").dump());
        s.train = trainConfigFromJson(j.at("train_config").dump());
        s.model = j.at("model").get<std::string>();
        s.spec = parseModelSpec(j.at("spec").dump(), "the study's model");
        s.dataset = j.value("dataset", "");
        s.image = studyDataRef(configJson).image;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session,
                    std::string("a stored active-learning study's config is damaged: ") + json::message(e));
    }
    return s;
}

double quantile(std::vector<double> values, double q)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double pos = q * double(values.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (pos - double(lo)) * (values[hi] - values[lo]);
}

} // namespace wb::core
