// RAdam (Liu et al. 2019, "On the Variance of the Adaptive Learning Rate and Beyond") with
// decoupled weight decay, and Ranger = RAdam + Lookahead (Zhang et al. 2019): the update of
// the fastai study of validation variance.
#include "train/radam.h"

#include "model/tensorio.h"
#include "wb/errors.h"

#include <cmath>

namespace wb::core::detail {

RAdamStep radamStep(std::int64_t t, double beta1, double beta2)
{
    RAdamStep s;
    s.biasCorrection1 = 1 - std::pow(beta1, double(t));
    const double bc2 = 1 - std::pow(beta2, double(t));
    const double rhoInf = 2 / (1 - beta2) - 1;
    s.rho = rhoInf - 2 * double(t) * std::pow(beta2, double(t)) / bc2;
    s.adaptive = s.rho > 5;
    if (s.adaptive)
        s.rectification = std::sqrt((s.rho - 4) * (s.rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * s.rho));
    s.sqrtBiasCorrection2 = std::sqrt(bc2);
    return s;
}

RAdamOptimizer::RAdamOptimizer(const TrainConfig &c, std::vector<torch::Tensor> params, std::vector<double> decay,
                               bool lookahead)
    : m_params(std::move(params)), m_decay(std::move(decay)), m_lr(c.lr), m_beta1(c.momentum), m_beta2(c.beta2),
      m_eps(c.eps), m_lookahead(lookahead), m_k(c.lookaheadSteps), m_alpha(c.lookaheadAlpha)
{
}

void RAdamOptimizer::zeroGrad()
{
    for (const auto &p : m_params)
        if (p.grad().defined())
            const_cast<torch::Tensor &>(p).mutable_grad() = torch::Tensor();
}

void RAdamOptimizer::step()
{
    torch::NoGradGuard noGrad;
    if (m_m.empty())
        for (const auto &p : m_params) {
            m_m.push_back(torch::zeros_like(p));
            m_v.push_back(torch::zeros_like(p));
            if (m_lookahead)
                m_slow.push_back(p.detach().clone());
        }
    ++m_t;
    const RAdamStep s = radamStep(m_t, m_beta1, m_beta2);
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        auto &p = m_params[i];
        const auto &g = p.grad();
        if (!g.defined())
            continue;
        if (m_decay[i] != 0)
            p.mul_(1 - m_lr * m_decay[i]); // decoupled: p -= lr·wd·p
        m_m[i].mul_(m_beta1).add_(g, 1 - m_beta1);
        m_v[i].mul_(m_beta2).addcmul_(g, g, 1 - m_beta2);
        if (s.adaptive) {
            // PyTorch's and fastai's form: ε is added to √v, the bias correction of v folded in.
            const auto denom = m_v[i].sqrt().add_(m_eps);
            p.addcdiv_(m_m[i], denom, -m_lr * s.rectification * s.sqrtBiasCorrection2 / s.biasCorrection1);
        } else {
            p.add_(m_m[i], -m_lr / s.biasCorrection1);
        }
    }
    if (m_lookahead && m_t % m_k == 0)
        for (std::size_t i = 0; i < m_params.size(); ++i) {
            m_slow[i].add_(m_params[i] - m_slow[i], m_alpha); // slow += α (fast − slow)
            m_params[i].copy_(m_slow[i]);
        }
}

std::string RAdamOptimizer::save()
{
    NamedTensors state = {{"step", torch::tensor(m_t)}};
    for (std::size_t i = 0; i < m_m.size(); ++i) {
        state.emplace_back("m." + std::to_string(i), m_m[i]);
        state.emplace_back("v." + std::to_string(i), m_v[i]);
        if (m_lookahead)
            state.emplace_back("slow." + std::to_string(i), m_slow[i]);
    }
    return writeTensors(state);
}

void RAdamOptimizer::load(const std::string &bytes, const torch::Device &device)
{
    const NamedTensors state = readTensors(bytes);
    const std::size_t per = m_lookahead ? 3 : 2;
    if (state.empty() || state[0].first != "step"
        || (state.size() != 1 && state.size() != 1 + per * m_params.size()))
        throw Error(ErrorCode::Runtime, "the saved RAdam/Ranger state does not fit this network");
    m_t = state[0].second.item<std::int64_t>();
    m_m.clear();
    m_v.clear();
    m_slow.clear();
    for (std::size_t i = 1; i < state.size(); i += per) {
        const auto &p = m_params[(i - 1) / per];
        for (std::size_t j = 0; j < per; ++j)
            if (!state[i + j].second.sizes().equals(p.sizes()))
                throw Error(ErrorCode::Runtime, "the saved RAdam/Ranger state does not fit this network");
        m_m.push_back(state[i].second.to(device));
        m_v.push_back(state[i + 1].second.to(device));
        if (m_lookahead)
            m_slow.push_back(state[i + 2].second.to(device));
    }
}

} // namespace wb::core::detail
