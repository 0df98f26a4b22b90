#pragma once

#include "commands.h"
#include "studycommands.h"
#include "wb/gridstudy.h"
#include "wb/scalinglaw.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli grid fit`: a scaling law fitted to measured cells.
struct GridFitOptions
{
    std::string input;               ///< CSV with a header naming params, samples, loss (flops optional)
    std::string session;             ///< or a session file and
    std::int64_t study = 0;          ///< a grid study of it (its test losses)
    std::vector<std::string> predict; ///< PARAMS:SAMPLES cells to predict
    double tolerance = 0.01;         ///< relative gain of doubling N below which a model is "big enough"
    std::vector<double> compute;     ///< training FLOP budgets for the compute-optimal split
    int resamples = 200;             ///< bootstrap draws
    std::uint64_t seed = 1;          ///< bootstrap seed
    bool json = false;
};

/// Throws InvalidArgument naming the option when one is out of range.
void checkGridFitOptions(const GridFitOptions &options);

/// A fitted law and everything `grid fit --json` prints about it.
struct GridFitReport
{
    core::ScalingLawFit fit;
    nlohmann::json json;
};
/// Fits `points` and answers the options' questions; `source` names the points in messages
/// (throws BadData "<source>: ..." when they cannot determine a law).
GridFitReport gridFitReport(const std::vector<core::ScalingPoint> &points, const GridFitOptions &options,
                            const std::string &source);
void printGridFit(const GridFitReport &report, const GridFitOptions &options);

int runGridFit(const GridFitOptions &options);
/// grid fit --session S --study ID
int runGridFitOfStudy(const GridFitOptions &options);

/// Options of `workbench-cli grid run`.
struct GridRunOptions
{
    TrainOptions train;              ///< data, model and training flags (as for `train`)
    std::vector<std::string> modelFiles; ///< --model-files: the user's family of model sizes
    core::GridConfig grid;           ///< widths and fractions filled from the options below
    int baseWidth = 6, widthSteps = 8;  ///< widths floor(base · √2^k), k < widthSteps
    int fractionSteps = 10;          ///< fractions 1, 1/2, … (fractionSteps of them)
    GridFitOptions fit;              ///< questions for the fitted law
    bool slurm = false;              ///< create the study and submit it as a Slurm job array
    StudyOptions submit;             ///< --slurm: partition, time, cells per task, ...
};
int runGridRun(const GridRunOptions &options);

/// Options of `workbench-cli grid show`.
struct GridShowOptions
{
    std::string session;
    std::int64_t study = 0;
    GridFitOptions fit;
    bool json = false;
};
int runGridShow(const GridShowOptions &options);
/// Prints a stored grid study (text or one JSON object with "cells" and "fit"); 0 when it is
/// complete and its law could be fitted, else 1.
int reportGridStudy(const core::Session &session, std::int64_t id, const GridFitOptions &fit, bool json);
/// The fit of a stored grid study's finished cells (as gridFitReport), or {"error": why not}.
nlohmann::json gridStudyFitJson(const core::GridStudyResult &result, const GridFitOptions &fit,
                                GridFitReport *report = nullptr);

} // namespace wb::app
