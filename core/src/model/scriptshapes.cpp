// Importing and inspecting a TorchScript model: the checks a user's file must pass before
// anything trains, and the shape report the rest of the workbench reads.
#include "model/scriptmodule.h"
#include "model/scriptspec.h"
#include "util/sha256.h"

#include "wb/errors.h"
#include "wb/scriptmodel.h"

#include <torch/csrc/autograd/profiler_kineto.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace wb::core {

namespace detail {

namespace {

std::string shapeText(const torch::Tensor &t)
{
    std::string s = "[";
    for (std::int64_t d = 0; d < t.dim(); ++d)
        s += (d ? ", " : "") + std::to_string(t.size(d));
    return s + "]";
}

std::string cacheKey(const ModelSpec &spec)
{
    const auto &m = *spec.script;
    std::string key = m.sha256 + "|" + m.init + "|" + m.inputNorm + "|" + (m.newHead ? "h" : "-") + "|"
                      + std::to_string(spec.input[0]) + "x" + std::to_string(spec.input[1]) + "x"
                      + std::to_string(spec.input[2]) + "|" + std::to_string(spec.classes);
    for (const auto &p : m.freeze)
        key += "|f:" + p;
    for (const auto &p : m.trainOnly)
        key += "|t:" + p;
    return key;
}

/// Forward FLOPs of one image, as LibTorch's profiler counts them (convolutions and matrix
/// products: 2 per multiply-accumulate; element-wise adds and multiplies: 1 per element);
/// 0 when the profiler is unavailable.
std::int64_t profiledForwardFlops(ScriptModule &s, const ModelSpec &spec)
{
    using namespace torch::profiler::impl;
    static std::mutex mutex; // one profiling session at a time in this process
    const std::lock_guard<std::mutex> lock(mutex);
    try {
        const ProfilerConfig config(ProfilerState::KINETO, /*report_input_shapes=*/true, false, false,
                                    /*with_flops=*/true);
        torch::autograd::profiler::prepareProfiler(config, {ActivityType::CPU});
        torch::autograd::profiler::enableProfiler(config, {ActivityType::CPU});
        try {
            scriptForward(s, torch::zeros({1, spec.input[0], spec.input[1], spec.input[2]}));
        } catch (...) {
            torch::autograd::profiler::disableProfiler();
            throw;
        }
        const auto result = torch::autograd::profiler::disableProfiler();
        std::int64_t flops = 0;
        for (const auto &e : result->events())
            flops += std::int64_t(e.flops());
        return flops;
    } catch (const std::exception &) {
        return 0;
    }
}

struct Inspection
{
    ShapeReport shapes;
    ScriptModelReport report;
};

Inspection inspect(const ModelSpec &spec)
{
    const auto &m = *spec.script;
    ScriptModule s = prepareScriptModule(spec, 0);
    Inspection out;
    auto &r = out.report;
    r.traced = s.traced;
    r.stochastic = s.stochastic;
    r.warnings = s.warnings;
    for (const auto &item : s.module.named_modules()) {
        ScriptModuleRow row;
        row.name = item.name;
        const auto t = item.value.type()->name();
        row.type = t ? t->qualifiedName().substr(t->qualifiedName().rfind('.') + 1) : "Module";
        row.depth = item.name.empty() ? 0 : 1 + int(std::count(item.name.begin(), item.name.end(), '.'));
        for (const auto &p : item.value.named_parameters(false)) {
            row.parameters += p.value.numel();
            if (p.value.requires_grad())
                row.trainable += p.value.numel();
        }
        r.parameters += row.parameters;
        r.trainable += row.trainable;
        r.modules.push_back(row);
    }
    torch::NoGradGuard noGrad;
    s.module.eval();
    const auto x = torch::zeros({2, spec.input[0], spec.input[1], spec.input[2]});
    torch::Tensor y;
    try {
        y = scriptForward(s, x);
    } catch (const Error &e) {
        if (e.code() == ErrorCode::Runtime)
            throw Error(ErrorCode::BadSpec, m.fileName + ": its forward fails on the dataset's images " + shapeText(x)
                                                + " (float, N×C×H×W): "
                                                + std::string(e.what()).substr(std::string(e.what()).find("]: ") + 3));
        throw Error(ErrorCode::BadSpec, m.fileName + ": " + e.what());
    } catch (const std::exception &e) {
        throw Error(ErrorCode::BadSpec, m.fileName + ": its forward fails on the dataset's images "
                                            + shapeText(x) + " (float, N×C×H×W): " + interpreterMessage(e.what()));
    }
    if (y.dim() != 2 || y.size(0) != 2)
        throw Error(ErrorCode::BadSpec, m.fileName + ": its forward returns " + shapeText(y)
                                            + " for 2 images; expected logits [2, K]");
    if (!y.is_floating_point())
        throw Error(ErrorCode::BadSpec, m.fileName + ": its forward returns " + std::string(c10::toString(y.scalar_type()))
                                            + " logits; expected float logits (the loss needs them)");
    if (y.size(1) != spec.classes && m.newHead)
        throw Error(ErrorCode::BadSpec, m.fileName + ": the model outputs " + std::to_string(y.size(1))
                                            + " classes even with a new head on its last nn.Linear (" + s.lastLinear
                                            + "): its logits come from another layer; change the model's last layer");
    if (y.size(1) != spec.classes)
        throw Error(ErrorCode::BadSpec,
                    m.fileName + ": the model outputs " + std::to_string(y.size(1)) + " classes, the dataset has "
                        + std::to_string(spec.classes)
                        + (s.lastLinear.empty() ? std::string(": change its last layer")
                                                : ": give --new-head to replace its last nn.Linear (" + s.lastLinear
                                                      + ") by a fresh one with " + std::to_string(spec.classes)
                                                      + " outputs (in the app: tick New head)"));
    {
        // Another batch size, with gradients: the logits must follow the batch and depend on the
        // parameters that train (a detached output cannot be trained).
        torch::AutoGradMode grad(true);
        torch::Tensor y3;
        try {
            y3 = scriptForward(s, torch::zeros({3, spec.input[0], spec.input[1], spec.input[2]}));
        } catch (const Error &e) {
            throw Error(ErrorCode::BadSpec, m.fileName + ": its forward fails on 3 images (it worked on 2): "
                                                + std::string(e.what()).substr(std::string(e.what()).find("]: ") + 3));
        }
        if (y3.dim() != 2 || y3.size(0) != 3 || y3.size(1) != y.size(1))
            throw Error(ErrorCode::BadSpec, m.fileName + ": its forward returns " + shapeText(y3)
                                                + " for 3 images but " + shapeText(y) + " for 2; expected [N, K] for any N");
        if (r.trainable > 0 && !y3.requires_grad())
            throw Error(ErrorCode::BadSpec, m.fileName + ": its logits do not depend on the parameters that train "
                                                "(detached, or computed without gradients): nothing could learn");
    }
    if (!torch::isfinite(y).all().item<bool>())
        throw Error(ErrorCode::BadSpec, m.fileName + ": its forward returns NaN or infinite logits on the first batch");
    for (std::int64_t d = 0; d < y.dim(); ++d)
        r.output.push_back(y.size(d));
    if (s.featuresProblem.empty()) {
        try {
            r.featureDim = scriptFeatures(s, x).size(1);
            r.features = s.hasFeatures ? "its features(x) method" : "the input of its last nn.Linear (" + s.lastLinear + ")";
        } catch (const std::exception &e) {
            r.features = std::string("none: ") + e.what();
        }
    } else {
        r.features = "none: " + s.featuresProblem;
    }
    r.forwardFlops = profiledForwardFlops(s, spec);
    if (m.inputNorm == "imagenet" && spec.input[0] != 3)
        r.warnings.push_back("--input-norm imagenet on " + std::to_string(spec.input[0])
                             + "-channel images: each channel gets ImageNet's mean statistics (0.449, 0.226)");
    auto &sh = out.shapes;
    for (const auto &row : r.modules) {
        LayerInfo info;
        info.type = row.type;
        info.summary = row.name.empty() ? m.fileName : row.name;
        info.parameters = row.trainable;
        sh.layers.push_back(info);
    }
    sh.totalParameters = r.trainable;
    sh.totalFlops = r.forwardFlops;
    sh.totalMacs = r.forwardFlops / 2;
    sh.featureDim = r.featureDim;
    return out;
}

const Inspection &cachedInspection(const ModelSpec &spec)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Inspection>> cache;
    const std::string key = cacheKey(spec);
    {
        const std::lock_guard<std::mutex> lock(mutex);
        auto it = cache.find(key);
        if (it != cache.end())
            return *it->second;
    }
    auto made = std::make_unique<Inspection>(inspect(spec));
    const std::lock_guard<std::mutex> lock(mutex);
    auto &slot = cache[key];
    if (!slot)
        slot = std::move(made);
    return *slot;
}

} // namespace

