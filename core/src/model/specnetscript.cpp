// SpecNet's TorchScript mode and the MC-dropout passes of both kinds of network.
#include "model/scriptmodule.h"
#include "model/specnet.h"
#include "util/random.h"

#include "wb/errors.h"

#include <algorithm>

namespace wb::core::detail {

namespace {

/// nn::Module names may not contain dots: "layer1.0.conv1.weight" -> "layer1:0:conv1:weight".
std::string slotName(std::string name)
{
    std::replace(name.begin(), name.end(), '.', ':');
    return "script:" + name;
}

} // namespace

SpecNetImpl::~SpecNetImpl() = default;

void SpecNetImpl::initScript(const ModelSpec &spec, std::uint64_t seed)
{
    m_script = std::make_shared<ScriptModule>(prepareScriptModule(spec, seed));
    for (auto &[name, t] : m_script->parameters)
        register_parameter(slotName(name), t, t.requires_grad());
    for (auto &[name, t] : m_script->buffers)
        register_buffer(slotName(name), t);
    const auto c = spec.input[0];
    m_mean = register_buffer("input_mean", torch::zeros({1, c, 1, 1}));
    m_invStd = register_buffer("input_inv_std", torch::ones({1, c, 1, 1}));
    const std::string &norm = spec.script->inputNorm;
    if (norm == "imagenet") {
        // ImageNet's RGB statistics; one grey channel gets their means.
        const std::vector<double> mean = c == 3 ? std::vector<double>{0.485, 0.456, 0.406}
                                                : std::vector<double>(std::size_t(c), 0.449);
        const std::vector<double> sd = c == 3 ? std::vector<double>{0.229, 0.224, 0.225}
                                              : std::vector<double>(std::size_t(c), 0.226);
        setNormalization(mean, sd);
    }
    m_fixedNormalization = norm != "dataset";
    m_script->module.train(is_training());
}

void SpecNetImpl::train(bool on)
{
    torch::nn::Module::train(on);
    if (!m_script)
        return;
    m_script->module.train(on);
    if (on)
        for (auto &bn : m_script->frozenBatchNorms)
            bn.train(false);
}

bool SpecNetImpl::hasHead() const
{
    return !m_script || m_script->headIsLastLinear;
}

torch::Tensor SpecNetImpl::scriptForward(const torch::Tensor &x)
{
    // A module that draws random numbers (dropout) draws them from LibTorch's process-wide
    // generator: seed it per forward pass from the network's own seed and draw at once, so
    // that runs on several threads stay pure functions of their seeds.
    if (m_script->stochastic && m_script->module.is_training()) {
        const std::lock_guard<std::mutex> lock(globalGeneratorMutex());
        torch::manual_seed(mixSeed(m_dropoutSeed, 77 + m_draws++));
        return detail::scriptForward(*m_script, x);
    }
    return detail::scriptForward(*m_script, x);
}

torch::Tensor SpecNetImpl::scriptFeaturesOf(const torch::Tensor &x)
{
    return detail::scriptFeatures(*m_script, x);
}

torch::Tensor SpecNetImpl::scriptHeadOf(const torch::Tensor &features)
{
    if (!m_script->headIsLastLinear)
        throw Error(ErrorCode::BadSpec, "the model's logits are not its last nn.Linear applied to its features");
    return detail::scriptHead(*m_script, features);
}

torch::Tensor SpecNetImpl::mcDropoutLogProbabilities(const torch::Tensor &images, int passes)
{
    if (m_script) {
        // Only the dropout submodules in training mode; batch norm stays as in evaluation.
        std::vector<torch::Tensor> out;
        const bool wasTraining = m_script->module.is_training();
        m_script->module.eval();
        for (auto &d : m_script->dropouts)
            d.train(true);
        const auto x = prepare(images);
        {
            const std::lock_guard<std::mutex> lock(globalGeneratorMutex());
            torch::manual_seed(mixSeed(m_dropoutSeed, 78 + m_draws++));
            for (int k = 0; k < passes; ++k)
                out.push_back(torch::log_softmax(detail::scriptForward(*m_script, x), 1));
        }
        m_script->module.train(wasTraining);
        if (wasTraining)
            for (auto &bn : m_script->frozenBatchNorms)
                bn.train(false);
        return torch::cat(out);
    }
    // Dropout on, batch norm as in evaluation: the layers before the first dropout once, the
    // rest for the passes of the batch in one forward.
    const std::size_t split = firstDropout();
    auto trunk = forwardTo(images, split);
    std::vector<std::int64_t> repeat(std::size_t(trunk.dim()), 1);
    repeat[0] = passes;
    for (auto &m : modules(false))
        if (auto *d = m->as<SeededDropoutImpl>())
            d->train(true);
    auto lp = torch::log_softmax(forwardFrom(trunk.repeat(repeat), split), 1);
    for (auto &m : modules(false))
        if (auto *d = m->as<SeededDropoutImpl>())
            d->train(false);
    return lp;
}

} // namespace wb::core::detail
