// workbench-cli study submit|work|collect|status: studies as Slurm job arrays (or any array
// runner), with cells written as files by the tasks and merged into the session.
#include "studycommands.h"
#include "terminalprogress.h"

#include "wb/errors.h"
#include "wb/session.h"
#include "wb/slurm.h"
#include "wb/studyengine.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <unistd.h>

namespace wb::app {

using nlohmann::json;

namespace {

std::string thisExecutable()
{
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, std::size_t(n)) : std::string("workbench-cli");
}

json submission(const core::StudyRecord &s)
{
    return s.submissionJson.empty() ? json::object() : json::parse(s.submissionJson, nullptr, false);
}

void printCollect(const core::CollectReport &r, std::int64_t id)
{
    for (const auto &[file, reason] : r.rejected)
        std::fprintf(stderr, "refused %s: %s (not merged)\n", file.c_str(), reason.c_str());
    std::fprintf(stderr, "study %lld: %d cells merged, %d already in the session%s\n", static_cast<long long>(id),
                 r.merged, r.alreadyKnown, r.complete ? "; the study is complete" : "");
}

} // namespace

int submitCreatedStudy(core::Session &session, std::int64_t id, StudyOptions options, bool json)
{
    options.json = json;
    try {
        return submitStudy(session, id, options);
    } catch (const core::Error &) {
        session.setStudyStatus(id, core::StudyStatus::Cancelled, "", "not submitted");
        throw;
    }
}

int submitStudy(core::Session &session, std::int64_t id, const StudyOptions &o)
{
    core::CollectReport collected;
    const core::StudySubmission sub =
        core::submitStudy(session, id, o.slurm, o.retryFailed, o.noSubmit, thisExecutable(), &collected);
    printCollect(collected, id);
    if (sub.cells.empty()) {
        std::fprintf(stderr, "study %lld: every cell is done; nothing to submit\n", static_cast<long long>(id));
        return 0;
    }
    if (o.json) {
        json info = json::parse(session.study(id).submissionJson);
        info["study_id"] = id;
        std::cout << info.dump() << std::endl;
    } else if (sub.jobId.empty()) {
        std::printf("study %lld: %zu cells in %d tasks written to %s (not submitted)\n"
                    "run each task with: %s study work --plan %s --task N   (N = 0..%d)\n",
                    static_cast<long long>(id), sub.cells.size(), sub.tasks, sub.folder.c_str(),
                    thisExecutable().c_str(), sub.planPath.c_str(), sub.tasks - 1);
    } else {
        std::printf("study %lld: %zu cells submitted as job array %s (%d tasks); folder %s\n"
                    "follow with: workbench-cli study status --session %s --study %lld\n",
                    static_cast<long long>(id), sub.cells.size(), sub.jobId.c_str(), sub.tasks, sub.folder.c_str(),
                    session.path().c_str(), static_cast<long long>(id));
    }
    return 0;
}

int runStudySubmit(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadWrite);
    return submitStudy(session, o.study, o);
}

int runStudyWork(const StudyOptions &o)
{
    int task = o.task;
    if (task < -1)
        throw core::Error(core::ErrorCode::InvalidArgument, "--task: expected 0 or more, got " + std::to_string(task));
    for (const char *var : {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"}) {
        const char *value = std::getenv(var);
        if (task >= 0 || !value)
            continue;
        const std::string v = value;
        if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
            throw core::Error(core::ErrorCode::InvalidArgument,
                              std::string("$") + var + " is '" + v + "': expected an array task index (0, 1, ...)");
        task = std::stoi(v);
    }
    if (task < 0)
        throw core::Error(core::ErrorCode::InvalidArgument, "--task is needed (or $SLURM_ARRAY_TASK_ID, "
                                                            "$JOB_COMPLETION_INDEX)");
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    const core::StudyTaskSummary s = core::runStudyTask(o.plan, task, o.workers, progress);
    progress.finish();
    const int notRun = int(s.cells.size()) - s.done - s.skipped - s.failed;
    std::fprintf(stderr, "task %d: %zu cells, %d done now, %d already done, %d failed, %d not run%s\n", task,
                 s.cells.size(), s.done, s.skipped, s.failed, notRun, s.cancelled ? " (cancelled)" : "");
    if (!s.firstError.empty())
        std::fprintf(stderr, "workbench-cli: error: %s\n", s.firstError.c_str());
    return s.failed == 0 && !s.cancelled ? 0 : 1;
}

int runStudyCollect(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadWrite);
    const core::CollectReport r = core::collectStudyCells(session, o.study);
    if (o.json) {
        json rejected = json::array();
        for (const auto &[file, reason] : r.rejected)
            rejected.push_back({{"file", file}, {"reason", reason}});
        std::cout << json{{"merged", r.merged}, {"already_known", r.alreadyKnown}, {"rejected", rejected},
                          {"complete", r.complete}}
                         .dump()
                  << std::endl;
    } else {
        printCollect(r, o.study);
    }
    return r.rejected.empty() ? 0 : 3;
}

