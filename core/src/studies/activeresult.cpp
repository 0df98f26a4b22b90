// A stored active-learning study read back: cells checked against the config, trials summed
// up per round (median and quartiles), labels needed per level, and the JSON of the CLI.
#include "wb/activestudy.h"

#include "studies/celljson.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace wb::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using nlohmann::json;
using detail::numberError;
using detail::numbersError;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

std::vector<double> doubles(const json &a)
{
    std::vector<double> out;
    for (const auto &v : a)
        out.push_back(v.is_null() ? kNaN : v.get<double>());
    return out;
}

} // namespace

std::string activeCellError(const ActiveConfig &c, int classes, int cell, const std::string &resultJson)
{
    const auto j = json::parse(resultJson, nullptr, false);
    if (!j.is_object())
        return "the result is not a JSON object";
    if (detail::nestsDeeperThan(j, 8))
        return "the result nests deeper than a cell's result does";
    if (cell < 0 || cell >= activeCellCount(c))
        return "cell " + std::to_string(cell) + " is not a cell of the study";
    const ActiveCellKey k = activeCellKey(c, cell);
    const double inf = std::numeric_limits<double>::infinity();
    if (auto e = numberError(j, "seconds", 0, inf, false); !e.empty())
        return e;
    if (j.contains("message") && !j.at("message").is_string())
        return "'message' is not text";
    const std::string kind = j.value("kind", "");
    if (k.strategy < 0) {
        if (kind != "baseline")
            return "'kind': expected \"baseline\" for a baseline cell";
        if (!j.contains("seed_index") || j.at("seed_index") != k.trial)
            return "'seed_index' is not this cell's";
        for (const char *key : {"samples", "steps"})
            if (auto e = numberError(j, key, 1, 9e15, false); !e.empty())
                return e;
        if (auto e = numberError(j, "accuracy", 0, 1, true); !e.empty())
            return e;
        return numberError(j, "loss", 0, inf, true);
    }
    if (kind != "strategy")
        return "'kind': expected \"strategy\"";
    if (j.value("strategy", "") != c.strategies[std::size_t(k.strategy)])
        return "'strategy' is not this cell's (" + c.strategies[std::size_t(k.strategy)] + ")";
    if (!j.contains("trial") || j.at("trial") != k.trial)
        return "'trial' is not this cell's";
    if (!j.contains("steps_per_round") || j.at("steps_per_round") != c.stepsPerRound)
        return "'steps_per_round' is not the study's";
    const auto labels = activeRoundLabels(c);
    if (!j.contains("labels") || j.at("labels") != json(labels))
        return "'labels' are not the study's rounds";
    const std::size_t R = labels.size();
    const bool complete = !j.contains("message");
    if (auto e = numbersError(j, "accuracy", R, complete, 0, 1); !e.empty())
        return e;
    const std::size_t measured = j.at("accuracy").size();
    if (auto e = numbersError(j, "loss", measured, true, 0, inf); !e.empty())
        return e;
    const std::size_t rounds = complete ? R - 1 : measured;
    for (const char *key : {"picked", "picked_labels", "picked_scores"})
        if (!j.contains(key) || !j.at(key).is_array() || j.at(key).size() != rounds)
            return std::string("'") + key + "' is not an array of " + std::to_string(rounds) + " rounds";
    for (std::size_t r = 0; r < rounds; ++r) {
        const auto want = std::size_t(labels[r + 1] - labels[r]);
        const json round = {{"picked", j["picked"][r]}, {"picked_labels", j["picked_labels"][r]},
                            {"picked_scores", j["picked_scores"][r]}};
        if (auto e = numbersError(round, "picked", want, true, 0, 9e15, true); !e.empty())
            return "round " + std::to_string(r + 1) + ": " + e;
        if (auto e = numbersError(round, "picked_labels", want, true, 0, classes - 1, true); !e.empty())
            return "round " + std::to_string(r + 1) + ": " + e;
        if (auto e = numbersError(round, "picked_scores", want, true, -inf, inf); !e.empty())
            return "round " + std::to_string(r + 1) + ": " + e;
    }
    std::set<double> seen;
    for (const auto &round : j.at("picked"))
        for (const auto &id : round)
            if (!seen.insert(id.get<double>()).second)
                return "'picked': image " + id.dump() + " is picked twice";
    return {};
}

