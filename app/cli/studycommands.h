#pragma once

#include "wb/session.h"
#include "wb/studyengine.h"
#include "wb/studyfolder.h"

#include <cstdint>
#include <string>

namespace wb::app {

/// Options of `workbench-cli study ...`.
struct StudyOptions
{
    std::string session;
    std::int64_t study = 0;
    int workers = 0;              ///< resume: concurrent cells (0 = the study's default)
    std::string family = "calibrated"; ///< sufficiency studies: where the report's answer comes from
    std::string output;           ///< export: CSV file (default stdout)
    bool json = false;
    // submit / work
    core::SlurmOptions slurm;
    bool retryFailed = false;     ///< submit: resubmit failed or missing cells of a submitted study
    bool noSubmit = false;        ///< submit: write the folder and script, do not call sbatch
    std::string plan;             ///< work: plan.json
    std::string config;           ///< replay: a report (HTML or PDF) or the study configuration it embeds (JSON)
    int index = 1;                ///< replay: which study of a report of several
    int task = -1;                ///< work: array task (-1: $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX)
};

/// `study replay`: recreates the study a report describes from scratch in `session` (its
/// configuration, the same dataset content) and runs every cell here; prints it as `study show`.
int runStudyReplay(const StudyOptions &options);

/// Submits the pending cells of stored study `id` as one Slurm job array (or, with noSubmit,
/// only writes the study folder); prints what was submitted. Shared by `study submit` and
/// `sufficiency run --slurm`.
int submitStudy(core::Session &session, std::int64_t id, const StudyOptions &options);
/// submitStudy for a study just created by `grid run --slurm` / `sufficiency run --slurm`
/// (`json` as the command's): one that could not be submitted stays, marked cancelled ("not
/// submitted"), to be submitted or run here later; the error is rethrown.
int submitCreatedStudy(core::Session &session, std::int64_t id, StudyOptions options, bool json);

/// Runs stored study `id`, just created by `grid run` / `active run` / `sufficiency run`, here:
/// says where it is and how to resume it (unless `json`), then runs every cell of `plan` with
/// progress on stderr and Ctrl-C cancelling. The caller prints the report.
void runCreatedStudy(core::Session &session, std::int64_t id, const core::StudyPlan &plan, int workers, bool json);

int runStudyList(const StudyOptions &options);
int runStudyShow(const StudyOptions &options);
int runStudyResume(const StudyOptions &options);
int runStudyCancel(const StudyOptions &options);
int runStudyExport(const StudyOptions &options);
int runStudySubmit(const StudyOptions &options);
int runStudyWork(const StudyOptions &options);
int runStudyCollect(const StudyOptions &options);
int runStudyStatus(const StudyOptions &options);

} // namespace wb::app
