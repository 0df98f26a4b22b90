// workbench-cli active run | show: the active-learning study on the study engine — accuracy
// against labels per strategy, labels needed per accuracy level, and what each strategy picked.
#include "activecommands.h"
#include "modelchoice.h"

#include "jsonout.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace wb::app {

namespace {

// "300 (5 of 5)", or "> 1000 (2 of 5 reached)" when half or more never reached the level.
std::string neededText(const core::LabelsNeeded &n, std::int64_t maxLabels)
{
    if (n.trials == 0)
        return "-";
    const std::string of = std::to_string(n.reached) + "/" + std::to_string(n.trials);
    if (n.median)
        return fixedText(*n.median, 0) + " (" + of + ")";
    return "> " + std::to_string(maxLabels) + " (" + of + ")";
}

void printText(const core::ActiveStudyResult &r)
{
    const auto &c = r.setup.active;
    const auto &t = r.setup.train;
    std::printf("active-learning study %lld: %s, %d of %d cells; %s on %s; %d trials; %lld steps per round for every "
                "strategy (batch %d, %s lr %g, %s)\n",
                static_cast<long long>(r.study.id), core::studyStatusName(r.study.status), r.study.cellsDone,
                r.study.cellCount, r.setup.model.c_str(), printable(r.setup.dataset).c_str(), c.trials,
                static_cast<long long>(c.stepsPerRound), t.batchSize, t.optimizer.c_str(), t.lr, t.schedule.c_str());
    std::printf("\ntest accuracy: median [25%%, 75%%] over trials (n)\n%7s", "labels");
    for (const auto &s : r.strategies)
        std::printf("  %-27s", s.name.c_str());
    std::printf("\n");
    for (std::size_t i = 0; i < r.labels.size(); ++i) {
        std::printf("%7lld", static_cast<long long>(r.labels[i]));
        for (const auto &s : r.strategies) {
            int n = 0;
            for (const auto &trial : s.trials)
                n += std::isfinite(trial.accuracy[i]) ? 1 : 0;
            const std::string cell = fixedText(s.median[i]) + " [" + fixedText(s.q25[i], 3) + ", " + fixedText(s.q75[i], 3)
                                     + "] (" + std::to_string(n) + ")";
            std::printf("  %-27s", cell.c_str());
        }
        std::printf("\n");
    }
    std::vector<double> base;
    for (const auto &b : r.baseline)
        base.push_back(b.accuracy);
    if (!r.baseline.empty())
        std::printf("full-data baseline (%lld images, %lld steps): %s [%s, %s] (%zu seeds)\n",
                    static_cast<long long>(r.baseline.front().samples), static_cast<long long>(r.baseline.front().steps),
                    fixedText(core::quantile(base, 0.5)).c_str(), fixedText(core::quantile(base, 0.25), 3).c_str(),
                    fixedText(core::quantile(base, 0.75), 3).c_str(), r.baseline.size());
    std::printf("\narea under the median learning curve (mean accuracy over the label range):");
    for (const auto &s : r.strategies)
        std::printf("  %s %s", s.name.c_str(), fixedText(s.aulc).c_str());
    std::printf("\n\nlabels needed to reach a test accuracy: median over trials (reached/trials; \"> %lld\": half or "
                "more never did)\n%7s",
                static_cast<long long>(c.maxLabels), "level");
    for (const auto &s : r.strategies)
        std::printf("  %-18s", s.name.c_str());
    std::printf("\n");
    for (std::size_t l = 0; l < r.levels.size(); ++l) {
        std::printf("%7s", fixedText(r.levels[l], 3).c_str());
        for (const auto &s : r.strategies)
            std::printf("  %-18s", l < s.needed.size() ? neededText(s.needed[l], c.maxLabels).c_str() : "-");
        std::printf("\n");
    }
    std::printf("\nclasses of the picked images (all trials):\n");
    for (const auto &s : r.strategies) {
        std::vector<std::int64_t> counts(std::size_t(std::max(0, r.setup.spec.classes)), 0);
        for (const auto &trial : s.trials)
            for (const auto &round : trial.pickedLabels)
                for (auto label : round) {
                    if (label >= std::int64_t(counts.size()))
                        counts.resize(std::size_t(label) + 1);
                    ++counts[std::size_t(label)];
                }
        std::printf("  %-17s", s.name.c_str());
        for (std::size_t k = 0; k < counts.size(); ++k)
            std::printf(" %zu:%lld", k, static_cast<long long>(counts[k]));
        std::printf("\n");
    }
}

void checkLevels(const std::vector<double> &levels)
{
    for (double level : levels)
        if (!(level > 0 && level <= 1)) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", level);
            throw core::Error(core::ErrorCode::InvalidArgument,
                              std::string("--levels: ") + text + " is not an accuracy in (0, 1]");
        }
}

} // namespace

