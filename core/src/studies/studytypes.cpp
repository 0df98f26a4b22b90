// The study types of this build. A new study type adds its files and one entry here; the
// engine (studyengine.cpp) does not change.
#include "wb/studyengine.h"
#include "wb/sufficiencystudy.h"

namespace wb::core {

const std::vector<StudyType> &studyTypes()
{
    static const std::vector<StudyType> types = {
        {"sufficiency",
         [](const std::string &configJson, const DatasetPair &data) {
             return sufficiencyPlan(sufficiencyStudySetup(configJson), data);
         },
         [](const std::string &configJson, const std::string &resultJson) {
             std::vector<std::int64_t> steps;
             const SufficiencyStudySetup setup = sufficiencyStudySetup(configJson, &steps);
             return sufficiencyCellError(setup.study, steps.size(), resultJson);
         }},
    };
    return types;
}

} // namespace wb::core