ActiveStudyResult activeResultFromStudy(const Session &session, std::int64_t id, const std::vector<double> &levels)
{
    ActiveStudyResult out;
    out.study = session.study(id);
    if (out.study.type != "active")
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is a " + out.study.type
                                                    + " study, not an active-learning study");
    out.setup = activeStudySetup(out.study.configJson);
    const ActiveConfig &c = out.setup.active;
    out.labels = activeRoundLabels(c);
    out.levels = levels;
    if (out.levels.empty())
        for (int l = 90; l <= 100; ++l)
            out.levels.push_back(l / 100.0);
    for (const auto &name : c.strategies)
        out.strategies.push_back({name, {}, {}, {}, {}, {}, 0});
    std::int64_t images = 0; // training images of the study's dataset (0: not recorded)
    for (const auto &d : session.datasets())
        if (d.id == out.study.datasetId)
            images = d.trainCount;
    for (const StudyCell &cell : session.studyCells(id)) {
        if (cell.status != "done" || cell.cell < 0 || cell.cell >= out.study.cellCount)
            continue;
        if (const std::string e = activeCellError(c, out.setup.spec.classes, cell.cell, cell.resultJson); !e.empty()) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored (" + e + "); ";
            continue;
        }
        const auto j = json::parse(cell.resultJson);
        const ActiveCellKey k = activeCellKey(c, cell.cell);
        bool inDataset = true;
        if (images > 0 && j.contains("picked"))
            for (const auto &round : j.at("picked"))
                for (const auto &id : round)
                    inDataset = inDataset && id.get<double>() < double(images);
        if (!inDataset) {
            out.message += "cell " + std::to_string(cell.cell) + " ignored ('picked' names an image beyond the "
                           + std::to_string(images) + " training images); ";
            continue;
        }
        if (k.strategy < 0) {
            out.baseline.push_back({k.trial, j.at("accuracy").is_null() ? kNaN : j.at("accuracy").get<double>(),
                                    j.at("loss").is_null() ? kNaN : j.at("loss").get<double>(),
                                    std::int64_t(j.at("samples").get<double>()), std::int64_t(j.at("steps").get<double>()),
                                    j.at("seconds").get<double>()});
            continue;
        }
        ActiveTrial t;
        t.trial = k.trial;
        t.accuracy = doubles(j.at("accuracy"));
        t.loss = doubles(j.at("loss"));
        t.accuracy.resize(out.labels.size(), kNaN);
        t.loss.resize(out.labels.size(), kNaN);
        for (std::size_t r = 0; r < j.at("picked").size(); ++r) {
            t.picked.push_back(j["picked"][r].get<std::vector<std::int64_t>>());
            t.pickedLabels.push_back(j["picked_labels"][r].get<std::vector<std::int64_t>>());
            t.pickedScores.push_back(doubles(j["picked_scores"][r]));
        }
        t.steps = j.at("steps_per_round").get<std::int64_t>();
        t.seconds = j.at("seconds").get<double>();
        t.message = j.value("message", "");
        out.strategies[std::size_t(k.strategy)].trials.push_back(std::move(t));
    }
    std::sort(out.baseline.begin(), out.baseline.end(), [](const auto &a, const auto &b) { return a.seed < b.seed; });
    const std::vector<double> labels(out.labels.begin(), out.labels.end());
    for (auto &s : out.strategies) {
        std::sort(s.trials.begin(), s.trials.end(), [](const auto &a, const auto &b) { return a.trial < b.trial; });
        std::vector<std::vector<double>> accuracy;
        for (const auto &t : s.trials)
            accuracy.push_back(t.accuracy);
        for (std::size_t r = 0; r < labels.size(); ++r) {
            std::vector<double> at;
            for (const auto &a : accuracy)
                at.push_back(a[r]);
            s.median.push_back(quantile(at, 0.5));
            s.q25.push_back(quantile(at, 0.25));
            s.q75.push_back(quantile(at, 0.75));
        }
        if (!accuracy.empty())
            for (double level : out.levels)
                s.needed.push_back(labelsNeeded(labels, accuracy, level));
        // Area under the median curve (trapezoids over labels), per label of the range.
        double area = 0;
        bool whole = std::all_of(s.median.begin(), s.median.end(), [](double v) { return std::isfinite(v); });
        for (std::size_t r = 1; r < labels.size(); ++r)
            area += 0.5 * (s.median[r] + s.median[r - 1]) * (labels[r] - labels[r - 1]);
        const double span = labels.back() - labels.front();
        s.aulc = !whole || s.median.empty() ? kNaN : span > 0 ? area / span : s.median.front();
    }
    return out;
}

