// workbench-cli repeat run | show, compare: the variance study (repeats of one or more setups
// with paired seeds) on the study engine, its summaries and the comparison's verdict.
#include "variancecommands.h"
#include "modelchoice.h"

#include "jsonout.h"
#include "textinput.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

namespace wb::app {

using nlohmann::json;

namespace {

// A JSON library message without its "[json.exception.parse_error.101] " prefix.
std::string withoutJsonPrefix(const json::exception &e)
{
    std::string m = e.what();
    if (m.rfind("[json.exception.", 0) == 0)
        if (const auto end = m.find("] "); end != std::string::npos)
            m.erase(0, end + 2);
    return m;
}

// A value of a setup file as a message quotes it (never a whole nested structure).
std::string shownJson(const json &v)
{
    if (v.is_array())
        return "an array";
    if (v.is_object())
        return "an object";
    const std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    return s.size() > 40 ? s.substr(0, 40) + "…" : s;
}

std::string normalisedKey(std::string key)
{
    key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == '-' || c == '_'; }), key.end());
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return key;
}

// The metric of every setup as "mean ± std  [lo, hi]".
std::string summaryText(const core::MetricSummary &s)
{
    if (s.n == 0)
        return "-";
    char text[96];
    if (s.n == 1)
        std::snprintf(text, sizeof text, "%.4f (one repeat: no spread)", s.mean);
    else
        std::snprintf(text, sizeof text, "%.4f ± %.4f  [%.4f, %.4f]", s.mean, s.std, s.ciLow, s.ciHigh);
    return text;
}

