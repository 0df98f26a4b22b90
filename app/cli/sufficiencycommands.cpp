#include "sufficiencycommands.h"
#include "modelchoice.h"

#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/learningcurve.h"
#include "wb/session.h"
#include "wb/sufficiencystudy.h"
#include "wb/sufficiencyanswer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace wb::app {

using nlohmann::json;

namespace {

std::string count(double n) { return std::isfinite(n) ? std::to_string(std::int64_t(n)) : "∞"; }

void printAnalysis(const core::SufficiencyAnalysis &a, const std::vector<double> &project)
{
    std::printf("\n%s (mean ± std over runs)\n%10s %10s %10s\n", a.metric.c_str(), "n", "mean", "std");
    for (std::size_t k = 0; k < a.steps.size(); ++k)
        std::printf("%10.0f %10.4f %10.4f\n", a.steps[k], a.mean[k], a.stddev[k]);
    const auto &p = a.power.params;
    std::printf("power law on %s: c = %.6g, m = %.6g, c0 = %.6g; asymptote %.4f\n",
                a.accuracyLike ? "1 - metric" : "the metric", p[0], p[1], p[2], a.asymptote);
    std::printf("family that extrapolates best within the steps: %s\n", a.bestFamily.c_str());
    if (a.choice != "power")
        std::printf("projections from: %s%s\n", a.choice.c_str(),
                    a.choice == a.chosen.family ? "" : (" (" + a.chosen.family + ")").c_str());
    for (double n : project) {
        if (a.choice == "calibrated" && a.hasModel) {
            const core::Projection p = core::projectAccuracy(a.model, n);
            std::printf("at n = %.0f: %.4f %s (80%%: %.4f–%.4f)\n", n, p.value, core::answerSourceName(p.source),
                        p.lo[1], p.hi[1]);
        } else {
            std::printf("projected at n = %.0f: %.4f\n", n, core::projectMetric(a.chosen, n, a.accuracyLike));
        }
    }
    if (a.choice == "calibrated" && a.hasModel) {
        std::printf("calibrated answer: sizes from %.0f fitted (back-tested); %s\n",
                    a.model.steps[a.model.firstFitted],
                    a.model.hasCurve  ? "families that miss the data left out"
                    : a.model.falling ? "the accuracy falls with more data: nothing to project"
                                      : "every family misses the data");
        for (const auto &ans : a.answers) {
            if (ans.status == core::SampleSizeAnswer::Status::Reached)
                std::printf("target %.4g: reached, %.4f measured at %s images\n", ans.target, ans.measuredValue,
                            count(ans.measuredAt).c_str());
            else if (ans.status == core::SampleSizeAnswer::Status::Projected)
                std::printf("target %.4g: ≈ %s samples needed (80%%: %s–%s, 95%%: %s–%s)\n", ans.target,
                            count(ans.n).c_str(), count(ans.lo[1]).c_str(), count(ans.hi[1]).c_str(),
                            count(ans.lo[2]).c_str(), count(ans.hi[2]).c_str());
            else
                std::printf("target %.4g: %s\n", ans.target, core::answerStatusName(ans.status));
            std::printf("  next step: %s\n", core::nextStepText(a.model, ans).c_str());
        }
        for (const auto &w : a.warnings)
            std::printf("warning (%s): %s\n", w.code.c_str(), w.text.c_str());
        return;
    }
    for (std::size_t t = 0; t < a.targets.size(); ++t) {
        if (std::isfinite(a.needed[t]))
            std::printf("target %.4g: ≈ %s samples needed (95%%: %s–%s, 80%%: %s–%s)\n", a.targets[t],
                        count(a.needed[t]).c_str(), count(a.neededLo95[t]).c_str(),
                        count(a.neededHi95[t]).c_str(), count(a.neededLo80[t]).c_str(),
                        count(a.neededHi80[t]).c_str());
        else
            std::printf("target %.4g: unreachable — asymptote %.4f\n", a.targets[t],
                        a.accuracyLike ? 1 - core::curveFloor(a.chosen) : core::curveFloor(a.chosen));
    }
    for (const auto &w : a.warnings)
        std::printf("warning (%s): %s\n", w.code.c_str(), w.text.c_str());
}

} // namespace

