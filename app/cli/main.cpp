// workbench-cli: train, inspect and resume runs headless (core only, no Qt).
#include "commands.h"
#include "cliopts.h"
#include "modelchoice.h"
#include "variancecommands.h"
#include "activecommands.h"
#include "activeloopcommands.h"
#include "gridcommands.h"
#include "studycommands.h"
#include "sufficiencycommands.h"
#include "tsnecommand.h"
#include "evaluatecommand.h"
#include "exportcommand.h"
#include "reportcommand.h"

#include "wb/device.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/threadpolicy.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <vector>
#include <string>

namespace {

using wb::app::TrainOptions;
using namespace wb::app::cli;

int exitCodeFor(wb::core::ErrorCode code)
{
    switch (code) {
    case wb::core::ErrorCode::InvalidArgument: return 2;
    case wb::core::ErrorCode::BadData:
    case wb::core::ErrorCode::BadSpec: return 3;
    default: return 1;
    }
}

// --method / --tsne-method: one of the names, stored as the enum.
void addTsneMethodOption(CLI::App &cmd, const std::string &name, wb::core::TsneMethod &method)
{
    cmd.add_option_function<std::string>(
           name, [&method](const std::string &v) { wb::core::parseTsneMethod(v, method); },
           "t-SNE repulsion: fft (grid interpolation + FFT), barnes-hut, or auto (fft from "
               + std::to_string(wb::core::kTsneFftFromPoints) + " points on)")
        ->check(CLI::IsMember({wb::core::tsneMethodName(wb::core::TsneMethod::Auto),
                               wb::core::tsneMethodName(wb::core::TsneMethod::Fft),
                               wb::core::tsneMethodName(wb::core::TsneMethod::BarnesHut), "bh"}))
        ->default_str("auto");
}

// train
Command addTrainCommand(CLI::App &app)
{
    auto o = std::make_shared<TrainOptions>();
    TrainOptions &train = *o;
    auto *trainCmd = app.add_subcommand("train", "train a model and record it in a session");
    addDataOptions(*trainCmd, train);
    addTrainingOptions(*trainCmd, train);
    trainCmd->add_option("--session", train.session, "session file (created if missing)")->required();
    trainCmd->add_option("--name", train.name, "run name shown in listings");
    trainCmd->add_flag("--json", train.json, "print exactly one JSON object on stdout");

    return {trainCmd, [o] { return wb::app::runTrain(*o); }};
}

// sufficiency run / fit
const char *const kFamilyHelp =
    "where the answer comes from: calibrated (the default: weighted fits of the sizes that "
    "back-test best, families that miss the data left out, bands calibrated on real learning "
    "curves), or one family as the established method fits it: power (the compatible mode), "
    "power4, exp, mmf, auto (the one that extrapolates best within the steps) or ensemble "
    "(median of the families)";

std::vector<Command> addSufficiencyCommands(CLI::App &app)
{
    auto *sufficiencyCmd = app.add_subcommand("sufficiency", "data-sufficiency study: learning curve and projections");
    sufficiencyCmd->require_subcommand(1);
    auto o = std::make_shared<wb::app::SufficiencyRunOptions>();
    wb::app::SufficiencyRunOptions &study = *o;
    study.train.config.epochs = 10;
    auto *studyRun = sufficiencyCmd->add_subcommand("run", "train at growing dataset sizes over several runs, fit and project");
    addTrainingOptions(*studyRun, study.train);
    studyRun->add_option("--data", study.train.data.dataset, "fashion-mnist, an IDX folder or an image folder")
        ->capture_default_str();
    studyRun->add_option("--limit-mode", study.study.limitMode, "how L and T images are picked: random or first")
        ->capture_default_str();
    studyRun->add_option("--image-size", study.train.data.imageHeight, "image folders: resize to SIZE x SIZE")
        ->each([&study](const std::string &) { study.train.data.imageWidth = study.train.data.imageHeight; });
    studyRun->add_option("--train-limit,--train-size", study.study.trainSize, "L: training images (0 = all)");
    studyRun->add_option("--test-limit,--test-size", study.study.testSize, "T: test images (0 = all)");
    studyRun->add_option("--runs", study.study.runs, "R: independent runs")->capture_default_str();
    studyRun->add_option("--substeps", study.study.substeps, "S: sizes floor(geomspace(0.01 L, L, S))")
        ->capture_default_str();
    studyRun->add_option("--steps", study.study.steps, "explicit sizes a,b,... (override --substeps)")->delimiter(',');
    studyRun->add_option("--mode", study.study.mode, "warm (weights carry over between steps) or fresh")
        ->capture_default_str();
    studyRun->add_option("--metrics", study.study.metrics, "accuracy,loss,smoothed_accuracy,per_class")
        ->delimiter(',');
    studyRun->add_option("--targets", study.targets, "target accuracies for samples-needed")->delimiter(',');
    studyRun->add_option("--project", study.project, "sizes to project to (default L, 2L, 4L)")->delimiter(',');
    studyRun->add_option("--workers", study.study.workers, "concurrent runs (0 = one per core)");
    studyRun->add_option("--family", study.family, kFamilyHelp)->capture_default_str();
    studyRun->add_option("--session", study.train.session, "session file (created if missing)")->required();
    studyRun->add_option("--name", study.train.name, "study name shown in listings");
    studyRun->add_flag("--json", study.train.json, "print exactly one JSON object on stdout");
    studyRun->add_flag("--slurm", study.slurm, "create the study and submit it as a Slurm job array instead of "
                                               "running it here (returns once submitted)");
    addSlurmOptions(*studyRun, study.submit);
    studyRun->callback([&study] { study.study.seed = study.train.config.seed; });

    auto f = std::make_shared<wb::app::SufficiencyFitOptions>();
    wb::app::SufficiencyFitOptions &fit = *f;
    auto *studyFit = sufficiencyCmd->add_subcommand("fit", "fit a learning curve to given numbers, project it and answer targets");
    studyFit->add_option("--steps", fit.steps, "dataset sizes")->delimiter(',');
    studyFit->add_option("--batch", fit.batch,
                         "many fits: a file of JSON lines {\"steps\", \"values\" or \"runs\", \"project\", "
                         "\"targets\", \"family\"}; prints one --json line per fit ({\"error\"} for a bad one)");
    studyFit->add_option("--values", fit.values, "metric at each size (or --values-file)")->delimiter(',');
    studyFit->add_option("--values-file", fit.valuesFile,
                         "CSV with one row of values per run: bootstrap bands for projections and "
                         "samples needed");
    studyFit->add_option("--project", fit.project, "sizes to project to")->delimiter(',');
    studyFit->add_option("--targets", fit.targets, "target accuracies for the inverse")->delimiter(',');
    studyFit->add_option("--metric", fit.metric, "accuracy (values are accuracies) or loss")->capture_default_str();
    studyFit->add_option("--family", fit.family, kFamilyHelp)->capture_default_str();
    studyFit->add_option("--calibration", fit.calibration,
                         "calibrated: a band calibration (JSON, as written by bench/corpus_calibrate.py) "
                         "instead of the built-in one");
    studyFit->add_option("--resamples", fit.resamples, "bootstrap draws (with --values-file)")
        ->capture_default_str();
    studyFit->add_option("--seed", fit.seed, "bootstrap seed")->capture_default_str()->check(seedCheck());
    studyFit->add_flag("--json", fit.json, "print exactly one JSON object on stdout");

    return {{studyRun, [o] { return wb::app::runSufficiency(*o); }},
            {studyFit, [f] { return wb::app::runSufficiencyFit(*f); }}};
}

// study list|show|resume|cancel|export
std::vector<Command> addStudyCommands(CLI::App &app)
{
    auto *studyCmd = app.add_subcommand("study", "stored studies: list, show, resume, cancel, export their cells");
    studyCmd->require_subcommand(1);
    auto o = std::make_shared<wb::app::StudyOptions>();
    wb::app::StudyOptions &s = *o;
    auto *list = studyCmd->add_subcommand("list", "list the studies of a session with status and cells done");
    auto *show = studyCmd->add_subcommand("show", "show a study: status, cells, and its results so far");
    auto *resume = studyCmd->add_subcommand("resume", "run the missing and failed cells of a study here");
    auto *cancel = studyCmd->add_subcommand("cancel", "cancel a study (a process running it stops within seconds)");
    auto *exportCmd = studyCmd->add_subcommand("export", "write a study's cells as CSV");
    auto *submit = studyCmd->add_subcommand("submit", "submit a study's missing cells as one Slurm job array");
    auto *work = studyCmd->add_subcommand("work", "run one array task of a submitted study (on a compute node)");
    auto *collect = studyCmd->add_subcommand("collect", "merge the cells finished by array tasks into the session");
    auto *status = studyCmd->add_subcommand("status", "done/pending/running/failed cells and the Slurm job's state");
    auto *replay = studyCmd->add_subcommand("replay", "recreate the study a report describes from scratch in a new "
                                                      "session and run its cells here (docs: reports)");
    replay->add_option("--config", s.config, "the report (HTML or PDF) or the study configuration it embeds (JSON)")->required();
    replay->add_option("--index", s.index, "which study of a report of several (from 1)")->check(CLI::PositiveNumber);
    replay->add_option("--session", s.session, "the new session file (created if missing)")->required();
    replay->add_option("--workers", s.workers, "concurrent cells (0 = the study's setting)");
    replay->add_option("--family", s.family, kFamilyHelp)->capture_default_str();
    replay->add_flag("--json", s.json, "print JSON on stdout");
    for (auto *cmd : {list, show, resume, cancel, exportCmd, submit, collect, status}) {
        cmd->add_option("--session", s.session, "session file")->required();
        cmd->add_flag("--json", s.json, "print JSON on stdout");
    }
    for (auto *cmd : {show, resume, cancel, exportCmd, submit, collect, status})
        cmd->add_option("--study", s.study, "study id (see study list)")->required();
    addSlurmOptions(*submit, s);
    submit->add_flag("--slurm", "submit to Slurm (the only executor of this command; accepted for symmetry)");
    submit->add_flag("--retry-failed", s.retryFailed, "resubmit the failed or missing cells of a submitted study");
    work->add_option("--plan", s.plan, "plan.json of the submission")->required();
    work->add_option("--task", s.task, "array task index (default: $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX)");
    work->add_option("--workers", s.workers, "cells at once (0 = $SLURM_CPUS_PER_TASK, else 1)");
    for (auto *cmd : {show, resume})
        cmd->add_option("--family", s.family, kFamilyHelp)->capture_default_str();
    resume->add_option("--workers", s.workers, "concurrent cells (0 = the study's setting)");
    exportCmd->add_option("--output", s.output, "CSV file (default: stdout)");
    return {{list, [o] { return wb::app::runStudyList(*o); }},
            {show, [o] { return wb::app::runStudyShow(*o); }},
            {resume, [o] { return wb::app::runStudyResume(*o); }},
            {cancel, [o] { return wb::app::runStudyCancel(*o); }},
            {exportCmd, [o] { return wb::app::runStudyExport(*o); }},
            {submit, [o] { return wb::app::runStudySubmit(*o); }},
            {work, [o] { return wb::app::runStudyWork(*o); }},
            {collect, [o] { return wb::app::runStudyCollect(*o); }},
            {status, [o] { return wb::app::runStudyStatus(*o); }},
            {replay, [o] { return wb::app::runStudyReplay(*o); }}};
}

// lr-find
Command addLrFindCommand(CLI::App &app)
{
    auto o = std::make_shared<wb::app::LrFindOptions>();
    wb::app::LrFindOptions &lrFind = *o;
    lrFind.train.config.batchSize = 64;
    auto *lrFindCmd = app.add_subcommand("lr-find", "learning-rate range test: loss over exponentially growing lr");
    addDataOptions(*lrFindCmd, lrFind.train);
    addTrainingOptions(*lrFindCmd, lrFind.train);
    lrFindCmd->add_option("--lr-min", lrFind.lrMin, "first learning rate")->capture_default_str();
    lrFindCmd->add_option("--lr-max", lrFind.lrMax, "last learning rate (reached at the last batch)")->capture_default_str();
    lrFindCmd->add_option("--batches", lrFind.batches, "batches to run (0 = one epoch of the training split)");
    lrFindCmd->add_option("--repeats", lrFind.repeats, "repeats with other seeds (median curve, min-max band)")
        ->capture_default_str();
    lrFindCmd->add_option("--session", lrFind.train.session, "session file (created if missing)")->required();
    lrFindCmd->add_flag("--json", lrFind.train.json, "print exactly one JSON object on stdout");

    return {lrFindCmd, [o] { return wb::app::runLrFind(*o); }};
}

// evaluate
Command addEvaluateCommand(CLI::App &app)
{
    auto o = std::make_shared<wb::app::EvaluateOptions>();
    wb::app::EvaluateOptions &evaluate = *o;
    auto *evaluateCmd = app.add_subcommand("evaluate", "evaluate a run on its test set: metrics, confusion, reject curve, ECE, t-SNE");
    evaluateCmd->add_option("--session", evaluate.session, "session file")->required();
    evaluateCmd->add_option("--run", evaluate.run, "run id")->required();
    evaluateCmd->add_option("--epoch", evaluate.epoch, "checkpoint epoch (0 = last)");
    evaluateCmd->add_option("--beta", evaluate.beta, "beta of the smoothed accuracy")->capture_default_str();
    evaluateCmd->add_flag("--tsne", evaluate.tsne, "embed the penultimate features with t-SNE");
    evaluateCmd->add_option("--tsne-perplexity", evaluate.perplexity, "t-SNE perplexity")->capture_default_str();
    addTsneMethodOption(*evaluateCmd, "--tsne-method", evaluate.method);
    evaluateCmd->add_option("--seed", evaluate.seed, "t-SNE seed")->capture_default_str()->check(seedCheck());
    evaluateCmd->add_option("--features", evaluate.features, "write the penultimate features to this CSV");
    evaluateCmd->add_flag("--json", evaluate.json, "print exactly one JSON object on stdout");

    return {evaluateCmd, [o] { return wb::app::runEvaluate(*o); }};
}

// tsne
Command addTsneCommand(CLI::App &app)
{
    auto o = std::make_shared<wb::app::TsneOptions>();
    wb::app::TsneOptions &tsne = *o;
    auto *tsneCmd = app.add_subcommand("tsne", "t-SNE of a numeric CSV (one row per point)");
    tsneCmd->add_option("--input", tsne.input, "numeric CSV; a non-numeric first line is a header")->required();
    tsneCmd->add_option("--output", tsne.output, "CSV of x,y per point")->required();
    tsneCmd->add_option("--perplexity", tsne.tsne.perplexity, "perplexity")->capture_default_str();
    tsneCmd->add_option("--iterations", tsne.tsne.iterations, "gradient steps")->capture_default_str();
    tsneCmd->add_option("--early-exaggeration", tsne.tsne.earlyExaggeration, "exaggeration of the first 250 steps")
        ->capture_default_str();
    tsneCmd->add_option("--learning-rate", tsne.tsne.learningRate, "0 = auto: max(n/12/4, 50)")->capture_default_str();
    addTsneMethodOption(*tsneCmd, "--method", tsne.tsne.method);
    tsneCmd->add_option("--theta", tsne.tsne.theta, "Barnes-Hut accuracy")->capture_default_str();
    tsneCmd->add_option("--seed", tsne.tsne.seed, "seed")->capture_default_str()->check(seedCheck());
    addThreadsOption(*tsneCmd, tsne.tsne.threads, "CPU threads of the t-SNE (0 = all cores)");
    tsneCmd->add_flag("--json", tsne.json, "print {seconds, kl, points} on stdout");

    return {tsneCmd, [o] { return wb::app::runTsne(*o); }};
}

// grid fit --input/--session options shared by grid fit, run and show
void addGridQuestionOptions(CLI::App &cmd, wb::app::GridFitOptions &fit)
{
    cmd.add_option("--predict", fit.predict, "cells to predict, PARAMS:SAMPLES (e.g. 2e5:20000)")->delimiter(',');
    cmd.add_option("--tolerance", fit.tolerance,
                   "for each data size, the model size beyond which doubling it lowers the loss by less than "
                   "this fraction")
        ->capture_default_str();
    cmd.add_option("--compute", fit.compute, "training FLOP budgets: the compute-optimal model and data size")
        ->delimiter(',');
    cmd.add_option("--resamples", fit.resamples, "bootstrap fits for the intervals")->capture_default_str();
}

// grid run | show | fit
std::vector<Command> addGridCommands(CLI::App &app)
{
    auto *gridCmd = app.add_subcommand("grid", "scaling study (model size x data size): run a grid, show it, fit a "
                                               "scaling law");
    gridCmd->require_subcommand(1);

    auto f = std::make_shared<wb::app::GridFitOptions>();
    wb::app::GridFitOptions &fit = *f;
    auto *fitCmd = gridCmd->add_subcommand(
        "fit", "fit L(N, D) = E + A/N^alpha + B/D^beta to measured cells, with intervals and answers");
    auto *input = fitCmd->add_option("--input", fit.input,
                                     "CSV whose header names params, samples and loss (one row per training; seeds "
                                     "of a cell are averaged); optional flops = forward FLOPs per sample");
    auto *session = fitCmd->add_option("--session", fit.session, "or: the session of a grid study (with --study)");
    auto *study = fitCmd->add_option("--study", fit.study, "the grid study's id (see study list)");
    input->excludes(session)->excludes(study);
    session->needs(study);
    study->needs(session);
    addGridQuestionOptions(*fitCmd, fit);
    fitCmd->add_option("--seed", fit.seed, "bootstrap seed")->capture_default_str()->check(seedCheck());
    fitCmd->add_flag("--json", fit.json, "print exactly one JSON object on stdout");
    fitCmd->callback([input, session] {
        if (input->count() == 0 && session->count() == 0)
            throw CLI::RequiredError("--input or --session with --study");
    });

    auto r = std::make_shared<wb::app::GridRunOptions>();
    wb::app::GridRunOptions &run = *r;
    run.train.model = "cnn";
    run.train.config.epochs = 1;
    run.train.config.optimizer = "adamw";
    run.train.config.lr = 1e-3;
    auto *runCmd = gridCmd->add_subcommand("run", "train every (width, data fraction, seed) cell and fit the law");
    addTrainingOptions(*runCmd, run.train);
    runCmd->remove_option(runCmd->get_option("--width"));
    runCmd->remove_option(runCmd->get_option("--model-file")); // a grid scales a preset's width, or:
    auto *modelFiles = runCmd->add_option_function<std::string>(
        "--model-files",
        [&run](const std::string &v) {
            run.modelFiles.clear();
            for (const auto &f : wb::app::cli::prefixesOf(v, "--model-files")) // comma-separated, none empty
                run.modelFiles.push_back(f);
        },
        "your own family of model sizes: TorchScript files a.pt,b.pt,... (the model axis instead of a preset's "
        "widths; --init, --freeze, --new-head, --input-norm apply to each)");
    modelFiles->excludes(runCmd->get_option("--model"));
    runCmd->get_option("--model")->description("preset with a width: cnn, mlp, lenet5, tutorial-cnn, resnet18 or xresnet18");
    runCmd->add_option("--data", run.train.data.dataset, "fashion-mnist, an IDX folder or an image folder")
        ->capture_default_str();
    runCmd->add_option("--image-size", run.train.data.imageHeight, "image folders: resize to SIZE x SIZE")
        ->each([&run](const std::string &) { run.train.data.imageWidth = run.train.data.imageHeight; });
    runCmd->add_option("--image-channels", run.train.data.imageChannels, "image folders: 1, 3, or 0 = auto");
    auto *base = runCmd->add_option("--base-width", run.baseWidth, "smallest width of the sqrt(2) family")
                     ->capture_default_str();
    auto *steps = runCmd->add_option("--width-steps", run.widthSteps,
                                     "widths floor(base * sqrt(2)^k), k = 0 .. steps-1")
                      ->capture_default_str();
    auto *widths = runCmd->add_option("--widths", run.grid.widths, "explicit widths a,b,... (ascending)")
                       ->delimiter(',');
    widths->excludes(base)->excludes(steps);
    auto *fsteps = runCmd->add_option("--fraction-steps", run.fractionSteps, "data fractions 1, 1/2, 1/4, ...")
                       ->capture_default_str();
    runCmd->add_option("--fractions", run.grid.fractions, "explicit fractions 1,0.5,... (descending)")
        ->delimiter(',')
        ->excludes(fsteps);
    runCmd->add_option("--seeds", run.grid.seeds, "trainings per cell")->capture_default_str();
    runCmd->add_option("--budget", run.grid.budget,
                       "steps (every cell as many optimisation steps as the full-data cell) or epochs (the same "
                       "epochs over each cell's own images)")
        ->capture_default_str();
    runCmd->add_option("--train-limit,--train-size", run.grid.trainSize,
                       "training images the fractions are taken of (0 = all)");
    runCmd->add_option("--test-limit,--test-size", run.grid.testSize, "test images (0 = all)");
    runCmd->add_option("--limit-mode", run.grid.limitMode, "how --train-limit/--test-limit pick: random or first")
        ->capture_default_str();
    runCmd->add_option("--workers", run.grid.workers, "concurrent cells (0 = one per core)");
    addGridQuestionOptions(*runCmd, run.fit);
    runCmd->add_option("--session", run.train.session, "session file (created if missing)")->required();
    runCmd->add_option("--name", run.train.name, "study name shown in listings");
    runCmd->add_flag("--json", run.train.json, "print exactly one JSON object on stdout");
    runCmd->add_flag("--slurm", run.slurm, "create the study and submit it as a Slurm job array instead of "
                                           "running it here (returns once submitted)");
    addSlurmOptions(*runCmd, run.submit);

    auto s = std::make_shared<wb::app::GridShowOptions>();
    wb::app::GridShowOptions &show = *s;
    auto *showCmd = gridCmd->add_subcommand("show", "a grid study's cells as tables and its fitted law");
    showCmd->add_option("--session", show.session, "session file")->required();
    showCmd->add_option("--study", show.study, "the grid study's id (see study list)")->required();
    addGridQuestionOptions(*showCmd, show.fit);
    showCmd->add_flag("--json", show.json, "print exactly one JSON object on stdout");

    return {{fitCmd, [f] { return wb::app::runGridFit(*f); }},
            {runCmd, [r] { return wb::app::runGridRun(*r); }},
            {showCmd, [s] { return wb::app::runGridShow(*s); }}};
}

// active run / show
std::vector<Command> addActiveCommands(CLI::App &app)
{
    auto *activeCmd = app.add_subcommand("active", "active-learning study: which images to label next, and how many "
                                                   "labels each strategy saves");
    activeCmd->require_subcommand(1);
    auto r = std::make_shared<wb::app::ActiveRunOptions>();
    wb::app::ActiveRunOptions &run = *r;
    auto &a = run.active;
    run.train.config.optimizer = "adam";
    run.train.config.lr = 1e-3;
    auto *runCmd = activeCmd->add_subcommand(
        "run", "rounds of train -> test -> score the unlabelled pool -> label the top images, per strategy and trial");
    addDataOptions(*runCmd, run.train);
    runCmd->remove_option(runCmd->get_option("--val-fraction"));
    runCmd->remove_option(runCmd->get_option("--no-stratify"));
    runCmd->get_option("--train-limit")->description("use only N training images as the pool (0 = all)");
    addTrainingOptions(*runCmd, run.train);
    runCmd->remove_option(runCmd->get_option("--epochs"));
    runCmd->get_option("--model")->description(
        "preset (lenet5, lenet5-dropout for bald, mlp, tutorial-cnn, cnn, resnet18) or a JSON spec file");
    runCmd->add_option("--strategies", a.strategies,
                       "uniform, least-confidence, margin, entropy, bald, coreset, adversarial (comma-separated)")
        ->delimiter(',')
        ->capture_default_str();
    runCmd->add_option("--initial", a.initial, "labelled images of the first round (seeded, shared by all strategies)")
        ->capture_default_str();
    runCmd->add_option("--budget", a.budget, "images labelled per round")->capture_default_str();
    runCmd->add_option("--max-labels", a.maxLabels, "labelled images of the last round")->capture_default_str();
    runCmd->add_option("--trials", a.trials, "trials (initial set and weights) per strategy")->capture_default_str();
    runCmd->add_option("--steps-per-round", a.stepsPerRound,
                       "optimisation steps of every round, for every strategy (the training budget)")
        ->capture_default_str();
    runCmd->add_option("--mc-passes", a.mcPasses, "bald: dropout passes per image")->capture_default_str();
    runCmd->add_option("--margin-weight", a.marginWeight, "adversarial: weight of the margin score")
        ->capture_default_str();
    runCmd->add_option("--discriminator-weight", a.discriminatorWeight,
                       "adversarial: weight of the discriminator's unlabelled score")
        ->capture_default_str();
    runCmd->add_option("--adversarial-loss-weight", a.adversarialLossWeight,
                       "adversarial: weight of the backbone's fool-the-discriminator loss")
        ->capture_default_str();
    runCmd->add_option("--baseline-seeds", a.baselineSeeds, "full-data trainings for the baseline line (0 = none)")
        ->capture_default_str();
    runCmd->add_option("--workers", a.workers, "concurrent cells (0 = one per core)");
    runCmd->add_option("--levels", run.levels, "accuracy levels of 'labels needed' (default 0.90,0.91,...,1.00)")
        ->delimiter(',');
    runCmd->add_option("--session", run.train.session, "session file (created if missing)")->required();
    runCmd->add_option("--name", run.train.name, "study name shown in listings");
    runCmd->add_flag("--json", run.train.json, "print exactly one JSON object on stdout");
    runCmd->add_flag("--slurm", run.slurm, "create the study and submit it as a Slurm job array instead of "
                                           "running it here (returns once submitted)");
    addSlurmOptions(*runCmd, run.submit);

    auto s = std::make_shared<wb::app::ActiveShowOptions>();
    auto *showCmd = activeCmd->add_subcommand("show", "an active-learning study's curves, labels needed and picks");
    showCmd->add_option("--session", s->session, "session file")->required();
    showCmd->add_option("--study", s->study, "the study's id (see study list)")->required();
    showCmd->add_option("--levels", s->levels, "accuracy levels of 'labels needed' (default 0.90,0.91,...,1.00)")
        ->delimiter(',');
    showCmd->add_flag("--json", s->json, "print exactly one JSON object on stdout");

    std::vector<Command> out = {{runCmd, [r] { return wb::app::runActiveRun(*r); }},
                                {showCmd, [s] { return wb::app::runActiveShow(*s); }}};
    for (auto &c : wb::app::addActiveLoopCommands(*activeCmd))
        out.push_back(c);
    return out;
}

// model
Command addModelCommand(CLI::App &app)
{
    auto o = std::make_shared<wb::app::ModelOptions>();
    wb::app::ModelOptions &model = *o;
    auto *modelCmd = app.add_subcommand("model", "show a network's layers, shapes and parameters");
    auto *preset = modelCmd->add_option("--model", model.model, "preset name or JSON spec file");
    auto *width = modelCmd->add_option("--width", model.width, "width of the mlp, cnn, resnet18 and xresnet18 presets; first conv channels of lenet5 and tutorial-cnn (6)");
    wb::app::cli::addModelFileOptions(*modelCmd, model.modelFile, model.script, preset, width);
    modelCmd->add_option("--input", model.input, "input shape C,H,W for presets and model files")
        ->capture_default_str();
    modelCmd->add_option("--classes", model.classes, "class count for presets and model files")->capture_default_str();
    modelCmd->add_flag("--json", model.json, "print JSON on stdout");

    return {modelCmd, [o] { return wb::app::runModel(*o); }};
}

// resume / runs / show: a session and (resume, show) a run id
std::vector<Command> addSessionCommands(CLI::App &app)
{
    struct Options
    {
        std::string session;
        std::int64_t runId = 0;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    std::string &session = o->session;
    std::int64_t &runId = o->runId;
    bool &json = o->json;
    auto *resumeCmd = app.add_subcommand("resume", "continue a cancelled or interrupted run");
    auto *runsCmd = app.add_subcommand("runs", "list the runs of a session");
    auto *showCmd = app.add_subcommand("show", "show a run: config and full history");
    for (auto *cmd : {resumeCmd, runsCmd, showCmd}) {
        cmd->add_option("--session", session, "session file")->required();
        cmd->add_flag("--json", json, "print JSON on stdout");
    }
    for (auto *cmd : {resumeCmd, showCmd})
        cmd->add_option("--run", runId, "run id")->required();

    return {{resumeCmd, [o] { return wb::app::runResume(o->session, o->runId, o->json); }},
            {runsCmd, [o] { return wb::app::runRuns(o->session, o->json); }},
            {showCmd, [o] { return wb::app::runShow(o->session, o->runId, o->json); }}};
}

// Every subcommand keeps arguments it does not know, so that unknownArgument can name them.
void allowExtras(CLI::App &app)
{
    for (CLI::App *sub : app.get_subcommands([](CLI::App *) { return true; })) {
        sub->allow_extras();
        allowExtras(*sub);
    }
}

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// "unknown option --epoch; did you mean --epochs?" for the first argument the deepest parsed
// subcommand did not know ("" when there is none).
std::string unknownArgument(CLI::App &app)
{
    CLI::App *deepest = nullptr;
    for (CLI::App *a = &app; a;) {
        const auto parsed = a->get_subcommands();
        deepest = a;
        a = parsed.empty() ? nullptr : parsed.front();
    }
    if (!deepest || deepest == &app)
        return {};
    const std::vector<std::string> left = deepest->remaining();
    if (left.empty())
        return {};
    const auto option = std::find_if(left.begin(), left.end(), [](const std::string &s) { return s.rfind("-", 0) == 0; });
    const std::string command = deepest->get_parent() && deepest->get_parent() != &app
                                    ? deepest->get_parent()->get_name() + " " + deepest->get_name()
                                    : deepest->get_name();
    if (option == left.end())
        return "unexpected value '" + left.front() + "' for " + command + " (values follow their option)";
    const std::string name = option->substr(0, option->find('='));
    std::string best;
    std::size_t bestDistance = std::string::npos;
    for (const CLI::Option *o : deepest->get_options())
        for (const std::string &n : o->get_lnames()) {
            const std::size_t d = editDistance(name, "--" + n);
            if (d < bestDistance) {
                bestDistance = d;
                best = "--" + n;
            }
        }
    std::string out = "unknown option " + name + " for " + command;
    if (!best.empty() && bestDistance <= std::max<std::size_t>(2, name.size() / 3))
        out += "; did you mean " + best + "?";
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    wb::core::applyOpenMpDefaults(argv); // may re-execute this program once
    CLI::App app{"Sufficiency Workbench command line: train and inspect models on small image "
                 "datasets.\nExit codes: 0 success, 1 runtime failure (or a run that did not "
                 "complete), 2 usage error, 3 bad input data.",
                 "workbench-cli"};
    app.set_version_flag("--version", std::string("workbench-cli " WB_VERSION " (LibTorch ")
                                          + wb::core::torchVersion() + ")");
    app.require_subcommand(1);
    std::vector<Command> commands{addTrainCommand(app)};
    for (auto &group : {addSessionCommands(app), addSufficiencyCommands(app), addStudyCommands(app),
                        addGridCommands(app), addActiveCommands(app),
                        wb::app::addVarianceCommands(app)})
        commands.insert(commands.end(), group.begin(), group.end());
    for (auto add : {addLrFindCommand, addEvaluateCommand, addTsneCommand, addModelCommand})
        commands.push_back(add(app));
    {
        auto [exportCmd, runExport] = wb::app::addExportCommand(app);
        commands.push_back({exportCmd, runExport});
        auto [reportCmd, runReport] = wb::app::addReportCommand(app);
        commands.push_back({reportCmd, runReport});
    }

    allowExtras(app); // unknown options are named with a suggestion below, not in CLI11's words
    try {
        app.parse(argc, argv);
        if (const std::string unknown = unknownArgument(app); !unknown.empty()) {
            std::fprintf(stderr, "workbench-cli: error: %s\nRun with --help for more information.\n", unknown.c_str());
            return 2;
        }
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        // The same form as every other error ("workbench-cli: error: ..."), exit code 2.
        std::fprintf(stderr, "workbench-cli: error: %s\nRun with --help for more information.\n", e.what());
        return 2;
    }

    try {
        for (const Command &c : commands)
            if (c.cmd->parsed())
                return c.run();
    } catch (const wb::core::Error &e) {
        std::fprintf(stderr, "workbench-cli: error: %s\n", e.what());
        return exitCodeFor(e.code());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "workbench-cli: error: %s\n", e.what());
        return 1;
    }
    return 2;
}