// A number of the report, "-" where it does not exist.
std::string num(double v, const char *format = "%.4f")
{
    if (!std::isfinite(v))
        return "-";
    char text[48];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

std::string plural(std::size_t n, const char *word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string describeTrain(const core::TrainConfig &c)
{
    char text[160];
    std::snprintf(text, sizeof text, "%s lr %g, %s, batch %d, %d epoch%s", c.optimizer.c_str(), c.lr,
                  c.schedule.c_str(), c.batchSize, c.epochs, c.epochs == 1 ? "" : "s");
    std::string s = text;
    if (c.labelSmoothing > 0)
        s += ", label smoothing " + json(c.labelSmoothing).dump();
    if (c.weightDecay > 0)
        s += ", weight decay " + json(c.weightDecay).dump();
    return s;
}

void printStudy(const core::VarianceStudyResult &r)
{
    const core::VarianceConfig &c = r.setup.variance;
    double seconds = 0;
    for (const auto &s : r.setups)
        for (const auto &run : s.runs)
            seconds += run.seconds;
    const std::int64_t evalImages = r.subsetSizes.empty() ? 0 : r.subsetSizes.back();
    std::printf("variance study %lld: %s, %d of %d cells (%s × %s) on %s, measured on %s%s; %.1f s of cells\n",
                static_cast<long long>(r.study.id), core::studyStatusName(r.study.status), r.study.cellsDone,
                r.study.cellCount, plural(r.setups.size(), "setup").c_str(), plural(std::size_t(c.runs), "repeat").c_str(),
                printable(r.setup.dataset).c_str(),
                plural(std::size_t(evalImages), c.valPerClass > 0 ? "validation image" : "test image").c_str(),
                c.valPerClass > 0 ? (" (" + std::to_string(c.valPerClass) + " per class, moved from training"
                                     + (c.resplit ? ", redrawn every repeat)" : ")"))
                                        .c_str()
                                  : "",
                seconds);
    for (const auto &s : r.setups) {
        std::printf("\n%s: %s, %s (%s)\n", s.name.c_str(), printable(s.model).c_str(),
                    describeTrain(s.train).c_str(), plural(s.runs.size(), "repeat").c_str());
        if (&s != &r.setups.front()) { // always what differs from the first setup
            const auto &a = r.setups.front();
            const std::string differences = core::differencesText(core::configDifferences(a.train, s.train));
            if (s.model != a.model)
                std::printf("  network differs from %s's (%s)\n", a.name.c_str(), printable(a.model).c_str());
            std::printf("  %s\n", differences.empty() ? ("the same training settings as " + a.name).c_str()
                                                      : ("differs from " + a.name + " in: " + printable(differences)).c_str());
        }
        std::printf("  %-24s %s\n", "metric", "mean ± std  [95% CI]");
        for (const auto &name : r.metricNames)
            std::printf("  %-24s %s\n", name.c_str(), summaryText(s.summary.at(name)).c_str());
        std::printf("  bias of the smoothed accuracy (minus accuracy):");
        for (const auto &[beta, b] : s.bias)
            std::printf(" β=%g %s", beta, num(b, "%+.4f").c_str());
        std::printf("\n  validation size (std of accuracy over repeats vs sampling sqrt(p(1-p)/n)):");
        for (std::size_t i = 0; i < s.subsetSummary.size() && i < r.subsetSizes.size(); ++i) {
            const auto &m = s.subsetSummary[i];
            std::printf(" %lld: %s vs %s;", static_cast<long long>(r.subsetSizes[i]), num(m.std).c_str(),
                        num(std::sqrt(m.mean * (1 - m.mean) / double(r.subsetSizes[i]))).c_str());
        }
        std::printf("\n");
    }
    if (!r.relativeNoise.empty()) {
        std::printf("\nnoise, lowest first (%s):", r.setups.size() == 1 ? "std" : "pooled std / spread of the setups' means");
        for (const auto &[name, v] : r.relativeNoise)
            std::printf(" %s %.3g;", name.c_str(), v);
        std::printf("\n");
    }
    for (std::size_t i = 1; i < r.setups.size(); ++i) {
        if (const auto &cmp = r.comparisons[i]) {
            // The design's test first, the other as a check (paired when the setups shared their seeds).
            const char *test = cmp->paired ? "paired t" : "Welch's t";
            std::printf("\n%s − %s on %s: %s, 95%% CI [%s, %s] (%s), p = %s", r.setups[i].name.c_str(),
                        r.setups[0].name.c_str(), r.metric.c_str(), num(cmp->difference, "%+.4f").c_str(),
                        num(cmp->low).c_str(), num(cmp->high).c_str(), test, num(cmp->pValue, "%.3g").c_str());
            if (cmp->paired) {
                std::printf("; check: Welch's t [%s, %s], p = %s", num(cmp->welchLow).c_str(), num(cmp->welchHigh).c_str(),
                            num(cmp->welchPValue, "%.3g").c_str());
                if (std::isfinite(cmp->bootstrapLow))
                    std::printf("; paired bootstrap [%s, %s]", num(cmp->bootstrapLow).c_str(), num(cmp->bootstrapHigh).c_str());
            } else {
                std::printf(" (the setups' seeds differ: not paired)");
            }
            std::printf("; minimum detectable difference %s (80%% power, %d repeats, %s)\n", num(cmp->minDetectable).c_str(),
                        cmp->n, test);
        }
        std::printf("verdict: %s\n", r.verdicts[i].c_str());
    }
}

// The spec of a setup: a run's network, a spec file, or a preset shaped to the data.
core::VarianceSetup makeSetup(const SetupOverride &o, const core::DatasetPair &data)
{
    core::VarianceSetup s;
    s.name = o.name;
    s.train = o.options.config;
    if (!o.specJson.empty()) {
        s.spec = core::parseModelSpec(o.specJson, "setup " + s.name + "'s network");
        s.model = o.model;
    } else {
        const auto choice = cli::chooseModel(o.options, data);
        s.spec = choice.spec;
        s.model = choice.name + (o.options.width > 0 ? " width " + std::to_string(o.options.width) : "");
    }
    return s;
}

int runVariance(const VarianceRunOptions &o, std::vector<SetupOverride> setups)
{
    core::VarianceStudySetup setup;
    setup.variance = o.variance;
    setup.variance.seed = o.train.config.seed;
    setup.variance.trainSize = o.train.data.trainLimit;
    setup.variance.testSize = o.train.data.testLimit;
    setup.variance.limitMode = o.train.data.limitMode;
    core::validate(setup.variance);
    const std::vector<std::string> names = {"A", "B"};
    for (std::size_t i = 0; i < setups.size(); ++i) {
        core::validate(setups[i].options.config);
        if (setups[i].specJson.empty())
            cli::checkModelChoice(setups[i].options); // the name, early
    }
    for (std::size_t i = 0; i < setups.size(); ++i)
        if (setups[i].name.empty())
            setups[i].name = names[i];
    if (setups.size() == 2 && setups[0].name == setups[1].name)
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "compare: both setups are named '" + setups[0].name + "'; give them different names");
    if (!(std::isfinite(o.detect) && o.detect >= 0))
        throw core::Error(core::ErrorCode::InvalidArgument, "--detect: expected a finite difference of 0 or more");
    if (core::varianceMetricIsAccuracy(o.metric) && o.detect > 1)
        throw core::Error(core::ErrorCode::InvalidArgument, "--detect: " + o.metric + " differences are fractions, at "
                                                            "most 1 (0.005 is half a percentage point)");
    // Check the metric before the data load.
    const auto metrics = core::varianceMetricNames(setup.variance);
    if (std::find(metrics.begin(), metrics.end(), o.metric) == metrics.end()) {
        std::string list;
        for (const auto &m : metrics)
            list += (list.empty() ? "" : ", ") + m;
        throw core::Error(core::ErrorCode::InvalidArgument, "--metric " + o.metric + ": not a metric of this study ("
                                                                + list + ")");
    }
    setup.dataset = o.train.data.dataset;
    setup.image = {o.train.data.imageChannels, o.train.data.imageHeight, o.train.data.imageWidth};
    const core::DatasetPair data = loadData(o.train.data, o.train.json);
    for (std::size_t i = 0; i < setups.size(); ++i)
        setup.setups.push_back(makeSetup(setups[i], data));
    const auto plan = core::variancePlan(setup, data); // a setup that does not fit the data leaves no session file
    core::Session session(o.train.session, core::Session::Mode::Create);
    const std::int64_t id = core::createVarianceStudy(session, setup, data, o.train.name);
    if (o.slurm)
        return submitCreatedStudy(session, id, o.submit, o.train.json);
    runCreatedStudy(session, id, *plan, setup.variance.workers, o.train.json);
    return reportVarianceStudy(session, id, o.metric, o.detect, o.train.json);
}

} // namespace

