#pragma once

// Core-private: the pieces of a model export (wb/modelexport.h), each testable on its own.
#include "wb/modelexport.h"
#include "wb/modelspec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core::detail {

/// A layer's parameter, or `fallback` when the spec omits it (the network's default).
inline double layerReal(const LayerSpec &layer, const char *key, double fallback)
{
    auto it = layer.params.find(key);
    return it == layer.params.end() ? fallback : it->second;
}
inline std::int64_t layerInt(const LayerSpec &layer, const char *key, std::int64_t fallback)
{
    return std::int64_t(layerReal(layer, key, double(fallback)));
}
inline bool layerFlag(const LayerSpec &layer, const char *key, bool fallback)
{
    return layerReal(layer, key, fallback ? 1.0 : 0.0) != 0;
}

/// A float tensor of a checkpoint by its LibTorch name ("3.conv1.weight", "input_mean").
struct NamedArray
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values; ///< row-major
};

/// What an export describes besides the weights.
struct ExportInfo
{
    ModelSpec spec;
    std::vector<std::string> classNames; ///< one per class (filled in with the class index when unknown)
    std::int64_t runId = 0;
    std::string runName;
    int epoch = 0;
    std::string datasetName;
    bool testTimeFlip = false;           ///< the run measured itself with mirrored copies averaged in
};

/// Loads `checkpoint` (Network::saveState bytes) into a network of `spec` — which checks that it
/// fits — and returns its float parameters and buffers (batch-norm counters left out).
/// Throws Error(Runtime) when it does not fit.
std::vector<NamedArray> checkpointArrays(const ModelSpec &spec, const std::string &checkpoint);

/// weights.pt: the checkpoint as a state dict of model.py's names, in torch.save's format
/// (torch.load reads it). Throws Error(Runtime) when it does not fit `spec`.
std::vector<char> torchStateDict(const ModelSpec &spec, const std::string &checkpoint);

/// model.pt of a TorchScript run: the user's module with the trained weights, the input
/// normalisation as buffers wb_input_mean/wb_input_inv_std and a predict(images) method taking
/// pixels / 255. Throws Error(Runtime) when the checkpoint does not fit.
std::string scriptModelBytes(const ModelSpec &spec, const std::string &checkpoint);

/// The name model.py gives a checkpoint tensor: layer k's "k.weight" is "layers.k.weight",
/// the input normalisation's buffers keep theirs.
std::string pythonStateName(const std::string &checkpointName);

/// model.py: a torch.nn.Module of the spec with load(), CLASSES and INPUT_SHAPE.
std::string pythonModelSource(const ExportInfo &info);

/// model.onnx: the ONNX model (opset 13, input "images" float [N, C, H, W] in [0, 1], output
/// "logits" [N, classes], normalisation in the graph, class names in the metadata), checked
/// with onnx::checker and shape inference. Throws Error(Runtime) when this build has no
/// ONNX library or the model fails the checker.
std::string onnxModelBytes(const ExportInfo &info, const std::vector<NamedArray> &arrays);

/// README.txt of an export: how to load and run it, input format, classes.
std::string exportReadme(const ExportInfo &info, ExportFormat format);

} // namespace wb::core::detail
