#pragma once

#include <cstdint>
#include <string>

namespace wb::app {

/// Options of `workbench-cli study ...`.
struct StudyOptions
{
    std::string session;
    std::int64_t study = 0;
    int workers = 0;              ///< resume: concurrent cells (0 = the study's default)
    std::string family = "power"; ///< sufficiency studies: curve family of the report
    std::string output;           ///< export: CSV file (default stdout)
    bool json = false;
};

int runStudyList(const StudyOptions &options);
int runStudyShow(const StudyOptions &options);
int runStudyResume(const StudyOptions &options);
int runStudyCancel(const StudyOptions &options);
int runStudyExport(const StudyOptions &options);

} // namespace wb::app
