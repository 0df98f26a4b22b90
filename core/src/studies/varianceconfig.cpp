// The variance study's config: ranges, JSON, cells, seeds and the evaluation-subset sizes.
#include "wb/variancestudy.h"

#include "studies/celljson.h"
#include "util/jsonutil.h"
#include "util/random.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wb::core {

void validate(const VarianceConfig &c)
{
    auto bad = [](const std::string &m) { throw Error(ErrorCode::InvalidArgument, m); };
    if (c.runs < 2 || c.runs > 10000)
        bad("runs: " + std::to_string(c.runs) + " is outside 2 … 10000 (a spread needs at least two repeats)");
    if (c.betas.empty() || c.betas.size() > 32)
        bad("betas: expected 1 to 32 values of β");
    for (std::size_t i = 0; i < c.betas.size(); ++i) {
        if (!(std::isfinite(c.betas[i]) && c.betas[i] > 0 && c.betas[i] <= 1000))
        {
            char text[32];
            std::snprintf(text, sizeof text, "%g", c.betas[i]);
            bad(std::string("betas: ") + text + " is outside (0, 1000]");
        }
        if (i > 0 && (c.betas[i] <= c.betas[i - 1] || varianceBetaMetric(c.betas[i]) == varianceBetaMetric(c.betas[i - 1])))
            bad("betas: expected ascending values, each once (6 significant digits)");
    }
    if (c.valPerClass < 0 || c.valPerClass > 10000000)
        bad("validation per class: " + std::to_string(c.valPerClass) + " is outside 0 … 10000000");
    if (c.resplit && c.valPerClass == 0)
        bad("resplit: needs validation images per class (> 0); the test images are the same for every repeat");
    if (c.trainSize < 0 || c.testSize < 0)
        bad("train/test size: must be 0 (all) or positive");
    if (c.limitMode != "random" && c.limitMode != "first")
        bad("limit mode: '" + c.limitMode + "' is not random or first");
    if (c.workers < 0 || c.workers > 4096)
        bad("workers: " + std::to_string(c.workers) + " is outside 0 … 4096");
}

std::string toJson(const VarianceConfig &c)
{
    return nlohmann::json{{"runs", c.runs},
                          {"betas", c.betas},
                          {"val_per_class", c.valPerClass},
                          {"resplit", c.resplit},
                          {"train_size", c.trainSize},
                          {"test_size", c.testSize},
                          {"limit_mode", c.limitMode},
                          {"seed", c.seed},
                          {"workers", c.workers}}
        .dump();
}

VarianceConfig varianceConfigFromJson(const std::string &text)
{
    VarianceConfig c;
    const std::string context = "a stored variance config is damaged";
    try {
        const auto j = nlohmann::json::parse(text);
        c.runs = json::integer<int>(j.at("runs"), "runs", context);
        c.betas = j.at("betas").get<std::vector<double>>();
        c.valPerClass = json::integerOr<std::int64_t>(j, "val_per_class", 0, context);
        c.resplit = j.value("resplit", false);
        c.trainSize = json::integerOr<std::int64_t>(j, "train_size", 0, context);
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

std::string varianceStudyConfigJson(const VarianceStudySetup &s)
{
    nlohmann::json setups = nlohmann::json::array();
    for (const VarianceSetup &v : s.setups)
        setups.push_back({{"name", v.name},
                          {"model", v.model},
                          {"spec", nlohmann::json::parse(toJson(v.spec))},
                          {"train_config", nlohmann::json::parse(toJson(v.train))}});
    return nlohmann::json{{"variance", nlohmann::json::parse(toJson(s.variance))},
                          {"setups", setups},
                          {"dataset", s.dataset},
                          {"image", {{"channels", s.image.channels}, {"height", s.image.height}, {"width", s.image.width}}}}
        .dump();
}

VarianceStudySetup varianceStudySetup(const std::string &configJson)
{
    VarianceStudySetup s;
    const std::string context = "a stored variance study's config is damaged";
    try {
        const auto j = nlohmann::json::parse(configJson);
        if (detail::nestsDeeperThan(j, 64))
            throw Error(ErrorCode::Session, context + ": it nests deeper than 64 levels");
        s.variance = varianceConfigFromJson(j.at("variance").dump());
        const auto &setups = j.at("setups");
        if (!setups.is_array() || setups.empty() || setups.size() > 64)
            throw Error(ErrorCode::Session, context + ": 'setups' must hold 1 to 64 setups");
        for (const auto &v : setups) {
            VarianceSetup setup;
            setup.name = v.at("name").get<std::string>();
            setup.model = v.at("model").get<std::string>();
            setup.spec = parseModelSpec(v.at("spec").dump(), "setup " + setup.name + "'s model");
            setup.train = trainConfigFromJson(v.at("train_config").dump());
            s.setups.push_back(std::move(setup));
        }
        s.dataset = j.value("dataset", "");
        s.image = studyDataRef(configJson).image;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, context + ": " + json::message(e));
    }
    return s;
}

int varianceCellCount(const VarianceStudySetup &s) { return int(s.setups.size()) * s.variance.runs; }

std::uint64_t varianceRunSeed(const VarianceConfig &c, int run)
{
    return detail::mixSeed(c.seed, 5000 + std::uint64_t(run)) >> 1; // stored as a JSON integer
}

std::vector<std::int64_t> varianceSubsetSizes(std::int64_t total)
{
    std::vector<std::int64_t> sizes;
    for (int d : {8, 4, 2, 1}) {
        const std::int64_t n = total / d;
        if (n >= 1 && (sizes.empty() || n > sizes.back()))
            sizes.push_back(n);
    }
    return sizes;
}

std::string varianceBetaMetric(double beta)
{
    char text[48];
    std::snprintf(text, sizeof text, "smoothed_accuracy@%g", beta);
    return text;
}

std::vector<std::string> varianceMetricNames(const VarianceConfig &c)
{
    std::vector<std::string> names{"accuracy"};
    for (double b : c.betas)
        names.push_back(varianceBetaMetric(b));
    names.push_back("loss");
    return names;
}

bool varianceMetricIsAccuracy(const std::string &metric) { return metric.find("accuracy") != std::string::npos; }

} // namespace wb::core
