#include "reportcommand.h"

#include "wb/errors.h"
#include "wb/report.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace wb::app {

namespace {

struct ReportCommandOptions
{
    std::string session;
    std::int64_t study = 0;
    std::int64_t run = 0;
    bool all = false;
    std::string format = "html";
    std::string output;
    std::string title;
    std::vector<double> targets = {0.9, 0.95, 0.99};
    bool json = false;
};

// The app binary beside this one: PDF is printed by Qt's PDF writer, which the command line
// (core only, no Qt) does not link.
std::string appBinary()
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return {};
    const auto app = self.parent_path() / "workbench";
    return std::filesystem::exists(app, ec) ? app.string() : std::string();
}

int printPdf(const ReportCommandOptions &o)
{
    const std::string app = appBinary();
    if (app.empty())
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--format pdf: PDF reports are printed by the app's Qt PDF writer, and `workbench` is not "
                          "installed beside workbench-cli (a build without the GUI); write --format html and print it "
                          "from a browser");
    std::vector<std::string> args = {app, "--report", o.output, "--report-format", "pdf", "--open", o.session};
    if (o.run > 0) {
        args.push_back("--report-run");
        args.push_back(std::to_string(o.run));
    } else {
        args.push_back("--report-study");
        args.push_back(o.all ? std::string("all") : std::to_string(o.study));
    }
    if (!o.title.empty()) {
        args.push_back("--report-title");
        args.push_back(o.title);
    }
    std::string targets;
    for (double t : o.targets)
        targets += (targets.empty() ? "" : ",") + std::to_string(t);
    args.push_back("--report-targets");
    args.push_back(targets);
    const pid_t pid = ::fork();
    if (pid < 0)
        throw core::Error(core::ErrorCode::Io, "cannot start " + app);
    if (pid == 0) {
        ::setenv("QT_QPA_PLATFORM", "offscreen", 0); // no display needed
        ::setenv("LC_ALL", "C.UTF-8", 1);             // the command line's report is English, as its HTML
        std::vector<char *> argv;
        for (std::string &a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(app.c_str(), argv.data());
        std::fprintf(stderr, "workbench-cli: error: cannot run %s\n", app.c_str());
        ::_exit(1);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int runReport(const ReportCommandOptions &o)
{
    if (!o.all && o.study <= 0 && o.run <= 0)
        throw core::Error(core::ErrorCode::InvalidArgument, "report: name the study (--study ID), the run (--run ID) or --all");
    if (o.format != "html" && o.format != "pdf")
        throw core::Error(core::ErrorCode::InvalidArgument, "--format: html or pdf, not '" + o.format + "'");
    for (double t : o.targets)
        if (!(t > 0 && t < 1))
            throw core::Error(core::ErrorCode::InvalidArgument, "--targets: accuracies between 0 and 1, not " + std::to_string(t));
    const auto started = std::chrono::steady_clock::now();
    {
        const core::Session session(o.session, core::Session::Mode::ReadOnly); // refuses a missing or damaged file
        if (o.run > 0)
            session.run(o.run); // names a missing run before anything is written
        else if (!o.all)
            session.study(o.study); // names a missing study before anything is written
    }
    int code = 0;
    if (o.format == "pdf") {
        code = printPdf(o);
    } else {
        const core::Session session(o.session, core::Session::Mode::ReadOnly);
        core::ReportOptions options;
        options.title = o.title;
        options.session = o.session;
        options.file = std::filesystem::path(o.output).filename().string();
        options.version = WB_VERSION;
        options.targets = o.targets;
        const core::Report report = o.run > 0 ? core::runReport(session, o.run, options)
                                    : o.all   ? core::sessionReport(session, options)
                                              : core::studyReport(session, o.study, options);
        core::writeReportFile(o.output, report.html);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (code != 0)
        return code;
    if (o.json)
        std::cout << nlohmann::json{{"output", o.output}, {"format", o.format}, {"seconds", seconds}}.dump() << std::endl;
    else
        std::printf("report written to %s (%s, %.2f s)\n", o.output.c_str(), o.format.c_str(), seconds);
    return 0;
}

} // namespace

std::pair<CLI::App *, std::function<int()>> addReportCommand(CLI::App &app)
{
    auto o = std::make_shared<ReportCommandOptions>();
    auto *cmd = app.add_subcommand("report", "write a study's report — question, answer, plots, protocol and how to "
                                             "reproduce it — as one self-contained HTML or PDF file");
    cmd->add_option("--session", o->session, "session file")->required();
    auto *study = cmd->add_option("--study", o->study, "study id (see study list)");
    auto *run = cmd->add_option("--run", o->run, "run id (see runs): its curves, metrics and stored evaluation");
    auto *all = cmd->add_flag("--all", o->all, "every study of the session, one after another");
    study->excludes(all);
    run->excludes(all);
    run->excludes(study);
    cmd->add_option("--format", o->format, "html (plots as SVG) or pdf (Qt's PDF writer, through the app)")
        ->capture_default_str();
    cmd->add_option("--output", o->output, "the report's file")->required();
    cmd->add_option("--title", o->title, "the report's title (default: the study's name)");
    cmd->add_option("--targets", o->targets, "accuracy targets the sufficiency answer is given for")
        ->delimiter(',')
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "print exactly one JSON object on stdout");
    return {cmd, [o] { return runReport(*o); }};
}

} // namespace wb::app