int runStudyStatus(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    const core::StudyRecord s = session.study(o.study);
    const json sub = submission(s);
    std::set<int> done, failed;
    for (const auto &c : session.studyCells(o.study))
        (c.status == "done" ? done : failed).insert(c.cell);
    const auto files = core::studyCellFiles(session, o.study);
    const std::string job = sub.value("job_id", "");
    const auto states = core::slurmTaskStates(job);
    std::map<std::string, int> jobStates;
    for (const auto &[task, state] : states)
        ++jobStates[state];
    // Each submitted cell's state: from the session, its file, or its array task.
    std::map<int, int> taskOf;
    const auto cells = sub.value("cells", std::vector<int>{});
    const int perTask = std::max(1, sub.value("cells_per_task", 1));
    for (std::size_t i = 0; i < cells.size(); ++i)
        taskOf[cells[i]] = int(i) / perTask;
    int collected = 0, toCollect = 0, failedCells = 0, running = 0, pending = 0;
    for (int c = 0; c < s.cellCount; ++c) {
        const auto file = files.find(c);
        const auto t = taskOf.find(c);
        const std::string state = t != taskOf.end() && states.count(t->second) ? states.at(t->second) : "";
        if (done.count(c))
            ++collected;
        else if (file != files.end() && file->second == "done")
            ++toCollect;
        else if (state == "RUNNING" || state == "COMPLETING")
            ++running;
        else if (failed.count(c) || (file != files.end()) || (!state.empty() && !core::slurmStateIsLive(state)))
            ++failedCells; // failed, or its task ended without writing it (killed, time limit)
        else
            ++pending;
    }
    if (o.json) {
        std::cout << json{{"study", s.id},         {"status", core::studyStatusName(s.status)},
                          {"cells", s.cellCount},  {"done", collected},
                          {"finished_not_collected", toCollect}, {"failed", failedCells},
                          {"running", running},    {"pending", pending},
                          {"job_id", job},         {"job_states", jobStates}}
                         .dump()
                  << std::endl;
        return 0;
    }
    std::printf("study %lld (%s): %s, %d cells: %d done, %d finished but not collected, %d running, %d pending, "
                "%d failed or lost\n",
                static_cast<long long>(s.id), s.type.c_str(), core::studyStatusName(s.status), s.cellCount, collected,
                toCollect, running, pending, failedCells);
    if (!job.empty()) {
        std::printf("Slurm job %s:", job.c_str());
        if (jobStates.empty())
            std::printf(" unknown to squeue/sacct (ended some time ago)");
        for (const auto &[state, n] : jobStates)
            std::printf(" %d %s", n, state.c_str());
        std::printf("\n");
    }
    if (toCollect)
        std::printf("merge finished cells with: workbench-cli study collect --session %s --study %lld\n",
                    o.session.c_str(), static_cast<long long>(s.id));
    if (failedCells && pending == 0 && running == 0)
        std::printf("resubmit failed or lost cells with: workbench-cli study submit --session %s --study %lld "
                    "--retry-failed\n", o.session.c_str(), static_cast<long long>(s.id));
    return 0;
}

} // namespace wb::app
