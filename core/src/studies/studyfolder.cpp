// Study folders for array runners (Slurm): plan.json, the sbatch script, and cell files
// written atomically by `study work` and merged into the session by `study collect`.
#include "wb/studyfolder.h"

#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/slurm.h"
#include "wb/studyengine.h"
#include "studies/studyfiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace wb::core {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace detail;

namespace {

std::string fnvHex(const std::string &text)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}
} // namespace

std::string studyFolder(const std::string &sessionPath, std::int64_t id)
{
    const fs::path session = fs::absolute(sessionPath);
    return (session.parent_path() / (session.stem().string() + ".studies") / ("study-" + std::to_string(id))).string();
}

std::string studyFingerprint(const Session &session, std::int64_t id)
{
    const StudyRecord s = session.study(id);
    return fnvHex(s.type + "\n" + std::to_string(s.cellCount) + "\n" + s.configJson);
}

StudySubmission writeStudySubmission(const Session &session, std::int64_t id, const std::vector<int> &cells,
                                     const SlurmOptions &o, const std::string &cliPath)
{
    if (cells.empty())
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " has no cells left to submit");
    if (o.cellsPerTask < 1 || o.cpusPerTask < 1)
        throw Error(ErrorCode::InvalidArgument, "--cells-per-task and --cpus-per-task must be at least 1");
    const StudyRecord study = session.study(id);
    const fs::path root = studyFolder(session.path(), id);
    StudySubmission sub;
    sub.number = 1;
    while (fs::exists(root / ("submission-" + std::to_string(sub.number))))
        ++sub.number;
    const fs::path folder = root / ("submission-" + std::to_string(sub.number));
    for (const fs::path &dir : {folder / "logs", root / "cells"}) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec)
            throw Error(ErrorCode::Io, dir.string() + ": cannot be created (" + ec.message() + ")");
    }
    std::error_code ec;
    sub.folder = folder.string();
    sub.planPath = (folder / "plan.json").string();
    sub.scriptPath = (folder / "submit.sbatch").string();
    sub.cellsDir = (root / "cells").string();
    sub.cells = cells;
    sub.cellsPerTask = o.cellsPerTask;
    sub.tasks = int((cells.size() + std::size_t(o.cellsPerTask) - 1) / std::size_t(o.cellsPerTask));

    StudyDataRef ref = studyDataRef(study.configJson);
    std::string datasetFingerprint;
    if (study.datasetId > 0) {
        const DatasetRecord ds = session.dataset(study.datasetId);
        datasetFingerprint = ds.fingerprint;
        if (ref.dataset != "fashion-mnist" && fs::path(ref.dataset).is_relative())
            ref.dataset = ds.path; // compute nodes start elsewhere: the resolved folder
    }
    json config = json::parse(study.configJson);
    config["dataset"] = ref.dataset;
    json plan = {{"program", "Sufficiency Workbench"},
                 {"format", kStudyFolderFormat},
                 {"study_id", id},
                 {"type", study.type},
                 {"name", study.name},
                 {"session", fs::absolute(session.path()).string()},
                 {"config", config},
                 {"cell_count", study.cellCount},
                 {"fingerprint", studyFingerprint(session, id)},
                 {"dataset", {{"name", ref.dataset}, {"fingerprint", datasetFingerprint}}},
                 {"cells", cells},
                 {"cells_per_task", o.cellsPerTask},
                 {"tasks", sub.tasks},
                 {"cells_dir", "../cells"},
                 {"submission", sub.number},
                 {"created", utcNow()}};
    writeAtomically(sub.planPath, plan.dump(2) + "\n");

    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "# Study " << id << " (" << study.type << "), submission " << sub.number << ": " << cells.size()
      << " cells in " << sub.tasks << " array tasks. Written by Sufficiency Workbench.\n"
      << "#SBATCH --job-name=wb-study-" << id << "\n"
      << "#SBATCH --array=0-" << sub.tasks - 1 << "\n"
      << "#SBATCH --output=" << (folder / "logs" / "task-%a.out").string() << "\n"
      << "#SBATCH --cpus-per-task=" << o.cpusPerTask << "\n";
    if (!o.partition.empty())
        s << "#SBATCH --partition=" << o.partition << "\n";
    if (!o.time.empty())
        s << "#SBATCH --time=" << o.time << "\n";
    if (!o.gres.empty())
        s << "#SBATCH --gres=" << o.gres << "\n";
    for (const auto &a : o.sbatchArgs)
        s << "#SBATCH " << a << "\n";
    s << "# Any array runner can run a task the same way (e.g. Kubernetes: $JOB_COMPLETION_INDEX).\n"
      << "exec " << shellQuote(cliPath) << " study work --plan " << shellQuote(sub.planPath)
      << " --task \"$SLURM_ARRAY_TASK_ID\"\n";
    writeAtomically(sub.scriptPath, s.str());
    fs::permissions(sub.scriptPath, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
    return sub;
}

