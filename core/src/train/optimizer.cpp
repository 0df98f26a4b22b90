#include "train/optimizer.h"
#include "train/radam.h"
#include "wb/device.h"
#include "wb/threadpolicy.h"
#include "model/tensorio.h"

#include <ATen/Parallel.h>

#include "wb/errors.h"

#include <cmath>
#include <dlfcn.h>
#include <malloc.h>
#include <mutex>
#include <limits>
#include <sstream>

namespace wb::core::detail {

namespace {

void dropGrads(const std::vector<torch::Tensor> &params)
{
    for (const auto &p : params)
        if (p.grad().defined())
            const_cast<torch::Tensor &>(p).mutable_grad() = torch::Tensor();
}

// PyTorch's SGD semantics (dampening 0): d = g + wd·p; buf = d on the first step, else
// buf = m·buf + d; update = nesterov ? d + m·buf : buf; p -= lr·update — in one pass.
class FusedSgd : public TrainOptimizer
{
public:
    FusedSgd(const TrainConfig &c, std::vector<torch::Tensor> params, std::vector<double> decay)
        : m_params(std::move(params)), m_decay(std::move(decay)), m_lr(c.lr), m_momentum(c.momentum),
          m_nesterov(c.nesterov)
    {
    }
    void setLr(double lr) override { m_lr = lr; }
    void zeroGrad() override { dropGrads(m_params); }
    void step() override
    {
        torch::NoGradGuard noGrad;
        if (m_buffers.empty() && m_momentum != 0)
            for (const auto &p : m_params)
                m_buffers.push_back(torch::zeros_like(p));
        for (std::size_t i = 0; i < m_params.size(); ++i) {
            auto &p = m_params[i];
            const auto &g = p.grad();
            if (!g.defined())
                continue;
            if (p.device().is_cpu() && p.scalar_type() == torch::kFloat32 && p.is_contiguous()
                && g.is_contiguous())
                stepCpu(p, g, m_momentum != 0 ? &m_buffers[i] : nullptr, m_decay[i]);
            else
                stepGeneric(p, g, m_momentum != 0 ? &m_buffers[i] : nullptr, m_decay[i]);
        }
        m_started = true;
    }
    std::string save() override
    {
        NamedTensors state = {{"started", torch::tensor(std::int64_t(m_started))}};
        for (std::size_t i = 0; i < m_buffers.size(); ++i)
            state.emplace_back("buffer." + std::to_string(i), m_buffers[i]);
        return writeTensors(state);
    }
    void load(const std::string &bytes, const torch::Device &device) override
    {
        const NamedTensors state = readTensors(bytes);
        if (state.empty() || state[0].first != "started"
            || (m_momentum != 0 && state.size() != m_params.size() + 1))
            throw Error(ErrorCode::Runtime, "the saved SGD state does not fit this network");
        m_started = state[0].second.item<std::int64_t>() != 0;
        m_buffers.clear();
        for (std::size_t i = 1; i < state.size(); ++i)
            m_buffers.push_back(state[i].second.to(device));
    }

private:
    void stepCpu(torch::Tensor &p, const torch::Tensor &g, torch::Tensor *buffer, double weightDecay)
    {
        float *pp = p.data_ptr<float>();
        const float *gp = g.data_ptr<float>();
        float *bp = buffer ? buffer->data_ptr<float>() : nullptr;
        const float lr = float(m_lr), m = float(m_momentum), wd = float(weightDecay);
        const bool first = !m_started, nesterov = m_nesterov;
        at::parallel_for(0, p.numel(), 65536, [&](std::int64_t begin, std::int64_t end) {
            if (!bp)
                plainKernel(pp + begin, gp + begin, end - begin, lr, wd);
            else if (first)
                firstKernel(pp + begin, gp + begin, bp + begin, end - begin, lr, m, wd, nesterov);
            else if (nesterov)
                momentumKernel<true>(pp + begin, gp + begin, bp + begin, end - begin, lr, m, wd);
            else
                momentumKernel<false>(pp + begin, gp + begin, bp + begin, end - begin, lr, m, wd);
        });
    }
    // Branch-free loops so that the compiler vectorises them.
    static void plainKernel(float *__restrict p, const float *__restrict g, std::int64_t n,
                            float lr, float wd)
    {
        for (std::int64_t k = 0; k < n; ++k)
            p[k] -= lr * (g[k] + wd * p[k]);
    }
    static void firstKernel(float *__restrict p, const float *__restrict g, float *__restrict b,
                            std::int64_t n, float lr, float m, float wd, bool nesterov)
    {
        const float scale = nesterov ? 1.0f + m : 1.0f; // buf = d, update = d (+ m·d)
        for (std::int64_t k = 0; k < n; ++k) {
            const float d = g[k] + wd * p[k];
            b[k] = d;
            p[k] -= lr * scale * d;
        }
    }
    template <bool Nesterov>
    static void momentumKernel(float *__restrict p, const float *__restrict g, float *__restrict b,
                               std::int64_t n, float lr, float m, float wd)
    {
        for (std::int64_t k = 0; k < n; ++k) {
            const float d = g[k] + wd * p[k];
            const float buf = m * b[k] + d;
            b[k] = buf;
            p[k] -= lr * (Nesterov ? d + m * buf : buf);
        }
    }
    void stepGeneric(torch::Tensor &p, const torch::Tensor &g, torch::Tensor *buffer, double weightDecay)
    {
        auto d = weightDecay != 0 ? g + weightDecay * p : g;
        if (buffer) {
            if (!m_started)
                buffer->copy_(d);
            else
                buffer->mul_(m_momentum).add_(d);
            d = m_nesterov ? d + m_momentum * *buffer : *buffer;
        }
        p.add_(d, -m_lr);
    }