int runSufficiency(const SufficiencyRunOptions &o)
{
    core::validate(o.train.config);
    core::validate(o.study);
    for (double t : o.targets)
        if (!(t > 0 && t < 1))
            throw core::Error(core::ErrorCode::InvalidArgument, "--targets: accuracies in (0, 1)");
    cli::checkModelChoice(o.train);
    core::SufficiencyStudySetup setup;
    std::vector<core::SkippedFile> skipped;
    setup.image = {o.train.data.imageChannels, o.train.data.imageHeight, o.train.data.imageWidth};
    if (!o.train.json)
        std::fprintf(stderr, "loading %s ...\n", o.train.data.dataset.c_str());
    const core::DatasetPair data = core::loadDataset(o.train.data.dataset, setup.image, skipped);
    const auto choice = cli::chooseModel(o.train, data);
    setup.spec = choice.spec;
    core::inferShapes(setup.spec);
    core::Session session(o.train.session, core::Session::Mode::Create);
    setup.study = o.study;
    setup.train = o.train.config;
    setup.model = choice.name;
    setup.dataset = o.train.data.dataset;
    const std::int64_t id = core::createSufficiencyStudy(session, setup, data, o.train.name);
    if (o.slurm)
        return submitCreatedStudy(session, id, o.submit, o.train.json);
    runCreatedStudy(session, id, *core::sufficiencyPlan(setup, data), o.study.workers, o.train.json);
    SufficiencyReportOptions report;
    report.targets = o.targets;
    report.project = o.project;
    report.family = o.family;
    report.json = o.train.json;
    return reportSufficiencyStudy(session, id, report);
}

int reportSufficiencyStudy(const core::Session &session, std::int64_t id, const SufficiencyReportOptions &o)
{
    core::SufficiencyStudySetup setup;
    const core::SufficiencyResult result = core::sufficiencyResultFromStudy(session, id, &setup);
    const core::StudyRecord study = session.study(id);
    std::vector<core::SufficiencyAnalysis> analyses;
    std::string analysisError;
    for (const auto &[metric, runs] : result.perRun) {
        try {
            analyses.push_back(core::analyzeSufficiency(result, metric, o.targets, 300, setup.study.seed, o.family));
        } catch (const core::Error &e) {
            analysisError = e.what();
        }
    }
    json out = json::parse(core::sufficiencyJson(setup.study, result, analyses));
    out["dataset"] = setup.dataset;
    out["model"] = setup.model;
    out["spec"] = json::parse(core::toJson(setup.spec));
    out["train_config"] = json::parse(core::toJson(setup.train));
    out["study_id"] = id;
    out["study_status"] = core::studyStatusName(study.status);
    out["cells_done"] = study.cellsDone;
    out["cells"] = study.cellCount;

    std::vector<double> project = o.project;
    if (project.empty())
        for (double f : {1.0, 2.0, 4.0})
            project.push_back(f * double(result.steps.back()));
    for (const auto &a : analyses) // the answer's projections at the sizes asked for
        if (a.hasModel)
            out["fit"][a.metric]["answer"] = json::parse(core::sampleSizeJson(a.model, project, a.answers));
    if (o.json) {
        std::cout << out.dump() << std::endl;
    } else {
        std::printf("study %lld: %s, %d of %d runs × %zu steps on %s in %.1f s\n", static_cast<long long>(id),
                    core::studyStatusName(study.status), study.cellsDone, study.cellCount, result.steps.size(),
                    result.device.empty() ? "-" : result.device.c_str(), result.seconds);
        for (const auto &a : analyses)
            printAnalysis(a, project);
    }
    if (!result.message.empty())
        std::fprintf(stderr, "note: %s\n", result.message.c_str());
    if (!analysisError.empty())
        std::fprintf(stderr, "note: %s\n", analysisError.c_str());
    if (study.status == core::StudyStatus::Failed)
        std::fprintf(stderr, "study %lld failed: %s\n", static_cast<long long>(id), study.message.c_str());
    // Every cell stored is success, as for a grid: when the points cannot give a curve (two
    // sizes, say) the note above says why (issue 34).
    return study.status == core::StudyStatus::Complete ? 0 : 1;
}

} // namespace wb::app
