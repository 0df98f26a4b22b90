// workbench-cli study list|show|resume|cancel|export: stored studies of a session.
#include "studycommands.h"

#include "activecommands.h"
#include "gridcommands.h"
#include "variancecommands.h"
#include "sufficiencycommands.h"
#include "terminalprogress.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/studyengine.h"
#include "wb/datasetloader.h"
#include "wb/experiment.h"
#include "wb/report.h"
#include "textinput.h"
#include "jsonout.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace wb::app {

using nlohmann::json;

namespace {

json studyJson(const core::StudyRecord &s)
{
    json j = {{"id", s.id},           {"type", s.type},           {"name", s.name},
              {"status", core::studyStatusName(s.status)},        {"cells", s.cellCount},
              {"cells_done", s.cellsDone}, {"cells_failed", s.cellsFailed},
              {"created", s.created}, {"finished", s.finished},   {"wall_seconds", s.wallSeconds},
              {"message", s.message}, {"owner", s.owner}};
    if (!s.submissionJson.empty())
        j["submission"] = json::parse(s.submissionJson, nullptr, false);
    return j;
}

} // namespace

int runStudyList(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    const auto studies = session.studies();
    if (o.json) {
        json out = json::array();
        for (const auto &s : studies)
            out.push_back(studyJson(s));
        std::cout << out.dump() << std::endl;
        return 0;
    }
    if (studies.empty())
        std::printf("no studies in %s\n", o.session.c_str());
    else
        std::printf("%4s  %-12s %-12s %9s  %s\n", "id", "type", "status", "cells", "name");
    for (const auto &s : studies)
        std::printf("%4lld  %-12s %-12s %4d/%-4d  %s%s\n", static_cast<long long>(s.id), s.type.c_str(),
                    core::studyStatusName(s.status), s.cellsDone, s.cellCount, printable(s.name).c_str(),
                    s.cellsFailed ? (" (" + std::to_string(s.cellsFailed) + " failed)").c_str() : "");
    return 0;
}

void runCreatedStudy(core::Session &session, std::int64_t id, const core::StudyPlan &plan, int workers, bool json)
{
    if (!json)
        std::fprintf(stderr, "study %lld created in %s: %d cell%s (resume it with: workbench-cli study resume "
                             "--session %s --study %lld)\n",
                     static_cast<long long>(id), session.path().c_str(), session.study(id).cellCount,
                     session.study(id).cellCount == 1 ? "" : "s",
                     session.path().c_str(), static_cast<long long>(id));
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    core::runStoredStudy(session, id, plan, workers, progress);
    progress.finish();
}

int runStudyShow(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    const core::StudyRecord s = session.study(o.study);
    if (s.type == "sufficiency" && s.cellsDone > 0) {
        SufficiencyReportOptions report;
        report.json = o.json;
        report.family = o.family;
        reportSufficiencyStudy(session, o.study, report);
        if (!o.json)
            std::printf("\n");
    } else if (s.type == "grid" && s.cellsDone > 0) {
        reportGridStudy(session, o.study, GridFitOptions{}, o.json);
        if (!o.json)
            std::printf("\n");
    } else if (s.type == "active" && s.cellsDone > 0) {
        reportActiveStudy(session, o.study, {}, o.json);
        if (!o.json)
            std::printf("\n");
    } else if (s.type == "variance" && s.cellsDone > 0) {
        reportVarianceStudy(session, o.study, "accuracy", 0, o.json);
        if (!o.json)
            std::printf("\n");
    } else if (o.json) {
        std::cout << studyJson(s).dump() << std::endl;
    }
    if (!o.json) {
        std::printf("study %lld (%s) \"%s\": %s, %d of %d cells done", static_cast<long long>(s.id), s.type.c_str(),
                    printable(s.name).c_str(), core::studyStatusName(s.status), s.cellsDone, s.cellCount);
        if (s.cellsFailed)
            std::printf(", %d failed", s.cellsFailed);
        std::printf("\n");
        if (!s.message.empty())
            std::printf("message: %s\n", printable(s.message).c_str());
        for (const auto &c : session.studyCells(o.study))
            std::printf("  cell %3d  %-6s %8.1f s  %s %s  %s\n", c.cell, c.status.c_str(), c.seconds, c.host.c_str(),
                        c.device.c_str(), c.finished.c_str());
        if (s.status == core::StudyStatus::Interrupted || s.status == core::StudyStatus::Cancelled
            || s.status == core::StudyStatus::Failed)
            std::printf("resume with: workbench-cli study resume --session %s --study %lld\n", o.session.c_str(),
                        static_cast<long long>(s.id));
    }
    return 0;
}

