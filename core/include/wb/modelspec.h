#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace wb::core {

/// One layer of an architecture: a type name and its numeric parameters, e.g.
/// {"conv2d", {{"out", 6}, {"kernel", 5}}}. Omitted parameters take their defaults;
/// input sizes ("in") may be omitted and are then inferred.
struct LayerSpec
{
    std::string type;
    std::map<std::string, double> params;
};

/// A network written in PyTorch and saved as TorchScript, and how the workbench trains it.
/// The file's bytes travel with the spec (sessions, study plans, checkpoints stay
/// self-contained); its SHA-256 names them.
struct ScriptModel
{
    std::string fileName;                ///< the imported file's name (labels and messages)
    std::string bytes;                   ///< the TorchScript file itself
    std::string sha256;                  ///< hex SHA-256 of bytes
    std::string init = "scratch";        ///< "scratch": Conv/Linear/BatchNorm re-initialised as
                                         ///< PyTorch does, seeded per run; "file": its weights
    std::vector<std::string> freeze;     ///< prefixes of named_parameters kept fixed
    std::vector<std::string> trainOnly;  ///< when set: only parameters under these prefixes train
    bool newHead = false;                ///< a freshly initialised last nn.Linear with `classes`
                                         ///< outputs (needed when the file's outputs differ)
    std::string inputNorm = "dataset";   ///< "dataset" (train split mean/std), "imagenet", "none"
};

/// A whole network: input shape [C, H, W], class count and the layer stack — or, with
/// `script`, a TorchScript module (then `layers` is empty).
struct ModelSpec
{
    std::array<int, 3> input{1, 28, 28};
    int classes = 10;
    std::vector<LayerSpec> layers;
    std::shared_ptr<const ScriptModel> script; ///< shared: copies of a spec stay cheap
    bool isScript() const { return script != nullptr; }
};

/// Shape and size of one layer after inference.
struct LayerInfo
{
    std::string type;
    std::string summary;                ///< e.g. "conv2d 1→6 k5 s1 p0"
    std::vector<std::int64_t> output;   ///< output shape without the batch dimension
    std::int64_t parameters = 0;        ///< trainable parameters of this layer
    std::int64_t macs = 0;              ///< multiply-accumulates of one sample's forward pass
                                        ///< (convolutions and linear layers)
    std::int64_t flops = 0;             ///< floating-point operations of one sample's forward
                                        ///< pass in evaluation mode (see ShapeReport::totalFlops)
};

/// Result of shape inference over a whole stack.
struct ShapeReport
{
    std::vector<LayerInfo> layers;
    std::int64_t totalParameters = 0;
    std::int64_t totalMacs = 0;         ///< forward multiply-accumulates per sample
    /// Forward FLOPs per sample, counted exactly in evaluation mode: 2 per multiply-accumulate
    /// of a convolution or linear layer, 1 per bias add, 2 per element of a batch norm
    /// (scale and shift) and of the input normalisation, 1 per element of an activation,
    /// k²−1 comparisons per output of a max pool, k² per output of an average pool (adds and
    /// the division), one add per input and one division per output of the adaptive average
    /// pool, 1 per element of a residual addition; dropout and flatten cost nothing. Training
    /// costs about 3× this per sample (the backward pass is about twice the forward).
    std::int64_t totalFlops = 0;
    std::int64_t featureDim = 0;        ///< inputs of the last linear layer (penultimate)
};

/// A lower bound of the memory (bytes) training needs: parameters with their gradients and two
/// optimiser moments (four float copies), and every layer's output for `batch` samples kept
/// for the backward pass with its gradient. Used to refuse a model that cannot fit before
/// anything is allocated.
double trainingMemoryBytes(const ShapeReport &shapes, int batch);

/// Layer type names accepted by the spec, in documentation order.
const std::vector<std::string> &layerTypes();

/// Preset names accepted by presetSpec.
const std::vector<std::string> &presetNames();

/// Builds a preset ("linear", "mlp", "lenet5", "lenet5-dropout", "tutorial-cnn", "cnn", "resnet18",
/// "xresnet18") for the
/// input shape and class count. width <= 0 means the preset's default (lenet5 and
/// tutorial-cnn: the first convolution's channels, 6, every hidden size scaled by width/6); presets without a
/// width refuse one. Throws Error(InvalidArgument) on an unknown name.
ModelSpec presetSpec(const std::string &name, int width, const std::array<int, 3> &input,
                     int classes);

/// Parses the JSON form {"input":[C,H,W], "classes":K, "layers":[{"type":..., ...}]}.
/// `origin` names the source in messages. Throws Error(BadSpec).
ModelSpec parseModelSpec(const std::string &json, const std::string &origin = "spec");

/// Reads and parses a JSON spec file. Throws Error(Io) or Error(BadSpec).
ModelSpec readModelSpec(const std::string &path);

/// The JSON text of a spec (inverse of parseModelSpec), pretty-printed.
std::string toJson(const ModelSpec &spec);

/// Shape inference that does not throw: the layers inferred before the first problem, and
/// the problem. errorLayer is the 0-based index of the offending layer, or -1 when the
/// problem concerns the whole spec (input, classes, final output), and message is empty
/// when the spec is valid.
struct ShapeCheck
{
    ShapeReport report;
    int errorLayer = -1;
    std::string message;
    bool ok() const { return message.empty(); }
};
ShapeCheck checkShapes(const ModelSpec &spec);

/// Infers every layer's output shape and parameter count, checking that the stack fits
/// together and ends in `classes` outputs. Errors name the layer:
/// "layer 5 (linear): expects 6400 inputs, receives 2304". Throws Error(BadSpec). Pure.
/// With `partial`, the layers inferred so far are also left there when it throws.
ShapeReport inferShapes(const ModelSpec &spec, ShapeReport *partial = nullptr);

} // namespace wb::core
