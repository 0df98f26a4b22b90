#include "model/networkimpl.h"
#include "model/tensorio.h"

#include "wb/errors.h"

#include <mutex>
#include <sstream>

namespace wb::core {

namespace detail {

torch::Tensor poolTensor(const ImageDataset &data)
{
    return torch::from_blob(const_cast<std::uint8_t *>(data.pixels.data()),
                            {std::int64_t(data.size()), data.channels, data.height, data.width},
                            torch::kUInt8);
}

torch::Tensor indexTensor(const std::vector<std::size_t> &indices, std::size_t all)
{
    if (indices.empty())
        return torch::arange(std::int64_t(all), torch::kInt64);
    std::vector<std::int64_t> v(indices.begin(), indices.end());
    return torch::tensor(v, torch::kInt64);
}

torch::Tensor batchedLogits(SpecNet &net, const torch::Tensor &pool, const torch::Tensor &indices,
                            const torch::Device &device, int batchSize, bool features, bool testTimeFlip)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = net->is_training();
    net->eval();
    std::vector<torch::Tensor> parts;
    const std::int64_t n = indices.size(0);
    for (std::int64_t start = 0; start < n; start += batchSize) {
        auto idx = indices.slice(0, start, std::min(n, start + batchSize)).to(pool.device());
        auto x = pool.index_select(0, idx).to(device);
        if (testTimeFlip && !features) {
            const auto p = torch::softmax(net->forward(x), 1) + torch::softmax(net->forward(x.flip({3})), 1);
            parts.push_back(torch::log(p.mul_(0.5)).to(torch::kCPU));
        } else {
            parts.push_back((features ? net->features(x) : net->forward(x)).to(torch::kCPU));
        }
    }
    net->train(wasTraining);
    if (parts.empty())
        return torch::zeros({0, 0});
    return torch::cat(parts).contiguous();
}

EvalResult evalFromLogits(const torch::Tensor &logits, const std::vector<std::int64_t> &labels,
                          int classes, double beta)
{
    const auto l = logits.to(torch::kFloat32).contiguous();
    std::vector<float> v(l.data_ptr<float>(), l.data_ptr<float>() + l.numel());
    return evaluateLogits(v, labels, classes, beta);
}

} // namespace detail

Network::Network(const ModelSpec &spec, std::uint64_t seed, const std::string &device)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->spec = spec;
    m_impl->device = torch::Device(device);
    {
        // LibTorch's default generator is process-wide: seed it and draw the initial weights
        // as one step, so that networks built at once on several threads (sufficiency runs)
        // each get the weights of their own seed.
        const std::lock_guard<std::mutex> lock(detail::globalGeneratorMutex());
        torch::manual_seed(seed);
        m_impl->net = detail::SpecNet(spec, seed);
    }
    m_impl->net->to(m_impl->device);
}

Network::~Network() = default;
Network::Network(Network &&) noexcept = default;
Network &Network::operator=(Network &&) noexcept = default;

const ModelSpec &Network::spec() const { return m_impl->spec; }
Network::Impl &Network::impl() { return *m_impl; }
const Network::Impl &Network::impl() const { return *m_impl; }

std::int64_t Network::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto &p : m_impl->net->parameters())
        n += p.numel();
    return n;
}

std::string Network::saveState() const
{
    return detail::writeTensors(detail::moduleState(*m_impl->net));
}

void Network::loadState(const std::string &bytes)
{
    try {
        detail::loadModuleState(*m_impl->net, detail::readTensors(bytes));
    } catch (const Error &e) {
        throw Error(ErrorCode::Runtime,
                    std::string("the saved weights do not fit this network: ") + e.what());
    }
}

void Network::setNormalization(const ChannelStats &stats)
{
    m_impl->net->setNormalization(stats.mean, stats.stddev);
}

std::vector<float> Network::logits(const ImageDataset &data, const std::vector<std::size_t> &indices,
                                   bool testTimeFlip) const
{
    auto l = detail::batchedLogits(m_impl->net, detail::poolTensor(data),
                                   detail::indexTensor(indices, data.size()), m_impl->device, 512, false,
                                   testTimeFlip);
    return {l.data_ptr<float>(), l.data_ptr<float>() + l.numel()};
}

EvalResult Network::evaluate(const ImageDataset &data, const std::vector<std::size_t> &indices,
                             double beta, int batchSize) const
{
    auto idx = detail::indexTensor(indices, data.size());
    auto l = detail::batchedLogits(m_impl->net, detail::poolTensor(data), idx, m_impl->device,
                                   batchSize);
    std::vector<std::int64_t> labels;
    if (indices.empty())
        labels = data.labels;
    else
        for (auto i : indices)
            labels.push_back(data.labels.at(i));
    return detail::evalFromLogits(l, labels, m_impl->spec.classes, beta);
}

std::vector<float> Network::features(const ImageDataset &data,
                                     const std::vector<std::size_t> &indices,
                                     std::int64_t *featureDim) const
{
    auto f = detail::batchedLogits(m_impl->net, detail::poolTensor(data),
                                   detail::indexTensor(indices, data.size()), m_impl->device, 512,
                                   true);
    if (featureDim)
        *featureDim = f.dim() == 2 ? f.size(1) : 0;
    return {f.data_ptr<float>(), f.data_ptr<float>() + f.numel()};
}

} // namespace wb::core
