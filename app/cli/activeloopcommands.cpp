// workbench-cli active pick | add | rounds: the real active-learning loop on the user's own
// unlabelled pool — pick the images to label next, add the labels that came back, retrain.
#include "activeloopcommands.h"
#include "modelchoice.h"

#include "jsonout.h"
#include "terminalprogress.h"
#include "wb/activeloop.h"
#include "wb/errors.h"
#include "wb/trainconfig.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace wb::app {

using nlohmann::json;

namespace {

std::string className(const core::ActiveLoop &loop, std::int64_t c)
{
    return c >= 0 && std::size_t(c) < loop.classNames.size() ? printable(loop.classNames[std::size_t(c)])
                                                              : std::to_string(c);
}

std::int64_t baseLabelled(const core::ActiveLoop &loop, const core::DatasetPair &base)
{
    return std::int64_t(core::labelledImages(base, loop.data).size());
}

// The loop's network recipe from a trained run: its architecture and training config.
void takeRecipe(core::ActiveLoop &loop, const core::Session &session, std::int64_t runId)
{
    const core::RunRecord run = session.run(runId);
    const auto arch = session.architecture(run.architectureId);
    loop.modelName = arch.name;
    loop.specJson = arch.specJson;
    loop.trainJson = run.configJson;
}

const core::LoopModel *modelOf(const core::ActiveLoop &loop, std::int64_t runId)
{
    for (const auto &m : loop.models)
        if (m.runId == runId)
            return &m;
    return nullptr;
}

json pickJson(const core::ActiveLoop &loop, const core::PoolPick &p, std::size_t rank)
{
    return {{"rank", rank},           {"path", p.path},          {"score", number(p.score)},
            {"predicted", loop.classNames.at(std::size_t(p.predicted))}, {"p_predicted", number(p.p1)},
            {"second", loop.classNames.at(std::size_t(p.second))},       {"p_second", number(p.p2)},
            {"file_hash", p.fileHash}};
}

void printPicks(const core::ActiveLoop &loop, const core::LoopRound &round)
{
    std::printf("%5s %10s  %-22s %-22s %s\n", "rank", "score", "predicted (p)", "second (p)", "path");
    for (std::size_t i = 0; i < round.picks.size(); ++i) {
        const auto &p = round.picks[i];
        const std::string first = className(loop, p.predicted) + " (" + fixedText(p.p1, 3) + ")";
        const std::string second = className(loop, p.second) + " (" + fixedText(p.p2, 3) + ")";
        std::printf("%5zu %10.4g  %-22s %-22s %s\n", i + 1, p.score, first.c_str(), second.c_str(),
                    printable(p.path).c_str());
    }
}

void discardPending(core::ActiveLoop &loop)
{
    core::AddedLabels none;
    none.skipped.push_back("round discarded: picked again before its labels came back");
    core::addLoopLabels(loop, none);
}

} // namespace

