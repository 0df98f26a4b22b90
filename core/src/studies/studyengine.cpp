#include "wb/studyengine.h"

#include "wb/datasetloader.h"
#include "util/csv.h"
#include "util/jsonutil.h"
#include "wb/errors.h"
#include "wb/progress.h"
#include "wb/session.h"
#include "wb/slurm.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

namespace wb::core {

namespace {

// One cell's view of the study's progress: its fraction within the cell, and cancellation
// when the study stops.
class CellSink : public ProgressSink
{
public:
    CellSink(ProgressSink &parent, const std::atomic<bool> &stop, std::function<void(double, const std::string &)> report)
        : m_parent(parent), m_stop(stop), m_report(std::move(report))
    {
    }
    void setProgress(double fraction, const std::string &message) override { m_report(fraction, message); }
    bool isCancelRequested() const override { return m_stop.load() || m_parent.isCancelRequested(); }

private:
    ProgressSink &m_parent;
    const std::atomic<bool> &m_stop;
    std::function<void(double, const std::string &)> m_report;
};

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

CellRunSummary runCells(const StudyPlan &plan, const std::vector<int> &cells, int workers,
                        const std::function<void(const StudyCell &)> &commit, ProgressSink &progress)
{
    CellRunSummary summary;
    std::mutex mutex; // guards summary, inFlight, commitError and calls to commit / progress
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> next{0};
    std::exception_ptr commitError;
    std::vector<double> inFlight(cells.size(), 0.0);
    const double total = double(std::max<std::size_t>(cells.size(), 1));
    auto report = [&](std::size_t slot, double fraction, const std::string &message) {
        inFlight[slot] = std::clamp(fraction, 0.0, 1.0);
        double sum = 0;
        for (double f : inFlight)
            sum += f;
        progress.setProgress(sum / total, message);
    };
    auto work = [&] {
        for (std::size_t slot; !stop.load() && (slot = next++) < cells.size();) {
            const int cell = cells[slot];
            StudyCell out;
            out.cell = cell;
            out.host = hostName();
            out.device = plan.device();
            out.started = utcNow();
            const auto t0 = std::chrono::steady_clock::now();
            const std::string label = plan.cellLabel(cell);
            CellSink sink(progress, stop, [&, slot, label](double f, const std::string &m) {
                std::lock_guard<std::mutex> lock(mutex);
                report(slot, f, label + ": " + m);
            });
            try {
                out.resultJson = plan.runCell(cell, sink);
                if (out.resultJson.empty())
                    continue; // cancelled: nothing to commit, the cell stays pending
            } catch (const std::exception &e) {
                out.status = "failed";
                out.resultJson = nlohmann::json{{"error", e.what()}}.dump();
                stop = true;
            }
            out.seconds = secondsSince(t0);
            out.finished = utcNow();
            std::lock_guard<std::mutex> lock(mutex);
            try {
                commit(out);
            } catch (...) {
                if (!commitError)
                    commitError = std::current_exception();
                stop = true;
                continue;
            }
            if (out.status == "done") {
                ++summary.done;
                report(slot, 1.0, label + " done");
            } else {
                ++summary.failed;
                if (summary.firstError.empty())
                    summary.firstError = label + ": " + nlohmann::json::parse(out.resultJson).value("error", "");
            }
        }
    };
    const int n = std::max(1, std::min(int(cells.size()), workers > 0 ? workers : plan.automaticWorkers()));
    std::vector<std::thread> threads;
    for (int w = 1; w < n; ++w)
        threads.emplace_back(work);
    work();
    for (auto &t : threads)
        t.join();
    if (commitError)
        std::rethrow_exception(commitError);
    summary.cancelled = progress.isCancelRequested();
    return summary;
}

std::vector<int> pendingCells(const Session &session, std::int64_t id)
{
    const StudyRecord study = session.study(id);
    std::set<int> done;
    for (const auto &c : session.studyCells(id))
        if (c.status == "done")
            done.insert(c.cell);
    std::vector<int> out;
    for (int i = 0; i < study.cellCount; ++i)
        if (!done.count(i))
            out.push_back(i);
    return out;
}

namespace {

// The study's progress sink, which also sees a cancel asked for by another process (`study
// cancel` stores status cancelled): the session is read at most once a second.
class StoredStudySink : public ProgressSink
{
public:
    StoredStudySink(Session &session, std::int64_t id, std::mutex &sessionMutex, ProgressSink &parent)
        : m_session(session), m_id(id), m_mutex(sessionMutex), m_parent(parent)
    {
    }
    void setProgress(double fraction, const std::string &message) override { m_parent.setProgress(fraction, message); }
    bool isCancelRequested() const override
    {
        if (m_parent.isCancelRequested() || m_cancelled.load())
            return true;
        const auto now = std::chrono::steady_clock::now();
        std::unique_lock<std::mutex> lock(m_mutex, std::try_to_lock);
        if (!lock.owns_lock() || now - m_lastCheck < std::chrono::seconds(1))
            return false;
        m_lastCheck = now;
        try {
            if (m_session.study(m_id).status == StudyStatus::Cancelled)
                m_cancelled = true;
        } catch (const Error &) {
            // Unreadable for a moment (busy): checked again in a second.
        }
        return m_cancelled.load();
    }
    bool cancelledElsewhere() const { return m_cancelled.load(); }

private:
    Session &m_session;
    std::int64_t m_id;
    std::mutex &m_mutex;
    ProgressSink &m_parent;
    mutable std::chrono::steady_clock::time_point m_lastCheck{};
    mutable std::atomic<bool> m_cancelled{false};
};

} // namespace

CellRunSummary runStoredStudy(Session &session, std::int64_t id, const StudyPlan &plan, int workers,
                              ProgressSink &progress)
{
    const StudyRecord study = session.study(id);
    if (plan.cellCount() != study.cellCount)
        throw Error(ErrorCode::Session, "study " + std::to_string(id) + " plans " + std::to_string(study.cellCount)
                                            + " cells but its config now gives " + std::to_string(plan.cellCount())
                                            + " (damaged session?)");
    const std::string owner = thisProcessOwner();
    if (!session.claimStudy(id, owner))
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is running in process "
                                                    + session.study(id).owner + "; cancel it there, or wait");
    const auto cells = pendingCells(session, id);
    // Wall time is added with every commit, so a study killed later keeps what it used.
    auto mark = std::chrono::steady_clock::now();
    std::mutex sessionMutex;
    StoredStudySink sink(session, id, sessionMutex, progress);
    CellRunSummary summary;
    try {
        summary = runCells(plan, cells, workers, [&](const StudyCell &cell) {
            std::lock_guard<std::mutex> lock(sessionMutex);
            session.commitCell(id, cell);
            session.addStudyWallSeconds(id, secondsSince(mark));
            mark = std::chrono::steady_clock::now();
        }, sink);
    } catch (const std::exception &e) {
        // The session cannot be written (disk full, file gone) or the work failed: what was
        // committed stays. The study is marked failed if that can still be written; if not,
        // it stays Running and reads as Interrupted once this process ends.
        const std::string message = std::string(e.what()) + " — the study stopped; its committed cells are kept, "
                                                             "resume it when the problem is solved";
        try {
            session.setStudyStatus(id, StudyStatus::Failed, "", message);
        } catch (const Error &) {
        }
        const auto *error = dynamic_cast<const Error *>(&e);
        throw Error(error ? error->code() : ErrorCode::Runtime, message);
    }
    summary.cancelled = summary.cancelled || sink.cancelledElsewhere();
    session.addStudyWallSeconds(id, secondsSince(mark));
    const StudyRecord after = session.study(id);
    const int remaining = after.cellCount - after.cellsDone;
    if (summary.failed > 0)
        session.setStudyStatus(id, StudyStatus::Failed, "", summary.firstError);
    else if (remaining == 0)
        session.setStudyStatus(id, StudyStatus::Complete, "", "");
    else
        session.setStudyStatus(id, StudyStatus::Cancelled, "",
                               "cancelled with " + std::to_string(remaining) + " cells pending");
    return summary;
}

StudyDataRef studyDataRef(const std::string &configJson)
{
    try {
        const auto j = nlohmann::json::parse(configJson);
        StudyDataRef r;
        r.dataset = j.at("dataset").get<std::string>();
        if (j.contains("image")) {
            const auto &i = j.at("image");
            r.image.channels = i.value("channels", r.image.channels);
            r.image.height = i.value("height", r.image.height);
            r.image.width = i.value("width", r.image.width);
        }
        return r;
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, std::string("a study's config has no usable dataset: ") + json::message(e));
    }
}

