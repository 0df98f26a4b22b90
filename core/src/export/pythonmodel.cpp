// model.py of a PyTorch export: plain torch.nn code generated from the model spec. Its
// modules and buffers are named as exportweights.cpp names the state dict.
#include "export/exportmodel.h"

#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace wb::core::detail {

namespace {

/// A Python literal of a string (JSON's escapes are Python's; invalid UTF-8 replaced).
std::string pyString(const std::string &s)
{
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string pyNumber(double v) { return nlohmann::json(v).dump(); }

const char *const kResidualBlock = R"(class ResidualBlock(nn.Module):
    """ResNet basic block: conv3x3-bn-act-conv3x3-bn plus a shortcut, then the activation.
    avg_down: the shortcut is a 2x2 average pool (when strided) and a 1x1 convolution only when
    the channels change; otherwise a strided 1x1 convolution when the shape changes."""

    def __init__(self, cin, cout, stride=1, mish=False, avg_down=False):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.act = nn.Mish() if mish else nn.ReLU()
        self.shortcut_pool = None
        self.shortcut_conv = None
        self.shortcut_bn = None
        if avg_down:
            if stride != 1:
                self.shortcut_pool = nn.AvgPool2d(stride, ceil_mode=True, count_include_pad=False)
            project, shortcut_stride = cin != cout, 1
        else:
            project, shortcut_stride = stride != 1 or cin != cout, stride
        if project:
            self.shortcut_conv = nn.Conv2d(cin, cout, 1, stride=shortcut_stride, bias=False)
            self.shortcut_bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        y = self.act(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        shortcut = x if self.shortcut_pool is None else self.shortcut_pool(x)
        if self.shortcut_conv is not None:
            shortcut = self.shortcut_bn(self.shortcut_conv(shortcut))
        return self.act(y + shortcut)


)";

/// The constructor expression of one layer (its input has `in` channels/features).
std::string layerCode(const LayerSpec &layer, const LayerInfo &info, std::int64_t in)
{
    const std::string &t = layer.type;
    const std::int64_t out = info.output.empty() ? 0 : info.output[0];
    std::ostringstream s;
    if (t == "conv2d") {
        s << "nn.Conv2d(" << in << ", " << out << ", " << layerInt(layer, "kernel", 1)
          << ", stride=" << layerInt(layer, "stride", 1) << ", padding=" << layerInt(layer, "padding", 0)
          << ", bias=" << (layerFlag(layer, "bias", true) ? "True" : "False") << ")";
    } else if (t == "residual") {
        s << "ResidualBlock(" << in << ", " << out << ", stride=" << layerInt(layer, "stride", 1)
          << ", mish=" << (layerFlag(layer, "mish", false) ? "True" : "False")
          << ", avg_down=" << (layerFlag(layer, "avgdown", false) ? "True" : "False") << ")";
    } else if (t == "maxpool2d" || t == "avgpool2d") {
        const auto k = layerInt(layer, "kernel", 1);
        s << (t == "maxpool2d" ? "nn.MaxPool2d(" : "nn.AvgPool2d(") << k << ", stride=" << layerInt(layer, "stride", k)
          << ", padding=" << layerInt(layer, "padding", 0) << ")";
    } else if (t == "adaptiveavgpool2d") {
        const auto o = layerInt(layer, "output", 1);
        s << "nn.AdaptiveAvgPool2d((" << o << ", " << o << "))";
    } else if (t == "batchnorm2d") {
        s << "nn.BatchNorm2d(" << in << ")";
    } else if (t == "batchnorm1d") {
        s << "nn.BatchNorm1d(" << in << ")";
    } else if (t == "dropout") {
        s << "nn.Dropout(" << pyNumber(layerReal(layer, "p", 0.5)) << ")";
    } else if (t == "flatten") {
        s << "nn.Flatten()";
    } else if (t == "linear") {
        s << "nn.Linear(" << in << ", " << out << ", bias=" << (layerFlag(layer, "bias", true) ? "True" : "False") << ")";
    } else if (t == "relu") {
        s << "nn.ReLU()";
    } else if (t == "leakyrelu") {
        s << "nn.LeakyReLU(" << pyNumber(layerReal(layer, "slope", 0.01)) << ")";
    } else if (t == "gelu") {
        s << "nn.GELU()";
    } else if (t == "mish") {
        s << "nn.Mish()";
    } else if (t == "tanh") {
        s << "nn.Tanh()";
    } else if (t == "sigmoid") {
        s << "nn.Sigmoid()";
    } else {
        throw Error(ErrorCode::BadSpec, "layer type '" + t + "' cannot be exported");
    }
    return s.str();
}

} // namespace

std::string pythonModelSource(const ExportInfo &info)
{
    const ModelSpec &spec = info.spec;
    const ShapeReport report = inferShapes(spec);
    bool residual = false;
    for (const auto &l : spec.layers)
        residual = residual || l.type == "residual";
    std::ostringstream py;
    py << "\"\"\"" << spec.input[0] << "x" << spec.input[1] << "x" << spec.input[2] << " images -> "
       << spec.classes << " class logits.\n\n"
       << "Exported by Sufficiency Workbench from run #" << info.runId << " (epoch " << info.epoch
       << ").\nUsage, from this folder:\n\n"
       << "    import model\n    net = model.load(\"weights.pt\")   # eval mode\n"
       << "    logits = net(images)   # images: float [N, C, H, W] in [0, 1]\n"
       << "    names = [model.CLASSES[i] for i in logits.argmax(1)]\n\"\"\"\n"
       << "import torch\nfrom torch import nn\n\n"
       << "# run " << pyString(info.runName) << ", dataset " << pyString(info.datasetName) << "\n"
       << "CLASSES = [";
    for (std::size_t i = 0; i < info.classNames.size(); ++i)
        py << (i ? ", " : "") << pyString(info.classNames[i]);
    py << "]\nINPUT_SHAPE = (" << spec.input[0] << ", " << spec.input[1] << ", " << spec.input[2]
       << ")  # channels, height, width\n\n\n";
    if (residual)
        py << kResidualBlock;
    py << "class Net(nn.Module):\n"
       << "    def __init__(self):\n"
       << "        super().__init__()\n"
       << "        # the training images' per-channel statistics: x -> (x - mean) * inv_std\n"
       << "        self.register_buffer(\"input_mean\", torch.zeros(1, " << spec.input[0] << ", 1, 1))\n"
       << "        self.register_buffer(\"input_inv_std\", torch.ones(1, " << spec.input[0] << ", 1, 1))\n"
       << "        self.layers = nn.Sequential(\n";
    std::int64_t in = spec.input[0];
    for (std::size_t k = 0; k < spec.layers.size(); ++k) {
        py << "            " << layerCode(spec.layers[k], report.layers[k], in) << ",  # " << k << ": "
           << report.layers[k].summary << " -> [";
        for (std::size_t d = 0; d < report.layers[k].output.size(); ++d)
            py << (d ? ", " : "") << report.layers[k].output[d];
        py << "]\n";
        if (!report.layers[k].output.empty())
            in = report.layers[k].output[0];
    }
    py << "        )\n\n"
       << "    def forward(self, images):\n"
       << "        \"\"\"images: float [N, C, H, W] in [0, 1]; returns the logits [N, classes].\"\"\"\n"
       << "        return self.layers((images - self.input_mean) * self.input_inv_std)\n\n\n"
       << "def load(path=\"weights.pt\", device=\"cpu\"):\n"
       << "    \"\"\"The network with the exported weights, in eval mode, on `device`.\"\"\"\n"
       << "    net = Net()\n"
       << "    net.load_state_dict(torch.load(path, map_location=device))\n"
       << "    return net.to(device).eval()\n";
    return py.str();
}

} // namespace wb::core::detail