    std::vector<torch::Tensor> m_params, m_buffers;
    std::vector<double> m_decay; ///< per parameter
    double m_lr, m_momentum;
    bool m_nesterov;
    bool m_started = false;
};

// Adam, AdamW and the reference SGD from torch::optim.
class TorchOptimizer : public TrainOptimizer
{
public:
    TorchOptimizer(std::unique_ptr<torch::optim::Optimizer> opt, std::vector<torch::Tensor> params)
        : m_opt(std::move(opt)), m_params(std::move(params))
    {
    }
    void setLr(double lr) override
    {
        for (auto &group : m_opt->param_groups())
            group.options().set_lr(lr);
    }
    void zeroGrad() override { dropGrads(m_params); }
    void step() override { m_opt->step(); }
    std::string save() override
    {
        std::ostringstream out;
        torch::save(*m_opt, out);
        return out.str();
    }
    void load(const std::string &bytes, const torch::Device &device) override
    {
        std::istringstream in(bytes);
        torch::serialize::InputArchive archive;
        archive.load_from(in, device);
        m_opt->load(archive);
    }

private:
    std::unique_ptr<torch::optim::Optimizer> m_opt;
    std::vector<torch::Tensor> m_params;
};

} // namespace

std::unique_ptr<TrainOptimizer> makeOptimizer(const TrainConfig &c,
                                              std::vector<torch::Tensor> params)
{
    namespace optim = torch::optim;
    // Weight decay per parameter: none on 1-D ones (norm scales and shifts, biases) unless asked.
    std::vector<double> decay;
    for (const auto &p : params)
        decay.push_back(!c.decayNormAndBias && p.dim() <= 1 ? 0.0 : c.weightDecay);
    if (c.optimizer == "sgd" && c.fusedOptimizer)
        return std::make_unique<FusedSgd>(c, std::move(params), std::move(decay));
    if (c.optimizer == "radam" || c.optimizer == "ranger")
        return std::make_unique<RAdamOptimizer>(c, std::move(params), std::move(decay), c.optimizer == "ranger");
    // torch::optim: one group with the weight decay, one without.
    std::vector<torch::Tensor> decayed, plain;
    for (std::size_t i = 0; i < params.size(); ++i)
        (decay[i] != 0 ? decayed : plain).push_back(params[i]);
    auto groups = [&](auto options) {
        std::vector<optim::OptimizerParamGroup> g;
        if (!decayed.empty())
            g.emplace_back(decayed, std::make_unique<decltype(options)>(options));
        if (!plain.empty()) {
            auto none = options;
            none.weight_decay(0);
            g.emplace_back(plain, std::make_unique<decltype(options)>(none));
        }
        return g;
    };
    std::unique_ptr<optim::Optimizer> opt;
    const auto betas = std::make_tuple(c.momentum, c.beta2);
    if (c.optimizer == "sgd")
        opt = std::make_unique<optim::SGD>(
            groups(optim::SGDOptions(c.lr).momentum(c.momentum).nesterov(c.nesterov).weight_decay(c.weightDecay)),
            optim::SGDOptions(c.lr));
    else if (c.optimizer == "adam")
        opt = std::make_unique<optim::Adam>(
            groups(optim::AdamOptions(c.lr).betas(betas).eps(c.eps).weight_decay(c.weightDecay)),
            optim::AdamOptions(c.lr));
    else
        opt = std::make_unique<optim::AdamW>(
            groups(optim::AdamWOptions(c.lr).betas(betas).eps(c.eps).weight_decay(c.weightDecay)),
            optim::AdamWOptions(c.lr));
    return std::make_unique<TorchOptimizer>(std::move(opt), std::move(params));
}

StepResult trainStep(SpecNet &net, TrainOptimizer &optimizer, const torch::Tensor &pool,
                     const torch::Tensor &labels, const torch::Tensor &idx, double lr,
                     double labelSmoothing, bool accuracy)
{
    return trainStepOn(net, optimizer, pool.index_select(0, idx), labels.index_select(0, idx), lr, labelSmoothing,
                       accuracy);
}

StepResult trainStepOn(SpecNet &net, TrainOptimizer &optimizer, const torch::Tensor &x, const torch::Tensor &y,
                       double lr, double labelSmoothing, bool accuracy)
{
    optimizer.setLr(lr);
    optimizer.zeroGrad();
    const auto logits = net->forward(x);
    const auto loss = torch::nn::functional::cross_entropy(
        logits, y, torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(labelSmoothing));
    StepResult r{loss.item<double>(), std::numeric_limits<double>::quiet_NaN(), y.size(0)};
    if (!std::isfinite(r.loss))
        return r;
    loss.backward();
    optimizer.step();
    if (accuracy)
        r.accuracy = double(logits.argmax(1).eq(y).sum().item<std::int64_t>()) / double(r.size);
    return r;
}

void prepareTrainingThreads(int threads)
{
    // glibc serves blocks above 128 KB..32 MB by mmap and returns freed heap tops to the
    // kernel: every training step then faulted in and zeroed its activation buffers anew
    // (18% of a small CNN's time in the kernel). Keeping up to 128 MB of freed memory in
    // the process saved 5-10% (measured, tutorial-cnn batch 16). Process-wide, set once.
    static std::once_flag mallocTuned;
    std::call_once(mallocTuned, [] {
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 128 << 20);
    });
    // OpenBLAS's own pool on top of OpenMP oversubscribes the cores (measured: 2x slower on
    // 2 cores); denormal gradients late in training slowed epochs by 40% (measured).
    at::set_num_threads(cpuThreads(threads));
    setBlasThreads(1);
    at::globalContext().setFlushDenormal(true);
    at::parallel_for(0, at::get_num_threads(), 1, [](std::int64_t, std::int64_t) {
        at::globalContext().setFlushDenormal(true);
    });
}

void setBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    if (auto fn = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        fn(threads);
}

} // namespace wb::core::detail
