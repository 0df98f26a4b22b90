#include "wb/trainconfig.h"
#include "wb/errors.h"
#include "util/jsonutil.h"

#include <algorithm>
#include <cmath>

namespace wb::core {

namespace {
[[noreturn]] void badField(const std::string &field, const std::string &expected)
{
    throw Error(ErrorCode::InvalidArgument, field + ": expected " + expected);
}
} // namespace

void validate(const TrainConfig &c)
{
    if (c.optimizer != "sgd" && c.optimizer != "adam" && c.optimizer != "adamw" && c.optimizer != "radam"
        && c.optimizer != "ranger")
        badField("optimizer", "sgd, adam, adamw, radam or ranger, got '" + c.optimizer + "'");
    if (!(c.lr > 0 && std::isfinite(c.lr)))
        badField("lr", "a positive number");
    if (!(c.momentum >= 0 && c.momentum < 1))
        badField("momentum", "a value in [0, 1)");
    if (c.nesterov && (c.optimizer != "sgd" || c.momentum <= 0))
        badField("nesterov", "SGD with momentum > 0");
    if (!(c.weightDecay >= 0 && std::isfinite(c.weightDecay)))
        badField("weight-decay", "a number >= 0");
    if (!(c.beta2 >= 0 && c.beta2 < 1))
        badField("beta2", "a value in [0, 1)");
    if (!(c.eps > 0 && c.eps <= 1))
        badField("eps", "a number in (0, 1]");
    if (c.lookaheadSteps < 1 || c.lookaheadSteps > 1000)
        badField("lookahead-steps", "an integer from 1 to 1000");
    if (!(c.lookaheadAlpha > 0 && c.lookaheadAlpha <= 1))
        badField("lookahead-alpha", "a value in (0, 1]");
    if (!(c.flatFraction >= 0 && c.flatFraction < 1))
        badField("flat-fraction", "a value in [0, 1)");
    if (c.schedule != "constant" && c.schedule != "step" && c.schedule != "onecycle"
        && c.schedule != "flatcos")
        badField("schedule", "constant, step, onecycle or flatcos, got '" + c.schedule + "'");
    if (!(c.labelSmoothing >= 0 && c.labelSmoothing < 1))
        badField("label-smoothing", "a value in [0, 1)");
    if (c.epochs < 1 || c.epochs > 100000)
        badField("epochs", "an integer from 1 to 100000");
    if (c.batchSize < 1 || c.batchSize > 1 << 20)
        badField("batch-size", "a positive integer");
    if (c.threads < 0 || c.threads > 1024)
        badField("threads", "an integer from 0 (all cores) to 1024");
    if (!(c.smoothingBeta > 0))
        badField("smoothing-beta", "a positive number");
    if (!(c.cropAreaMin > 0 && c.cropAreaMin <= 1))
        badField("crop-area-min", "a share of the image in (0, 1]");
}

std::string toJson(const TrainConfig &c)
{
    nlohmann::json j = {{"optimizer", c.optimizer},
                        {"lr", c.lr},
                        {"momentum", c.momentum},
                        {"nesterov", c.nesterov},
                        {"beta2", c.beta2},
                        {"eps", c.eps},
                        {"lookahead_steps", c.lookaheadSteps},
                        {"lookahead_alpha", c.lookaheadAlpha},
                        {"weight_decay", c.weightDecay},
                        {"decay_norm_and_bias", c.decayNormAndBias},
                        {"schedule", c.schedule},
                        {"flat_fraction", c.flatFraction},
                        {"label_smoothing", c.labelSmoothing},
                        {"epochs", c.epochs},
                        {"batch_size", c.batchSize},
                        {"seed", c.seed},
                        {"device", c.device},
                        {"threads", c.threads},
                        {"fused_optimizer", c.fusedOptimizer},
                        {"smoothing_beta", c.smoothingBeta},
                        {"augment_crop", c.augmentCrop},
                        {"crop_area_min", c.cropAreaMin},
                        {"augment_flip", c.augmentFlip},
                        {"test_time_flip", c.testTimeFlip}};
    return j.dump();
}

TrainConfig trainConfigFromJson(const std::string &text)
{
    TrainConfig c;
    json::Reader r(text, "training config");
    r.get("optimizer", c.optimizer);
    r.get("lr", c.lr);
    r.get("momentum", c.momentum);
    r.get("nesterov", c.nesterov);
    r.get("beta2", c.beta2);
    r.get("eps", c.eps);
    r.get("lookahead_steps", c.lookaheadSteps);
    r.get("lookahead_alpha", c.lookaheadAlpha);
    r.get("weight_decay", c.weightDecay);
    r.get("decay_norm_and_bias", c.decayNormAndBias);
    r.get("schedule", c.schedule);
    r.get("flat_fraction", c.flatFraction);
    r.get("label_smoothing", c.labelSmoothing);
    r.get("epochs", c.epochs);
    r.get("batch_size", c.batchSize);
    r.get("seed", c.seed);
    r.get("device", c.device);
    r.get("threads", c.threads);
    r.get("fused_optimizer", c.fusedOptimizer);
    r.get("smoothing_beta", c.smoothingBeta);
    r.get("augment_crop", c.augmentCrop);
    r.get("crop_area_min", c.cropAreaMin);
    r.get("augment_flip", c.augmentFlip);
    r.get("test_time_flip", c.testTimeFlip);
    r.finish();
    validate(c);
    return c;
}

double scheduledLr(const TrainConfig &c, std::int64_t step, std::int64_t totalSteps)
{
    const double pi = 3.14159265358979323846;
    const double t = totalSteps > 1 ? double(step) / double(totalSteps - 1) : 0.0;
    auto cosineFromTo = [&](double from, double to, double u) {
        return to + (from - to) * 0.5 * (1.0 + std::cos(pi * std::clamp(u, 0.0, 1.0)));
    };
    if (c.schedule == "step")
        return c.lr * (t >= 0.75 ? 0.01 : t >= 0.5 ? 0.1 : 1.0);
    if (c.schedule == "onecycle") {
        const double warm = 0.25;
        if (t < warm)
            return cosineFromTo(c.lr / 25.0, c.lr, t / warm);
        return cosineFromTo(c.lr, c.lr / 1e4, (t - warm) / (1.0 - warm));
    }
    if (c.schedule == "flatcos") {
        const double flat = c.flatFraction;
        return t < flat ? c.lr : cosineFromTo(c.lr, 0.0, (t - flat) / (1.0 - flat));
    }
    return c.lr;
}

std::vector<ConfigDifference> configDifferences(const TrainConfig &a, const TrainConfig &b, bool ignoreSeed)
{
    const auto ja = nlohmann::json::parse(toJson(a)), jb = nlohmann::json::parse(toJson(b));
    std::vector<ConfigDifference> out;
    for (auto it = ja.begin(); it != ja.end(); ++it) {
        if (ignoreSeed && it.key() == "seed")
            continue;
        const auto other = jb.find(it.key());
        const std::string vb = other == jb.end() ? "" : other->dump();
        if (it.value().dump() != vb)
            out.push_back({it.key(), it.value().dump(), vb});
    }
    return out;
}

std::string differencesText(const std::vector<ConfigDifference> &differences)
{
    const auto plain = [](const std::string &json) { // a JSON string without its quotes
        return json.size() >= 2 && json.front() == '"' && json.back() == '"' ? json.substr(1, json.size() - 2) : json;
    };
    std::string out;
    for (const auto &d : differences)
        out += (out.empty() ? "" : ", ") + d.key + " " + plain(d.a) + " → " + plain(d.b);
    return out;
}

} // namespace wb::core
