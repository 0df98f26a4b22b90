// Submitting a stored study's pending cells to Slurm as one job array.
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/slurm.h"
#include "wb/studyengine.h"
#include "wb/studyfolder.h"

#include <nlohmann/json.hpp>

namespace wb::core {

StudySubmission submitStudy(Session &session, std::int64_t id, const SlurmOptions &options, bool retryFailed,
                            bool noSubmit, const std::string &cliPath, CollectReport *collected)
{
    const StudyRecord s = session.study(id);
    const std::string sid = std::to_string(id);
    if (s.status == StudyStatus::Complete)
        throw Error(ErrorCode::InvalidArgument, "study " + sid + " is already complete");
    if (s.status == StudyStatus::Running && s.owner != thisProcessOwner()) // not just created here
        throw Error(ErrorCode::InvalidArgument, "study " + sid + " is running here (process " + s.owner
                                                    + "); cancel it first");
    const auto previous = nlohmann::json::parse(s.submissionJson.empty() ? "{}" : s.submissionJson, nullptr, false);
    const std::string previousJob = previous.is_object() ? previous.value("job_id", "") : "";
    if (!previousJob.empty()) {
        int active = 0;
        for (const auto &[task, state] : slurmTaskStates(previousJob))
            active += slurmStateIsLive(state);
        if (active > 0)
            throw Error(ErrorCode::InvalidArgument, "study " + sid + " still has " + std::to_string(active)
                                                        + " array tasks of job " + previousJob
                                                        + " queued or running; wait for them, or cancel with `study cancel`");
    }
    if (s.status == StudyStatus::Submitted && !retryFailed)
        throw Error(ErrorCode::InvalidArgument, "study " + sid + " was already submitted (job "
                                                    + (previousJob.empty() ? "-" : previousJob)
                                                    + "); `study submit --retry-failed` resubmits its failed or missing cells");
    if (!noSubmit && !slurmAvailable())
        throw Error(ErrorCode::InvalidArgument, "sbatch is not on PATH: is this a Slurm login node? "
                                                "(--no-submit writes the study folder only)");
    const CollectReport report = collectStudyCells(session, id); // what earlier tasks left
    if (collected)
        *collected = report;
    const std::vector<int> cells = pendingCells(session, id);
    if (cells.empty())
        return {};
    StudySubmission sub = writeStudySubmission(session, id, cells, options, cliPath);
    if (!noSubmit)
        sub.jobId = slurmSubmit(sub.scriptPath);
    nlohmann::json info = {{"number", sub.number},     {"folder", sub.folder}, {"plan", sub.planPath},
                           {"script", sub.scriptPath}, {"cells", sub.cells},   {"tasks", sub.tasks},
                           {"cells_per_task", sub.cellsPerTask}, {"submitted", utcNow()}};
    if (!sub.jobId.empty())
        info["job_id"] = sub.jobId;
    session.setStudySubmission(id, info.dump());
    session.setStudyStatus(id, StudyStatus::Submitted, "", "");
    return sub;
}

} // namespace wb::core