int runActivePick(const ActivePickOptions &o)
{
    if (o.strategyGiven)
        core::checkPoolStrategy(o.pick.strategy);
    if (o.pick.count == 0)
        throw core::Error(core::ErrorCode::InvalidArgument, "--count: pick at least one image");
    if (o.modelGiven) {
        core::validate(o.train.config);
        cli::checkModelChoice(o.train);
    }
    if (!o.output.empty())
        core::checkPicksOutput(o.output); // before any work: a pick is never lost to a wrong file name
    core::Session session(o.train.session, core::Session::Mode::Create);
    std::optional<core::ActiveLoop> loop = core::loadActiveLoop(session);
    if (loop && loop->pending() && !o.discardPending)
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "round " + std::to_string(loop->pending()->index) + "'s "
                              + std::to_string(loop->pending()->picks.size())
                              + " picks wait for labels: add them first (active add --session S --labels FILE), "
                                "or pick again with --discard-pending");
    if (!loop && o.run == 0 && !o.modelGiven)
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "the first pick needs a network: --run ID (a run trained on the labelled images) or "
                          "--model/--model-file (trained here on them first)");
    core::DataConfig dc = o.train.data;
    if (loop) {
        if (o.dataGiven && o.train.data.dataset != loop->data.dataset)
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--data " + o.train.data.dataset + ": this session's loop labels images for "
                                  + loop->data.dataset + " (one loop per session)");
        dc = loop->data;
    } else if (o.run > 0) {
        dc = core::dataConfigFromJson(session.run(o.run).dataJson);
        if (o.dataGiven && o.train.data.dataset != dc.dataset)
            throw core::Error(core::ErrorCode::InvalidArgument, "--data " + o.train.data.dataset + ": run "
                                                                    + std::to_string(o.run) + " was trained on "
                                                                    + dc.dataset + "; the loop labels images for that");
    }
    const core::DatasetPair base = loadData(dc, o.train.json);
    const core::ImagePool pool = core::listImagePool(o.pool);
    std::error_code ec;
    if (std::filesystem::equivalent(o.pool, base.source, ec))
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--pool " + o.pool + " is the labelled dataset itself (" + base.source
                              + "): the pool holds the images that have no label yet");
    for (const auto &s : pool.skipped)
        std::fprintf(stderr, "warning: skipped %s: %s\n", printable(s.path).c_str(), printable(s.reason).c_str());
    if (o.pick.count > pool.paths.size())
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "count: " + std::to_string(o.pick.count) + " images asked for, but the pool " + pool.source
                              + " has only " + std::to_string(pool.paths.size()));
    {
        // A pool none of whose first images decodes is refused before any network is trained.
        std::vector<core::SkippedFile> sample;
        const std::size_t n = std::min<std::size_t>(64, pool.paths.size());
        if (core::decodePoolBatch(pool, 0, n, base.train.channels, base.train.height, base.train.width, sample)
                .positions.empty())
            throw core::Error(core::ErrorCode::BadData,
                              o.pool + ": no readable image among the first " + std::to_string(n) + " of the pool (first "
                                  + sample.front().path + ": " + sample.front().reason + ")");
    }

    if (!loop) {
        if (o.run > 0) {
            const core::RunRecord run = session.run(o.run);
            const auto arch = session.architecture(run.architectureId);
            loop = core::startActiveLoop(base, dc.dataset, dc, arch.name, core::parseModelSpec(arch.specJson),
                                         run.configJson);
        } else if (o.modelGiven) {
            const auto [spec, name] = cli::chooseModel(o.train, base);
            loop = core::startActiveLoop(base, dc.dataset, dc, name, spec, core::toJson(o.train.config));
        }
    } else if (o.modelGiven) {
        const auto [spec, name] = cli::chooseModel(o.train, base);
        loop->modelName = name;
        loop->specJson = core::toJson(spec);
        loop->trainJson = core::toJson(o.train.config);
    } else if (o.run > 0) {
        takeRecipe(*loop, session, o.run);
    }
    if (loop->pending())
        discardPending(*loop);

    // The strategy, checked against the network before anything trains.
    core::PoolPickOptions pick = o.pick;
    pick.seed = o.train.config.seed;
    pick.threads = o.train.config.threads;
    const core::ModelSpec scorer =
        core::parseModelSpec(o.run > 0 ? session.architecture(session.run(o.run).architectureId).specJson : loop->specJson);
    const core::StrategyAdvice advice = core::adviseStrategy(session, loop->baseFingerprint);
    if (!o.strategyGiven) {
        pick.strategy = advice.strategy.empty() ? "margin" : advice.strategy;
        std::string why = advice.strategy.empty() ? "the default (no active-learning study of this data in the session)"
                                                  : "the fewest labels in the session's study (" + advice.reason + ")";
        try {
            core::checkPoolPick(scorer, pick);
        } catch (const core::Error &) {
            if (pick.strategy == "margin")
                throw;
            why = "the default: the study's " + pick.strategy + " cannot run with this network";
            pick.strategy = "margin";
        }
        std::fprintf(stderr, "strategy %s: %s\n", pick.strategy.c_str(), why.c_str());
    } else if (!advice.strategy.empty() && advice.strategy != pick.strategy) {
        std::fprintf(stderr, "note: in the session's study %s needed the fewest labels (%s)\n",
                     advice.strategy.c_str(), advice.reason.c_str());
    }
    core::checkPoolPick(scorer, pick);

    const std::int64_t labelled = baseLabelled(*loop, base) + std::int64_t(loop->labels.size());
    std::int64_t runId = o.run;
    TerminalProgress::installInterruptHandler();
    if (o.modelGiven) {
        std::fprintf(stderr, "training %s on the %lld labelled images ...\n", printable(loop->modelName).c_str(),
                     static_cast<long long>(labelled));
        TerminalProgress progress(o.train.json);
        runId = core::trainLoopModel(session, *loop, base, progress);
        progress.finish();
        core::saveActiveLoop(session, *loop);
    } else if (runId == 0) {
        if (loop->models.empty() || loop->models.back().labelled != labelled)
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "no network was trained on the " + std::to_string(labelled)
                                  + " labelled images yet: say --model/--model-file to train one, or --run ID");
        runId = loop->models.back().runId;
    } else if (!modelOf(*loop, runId)) {
        const core::RunRecord run = session.run(runId);
        const auto dcRun = core::dataConfigFromJson(run.dataJson);
        if (dcRun.poolLabels == std::int64_t(loop->labels.size()) && dcRun.dataset == loop->data.dataset)
            loop->models.push_back({labelled, runId, run.testAccuracy});
        else
            std::fprintf(stderr, "note: run %lld was not trained on the loop's %lld labelled images\n",
                         static_cast<long long>(runId), static_cast<long long>(labelled));
    }

    core::PoolPickResult result;
    TerminalProgress progress(o.train.json);
    const core::LoopRound &round = core::pickLoopRound(session, *loop, runId, base, pool, pick, progress, &result);
    progress.finish();
    if (!o.copyTo.empty())
        core::copyNames(round, o.copyTo); // refused before the round is stored
    core::saveActiveLoop(session, *loop); // the session knows the picks before any file names them
    for (const auto &s : result.skipped)
        std::fprintf(stderr, "warning: skipped %s: %s\n", printable(s.path).c_str(), printable(s.reason).c_str());
    if (result.converted)
        std::fprintf(stderr, "note: %zu pool images had another channel count and were converted as the dataset's\n",
                     result.converted);
    if (round.picks.size() < pick.count)
        std::fprintf(stderr, "note: only %zu picks: the per-class cap of %d left no more\n", round.picks.size(),
                     pick.perClassCap);
    if (!o.output.empty())
        core::writePicksCsv(o.output, round, loop->classNames);
    std::vector<std::string> copies;
    if (!o.copyTo.empty())
        copies = core::copyPicks(round, o.copyTo);

    const core::LoopModel *model = modelOf(*loop, runId);
    if (o.train.json) {
        json picks = json::array();
        for (std::size_t i = 0; i < round.picks.size(); ++i)
            picks.push_back(pickJson(*loop, round.picks[i], i + 1));
        json skipped = json::array();
        for (const auto &s : pool.skipped)
            skipped.push_back({{"path", s.path}, {"reason", s.reason}});
        for (const auto &s : result.skipped)
            skipped.push_back({{"path", s.path}, {"reason", s.reason}});
        std::cout << json{{"round", round.index},
                          {"run", runId},
                          {"run_test_accuracy", number(model ? model->testAccuracy : std::nan(""))},
                          {"strategy", round.strategy},
                          {"advice", {{"strategy", advice.strategy}, {"reason", advice.reason}, {"study", advice.studyId}}},
                          {"labelled", labelled},
                          {"pool_images", result.listed},
                          {"scored", result.scored},
                          {"already_labelled", result.alreadyLabelled},
                          {"duplicates", result.duplicates},
                          {"converted", result.converted},
                          {"skipped", skipped},
                          {"seconds", number(result.seconds)},
                          {"images_per_second", number(double(result.listed) / std::max(result.seconds, 1e-9))},
                          {"output", o.output},
                          {"copies", copies},
                          {"picks", picks}}
                         .dump()
                  << std::endl;
        return 0;
    }
    std::printf("round %d: %s picked %zu of %zu new pool images (%zu listed, %zu already labelled, %zu duplicates, "
                "%zu unreadable) in %.1f s\n",
                round.index, round.strategy.c_str(), round.picks.size(), result.scored, result.listed,
                result.alreadyLabelled, result.duplicates, result.skipped.size(), result.seconds);
    std::printf("scored with run %lld, trained on %lld labelled images (test accuracy %s)\n\n",
                static_cast<long long>(runId), static_cast<long long>(labelled),
                fixedText(model ? model->testAccuracy : std::nan("")).c_str());
    printPicks(*loop, round);
    std::printf("\n");
    if (!o.output.empty())
        std::printf("picks written to %s (fill in its label column)\n", printable(o.output).c_str());
    if (!copies.empty())
        std::printf("%zu copies in %s, named by rank\n", copies.size(), printable(o.copyTo).c_str());
    std::printf("next: label them (a CSV path,label, the picks file with its label column filled in, or a folder "
                "<class>/<image>), then\n  workbench-cli active add --session %s --labels FILE\n",
                printable(o.train.session).c_str());
    return 0;
}

