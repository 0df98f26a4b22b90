// A user's TorchScript module made ready to train: seeded initialisation, a new head,
// frozen parameters, and what its code does (random draws, features, a traced origin).
#include "model/scriptmodule.h"
#include "util/random.h"

#include "wb/errors.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/runtime/graph_executor.h>

#include <cmath>

#include <malloc.h>

namespace wb::core::detail {

namespace {

/// "Conv2d" of "__torch__.torch.nn.modules.conv.___torch_mangle_3.Conv2d".
std::string typeName(const torch::jit::Module &m)
{
    const auto t = m.type()->name();
    if (!t)
        return "Module";
    const std::string q = t->qualifiedName();
    return q.substr(q.rfind('.') + 1);
}

bool isTorchNn(const torch::jit::Module &m)
{
    const auto t = m.type()->name();
    return t && t->qualifiedName().find("torch.nn.modules.") != std::string::npos;
}

bool underPrefix(const std::string &name, const std::string &prefix)
{
    return name == prefix || (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0
                              && name[prefix.size()] == '.');
}

void visitNodes(torch::jit::Block *block, const std::function<void(torch::jit::Node *)> &f)
{
    for (auto *node : block->nodes()) {
        f(node);
        for (auto *b : node->blocks())
            visitNodes(b, f);
    }
}

bool drawsRandomNumbers(const torch::jit::Module &root)
{
    static const char *const kinds[] = {"dropout", "bernoulli", "rand", "normal", "multinomial",
                                        "uniform", "poisson", "exponential", "random"};
    bool found = false;
    // The root's methods with every call inlined: F.dropout is a call to a TorchScript
    // function, the random draw inside it.
    for (const auto &method : root.get_methods()) {
        auto graph = method.graph()->copy();
        // Without the graph optimiser a pass inlines one level of calls: repeat to the bottom.
        for (int depth = 0; depth < 32; ++depth) {
            bool calls = false;
            visitNodes(graph->block(), [&](torch::jit::Node *node) {
                calls = calls || node->kind() == c10::prim::CallFunction || node->kind() == c10::prim::CallMethod;
            });
            if (!calls)
                break;
            torch::jit::Inline(*graph);
        }
        visitNodes(graph->block(), [&](torch::jit::Node *node) {
                const std::string kind = node->kind().toQualString();
            for (const char *k : kinds)
                if (kind.rfind("aten::", 0) == 0 && kind.find(k) != std::string::npos)
                    found = true;
        });
    }
    return found;
}

/// Whether some method of a dropout/batch-norm module ignores its training flag: a traced
/// module calls such a method (forward1, the traced graph) with the mode fixed at tracing.
bool ignoresTraining(const torch::jit::Module &m)
{
    for (const auto &method : m.get_methods()) {
        if (method.name().rfind("forward", 0) != 0)
            continue; // helpers such as BatchNorm's _check_input_dim
        bool reads = false;
        visitNodes(method.graph()->block(), [&](torch::jit::Node *node) {
            if (node->kind() == c10::prim::GetAttr && node->s(c10::attr::name) == "training")
                reads = true;
        });
        if (!reads)
            return true;
    }
    return false;
}

/// PyTorch's default initialisation of Conv/Linear (kaiming_uniform_ with a = sqrt(5), which
/// is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), the bias the same) and of BatchNorm.
bool resetLikePyTorch(torch::jit::Module &m, at::Generator &gen)
{
    const std::string t = typeName(m);
    const bool conv = t == "Conv1d" || t == "Conv2d" || t == "Conv3d";
    if ((conv || t == "Linear") && m.hasattr("weight") && m.attr("weight").isTensor()) {
        auto w = m.attr("weight").toTensor();
        const double fanIn = double(w.numel() / std::max<std::int64_t>(1, w.size(0)));
        const double bound = fanIn > 0 ? 1.0 / std::sqrt(fanIn) : 0.0;
        w.uniform_(-bound, bound, gen);
        if (m.hasattr("bias") && m.attr("bias").isTensor())
            m.attr("bias").toTensor().uniform_(-bound, bound, gen);
        return true;
    }
    if (t.rfind("BatchNorm", 0) == 0) {
        if (m.hasattr("weight") && m.attr("weight").isTensor())
            m.attr("weight").toTensor().fill_(1.0);
        if (m.hasattr("bias") && m.attr("bias").isTensor())
            m.attr("bias").toTensor().zero_();
        if (m.hasattr("running_mean") && m.attr("running_mean").isTensor())
            m.attr("running_mean").toTensor().zero_();
        if (m.hasattr("running_var") && m.attr("running_var").isTensor())
            m.attr("running_var").toTensor().fill_(1.0);
        if (m.hasattr("num_batches_tracked") && m.attr("num_batches_tracked").isTensor())
            m.attr("num_batches_tracked").toTensor().zero_();
        return true;
    }
    return false;
}

torch::jit::Module submodule(const torch::jit::Module &root, const std::string &path)
{
    for (const auto &item : root.named_modules())
        if (item.name == path)
            return item.value;
    throw Error(ErrorCode::Runtime, "no submodule " + path);
}

void replaceHead(ScriptModule &s, int classes, at::Generator &gen, const std::string &file)
{
    auto fc = submodule(s.module, s.lastLinear);
    const auto w = fc.attr("weight").toTensor();
    if (w.dim() != 2)
        throw Error(ErrorCode::BadSpec, file + ": its last nn.Linear (" + s.lastLinear + ") has no 2-D weight");
    const auto in = w.size(1);
    const double bound = 1.0 / std::sqrt(double(in));
    fc.setattr("weight", torch::empty({classes, in}, w.options()).uniform_(-bound, bound, gen));
    if (fc.hasattr("bias") && fc.attr("bias").isTensor())
        fc.setattr("bias", torch::empty({classes}, w.options()).uniform_(-bound, bound, gen));
    // out_features is a constant of the scripted type (read only); forward does not use it.
    s.warnings.push_back("new head: " + s.lastLinear + " freshly initialised with " + std::to_string(classes)
                         + " outputs (the file's had " + std::to_string(w.size(0)) + ")");
}

void freeze(ScriptModule &s, const ScriptModel &m, const std::string &file)
{
    const bool only = !m.trainOnly.empty();
    const auto &prefixes = only ? m.trainOnly : m.freeze;
    for (const auto &p : prefixes) {
        bool matched = false;
        for (const auto &[name, t] : s.parameters)
            matched = matched || underPrefix(name, p);
        if (!matched) {
            std::string top;
            for (const auto &item : s.module.named_children())
                top += (top.empty() ? "" : ", ") + item.name;
            throw Error(ErrorCode::BadSpec, file + ": --" + std::string(only ? "train-only" : "freeze") + " " + p
                                                + " matches no parameter (its top-level modules: " + top + ")");
        }
    }
    std::int64_t trainable = 0;
    for (auto &[name, t] : s.parameters) {
        bool listed = false;
        for (const auto &p : prefixes)
            listed = listed || underPrefix(name, p);
        const bool train = only ? listed : !listed;
        t.set_requires_grad(train); // a new head's tensors were made without gradients
        if (t.requires_grad())
            trainable += t.numel();
    }
    if (trainable == 0)
        throw Error(ErrorCode::BadSpec, file + ": no parameter is left to train"
                                            + std::string(prefixes.empty() ? "" : " after freezing"));
    for (const auto &item : s.module.named_modules()) {
        if (typeName(item.value).rfind("BatchNorm", 0) != 0)
            continue;
        bool anyTrainable = false;
        for (const auto &p : item.value.parameters())
            anyTrainable = anyTrainable || p.requires_grad();
        bool frozenPath = false;
        for (const auto &p : prefixes)
            frozenPath = frozenPath || underPrefix(item.name, p);
        if (only)
            frozenPath = !frozenPath;
        if (!anyTrainable && (frozenPath || item.value.parameters().size() > 0))
            s.frozenBatchNorms.push_back(item.value);
    }
}

/// Whether logits == lastLinear(features) on a few random inputs, where features come from
/// the features method or from the last nn.Linear set to the identity.
void checkHead(ScriptModule &s, const ModelSpec &spec)
{
    if (s.lastLinear.empty()) {
        if (!s.hasFeatures)
            s.featuresProblem = "the model has no features(x) method and no nn.Linear";
        return;
    }
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(12345);
    const auto x = torch::randn({3, spec.input[0], spec.input[1], spec.input[2]}, gen, torch::kFloat32);
    s.module.eval();
    try {
        const auto logits = s.module.forward({x}).toTensor();
        const auto f = scriptFeatures(s, x);
        auto fc = submodule(s.module, s.lastLinear);
        const auto w = fc.attr("weight").toTensor();
        const bool fits = f.dim() == 2 && f.size(1) == w.size(1);
        s.headIsLastLinear = fits && torch::allclose(scriptHead(s, f), logits, 1e-4, 1e-4);
    } catch (const Error &e) {
        s.headIsLastLinear = false;
        if (s.featuresProblem.empty() && s.hasFeatures)
            s.featuresProblem = e.what();
    } catch (const std::exception &e) {
        s.headIsLastLinear = false;
        if (s.featuresProblem.empty() && s.hasFeatures)
            s.featuresProblem = "its features(x) method fails: " + interpreterMessage(e.what());
    }
    if (!s.headIsLastLinear && !s.hasFeatures && s.featuresProblem.empty())
        s.featuresProblem = "something follows its last nn.Linear (" + s.lastLinear
                            + ") in forward, so that layer's input is not the penultimate feature: add "
                              "a @torch.jit.export def features(self, x) method";
}

} // namespace

namespace {

/// A tensor whose storage holds fewer bytes than its shape reaches (a damaged or hostile
/// file: LibTorch 1.13 does not check) would be read and written out of bounds.
void checkStorage(const std::string &name, const torch::Tensor &t, const std::string &file)
{
    if (!t.defined() || t.numel() == 0)
        return;
    std::int64_t extent = t.storage_offset();
    for (std::int64_t d = 0; d < t.dim(); ++d)
        extent += (t.size(d) - 1) * t.stride(d);
    const auto needed = std::uint64_t(extent + 1) * std::uint64_t(t.element_size());
    std::uint64_t held = t.has_storage() ? t.storage().nbytes() : 0;
    // LibTorch sizes a storage as the file's pickle says, over the record it read: a record
    // shorter than that claim is only visible in the allocation itself.
    if (t.has_storage() && t.device().is_cpu()) {
        const auto &dp = t.storage().data_ptr();
        if (dp.get() != nullptr && dp.get() == dp.get_context())
            held = std::min<std::uint64_t>(held, malloc_usable_size(dp.get()));
    }
    if (held < needed)
        throw Error(ErrorCode::BadSpec, file + ": the tensor " + name + " is damaged: its shape needs "
                                            + std::to_string(needed) + " bytes, the file holds "
                                            + std::to_string(held));
}

ScriptModule prepare(const ModelSpec &spec, std::uint64_t seed)
{
    const ScriptModel &m = *spec.script;
    ScriptModule s;
    s.module = loadTorchScript(m.bytes, m.fileName, m.sha256); // hashed once, when the spec was made or read
    for (const auto &a : s.module.named_attributes(true))
        if (a.value.isTensor())
            checkStorage(a.name, a.value.toTensor(), m.fileName);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(mixSeed(seed, 31337));
    torch::NoGradGuard noGrad;
    bool fixedMode = false;
    for (const auto &item : s.module.named_modules()) {
        auto sub = item.value;
        const std::string t = typeName(sub);
        if (isTorchNn(sub) && t == "Linear")
            s.lastLinear = item.name;
        if (t.find("Dropout") != std::string::npos)
            s.dropouts.push_back(sub);
        if (t.find("Dropout") != std::string::npos || t.rfind("BatchNorm", 0) == 0)
            fixedMode = fixedMode || ignoresTraining(sub);
        if (m.init == "scratch" && !resetLikePyTorch(sub, gen))
            for (const auto &p : sub.named_parameters(false))
                s.keptFromFile.push_back(item.name.empty() ? p.name : item.name + "." + p.name);
    }
    s.traced = fixedMode;
    if (s.traced)
        s.warnings.push_back("this model was traced (torch.jit.trace): its dropout and batch-norm "
                             "behaviour was fixed when it was traced; script it (torch.jit.script) to train "
                             "them as written");
    if (!s.keptFromFile.empty())
        s.warnings.push_back("--init scratch re-initialises Conv/Linear/BatchNorm layers; "
                             + std::to_string(s.keptFromFile.size()) + " other parameter(s) keep the file's values (first: "
                             + s.keptFromFile.front() + ")");
    s.hasFeatures = s.module.find_method("features").has_value();
    if (m.newHead) {
        if (s.lastLinear.empty())
            throw Error(ErrorCode::BadSpec, m.fileName + ": --new-head: the model has no nn.Linear to replace");
        replaceHead(s, spec.classes, gen, m.fileName);
    }
    for (const auto &p : s.module.named_parameters(true))
        s.parameters.emplace_back(p.name, p.value);
    for (const auto &b : s.module.named_buffers(true))
        s.buffers.emplace_back(b.name, b.value);
    freeze(s, m, m.fileName);
    s.stochastic = drawsRandomNumbers(s.module);
    checkHead(s, spec);
    return s;
}

} // namespace

ScriptModule prepareScriptModule(const ModelSpec &spec, std::uint64_t seed)
{
    try {
        return prepare(spec, seed);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &e) { // LibTorch's, with its stack trace: the first line
        std::string what = e.what();
        throw Error(ErrorCode::BadSpec, spec.script->fileName + ": " + what.substr(0, what.find('\n')));
    }
}

std::string interpreterMessage(const std::string &what)
{
    // The interpreter's message: its last "...Error: " line, without LibTorch's stack trace.
    std::string out = what;
    const auto at = out.rfind("Error: ");
    if (at != std::string::npos) {
        const auto start = out.rfind('\n', at);
        out = out.substr(start == std::string::npos ? 0 : start + 1);
    }
    out = out.substr(0, out.find('\n'));
    return out.empty() ? std::string("(no message)") : out;
}

torch::Tensor scriptForward(ScriptModule &m, const torch::Tensor &x)
{
    c10::IValue out;
    try {
        // The module's code as written, on every thread (the setting is per thread): the
        // profiling executor's specialisation costs time on each new batch shape and gains
        // little on small CPU networks (bench/scriptmodel_bench.sh measures it).
        const torch::jit::GraphOptimizerEnabledGuard eager(false);
        out = m.module.forward({x});
    } catch (const std::exception &e) {
        throw Error(ErrorCode::Runtime, "the model's forward failed on a batch of shape [" + std::to_string(x.size(0))
                                            + ", " + std::to_string(x.size(1)) + ", " + std::to_string(x.size(2)) + ", "
                                            + std::to_string(x.size(3)) + "]: " + interpreterMessage(e.what()));
    }
    if (!out.isTensor())
        throw Error(ErrorCode::BadSpec, "forward returned a " + out.tagKind() + ", expected a tensor of logits [N, K]");
    return out.toTensor();
}

torch::Tensor scriptFeatures(ScriptModule &m, const torch::Tensor &x)
{
    if (m.hasFeatures && !m.featuresProblem.empty())
        throw Error(ErrorCode::BadSpec, "no penultimate features: " + m.featuresProblem);
    if (m.hasFeatures) {
        c10::IValue out;
        try {
            const torch::jit::GraphOptimizerEnabledGuard eager(false);
            out = m.module.run_method("features", x);
        } catch (const Error &) {
            throw;
        } catch (const std::exception &e) {
            throw Error(ErrorCode::BadSpec, "its features(x) method fails: " + interpreterMessage(e.what()));
        }
        if (!out.isTensor())
            throw Error(ErrorCode::BadSpec, "features(x) returned a " + out.tagKind() + ", expected a tensor");
        const auto f = out.toTensor();
        if (f.dim() < 2 || f.size(0) != x.size(0) || !f.is_floating_point())
            throw Error(ErrorCode::BadSpec, "features(x) returned " + std::string(f.is_floating_point() ? "" : "non-float ")
                                                + "[" + (f.dim() ? std::to_string(f.size(0)) : std::string()) + ", …] for "
                                                + std::to_string(x.size(0)) + " images; expected float [N, D]");
        return f.flatten(1);
    }
    if (m.lastLinear.empty() || (!m.featuresProblem.empty()))
        throw Error(ErrorCode::BadSpec, "no penultimate features: " + m.featuresProblem);
    // The input of the last nn.Linear: the logits with that layer set to the identity.
    auto fc = submodule(m.module, m.lastLinear);
    const auto w = fc.attr("weight").toTensor();
    const bool hasBias = fc.hasattr("bias") && fc.attr("bias").isTensor();
    const auto b = hasBias ? fc.attr("bias").toTensor() : torch::Tensor();
    fc.setattr("weight", torch::eye(w.size(1), w.options().requires_grad(false)));
    if (hasBias)
        fc.setattr("bias", torch::zeros({w.size(1)}, w.options().requires_grad(false)));
    torch::Tensor f;
    try {
        f = scriptForward(m, x);
    } catch (...) {
        fc.setattr("weight", w);
        if (hasBias)
            fc.setattr("bias", b);
        throw;
    }
    fc.setattr("weight", w);
    if (hasBias)
        fc.setattr("bias", b);
    return f;
}

torch::Tensor scriptHead(ScriptModule &m, const torch::Tensor &features)
{
    if (m.lastLinear.empty())
        throw Error(ErrorCode::BadSpec, "the model has no nn.Linear head");
    auto fc = submodule(m.module, m.lastLinear);
    const auto w = fc.attr("weight").toTensor();
    const bool hasBias = fc.hasattr("bias") && fc.attr("bias").isTensor();
    return hasBias ? torch::nn::functional::linear(features, w, fc.attr("bias").toTensor())
                   : torch::nn::functional::linear(features, w);
}

} // namespace wb::core::detail
