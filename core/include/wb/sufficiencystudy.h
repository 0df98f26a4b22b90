#pragma once

#include "wb/imagefolder.h"
#include "wb/studyengine.h"
#include "wb/sufficiency.h"

#include <cstdint>
#include <memory>
#include <string>

namespace wb::core {

class Session;

/// Everything a stored sufficiency study needs besides its data.
struct SufficiencyStudySetup
{
    SufficiencyConfig study;
    TrainConfig train;
    ModelSpec spec;
    std::string model;        ///< the model's name (a preset or a spec file's stem)
    std::string dataset;      ///< as the user named it: "fashion-mnist", a folder
    ImageFolderOptions image; ///< how image folders are read
};

/// The stored config (studies.config_json) of a setup whose steps are `steps`.
std::string sufficiencyStudyConfigJson(const SufficiencyStudySetup &setup, const std::vector<std::int64_t> &steps);
/// The setup and steps back from a stored config; throws Error(Session) naming the field.
SufficiencyStudySetup sufficiencyStudySetup(const std::string &configJson, std::vector<std::int64_t> *steps = nullptr);

/// The study's plan on `data`: one cell per run (the draw of run r, trained on its growing
/// prefixes). Selection, steps and normalisation are prepared once; throws core::Error on bad
/// input (e.g. a step larger than the training set).
std::unique_ptr<StudyPlan> sufficiencyPlan(const SufficiencyStudySetup &setup, const DatasetPair &data);

/// Why `resultJson` is not a valid cell result of a study measuring `config.metrics` at
/// `steps` sizes (each metric an array of that many numbers or nulls, accuracies in [0, 1],
/// losses >= 0, per-class arrays alike); empty when it is.
std::string sufficiencyCellError(const SufficiencyConfig &config, std::size_t steps, const std::string &resultJson);

/// The training-set sizes of a plan made by sufficiencyPlan.
const std::vector<std::int64_t> &sufficiencyPlanSteps(const StudyPlan &plan);

/// Creates a stored sufficiency study (its dataset registered, status Running owned by this
/// process, no cells yet) and returns its id; run it with runStoredStudy.
std::int64_t createSufficiencyStudy(Session &session, const SufficiencyStudySetup &setup, const DatasetPair &data,
                                    const std::string &name = {});

/// The measurements of stored study `id` from its finished cells: runs not done stay NaN,
/// status Completed only when every cell is done. `setup` (optional) receives its setup.
SufficiencyResult sufficiencyResultFromStudy(const Session &session, std::int64_t id,
                                             SufficiencyStudySetup *setup = nullptr);

} // namespace wb::core