StudyTaskSummary runStudyTask(const std::string &planPath, int task, int workers, ProgressSink &progress)
{
    const Plan p = readPlan(planPath);
    if (task < 0 || task >= p.tasks)
        throw Error(ErrorCode::InvalidArgument, planPath + ": task " + std::to_string(task) + " is outside 0.."
                                                    + std::to_string(p.tasks - 1));
    StudyTaskSummary summary;
    const std::size_t first = std::size_t(task) * std::size_t(p.cellsPerTask);
    for (std::size_t i = first; i < std::min(p.cells.size(), first + std::size_t(p.cellsPerTask)); ++i)
        summary.cells.push_back(p.cells[i]);
    std::vector<int> todo;
    for (int c : summary.cells) {
        const CellFile f = readCellFile(p.cellsDir / cellFileName(c), p.fingerprint, p.cellCount);
        if (f.error.empty() && f.cell.status == "done")
            ++summary.skipped; // finished by an earlier attempt (requeued or preempted task)
        else
            todo.push_back(c);
    }
    if (todo.empty())
        return summary;
    const StudyType &type = [&]() -> const StudyType & { // before the data is loaded
        try {
            return studyType(p.type);
        } catch (const Error &e) { // a plan naming a type this build lacks is bad input data
            throw Error(ErrorCode::BadData, planPath + ": " + e.what());
        }
    }();
    std::vector<SkippedFile> skipped;
    const StudyDataRef ref = studyDataRef(p.config.dump());
    const DatasetPair data = loadDataset(p.dataset, ref.image, skipped);
    if (!p.datasetFingerprint.empty() && datasetFingerprint(data) != p.datasetFingerprint)
        throw Error(ErrorCode::BadData, p.dataset + ": the dataset changed since the study was submitted (fingerprint "
                                            + datasetFingerprint(data) + ", the plan's " + p.datasetFingerprint
                                            + "); nothing was run");
    std::unique_ptr<StudyPlan> plan;
    try {
        plan = type.plan(p.config.dump(), data);
    } catch (const Error &e) {
        throw Error(e.code(), planPath + ": " + e.what()); // e.g. the model spec in its config
    }
    if (plan->cellCount() != p.cellCount)
        throw Error(ErrorCode::BadData, planPath + ": the config gives " + std::to_string(plan->cellCount())
                                            + " cells, the plan says " + std::to_string(p.cellCount));
    if (workers <= 0) {
        const char *cpus = std::getenv("SLURM_CPUS_PER_TASK");
        workers = cpus ? std::max(1, std::atoi(cpus)) : 1;
    }
    const CellRunSummary run = runCells(*plan, todo, workers, [&](const StudyCell &c) {
        json file = {{"program", "Sufficiency Workbench"},
                     {"format", kStudyFolderFormat},
                     {"study_fingerprint", p.fingerprint},
                     {"cell", c.cell},
                     {"status", c.status},
                     {"result", json::parse(c.resultJson)},
                     {"seconds", c.seconds},
                     {"host", c.host},
                     {"device", c.device},
                     {"started", c.started},
                     {"finished", c.finished},
                     {"task", task}};
        if (const char *job = std::getenv("SLURM_ARRAY_JOB_ID"))
            file["slurm_job"] = job;
        writeAtomically(p.cellsDir / cellFileName(c.cell), file.dump() + "\n");
    }, progress);
    summary.done = run.done;
    summary.failed = run.failed;
    summary.firstError = run.firstError;
    summary.cancelled = run.cancelled;
    return summary;
}

CollectReport collectStudyCells(Session &session, std::int64_t id)
{
    CollectReport report;
    const StudyRecord study = session.study(id);
    const std::string fingerprint = studyFingerprint(session, id);
    const StudyType &type = studyType(study.type);
    const fs::path dir = fs::path(studyFolder(session.path(), id)) / "cells";
    std::set<int> done; // their files are not read again (the app collects every 10 s)
    for (const auto &c : session.studyCells(id))
        if (c.status == "done")
            done.insert(c.cell);
    for (const auto &file : cellFiles(dir)) {
        int number = -1;
        if (std::sscanf(file.filename().c_str(), "cell-%d.json", &number) == 1 && done.count(number)) {
            ++report.alreadyKnown;
            continue;
        }
        CellFile f = readCellFile(file, fingerprint, study.cellCount);
        if (f.error.empty() && f.cell.status == "done")
            f.error = type.checkCell(study.configJson, f.cell.cell, f.cell.resultJson);
        if (f.error.empty() && f.cell.status == "failed") {
            const auto r = nlohmann::json::parse(f.cell.resultJson, nullptr, false);
            if (!r.is_object() || !r.contains("error") || !r.at("error").is_string())
                f.error = "a failed cell without an error message";
        }
        if (!f.error.empty()) {
            report.rejected.emplace_back(file.string(), f.error);
            continue;
        }
        if (session.commitCell(id, f.cell))
            ++report.merged;
        else
            ++report.alreadyKnown;
    }
    const StudyRecord after = session.study(id);
    report.complete = after.cellsDone == after.cellCount;
    if (report.complete && after.status != StudyStatus::Complete)
        session.setStudyStatus(id, StudyStatus::Complete, "", "");
    return report;
}

std::map<int, std::string> studyCellFiles(const Session &session, std::int64_t id)
{
    std::map<int, std::string> out;
    const StudyRecord study = session.study(id);
    const std::string fingerprint = studyFingerprint(session, id);
    for (const auto &file : cellFiles(fs::path(studyFolder(session.path(), id)) / "cells")) {
        const CellFile f = readCellFile(file, fingerprint, study.cellCount);
        if (f.error.empty())
            out[f.cell.cell] = f.cell.status;
    }
    return out;
}

} // namespace wb::core