ShapeReport scriptShapes(const ModelSpec &spec)
{
    return cachedInspection(spec).shapes;
}

} // namespace detail

ModelSpec withScriptOptions(const ModelSpec &spec, const ScriptModel &options)
{
    if (!spec.isScript())
        throw Error(ErrorCode::InvalidArgument, "not a TorchScript model");
    auto m = std::make_shared<ScriptModel>(*spec.script);
    m->init = options.init;
    m->freeze = options.freeze;
    m->trainOnly = options.trainOnly;
    m->newHead = options.newHead;
    m->inputNorm = options.inputNorm;
    detail::checkScriptOptions(*m, m->fileName);
    ModelSpec out = spec;
    out.script = m;
    inferShapes(out);
    return out;
}

ModelSpec importScriptModel(const std::string &path, const ScriptModel &options,
                            const std::array<int, 3> &input, int classes)
{
    const std::string name = std::filesystem::path(path).filename().string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorCode::BadSpec, path + ": no such model file");
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorCode::BadSpec, path + ": not a regular file (a TorchScript model is one file)");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw Error(ErrorCode::Io, path + ": cannot be read (" + ec.message() + ")");
    if (size > detail::kMaxScriptBytes)
        throw Error(ErrorCode::BadSpec, path + ": " + std::to_string(size >> 20)
                                            + " MB; a model file may have at most 256 MB");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path + ": cannot be read (no permission?)");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ModelSpec spec;
    spec.input = input;
    spec.classes = classes;
    spec.layers.clear();
    ScriptModel base;
    base.fileName = name;
    base.bytes = bytes.str();
    base.sha256 = detail::sha256Hex(base.bytes);
    spec.script = std::make_shared<ScriptModel>(base);
    return withScriptOptions(spec, options);
}

ModelSpec importScriptModelFitting(const std::string &path, const ScriptModel &options,
                                   const std::array<int, 3> &input, int classes, bool *headReplaced)
{
    if (headReplaced)
        *headReplaced = false;
    try {
        return importScriptModel(path, options, input, classes);
    } catch (const Error &first) {
        if (options.newHead || first.code() != ErrorCode::BadSpec)
            throw;
        ScriptModel withHead = options;
        withHead.newHead = true;
        try {
            ModelSpec spec = importScriptModel(path, withHead, input, classes);
            if (headReplaced)
                *headReplaced = true;
            return spec;
        } catch (const Error &) {
            throw first;
        }
    }
}

ScriptModelReport inspectScriptModel(const ModelSpec &spec)
{
    if (!spec.isScript())
        throw Error(ErrorCode::InvalidArgument, "not a TorchScript model");
    return detail::cachedInspection(spec).report;
}

} // namespace wb::core