int reportActiveStudy(const core::Session &session, std::int64_t id, std::vector<double> levels, bool asJson)
{
    std::sort(levels.begin(), levels.end()); // each level once, ascending
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    const core::ActiveStudyResult r = core::activeResultFromStudy(session, id, levels);
    if (asJson)
        std::cout << core::activeResultJson(r) << std::endl;
    else
        printText(r);
    for (const auto &s : r.strategies)
        for (const auto &t : s.trials)
            if (!t.message.empty())
                std::fprintf(stderr, "note: %s\n", t.message.c_str());
    if (!r.message.empty())
        std::fprintf(stderr, "note: %s\n", r.message.c_str());
    if (r.study.status == core::StudyStatus::Failed)
        std::fprintf(stderr, "study %lld failed: %s\n", static_cast<long long>(id), r.study.message.c_str());
    else if (r.study.status != core::StudyStatus::Complete) {
        // What to do next depends on where the study stands.
        const std::string where = " --session " + session.path() + " --study " + std::to_string(id);
        const std::string next = r.study.status == core::StudyStatus::Running ? std::string()
                                 : r.study.status == core::StudyStatus::Submitted
                                     ? "; collect its cells with: workbench-cli study collect" + where
                                     : "; resume it with: workbench-cli study resume" + where;
        std::fprintf(stderr, "study %lld is %s (%d of %d cells)%s\n", static_cast<long long>(id),
                     core::studyStatusName(r.study.status), r.study.cellsDone, r.study.cellCount, next.c_str());
    }
    return r.study.status == core::StudyStatus::Complete ? 0 : 1;
}

int runActiveRun(const ActiveRunOptions &o)
{
    checkLevels(o.levels);
    core::ActiveStudySetup setup;
    setup.active = o.active;
    setup.active.seed = o.train.config.seed;
    setup.active.poolSize = o.train.data.trainLimit;
    setup.active.testSize = o.train.data.testLimit;
    setup.active.limitMode = o.train.data.limitMode;
    core::validate(setup.active);
    core::validate(o.train.config);
    cli::checkModelChoice(o.train); // before the data loads
    setup.train = o.train.config;
    setup.dataset = o.train.data.dataset;
    setup.image = {o.train.data.imageChannels, o.train.data.imageHeight, o.train.data.imageWidth};
    const core::DatasetPair data = loadData(o.train.data, o.train.json);
    const auto choice = cli::chooseModel(o.train, data);
    setup.spec = choice.spec;
    setup.model = choice.name;
    const auto plan = core::activePlan(setup, data); // a protocol that does not fit the data leaves no session file
    core::Session session(o.train.session, core::Session::Mode::Create);
    const std::int64_t id = core::createActiveStudy(session, setup, data, o.train.name);
    if (o.slurm)
        return submitCreatedStudy(session, id, o.submit, o.train.json);
    runCreatedStudy(session, id, *plan, setup.active.workers, o.train.json);
    return reportActiveStudy(session, id, o.levels, o.train.json);
}

int runActiveShow(const ActiveShowOptions &o)
{
    checkLevels(o.levels);
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    return reportActiveStudy(session, o.study, o.levels, o.json);
}

} // namespace wb::app