SetupOverride readSetupFile(const std::string &path, const TrainOptions &base)
{
    // Whatever is wrong inside the file is bad input data (exit 3), as a missing file is.
    auto bad = [&path](const std::string &what) { return core::Error(core::ErrorCode::BadData, path + ": " + what); };
    SetupOverride out;
    out.options = base;
    std::ifstream in = openTextInput("setup file", path);
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::exception &e) {
        throw bad("not valid JSON (" + withoutJsonPrefix(e) + "); expected an object of training flags, e.g. "
                  "{\"optimizer\": \"adam\", \"lr\": 0.003}, or the output of workbench-cli show --run ID --json");
    }
    if (!j.is_object())
        throw bad("expected a JSON object of training flags, e.g. {\"optimizer\": \"adam\", \"lr\": 0.003}, "
                  "or the output of workbench-cli show --run ID --json");
    if (j.contains("config") || j.contains("architecture") || j.contains("run_id")) { // show --run ID --json
        const char *parts[] = {"config", "architecture"};
        for (const char *part : parts)
            if (!j.contains(part) || !j.at(part).is_object())
                throw bad(std::string("looks like the output of show --run --json, but its '") + part
                          + "' is missing or not an object");
        const json &config = j.at("config");
        for (const char *key : {"optimizer", "lr", "epochs", "batch_size"})
            if (!config.contains(key))
                throw bad(std::string("the run's 'config' has no '") + key + "': not a run's training config");
        if (!j.at("architecture").contains("spec") || !j.at("architecture").at("spec").is_object())
            throw bad("the run's 'architecture' has no 'spec' object");
        try {
            out.options.config = core::trainConfigFromJson(config.dump());
            out.specJson = j.at("architecture").at("spec").dump();
            core::parseModelSpec(out.specJson, "the run's network");
        } catch (const core::Error &e) {
            throw bad(e.what());
        }
        // The study's seeds pair the setups; device and threads are the command line's.
        out.options.config.seed = base.config.seed;
        out.options.config.device = base.config.device;
        out.options.config.threads = base.config.threads;
        const std::string id = j.contains("run_id") && j.at("run_id").is_number_integer() ? j.at("run_id").dump() : "?";
        const std::string name = j.contains("name") && j.at("name").is_string() ? j.at("name").get<std::string>() : "";
        out.model = "run " + id + (name.empty() ? "" : " (" + name.substr(0, 60) + ")");
        return out;
    }
    CLI::App parser;
    cli::addTrainingOptions(parser, out.options);
    std::map<std::string, const CLI::Option *> flags; // normalised key → option
    std::string known;
    for (const CLI::Option *opt : parser.get_options()) {
        for (const std::string &name : opt->get_lnames()) {
            if (name == "help" || name == "seed")
                continue;
            flags[normalisedKey(name)] = opt;
            known += (known.empty() ? "" : ", ") + name;
        }
    }
    for (const auto &[key, value] : j.items()) {
        const std::string k = normalisedKey(key);
        const std::string shownKey = "'" + key.substr(0, 40) + "'";
        if (k == "name") {
            if (!value.is_string() || value.get<std::string>().empty() || value.get<std::string>().size() > 80)
                throw bad("'name' must be text of 1 to 80 characters");
            out.name = value.get<std::string>();
            continue;
        }
        if (k == "seed")
            throw bad("'seed': the repeats' seeds are shared by the setups (that pairs them); give --seed on the "
                      "command line");
        const auto it = flags.find(k);
        if (it == flags.end())
            throw bad(shownKey + " is not a training flag (the setups share the data flags); known: " + known);
        const std::string flag = "--" + it->second->get_lnames().front();
        const bool isFlag = it->second->get_expected_max() == 0;
        if (isFlag ? !value.is_boolean() : !(value.is_string() || value.is_number()))
            throw bad(shownKey + " must be " + (isFlag ? "true or false" : "a number or text") + ", got "
                      + shownJson(value));
        std::vector<std::string> args; // CLI11 takes them last first
        if (isFlag) {
            args = {flag + "=" + (value.get<bool>() ? "true" : "false")};
        } else {
            args = {value.is_string() ? value.get<std::string>() : value.dump(), flag};
        }
        try {
            parser.parse(args);
        } catch (const CLI::ParseError &e) {
            throw bad(shownKey + ": " + shownJson(value) + " is not a value of " + flag + " (" + e.what() + ")");
        }
    }
    try {
        core::validate(out.options.config);
    } catch (const core::Error &e) {
        throw bad(e.what());
    }
    out.options.config.seed = base.config.seed;
    return out;
}