DatasetPair loadStudyData(const Session &session, std::int64_t id, ProgressSink *progress)
{
    const StudyRecord study = session.study(id);
    const StudyDataRef ref = studyDataRef(study.configJson);
    std::vector<SkippedFile> skipped;
    DatasetPair data = loadDataset(ref.dataset, ref.image, skipped, progress);
    if (study.datasetId > 0) {
        const DatasetRecord ds = session.dataset(study.datasetId);
        if (ds.fingerprint != datasetFingerprint(data))
            throw Error(ErrorCode::BadData, ref.dataset + ": the dataset changed since study " + std::to_string(id)
                                                + " was created (fingerprint " + datasetFingerprint(data)
                                                + ", the study's " + ds.fingerprint
                                                + "); its cells would not be comparable, nothing was run");
    }
    return data;
}

CellRunSummary resumeStudy(Session &session, std::int64_t id, int workers, ProgressSink &progress)
{
    const StudyRecord study = session.study(id);
    if (study.status == StudyStatus::Running && study.owner != thisProcessOwner())
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is running in process "
                                                    + study.owner + "; cancel it there, or wait");
    if (study.status == StudyStatus::Submitted)
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is submitted to Slurm; collect its "
                                                    "cells, or cancel it (study cancel) before running it here");
    const StudyType &type = studyType(study.type);
    const DatasetPair data = loadStudyData(session, id);
    const auto plan = type.plan(study.configJson, data);
    return runStoredStudy(session, id, *plan, workers, progress);
}

