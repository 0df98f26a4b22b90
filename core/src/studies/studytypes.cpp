// The study types of this build. A new study type adds its files and one entry here; the
// engine (studyengine.cpp) does not change.
#include "wb/studyengine.h"
#include "wb/activestudy.h"
#include "wb/errors.h"
#include "wb/gridstudy.h"
#include "wb/sufficiencystudy.h"
#include "wb/variancestudy.h"

namespace wb::core {

const std::vector<StudyType> &studyTypes()
{
    static const std::vector<StudyType> types = {
        {"sufficiency",
         [](const std::string &configJson, const DatasetPair &data) {
             std::vector<std::int64_t> steps;
             const SufficiencyStudySetup setup = sufficiencyStudySetup(configJson, &steps);
             auto plan = sufficiencyPlan(setup, data);
             if (sufficiencyPlanSteps(*plan) != steps) // e.g. a v1 study resumed on other data
                 throw Error(ErrorCode::BadData, "the data give other sizes than the study's steps: "
                                                 "not the dataset the study was made with");
             return plan;
         },
         [](const std::string &configJson, int, const std::string &resultJson) {
             std::vector<std::int64_t> steps;
             const SufficiencyStudySetup setup = sufficiencyStudySetup(configJson, &steps);
             return sufficiencyCellError(setup.study, steps.size(), resultJson);
         }},
        {"grid",
         [](const std::string &configJson, const DatasetPair &data) {
             return gridPlan(gridStudySetup(configJson), data);
         },
         [](const std::string &configJson, int, const std::string &resultJson) {
             return gridCellError(gridStudySetup(configJson).grid, resultJson);
         }},
        {"active",
         [](const std::string &configJson, const DatasetPair &data) {
             return activePlan(activeStudySetup(configJson), data);
         },
         [](const std::string &configJson, int cell, const std::string &resultJson) {
             const ActiveStudySetup setup = activeStudySetup(configJson);
             return activeCellError(setup.active, setup.spec.classes, cell, resultJson);
         }},
        {"variance",
         [](const std::string &configJson, const DatasetPair &data) {
             return variancePlan(varianceStudySetup(configJson), data);
         },
         [](const std::string &configJson, int cell, const std::string &resultJson) {
             return varianceCellError(varianceStudySetup(configJson), cell, resultJson);
         }},
    };
    return types;
}

} // namespace wb::core