int runStudyResume(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadWrite);
    const core::StudyRecord s = session.study(o.study);
    if (s.status == core::StudyStatus::Complete)
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "study " + std::to_string(o.study) + " is already complete (" + std::to_string(s.cellsDone)
                              + " of " + std::to_string(s.cellCount) + " cells)");
    if (s.status == core::StudyStatus::Running)
        throw core::Error(core::ErrorCode::InvalidArgument, "study " + std::to_string(o.study)
                                                                + " is running in process " + s.owner
                                                                + "; cancel it there, or wait");
    if (s.status == core::StudyStatus::Submitted)
        throw core::Error(core::ErrorCode::InvalidArgument, "study " + std::to_string(o.study)
                                                                + " is submitted to Slurm; collect its cells, or cancel it "
                                                                  "(study cancel) before running it here");
    if (!o.json)
        std::fprintf(stderr, "study %lld: %d of %d cells done, running the other %d here ...\n",
                     static_cast<long long>(s.id), s.cellsDone, s.cellCount, s.cellCount - s.cellsDone);
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    core::resumeStudy(session, o.study, o.workers, progress);
    progress.finish();
    if (s.type == "sufficiency") {
        SufficiencyReportOptions report;
        report.json = o.json;
        report.family = o.family;
        return reportSufficiencyStudy(session, o.study, report);
    }
    if (s.type == "grid")
        return reportGridStudy(session, o.study, GridFitOptions{}, o.json);
    if (s.type == "active")
        return reportActiveStudy(session, o.study, {}, o.json);
    if (s.type == "variance")
        return reportVarianceStudy(session, o.study, "accuracy", 0, o.json);
    const core::StudyRecord after = session.study(o.study);
    if (o.json)
        std::cout << studyJson(after).dump() << std::endl;
    return after.status == core::StudyStatus::Complete ? 0 : 1;
}

int runStudyReplay(const StudyOptions &o)
{
    std::string text;
    {
        std::ifstream in = openTextInput("--config", o.config);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const json doc = json::parse(core::reportStudyConfig(text, "--config " + o.config, o.index));
    const std::string type = doc["type"].get<std::string>();
    const std::string configJson = doc["config"].dump();
    const core::StudyType &studyType = core::studyType(type);
    const core::StudyDataRef ref = core::studyDataRef(configJson);
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(false);
    std::vector<core::SkippedFile> skipped;
    const core::DatasetPair data = core::loadDataset(ref.dataset, ref.image, skipped, &progress);
    const std::string fingerprint = doc.value("dataset_fingerprint", std::string());
    if (!fingerprint.empty() && fingerprint != core::datasetFingerprint(data))
        throw core::Error(core::ErrorCode::BadData,
                          ref.dataset + ": not the content the study was made on (fingerprint " + core::datasetFingerprint(data)
                              + ", the report's " + fingerprint + "); its cells would not be comparable, nothing was run");
    const std::unique_ptr<core::StudyPlan> plan = studyType.plan(configJson, data); // checks the config against the data
    core::Session session(o.session, core::Session::Mode::Create);
    core::StudyRecord record;
    record.type = type;
    record.name = doc.value("name", type + " study");
    record.datasetId = core::registerDataset(session, data, ref.dataset);
    record.configJson = configJson;
    record.cellCount = plan->cellCount();
    record.owner = core::thisProcessOwner();
    const std::int64_t id = session.createStudy(record);
    if (!o.json)
        std::fprintf(stderr, "study %lld: %s, %d cells from %s, running here ...\n", static_cast<long long>(id), type.c_str(),
                     record.cellCount, o.config.c_str());
    core::runStoredStudy(session, id, *plan, o.workers, progress);
    progress.finish();
    StudyOptions show = o;
    show.study = id;
    return runStudyShow(show);
}

int runStudyCancel(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadWrite);
    const core::StudyRecord s = session.study(o.study);
    core::cancelStudy(session, o.study);
    if (o.json)
        std::cout << studyJson(session.study(o.study)).dump() << std::endl;
    else
        std::printf("study %lld cancelled (%d of %d cells done%s)\n", static_cast<long long>(s.id), s.cellsDone,
                    s.cellCount, s.status == core::StudyStatus::Running ? "; its process stops within seconds" : "");
    return 0;
}

int runStudyExport(const StudyOptions &o)
{
    core::Session session(o.session, core::Session::Mode::ReadOnly);
    const std::string csv = core::studyCellsCsv(session, o.study);
    std::ofstream file;
    if (!o.output.empty()) {
        file.open(o.output);
        if (!file)
            throw core::Error(core::ErrorCode::Io, o.output + ": cannot be written");
    }
    std::ostream &out = o.output.empty() ? std::cout : file;
    out << csv;
    out.flush();
    if (!out)
        throw core::Error(core::ErrorCode::Io, (o.output.empty() ? "stdout" : o.output) + ": write failed (disk full?)");
    return 0;
}

} // namespace wb::app