int runActiveAdd(const ActiveAddOptions &o)
{
    if (!core::loadActiveLoop(core::Session(o.session, core::Session::Mode::ReadOnly))) // a session without one is left as it is
        throw core::Error(core::ErrorCode::InvalidArgument,
                          o.session + " holds no active-learning loop: pick images first (active pick)");
    core::Session session(o.session, core::Session::Mode::ReadWrite);
    std::optional<core::ActiveLoop> loop = core::loadActiveLoop(session);
    std::size_t unlabelled = 0;
    const auto entries = core::readLabels(o.labels, &unlabelled);
    const core::AddedLabels added = core::matchLabels(*loop, entries);
    const int roundIndex = loop->pending()->index;
    const std::int64_t before = loop->pending()->labelledBefore;
    const std::size_t picked = loop->pending()->picks.size();
    core::addLoopLabels(*loop, added);
    core::saveActiveLoop(session, *loop); // the labels are kept before anything is trained
    for (const auto &s : added.skipped)
        std::fprintf(stderr, "warning: skipped %s\n", printable(s).c_str());
    const std::int64_t labelled = before + std::int64_t(added.added.size());
    const std::size_t notLabelled = picked - added.added.size() - added.skipped.size();
    if (!o.json)
        std::printf("round %d: %zu labels added (%zu of the %zu picks skipped, %zu not labelled); labelled images "
                    "%lld -> %lld\n",
                    roundIndex, added.added.size(), added.skipped.size(), picked, notLabelled,
                    static_cast<long long>(before), static_cast<long long>(labelled));
    json out = {{"round", roundIndex}, {"added", added.added.size()}, {"skipped", added.skipped},
                {"not_labelled", notLabelled}, {"labelled", labelled}};
    if (o.retrain) {
        const core::DatasetPair base = loadData(loop->data, o.json);
        const core::LoopModel previous = loop->models.empty() ? core::LoopModel{0, 0, std::nan("")} : loop->models.back();
        if (!o.json)
            std::fprintf(stderr, "training %s on the %lld labelled images ...\n", printable(loop->modelName).c_str(),
                         static_cast<long long>(labelled));
        TerminalProgress::installInterruptHandler();
        TerminalProgress progress(o.json);
        const std::int64_t runId = core::trainLoopModel(session, *loop, base, progress);
        progress.finish();
        core::saveActiveLoop(session, *loop);
        const auto &now = loop->models.back();
        out["run"] = runId;
        out["test_accuracy"] = number(now.testAccuracy);
        out["previous"] = {{"labelled", previous.labelled}, {"run", previous.runId},
                           {"test_accuracy", number(previous.testAccuracy)}};
        if (!o.json)
            std::printf("run %lld on %lld labelled images: test accuracy %s (was %s with %lld)\n",
                        static_cast<long long>(runId), static_cast<long long>(now.labelled),
                        fixedText(now.testAccuracy).c_str(), fixedText(previous.testAccuracy).c_str(),
                        static_cast<long long>(previous.labelled));
    }
    if (o.json)
        std::cout << out.dump() << std::endl;
    else
        std::printf("next: workbench-cli active pick --session %s --pool DIR --count N%s\n", printable(o.session).c_str(),
                    o.retrain ? "" : " --model NAME (to train on the new labels)");
    return 0;
}

