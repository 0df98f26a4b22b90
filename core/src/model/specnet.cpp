#include "model/specnet.h"

#include "wb/errors.h"

namespace wb::core::detail {

namespace nn = torch::nn;

ResidualBlockImpl::ResidualBlockImpl(const ResidualBlockOptions &o)
{
    m_conv1 = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(o.in(), o.out(), 3)
                                                      .stride(o.stride()).padding(1).bias(false)));
    m_bn1 = register_module("bn1", nn::BatchNorm2d(o.out()));
    m_conv2 = register_module("conv2", nn::Conv2d(nn::Conv2dOptions(o.out(), o.out(), 3)
                                                      .padding(1).bias(false)));
    m_bn2 = register_module("bn2", nn::BatchNorm2d(o.out()));
    if (o.zeroInit()) {
        torch::NoGradGuard noGrad;
        m_bn2->weight.zero_();
    }
    m_mish = o.mish();
    if (o.avgDown()) {
        if (o.stride() != 1)
            m_shortcutPool = register_module(
                "shortcut_pool", nn::AvgPool2d(nn::AvgPool2dOptions(o.stride()).ceil_mode(true).count_include_pad(false)));
        if (o.in() != o.out()) {
            m_shortcutConv = register_module("shortcut_conv", nn::Conv2d(nn::Conv2dOptions(o.in(), o.out(), 1).bias(false)));
            m_shortcutBn = register_module("shortcut_bn", nn::BatchNorm2d(o.out()));
        }
    } else if (o.stride() != 1 || o.in() != o.out()) {
        m_shortcutConv = register_module(
            "shortcut_conv",
            nn::Conv2d(nn::Conv2dOptions(o.in(), o.out(), 1).stride(o.stride()).bias(false)));
        m_shortcutBn = register_module("shortcut_bn", nn::BatchNorm2d(o.out()));
    }
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor &x)
{
    auto act = [this](const torch::Tensor &t) { return m_mish ? torch::mish(t) : torch::relu(t); };
    auto y = act(m_bn1(m_conv1(x)));
    y = m_bn2(m_conv2(y));
    auto shortcut = m_shortcutPool ? m_shortcutPool(x) : x;
    if (m_shortcutConv)
        shortcut = m_shortcutBn(m_shortcutConv(shortcut));
    return act(y + shortcut);
}

namespace {

nn::AnyModule makeLayer(const LayerSpec &layer, const LayerInfo &info, const std::vector<std::int64_t> &in,
                        const std::shared_ptr<at::Generator> &dropoutGenerator)
{
    auto p = [&](const char *key, double fallback) {
        auto it = layer.params.find(key);
        return it == layer.params.end() ? fallback : it->second;
    };
    auto i = [&](const char *key, std::int64_t fallback) { return std::int64_t(p(key, double(fallback))); };
    const std::string &t = layer.type;
    if (t == "conv2d")
        return nn::AnyModule(nn::Conv2d(nn::Conv2dOptions(in[0], info.output[0], i("kernel", 1))
                                            .stride(i("stride", 1))
                                            .padding(i("padding", 0))
                                            .bias(p("bias", 1) != 0)));
    if (t == "residual")
        return nn::AnyModule(
            ResidualBlock(ResidualBlockOptions(in[0], info.output[0])
                              .stride(i("stride", 1))
                              .mish(p("mish", 0) != 0)
                              .avgDown(p("avgdown", 0) != 0)
                              .zeroInit(p("zeroinit", 0) != 0)));
    if (t == "maxpool2d" || t == "avgpool2d") {
        const auto k = i("kernel", 1);
        if (t == "maxpool2d")
            return nn::AnyModule(nn::MaxPool2d(
                nn::MaxPool2dOptions(k).stride(i("stride", k)).padding(i("padding", 0))));
        return nn::AnyModule(
            nn::AvgPool2d(nn::AvgPool2dOptions(k).stride(i("stride", k)).padding(i("padding", 0))));
    }
    if (t == "adaptiveavgpool2d") {
        const auto o = i("output", 1);
        return nn::AnyModule(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({o, o})));
    }
    if (t == "batchnorm2d")
        return nn::AnyModule(nn::BatchNorm2d(in[0]));
    if (t == "batchnorm1d")
        return nn::AnyModule(nn::BatchNorm1d(in[0]));
    if (t == "dropout")
        return nn::AnyModule(SeededDropout(p("p", 0.5), dropoutGenerator));
    if (t == "flatten")
        return nn::AnyModule(nn::Flatten());
    if (t == "linear")
        return nn::AnyModule(
            nn::Linear(nn::LinearOptions(in[0], info.output[0]).bias(p("bias", 1) != 0)));
    if (t == "relu")
        return nn::AnyModule(nn::ReLU());
    if (t == "leakyrelu")
        return nn::AnyModule(nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(p("slope", 0.01))));
    if (t == "gelu")
        return nn::AnyModule(nn::GELU());
    if (t == "mish")
        return nn::AnyModule(nn::Mish());
    if (t == "tanh")
        return nn::AnyModule(nn::Tanh());
    if (t == "sigmoid")
        return nn::AnyModule(nn::Sigmoid());
    throw Error(ErrorCode::BadSpec, "unknown layer type '" + t + "'");
}

} // namespace