int reportVarianceStudy(const core::Session &session, std::int64_t id, const std::string &metric, double detect,
                        bool asJson)
{
    const core::VarianceStudyResult r = core::varianceResultFromStudy(session, id, metric, detect);
    if (asJson)
        std::cout << core::varianceResultJson(r) << std::endl;
    else {
        printStudy(r);
        for (const auto &s : r.setups)
            for (const auto &run : s.runs)
                if (!run.message.empty())
                    std::fprintf(stderr, "note: %s\n", run.message.c_str());
    }
    if (!r.message.empty())
        std::fprintf(stderr, "note: %s\n", r.message.c_str());
    if (r.study.status == core::StudyStatus::Failed)
        std::fprintf(stderr, "study %lld failed: %s\n", static_cast<long long>(id), r.study.message.c_str());
    return r.study.status == core::StudyStatus::Complete ? 0 : 1;
}

int runRepeatRun(const VarianceRunOptions &o)
{
    SetupOverride only;
    only.options = o.train;
    return runVariance(o, {only});
}

int runCompare(const VarianceRunOptions &o)
{
    SetupOverride a;
    a.options = o.train;
    if (!o.setupA.empty())
        a = readSetupFile(o.setupA, o.train);
    const SetupOverride b = readSetupFile(o.setupB, o.train);
    return runVariance(o, {a, b});
}

int runVarianceShow(const VarianceShowOptions &o)
{
    if (!(std::isfinite(o.detect) && o.detect >= 0))
        throw core::Error(core::ErrorCode::InvalidArgument, "--detect: expected a finite difference of 0 or more");
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    return reportVarianceStudy(session, o.study, o.metric, o.detect, o.json);
}

} // namespace wb::app