void cancelStudy(Session &session, std::int64_t id)
{
    const StudyRecord s = session.study(id);
    if (s.status == StudyStatus::Complete)
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is already complete");
    if (s.status == StudyStatus::Submitted) {
        const auto sub = nlohmann::json::parse(s.submissionJson.empty() ? "{}" : s.submissionJson, nullptr, false);
        if (sub.is_object() && sub.contains("job_id") && sub.at("job_id").is_string())
            slurmCancel(sub.at("job_id").get<std::string>());
    }
    session.setStudyStatus(id, StudyStatus::Cancelled, "",
                           "cancelled with " + std::to_string(s.cellCount - s.cellsDone) + " cells pending");
}

std::string studyCellsCsv(const Session &session, std::int64_t id)
{
    session.study(id); // exists?
    std::string out = "cell,status,seconds,host,device,started,finished,result_json\n";
    for (const auto &c : session.studyCells(id)) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", c.seconds);
        out += std::to_string(c.cell) + ',' + detail::csvField(c.status) + ',' + seconds + ',' + detail::csvField(c.host) + ','
               + detail::csvField(c.device) + ',' + detail::csvField(c.started) + ',' + detail::csvField(c.finished) + ','
               + detail::csvField(c.resultJson) + '\n';
    }
    return out;
}

const StudyType &studyType(const std::string &name)
{
    std::string known;
    for (const auto &t : studyTypes()) {
        if (t.name == name)
            return t;
        known += (known.empty() ? "" : ", ") + t.name;
    }
    throw Error(ErrorCode::InvalidArgument, "unknown study type '" + name + "' (this build knows: " + known
                                                + "); written by a newer version?");
}

} // namespace wb::core