int runActiveRounds(const ActiveRoundsOptions &o)
{
    const core::Session session(o.session, core::Session::Mode::ReadOnly);
    const std::optional<core::ActiveLoop> loop = core::loadActiveLoop(session);
    if (!loop)
        throw core::Error(core::ErrorCode::InvalidArgument, o.session + " holds no active-learning loop yet");
    const core::LoopRound *pending = loop->pending();
    if (!o.output.empty()) {
        if (!pending)
            throw core::Error(core::ErrorCode::InvalidArgument, "--output: no picks wait for labels");
        core::writePicksCsv(o.output, *pending, loop->classNames);
    }
    if (o.json) {
        json rounds = json::array(), models = json::array();
        for (const auto &r : loop->rounds) {
            json picks = json::array();
            for (std::size_t i = 0; i < r.picks.size(); ++i)
                picks.push_back(pickJson(*loop, r.picks[i], i + 1));
            rounds.push_back({{"round", r.index}, {"strategy", r.strategy}, {"pool", r.pool}, {"picked", r.picked},
                              {"run", r.runId}, {"labelled_before", r.labelledBefore}, {"pool_images", r.poolImages},
                              {"picks", picks}, {"added", r.added}, {"labels_added", r.labelsAdded},
                              {"not_added", r.notAdded}});
        }
        for (const auto &m : loop->models)
            models.push_back({{"labelled", m.labelled}, {"run", m.runId}, {"test_accuracy", number(m.testAccuracy)}});
        std::cout << json{{"dataset", loop->datasetName}, {"model", loop->modelName}, {"classes", loop->classNames},
                          {"labels", loop->labels.size()}, {"rounds", rounds}, {"models", models}}
                         .dump()
                  << std::endl;
        return 0;
    }
    std::printf("active-learning loop on %s, network %s; %zu labels added from pools\n\n",
                printable(loop->datasetName).c_str(), printable(loop->modelName).c_str(), loop->labels.size());
    std::printf("%5s %-17s %8s %8s %8s %6s  %s\n", "round", "strategy", "labelled", "picked", "added", "run", "picked at");
    for (const auto &r : loop->rounds)
        std::printf("%5d %-17s %8lld %8zu %8s %6lld  %s\n", r.index, r.strategy.c_str(),
                    static_cast<long long>(r.labelledBefore), r.picks.size(),
                    r.added.empty() ? "pending" : std::to_string(r.labelsAdded).c_str(),
                    static_cast<long long>(r.runId), r.picked.c_str());
    std::printf("\ntest accuracy of the network after each round\n%8s %6s %9s\n", "labelled", "run", "accuracy");
    for (const auto &m : loop->models)
        std::printf("%8lld %6lld %9s\n", static_cast<long long>(m.labelled), static_cast<long long>(m.runId),
                    fixedText(m.testAccuracy).c_str());
    if (pending)
        std::printf("\nround %d's %zu picks wait for labels%s\n", pending->index, pending->picks.size(),
                    o.output.empty() ? " (--output FILE writes them again)" : (": written to " + o.output).c_str());
    return 0;
}