std::string activeResultJson(const ActiveStudyResult &r)
{
    json strategies = json::object();
    for (const auto &s : r.strategies) {
        json accuracy = json::array(), picked = json::array(), needed = json::array();
        std::vector<std::int64_t> classCounts;
        for (const auto &t : s.trials) {
            json row = json::array();
            for (double a : t.accuracy)
                row.push_back(number(a));
            accuracy.push_back(row);
            picked.push_back(t.picked);
            for (const auto &round : t.pickedLabels)
                for (auto label : round) {
                    if (label >= std::int64_t(classCounts.size()))
                        classCounts.resize(std::size_t(label) + 1, 0);
                    ++classCounts[std::size_t(label)];
                }
        }
        for (const auto &n : s.needed)
            needed.push_back({{"level", n.level},
                              {"median", n.median ? json(*n.median) : json(nullptr)},
                              {"reached", n.reached},
                              {"trials", n.trials}});
        json medians = json::array(), q25 = json::array(), q75 = json::array();
        for (std::size_t i = 0; i < s.median.size(); ++i) {
            medians.push_back(number(s.median[i]));
            q25.push_back(number(s.q25[i]));
            q75.push_back(number(s.q75[i]));
        }
        strategies[s.name] = {{"trials", s.trials.size()}, {"accuracy", accuracy}, {"median", medians},
                              {"q25", q25},                {"q75", q75},          {"needed", needed},
                              {"aulc", number(s.aulc)},    {"picked", picked},    {"picked_class_counts", classCounts}};
    }
    std::vector<double> baseAcc;
    json baseRuns = json::array();
    for (const auto &b : r.baseline) {
        baseAcc.push_back(b.accuracy);
        baseRuns.push_back({{"seed_index", b.seed}, {"accuracy", number(b.accuracy)}, {"loss", number(b.loss)},
                            {"samples", b.samples}, {"steps", b.steps}, {"seconds", b.seconds}});
    }
    json baseline = {{"runs", baseRuns},
                     {"median", number(quantile(baseAcc, 0.5))},
                     {"q25", number(quantile(baseAcc, 0.25))},
                     {"q75", number(quantile(baseAcc, 0.75))},
                     {"steps", r.baseline.empty() ? json(nullptr) : json(r.baseline.front().steps)}};
    json out = {{"study_id", r.study.id},
                {"study_status", studyStatusName(r.study.status)},
                {"cells_done", r.study.cellsDone},
                {"cell_count", r.study.cellCount},
                {"model", r.setup.model},
                {"dataset", r.setup.dataset},
                {"active", json::parse(toJson(r.setup.active))},
                {"train_config", json::parse(toJson(r.setup.train))},
                {"steps_per_round", r.setup.active.stepsPerRound},
                {"labels", r.labels},
                {"baseline", baseline},
                {"strategies", strategies}};
    if (!r.message.empty())
        out["message"] = r.message;
    return out.dump();
}

} // namespace wb::core
