// The network presets of wb::core::presetSpec (linear, mlp, lenet5, lenet5-dropout,
// tutorial-cnn, cnn, resnet18, xresnet18) as plain layer lists.
#include "wb/errors.h"
#include "wb/modelspec.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

namespace wb::core {

namespace {

void addLayer(ModelSpec &s, std::string type, std::map<std::string, double> params = {})
{
    s.layers.push_back({std::move(type), std::move(params)});
}

// A LeNet size scaled by the channel multiplier m (width / 6): at least 1.
double scaled(double size, double m) { return std::max(1.0, std::round(size * m)); }

// flatten → 120 → relu → 84 → relu → K: the classifier of LeNet-5 and the tutorial CNN,
// its hidden sizes scaled by the channel multiplier m.
// With `dropout` > 0, dropout of that rate follows each hidden layer (MC dropout's presets).
void addLeNetHead(ModelSpec &s, double classes, double m, double dropout = 0)
{
    addLayer(s, "flatten");
    addLayer(s, "linear", {{"out", scaled(120, m)}});
    addLayer(s, "relu");
    if (dropout > 0)
        addLayer(s, "dropout", {{"p", dropout}});
    addLayer(s, "linear", {{"out", scaled(84, m)}});
    addLayer(s, "relu");
    if (dropout > 0)
        addLayer(s, "dropout", {{"p", dropout}});
    addLayer(s, "linear", {{"out", classes}});
}

} // namespace

const std::vector<std::string> &presetNames()
{
    static const std::vector<std::string> names = {"linear", "mlp", "lenet5", "lenet5-dropout",
                                                   "tutorial-cnn", "cnn", "resnet18", "xresnet18"};
    return names;
}

ModelSpec presetSpec(const std::string &name, int width, const std::array<int, 3> &input,
                     int classes)
{
    ModelSpec s;
    s.input = input;
    s.classes = classes;
    const bool hasWidth = name != "linear";
    if (width < 0 || width > 65536)
        throw Error(ErrorCode::InvalidArgument, "width " + std::to_string(width)
                                                    + ": expected 1 to 65536 (0 = the preset's default)");
    if (width > 0 && !hasWidth)
        throw Error(ErrorCode::InvalidArgument,
                    "preset '" + name + "' has no width (mlp, lenet5, tutorial-cnn, cnn, resnet18 and xresnet18 do)");
    const double K = classes;
    // lenet5 and tutorial-cnn: the width is the first convolution's channels (6 by default);
    // every other hidden size scales with it (a channel multiplier of width / 6).
    const double m = width > 0 ? width / 6.0 : 1.0;
    if (name == "linear") {
        addLayer(s, "flatten");
        addLayer(s, "linear", {{"out", K}});
    } else if (name == "mlp") {
        const double w = width > 0 ? width : 256;
        addLayer(s, "flatten");
        addLayer(s, "linear", {{"out", w}});
        addLayer(s, "relu");
        addLayer(s, "linear", {{"out", std::max(1.0, std::floor(w / 2))}});
        addLayer(s, "relu");
        addLayer(s, "linear", {{"out", K}});
    } else if (name == "lenet5" || name == "lenet5-dropout") {
        addLayer(s, "conv2d", {{"out", scaled(6, m)}, {"kernel", 5}, {"padding", 2}});
        addLayer(s, "relu");
        addLayer(s, "maxpool2d", {{"kernel", 2}});
        addLayer(s, "conv2d", {{"out", scaled(16, m)}, {"kernel", 5}});
        addLayer(s, "relu");
        addLayer(s, "maxpool2d", {{"kernel", 2}});
        addLeNetHead(s, K, m, name == "lenet5-dropout" ? 0.25 : 0);
    } else if (name == "tutorial-cnn") {
        addLayer(s, "conv2d", {{"out", scaled(6, m)}, {"kernel", 5}});
        addLayer(s, "relu");
        addLayer(s, "conv2d", {{"out", scaled(16, m)}, {"kernel", 5}});
        addLayer(s, "relu");
        addLeNetHead(s, K, m);
    } else if (name == "cnn") {
        const double w = width > 0 ? width : 16;
        for (double c : {w, 2 * w}) {
            addLayer(s, "conv2d", {{"out", c}, {"kernel", 3}, {"padding", 1}, {"bias", 0}});
            addLayer(s, "batchnorm2d");
            addLayer(s, "relu");
            addLayer(s, "maxpool2d", {{"kernel", 2}});
        }
        addLayer(s, "conv2d", {{"out", 4 * w}, {"kernel", 3}, {"padding", 1}, {"bias", 0}});
        addLayer(s, "batchnorm2d");
        addLayer(s, "relu");
        addLayer(s, "adaptiveavgpool2d", {{"output", 1}});
        addLayer(s, "flatten");
        addLayer(s, "linear", {{"out", K}});
    } else if (name == "resnet18") {
        // ResNet-18 for small inputs: 3x3 stem with stride 1 and no max-pool (CIFAR-style).
        const double w = width > 0 ? width : 64;
        addLayer(s, "conv2d", {{"out", w}, {"kernel", 3}, {"padding", 1}, {"bias", 0}});
        addLayer(s, "batchnorm2d");
        addLayer(s, "relu");
        for (int stage = 0; stage < 4; ++stage) {
            const double c = w * double(1 << stage);
            addLayer(s, "residual", {{"out", c}, {"stride", stage == 0 ? 1 : 2}});
            addLayer(s, "residual", {{"out", c}});
        }
        addLayer(s, "adaptiveavgpool2d", {{"output", 1}});
        addLayer(s, "flatten");
        addLayer(s, "linear", {{"out", K}});
    } else if (name == "xresnet18") {
        // The "bag of tricks" ResNet-18 (xresnet18 as fastai builds it, Mish activations): a stem
        // of three 3x3 convolutions (c/2, c/2, c), average-pool shortcuts, each block's last batch
        // norm starting at zero. Inputs of 64 px and more get the ImageNet stem (stride 2 and a
        // 3x3 max pool: 128 px → 32 px at the first stage); smaller ones keep their size there.
        const double w = width > 0 ? width : 64;
        const bool large = std::min(input[1], input[2]) >= 64;
        const double stem[] = {std::max(1.0, std::floor(w / 2)), std::max(1.0, std::floor(w / 2)), w};
        for (int i = 0; i < 3; ++i) {
            addLayer(s, "conv2d", {{"out", stem[i]}, {"kernel", 3}, {"padding", 1}, {"stride", i == 0 && large ? 2 : 1},
                                   {"bias", 0}});
            addLayer(s, "batchnorm2d");
            addLayer(s, "mish");
        }
        if (large)
            addLayer(s, "maxpool2d", {{"kernel", 3}, {"stride", 2}, {"padding", 1}});
        for (int stage = 0; stage < 4; ++stage) {
            const double c = w * double(1 << stage);
            for (int block = 0; block < 2; ++block)
                addLayer(s, "residual", {{"out", c}, {"stride", stage > 0 && block == 0 ? 2 : 1}, {"mish", 1},
                                         {"avgdown", 1}, {"zeroinit", 1}});
        }
        addLayer(s, "adaptiveavgpool2d", {{"output", 1}});
        addLayer(s, "flatten");
        addLayer(s, "linear", {{"out", K}});
    } else {
        std::string list;
        for (const auto &n : presetNames())
            list += (list.empty() ? "" : ", ") + n;
        throw Error(ErrorCode::InvalidArgument,
                    "unknown model preset '" + name + "' (expected one of " + list
                        + ", or a path to a JSON spec)");
    }
    return s;
}

} // namespace wb::core