std::vector<cli::Command> addActiveLoopCommands(CLI::App &active)
{
    auto p = std::make_shared<ActivePickOptions>();
    ActivePickOptions &pick = *p;
    pick.train.config.optimizer = "adam";
    pick.train.config.lr = 1e-3;
    auto *pickCmd = active.add_subcommand(
        "pick", "which of my unlabelled images to label next: score a pool with a trained network, write the ranked picks");
    pick.train.model.clear();
    cli::addDataOptions(*pickCmd, pick.train);
    cli::addTrainingOptions(*pickCmd, pick.train);
    auto *model = pickCmd->get_option("--model");
    model->description("train this network (preset or JSON spec) on the labelled images first, then score with it");
    auto *modelFile = pickCmd->get_option("--model-file");
    auto *run = pickCmd->add_option("--run", pick.run, "score with this trained run (its last checkpoint)")
                    ->check(CLI::PositiveNumber);
    run->excludes(model)->excludes(modelFile);
    pickCmd->add_option("--pool", pick.pool, "the unlabelled images: a folder (searched recursively) or a text file "
                                             "of paths")
        ->required();
    auto *strategy = pickCmd->add_option("--strategy", pick.pick.strategy,
                                         "margin, least-confidence, entropy, bald, coreset or uniform (default: the "
                                         "session's active-learning study's best, else margin)");
    pickCmd->add_option("--count", pick.pick.count, "images to pick")->required()->check(CLI::Range(0.0, 1e12));
    pickCmd->add_option("--per-class-cap", pick.pick.perClassCap, "at most K picks per predicted class (0 = no cap)")
        ->capture_default_str();
    pickCmd->add_option("--mc-passes", pick.pick.mcPasses, "bald: dropout passes per image")->capture_default_str();
    pickCmd->add_option("--batch", pick.pick.batch, "pool images decoded and scored at once")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 1e6));
    pickCmd->add_option("--output", pick.output, "write the ranked picks as CSV (with an empty label column)");
    pickCmd->add_option("--copy-to", pick.copyTo, "copy (never move) the picks into this folder, named by rank");
    pickCmd->add_flag("--discard-pending", pick.discardPending, "pick again although the last picks have no labels yet");
    pickCmd->add_option("--session", pick.train.session, "session file (created if missing)")->required();
    pickCmd->add_flag("--json", pick.train.json, "print exactly one JSON object on stdout");
    auto *data = pickCmd->get_option("--data");
    pickCmd->callback([&pick, model, modelFile, strategy, data] {
        pick.modelGiven = model->count() > 0 || modelFile->count() > 0;
        pick.strategyGiven = strategy->count() > 0;
        pick.dataGiven = data->count() > 0;
        if (pick.train.model.empty())
            pick.train.model = "lenet5";
    });

    auto a = std::make_shared<ActiveAddOptions>();
    auto *addCmd = active.add_subcommand("add", "add the labels of the last picks to the session's labelled set and "
                                                "retrain on it");
    addCmd->add_option("--session", a->session, "session file")->required();
    addCmd->add_option("--labels", a->labels, "a CSV path,label (or the picks file with its label column filled in), "
                                              "or a folder <class>/<image>")
        ->required();
    addCmd->add_flag("!--no-retrain", a->retrain, "only add the labels (the next pick then needs --model or --run)");
    addCmd->add_flag("--json", a->json, "print exactly one JSON object on stdout");

    auto r = std::make_shared<ActiveRoundsOptions>();
    auto *roundsCmd = active.add_subcommand("rounds", "the session's real active-learning loop: rounds, labels and "
                                                      "the accuracy after each");
    roundsCmd->add_option("--session", r->session, "session file")->required();
    roundsCmd->add_option("--output", r->output, "write the picks that wait for labels as CSV again");
    roundsCmd->add_flag("--json", r->json, "print exactly one JSON object on stdout");

    return {{pickCmd, [p] { return runActivePick(*p); }},
            {addCmd, [a] { return runActiveAdd(*a); }},
            {roundsCmd, [r] { return runActiveRounds(*r); }}};
}

} // namespace wb::app
