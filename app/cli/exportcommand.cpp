#include "exportcommand.h"

#include "jsonout.h"
#include "wb/modelexport.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace wb::app {

namespace {

struct ExportCommandOptions
{
    std::string session;
    std::int64_t run = 0;
    int epoch = 0;
    std::string format;
    std::string output;
    bool overwrite = false;
    bool json = false;
};

int runExport(const ExportCommandOptions &o)
{
    core::ExportOptions options;
    options.runId = o.run;
    options.epoch = o.epoch;
    options.format = core::parseExportFormat(o.format);
    options.output = o.output;
    options.overwrite = o.overwrite;
    const core::Session session(o.session, core::Session::Mode::ReadOnly);
    const core::ExportResult r = core::exportRun(session, options);
    if (o.json) {
        nlohmann::json out = {{"run_id", o.run},
                              {"epoch", r.epoch},
                              {"format", core::exportFormatName(options.format)},
                              {"folder", r.folder},
                              {"files", r.files},
                              {"input", r.input},
                              {"classes", r.classNames},
                              {"parameters", r.parameters}};
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
        return 0;
    }
    std::printf("exported run %lld (epoch %d, %lld parameters) for %s to %s:\n", static_cast<long long>(o.run),
                r.epoch, static_cast<long long>(r.parameters),
                options.format == core::ExportFormat::PyTorch ? "PyTorch" : "ONNX", printable(r.folder).c_str());
    for (const auto &f : r.files)
        std::printf("  %s\n", f.c_str());
    if (options.format == core::ExportFormat::PyTorch) {
        std::string quoted = "'"; // the folder as one shell word
        for (char c : printable(r.folder))
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        quoted += "'";
        std::printf("use it: cd %s && python3 -c 'import model; net = model.load(\"weights.pt\")'\n", quoted.c_str());
    }
    std::printf("input: float32 [N, %d, %d, %d] in [0, 1]; output: logits [N, %zu] (README.txt)\n", r.input[0],
                r.input[1], r.input[2], r.classNames.size());
    return 0;
}

} // namespace

std::pair<CLI::App *, std::function<int()>> addExportCommand(CLI::App &app)
{
    auto o = std::make_shared<ExportCommandOptions>();
    auto *cmd = app.add_subcommand("export", "export a trained run's model: PyTorch (model.py + weights.pt) or ONNX "
                                             "(model.onnx), with a README.txt");
    cmd->add_option("--session", o->session, "session file")->required();
    cmd->add_option("--run", o->run, "run id")->required();
    cmd->add_option("--epoch", o->epoch, "checkpoint epoch (0 = last)")
        ->check(CLI::Validator(
            [](const std::string &v) {
                const bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
                return digits ? std::string() : "expected a whole number >= 0 (0 = the last epoch), not '" + v + "'";
            },
            "EPOCH"));
    cmd->add_option("--format", o->format, "pytorch or onnx")->required()->check(CLI::IsMember({"pytorch", "onnx"}));
    cmd->add_option("--output", o->output, "folder to create (written to a temporary folder, then renamed)")
        ->required();
    cmd->add_flag("--overwrite", o->overwrite, "replace an earlier export in the output folder (a folder with other files is never replaced)");
    cmd->add_flag("--json", o->json, "print exactly one JSON object on stdout");
    return {cmd, [o] { return runExport(*o); }};
}

} // namespace wb::app