torch::Tensor SeededDropoutImpl::forward(const torch::Tensor &x)
{
    if (!is_training() || m_p <= 0)
        return x;
    if (m_p >= 1)
        return x * 0;
    const auto keep = at::empty_like(x).bernoulli_(1 - m_p, *m_generator);
    return x * keep * (1 / (1 - m_p));
}

SpecNetImpl::SpecNetImpl(const ModelSpec &spec, std::uint64_t seed)
{
    seedDropout(0);
    if (spec.isScript()) {
        initScript(spec, seed);
        return;
    }
    const ShapeReport report = inferShapes(spec); // validates; throws BadSpec
    std::vector<std::int64_t> shape = {spec.input[0], spec.input[1], spec.input[2]};
    for (std::size_t k = 0; k < spec.layers.size(); ++k) {
        auto module = makeLayer(spec.layers[k], report.layers[k], shape, m_dropoutGenerator);
        register_module(std::to_string(k), module.ptr());
        m_layers.push_back(std::move(module));
        if (spec.layers[k].type == "linear")
            m_lastLinear = k;
        if (spec.layers[k].type == "dropout" && m_firstDropout == kNone)
            m_firstDropout = k;
        shape = report.layers[k].output;
    }
    const auto c = spec.input[0];
    m_mean = register_buffer("input_mean", torch::zeros({1, c, 1, 1}));
    m_invStd = register_buffer("input_inv_std", torch::ones({1, c, 1, 1}));
}

void SpecNetImpl::setNormalization(const std::vector<double> &mean, const std::vector<double> &stddev)
{
    if (m_fixedNormalization)
        return;
    torch::NoGradGuard guard;
    for (std::size_t c = 0; c < mean.size() && std::int64_t(c) < m_mean.size(1); ++c) {
        m_mean[0][std::int64_t(c)].fill_(mean[c]);
        m_invStd[0][std::int64_t(c)].fill_(1.0 / stddev[c]);
    }
}

void SpecNetImpl::seedDropout(std::uint64_t seed)
{
    const torch::Device device = m_mean.defined() ? m_mean.device() : torch::Device(torch::kCPU);
    *m_dropoutGenerator = at::globalContext().defaultGenerator(device).clone();
    m_dropoutGenerator->set_current_seed(seed);
    m_dropoutSeed = seed;
    m_draws = 0;
}

torch::Tensor SpecNetImpl::prepare(const torch::Tensor &images) const
{
    return (images.to(torch::kFloat32).mul_(1.0 / 255.0) - m_mean) * m_invStd;
}

torch::Tensor SpecNetImpl::forward(const torch::Tensor &images)
{
    auto x = prepare(images);
    if (m_script)
        return scriptForward(x);
    for (auto &layer : m_layers)
        x = layer.forward(x);
    return x;
}

torch::Tensor SpecNetImpl::features(const torch::Tensor &images)
{
    auto x = prepare(images);
    if (m_script)
        return scriptFeaturesOf(x);
    for (std::size_t k = 0; k < m_lastLinear; ++k)
        x = m_layers[k].forward(x);
    return x;
}

std::size_t SpecNetImpl::firstDropout() const
{
    if (m_script)
        return 0;
    return m_firstDropout == kNone ? m_layers.size() : m_firstDropout;
}

torch::Tensor SpecNetImpl::forwardTo(const torch::Tensor &images, std::size_t end)
{
    auto x = prepare(images);
    if (m_script && end > 0)
        return scriptForward(x);
    for (std::size_t k = 0; k < end && k < m_layers.size(); ++k)
        x = m_layers[k].forward(x);
    return x;
}

torch::Tensor SpecNetImpl::forwardFrom(const torch::Tensor &x, std::size_t from)
{
    if (m_script)
        return from == 0 ? scriptForward(x) : x;
    auto y = x;
    for (std::size_t k = from; k < m_layers.size(); ++k)
        y = m_layers[k].forward(y);
    return y;
}

torch::Tensor SpecNetImpl::head(const torch::Tensor &features)
{
    if (m_script)
        return scriptHeadOf(features);
    auto x = features;
    for (std::size_t k = m_lastLinear; k < m_layers.size(); ++k)
        x = m_layers[k].forward(x);
    return x;
}

} // namespace wb::core::detail
