// The network a command trains: a preset, a JSON spec or the user's TorchScript file.
#include "modelchoice.h"

#include "wb/errors.h"
#include "wb/scriptmodel.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace wb::app::cli {

namespace {

/// "a,b,,c" -> {a, b, c}.
std::vector<std::string> splitPrefixes(const std::string &value)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto comma = value.find(',', start);
        const auto part = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty())
            out.push_back(part);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

CLI::Validator nonEmpty(const std::string &what)
{
    return CLI::Validator([what](std::string &v) { return v.empty() ? "an empty value: expected " + what : std::string(); },
                          "FILE");
}

bool looksLikeTorchScript(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

} // namespace

std::vector<std::string> prefixesOf(const std::string &value, const std::string &option)
{
    const auto parts = splitPrefixes(value);
    if (parts.empty())
        throw CLI::ValidationError(option, "'" + value + "': expected parameter prefixes such as layer1,layer2");
    return parts;
}

void addModelFileOptions(CLI::App &cmd, std::string &modelFile, core::ScriptModel &s, CLI::Option *modelOption,
                         CLI::Option *widthOption)
{
    auto *file = cmd.add_option("--model-file", modelFile,
                                "your own network: a TorchScript file (torch.jit.script(net).save(\"net.pt\"))")
                     ->check(nonEmpty("a TorchScript file"));
    if (modelOption)
        file->excludes(modelOption);
    if (widthOption)
        file->excludes(widthOption);
    cmd.add_option("--init", s.init,
                   "--model-file: scratch (Conv/Linear/BatchNorm re-initialised as PyTorch does, seeded per "
                   "run) or file (its weights: fine-tuning)")
        ->capture_default_str()
        ->check(CLI::IsMember({"scratch", "file"}))
        ->needs(file);
    // One value each ("layer1,layer2"): a vector option would swallow the next option after a lone comma.
    cmd.add_option_function<std::string>(
           "--freeze", [&s](const std::string &v) { s.freeze = prefixesOf(v, "--freeze"); },
           "--model-file: keep parameters under these prefixes fixed, e.g. layer1,layer2")
        ->needs(file);
    cmd.add_option_function<std::string>(
           "--train-only", [&s](const std::string &v) { s.trainOnly = prefixesOf(v, "--train-only"); },
           "--model-file: train only parameters under these prefixes, e.g. fc")
        ->needs(file);
    cmd.add_flag("--new-head", s.newHead,
                 "--model-file: replace the last nn.Linear by a freshly initialised one with the dataset's classes (needed when its outputs differ)")
        ->needs(file);
    cmd.add_option("--input-norm", s.inputNorm,
                   "--model-file: dataset (train split mean/std), imagenet (what a pretrained backbone expects) or none")
        ->capture_default_str()
        ->check(CLI::IsMember({"dataset", "imagenet", "none"}))
        ->needs(file);
}

void checkModelChoice(const TrainOptions &o)
{
    if (!o.modelFile.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(o.modelFile, ec))
            throw core::Error(core::ErrorCode::BadSpec, "--model-file " + o.modelFile + ": no such file");
        if (!std::filesystem::is_regular_file(o.modelFile, ec))
            throw core::Error(core::ErrorCode::BadSpec, "--model-file " + o.modelFile + ": not a regular file");
        if (!o.script.freeze.empty() && !o.script.trainOnly.empty())
            throw core::Error(core::ErrorCode::InvalidArgument, "--freeze and --train-only exclude each other: give one");
        return;
    }
    if (isSpecFile(o.model)) {
        if (o.width > 0)
            throw core::Error(core::ErrorCode::InvalidArgument, "--width applies to presets only");
        if (looksLikeTorchScript(o.model))
            throw core::Error(core::ErrorCode::InvalidArgument,
                              "--model " + o.model + ": this is a PyTorch file; give it as --model-file " + o.model);
        core::readModelSpec(o.model);
        return;
    }
    core::presetSpec(o.model, o.width, {1, 28, 28}, 10);
}

