#include "studies/activeround.h"
#include "wb/scriptmodel.h"

#include "model/networkimpl.h"
#include "train/optimizer.h"
#include "util/random.h"
#include "wb/progress.h"

#include <cmath>
#include <sstream>

namespace wb::core::detail {

namespace {
constexpr int kScoreBatch = 512;
constexpr double kGradientPenalty = 10.0; // weight of the discriminator's gradient penalty
constexpr double kDiscriminatorLr = 1e-3; // Adam, as the adversarial strategy's authors

// `steps` batches of positions into `list`: successive seeded shuffles of the whole list
// (epochs over it), cut into batches of `batch`.
std::vector<std::int64_t> batchStream(const std::vector<std::int64_t> &list, std::int64_t steps, int batch,
                                      std::mt19937_64 &rng)
{
    std::vector<std::int64_t> out;
    const auto need = std::size_t(steps) * std::size_t(std::min<std::int64_t>(batch, std::int64_t(list.size())));
    out.reserve(need);
    std::vector<std::int64_t> pass = list;
    while (out.size() < need) {
        shuffle(pass, rng);
        out.insert(out.end(), pass.begin(), pass.begin() + long(std::min(pass.size(), need - out.size())));
    }
    return out;
}

torch::Tensor indexTensorOf(const std::vector<std::int64_t> &v, const torch::Device &device)
{
    return torch::tensor(v, torch::kInt64).to(device);
}

// Applies `fn` to batches of the images at `indices` in evaluation mode without gradients and
// concatenates the CPU results.
template <typename Fn>
torch::Tensor batched(SpecNet &net, const DeviceImages &data, const std::vector<std::int64_t> &indices, int batch,
                      Fn fn)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = net->is_training();
    net->eval();
    std::vector<torch::Tensor> parts;
    const auto idx = indexTensorOf(indices, data.images.device());
    const std::int64_t n = idx.size(0);
    for (std::int64_t start = 0; start < n; start += batch)
        parts.push_back(fn(data.images.index_select(0, idx.slice(0, start, std::min(n, start + batch)))).to(torch::kCPU));
    net->train(wasTraining);
    return parts.empty() ? torch::zeros({0, 0}) : torch::cat(parts).contiguous();
}

std::vector<float> toVector(const torch::Tensor &t)
{
    const auto c = t.to(torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

} // namespace

torch::nn::Sequential makeDiscriminator(std::int64_t featureDim, std::uint64_t seed, const torch::Device &device)
{
    namespace nn = torch::nn;
    nn::Sequential d(nn::Linear(featureDim, 512), nn::ReLU(), nn::Linear(512, 512), nn::ReLU(), nn::Linear(512, 512),
                     nn::ReLU(), nn::Linear(512, 1));
    // LibTorch's default initialisation (uniform ±1/√fan_in) from this seed's own generator.
    auto gen = at::detail::createCPUGenerator(seed);
    torch::NoGradGuard noGrad;
    for (auto &m : d->children())
        if (auto *linear = m->as<nn::Linear>()) {
            const double bound = 1.0 / std::sqrt(double(linear->weight.size(1)));
            linear->weight.uniform_(-bound, bound, gen);
            linear->bias.uniform_(-bound, bound, gen);
        }
    d->to(device);
    return d;
}

std::string trainRound(SpecNet &net, const DeviceImages &data, const std::vector<std::int64_t> &labelled,
                       const RoundTraining &t, ProgressSink &progress, double progressFrom, double progressTo)
{
    const TrainConfig &c = *t.config;
    const torch::Device device = data.images.device();
    auto optimizer = makeOptimizer(c, net->parameters());
    std::mt19937_64 rng(mixSeed(t.seed, 11));
    const auto order = indexTensorOf(batchStream(labelled, t.steps, c.batchSize, rng), device);
    const std::int64_t batch = std::min<std::int64_t>(c.batchSize, std::int64_t(labelled.size()));
    net->seedDropout(mixSeed(t.seed, 12));
    net->train();

    std::unique_ptr<torch::optim::Adam> dOptimizer;
    torch::Tensor unlabelledOrder;
    at::Generator gen = at::detail::createCPUGenerator(mixSeed(t.seed, 13));
    const bool adversarial = t.discriminator && !t.unlabelled.empty();
    if (adversarial) {
        dOptimizer = std::make_unique<torch::optim::Adam>((*t.discriminator)->parameters(),
                                                          torch::optim::AdamOptions(kDiscriminatorLr));
        unlabelledOrder = indexTensorOf(batchStream(t.unlabelled, t.steps, int(batch), rng), device);
        (*t.discriminator)->train();
    }
    const std::int64_t uBatch = adversarial ? unlabelledOrder.size(0) / t.steps : 0;
    namespace F = torch::nn::functional;
    for (std::int64_t step = 0; step < t.steps; ++step) {
        if (progress.isCancelRequested())
            return "cancelled";
        const double lr = scheduledLr(c, step, t.steps);
        const auto idx = order.slice(0, step * batch, (step + 1) * batch);
        double loss = 0;
        if (!adversarial) {
            loss = trainStep(net, *optimizer, data.images, data.labels, idx, lr, c.labelSmoothing, false).loss;
        } else {
            auto &D = *t.discriminator;
            const auto x = data.images.index_select(0, idx);
            const auto y = data.labels.index_select(0, idx);
            const auto xu = data.images.index_select(0, unlabelledOrder.slice(0, step * uBatch, (step + 1) * uBatch));
            optimizer->setLr(lr);
            optimizer->zeroGrad();
            const auto fl = net->features(x);
            const auto fu = net->features(xu);
            const auto ce = F::cross_entropy(net->head(fl), y,
                                             F::CrossEntropyFuncOptions().label_smoothing(c.labelSmoothing));
            // LSGAN: the backbone wants the discriminator to take unlabelled images for labelled (1).
            const auto fool = (D->forward(fu) - 1).pow(2).mean();
            const auto total = ce + t.adversarialLossWeight * fool;
            loss = total.item<double>();
            if (std::isfinite(loss)) {
                total.backward();
                optimizer->step();
                // Discriminator: labelled → 1, unlabelled → 0, with a gradient penalty on
                // points between the two.
                dOptimizer->zero_grad();
                const auto l = fl.detach(), u = fu.detach();
                const std::int64_t m = std::min(l.size(0), u.size(0));
                const auto alpha = torch::rand({m, 1}, gen).to(device);
                auto between = (alpha * l.slice(0, 0, m) + (1 - alpha) * u.slice(0, 0, m)).requires_grad_(true);
                const auto out = D->forward(between);
                const auto grad = torch::autograd::grad({out}, {between}, {torch::ones_like(out)}, true, true)[0];
                const auto penalty = (grad.norm(2, 1) - 1).pow(2).mean();
                const auto dLoss = (D->forward(l) - 1).pow(2).mean() + D->forward(u).pow(2).mean()
                                   + kGradientPenalty * penalty;
                const double dl = dLoss.item<double>();
                if (std::isfinite(dl)) {
                    dLoss.backward();
                    dOptimizer->step();
                } else {
                    loss = dl;
                }
            }
        }
        if (!std::isfinite(loss)) {
            std::ostringstream msg;
            msg << "loss became " << loss << " at step " << step + 1 << " (lr " << lr << ")";
            return msg.str();
        }
        if ((step & 15) == 0)
            progress.setProgress(progressFrom + (progressTo - progressFrom) * double(step) / double(t.steps),
                                 "step " + std::to_string(step + 1) + "/" + std::to_string(t.steps));
    }
    net->eval();
    return {};
}

std::vector<float> logProbabilities(SpecNet &net, const DeviceImages &data, const std::vector<std::int64_t> &indices)
{
    return toVector(batched(net, data, indices, kScoreBatch,
                            [&](const torch::Tensor &x) { return torch::log_softmax(net->forward(x), 1); }));
}

std::vector<std::vector<float>> mcDropoutLogProbabilities(SpecNet &net, const DeviceImages &data,
                                                          const std::vector<std::int64_t> &indices, int passes,
                                                          std::uint64_t seed)
{
    net->seedDropout(seed);
    std::vector<std::vector<float>> out(static_cast<std::size_t>(passes));
    std::int64_t classes = 0;
    const auto all = batched(net, data, indices, kScoreBatch, [&](const torch::Tensor &x) {
        const auto b = x.size(0);
        const auto lp = net->mcDropoutLogProbabilities(x, passes);
        classes = lp.size(1);
        return lp.view({passes, b, classes}).transpose(0, 1).contiguous(); // [b, K, C]
    });
    if (all.numel() == 0)
        return out;
    const auto perPass = all.transpose(0, 1).contiguous(); // [K, n, C]
    for (int k = 0; k < passes; ++k)
        out[std::size_t(k)] = toVector(perPass[k]);
    return out;
}

std::vector<float> penultimateFeatures(SpecNet &net, const DeviceImages &data,
                                       const std::vector<std::int64_t> &indices, std::int64_t *dims)
{
    const auto f = batched(net, data, indices, kScoreBatch, [&](const torch::Tensor &x) { return net->features(x); });
    if (dims)
        *dims = f.dim() == 2 ? f.size(1) : 0;
    return toVector(f);
}

std::vector<double> unlabelledScores(SpecNet &net, torch::nn::Sequential &discriminator, const DeviceImages &data,
                                     const std::vector<std::int64_t> &indices)
{
    discriminator->eval();
    const auto d = batched(net, data, indices, kScoreBatch,
                           [&](const torch::Tensor &x) { return discriminator->forward(net->features(x)); });
    std::vector<double> out;
    out.reserve(indices.size());
    for (float v : toVector(d))
        out.push_back(std::isfinite(v) ? 1.0 - double(v) : 0.0);
    return out;
}

bool hasDropout(const ModelSpec &spec)
{
    if (spec.isScript()) { // dropout submodules are what the MC passes switch on
        for (const auto &m : inspectScriptModel(spec).modules)
            if (m.type.find("Dropout") != std::string::npos)
                return true;
        return false;
    }
    for (const auto &layer : spec.layers)
        if (layer.type == "dropout") {
            const auto it = layer.params.find("p");
            if (it == layer.params.end() || it->second > 0)
                return true;
        }
    return false;
}

} // namespace wb::core::detail