ModelChoice chooseModel(const TrainOptions &o, const std::array<int, 3> &input, int classes)
{
    checkModelChoice(o);
    ModelChoice c;
    if (!o.modelFile.empty()) {
        c.spec = core::importScriptModel(o.modelFile, o.script, input, classes); // prefixes split when parsed
        c.name = std::filesystem::path(o.modelFile).stem().string();
        if (!o.script.freeze.empty() || !o.script.trainOnly.empty())
            if (o.script.init == "scratch")
                std::fprintf(stderr, "warning: --init scratch: the frozen layers keep random weights; "
                                     "to fine-tune the file's weights give --init file\n");
        printModelWarnings(c.spec);
    } else if (isSpecFile(o.model)) {
        c.spec = core::readModelSpec(o.model);
        c.name = std::filesystem::path(o.model).stem().string();
    } else {
        c.spec = core::presetSpec(o.model, o.width, input, classes);
        c.name = o.model;
    }
    return c;
}

ModelChoice chooseModel(const TrainOptions &o, const core::DatasetPair &data)
{
    return chooseModel(o, {data.train.channels, data.train.height, data.train.width}, data.train.classCount());
}

int printScriptModel(const core::ModelSpec &spec, bool asJson)
{
    const auto r = core::inspectScriptModel(spec);
    const auto &m = *spec.script;
    if (asJson) {
        nlohmann::json out;
        out["file"] = m.fileName;
        out["sha256"] = m.sha256;
        out["bytes"] = m.bytes.size();
        out["input"] = spec.input;
        out["classes"] = spec.classes;
        out["init"] = m.init;
        out["input_norm"] = m.inputNorm;
        out["new_head"] = m.newHead;
        out["freeze"] = m.freeze;
        out["train_only"] = m.trainOnly;
        out["output"] = r.output;
        out["parameters"] = r.parameters;
        out["trainable"] = r.trainable;
        out["feature_dim"] = r.featureDim;
        out["forward_flops"] = r.forwardFlops;
        out["flops_source"] = "profiled forward pass (LibTorch profiler: convolutions, matrix products, adds, multiplies)";
        out["features"] = r.features;
        out["traced"] = r.traced;
        out["stochastic"] = r.stochastic;
        out["warnings"] = r.warnings;
        auto &modules = out["modules"] = nlohmann::json::array();
        for (const auto &row : r.modules)
            modules.push_back({{"name", row.name}, {"type", row.type}, {"depth", row.depth},
                               {"parameters", row.parameters}, {"trainable", row.trainable}});
        std::printf("%s\n", out.dump().c_str());
        return 0;
    }
    std::printf("%s (SHA-256 %s, %zu bytes): input [%d,%d,%d], %d classes, init %s, input-norm %s\n",
                m.fileName.c_str(), m.sha256.substr(0, 16).c_str(), m.bytes.size(), spec.input[0], spec.input[1],
                spec.input[2], spec.classes, m.init.c_str(), m.inputNorm.c_str());
    std::printf("%-40s %-20s %12s %12s\n", "module", "type", "parameters", "trainable");
    for (const auto &row : r.modules) {
        const std::string name = std::string(std::size_t(2 * row.depth), ' ') + (row.name.empty() ? "(model)" : row.name.substr(row.name.rfind('.') + 1));
        std::printf("%-40s %-20s %12lld %12lld\n", name.c_str(), row.type.c_str(), static_cast<long long>(row.parameters),
                    static_cast<long long>(row.trainable));
    }
    std::string shape;
    for (auto d : r.output)
        shape += (shape.empty() ? "" : ", ") + std::to_string(d);
    std::printf("parameters: %lld, of which trainable %lld (frozen %lld); output of 2 images: [%s]\n",
                static_cast<long long>(r.parameters), static_cast<long long>(r.trainable),
                static_cast<long long>(r.parameters - r.trainable), shape.c_str());
    std::printf("forward FLOPs per image: %lld (measured: LibTorch's profiler on one forward pass; it counts "
                "convolutions and matrix products, 2 per multiply-accumulate, and element-wise adds and "
                "multiplies)\n",
                static_cast<long long>(r.forwardFlops));
    std::printf("features (t-SNE, core-set): %s%s\n", r.features.c_str(),
                r.featureDim > 0 ? (", " + std::to_string(r.featureDim) + " dimensions").c_str() : "");
    std::printf("random draws (dropout): %s\n", r.stochastic ? "yes — seeded per run" : "none");
    for (const auto &w : r.warnings)
        std::printf("warning: %s\n", w.c_str());
    return 0;
}

void printModelWarnings(const core::ModelSpec &spec)
{
    if (!spec.isScript())
        return;
    const auto report = core::inspectScriptModel(spec);
    for (const auto &w : report.warnings)
        std::fprintf(stderr, "%s: %s\n", spec.script->fileName.c_str(), w.c_str());
}

} // namespace wb::app::cli
