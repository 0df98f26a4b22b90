#pragma once

#include "wb/modelspec.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// One submodule of a TorchScript model, in module order.
struct ScriptModuleRow
{
    std::string name;             ///< path, e.g. "layer1.0.conv1" ("" for the model itself)
    std::string type;             ///< e.g. "Conv2d"
    int depth = 0;                ///< 0 for the model itself
    std::int64_t parameters = 0;  ///< its own parameters (not its submodules')
    std::int64_t trainable = 0;   ///< of those, the ones that train (not frozen)
};

/// What the workbench sees in a TorchScript spec after loading and preparing it.
struct ScriptModelReport
{
    std::vector<ScriptModuleRow> modules;
    std::vector<std::int64_t> output;    ///< output shape of a dry forward on 2 images
    std::int64_t parameters = 0, trainable = 0;
    std::int64_t featureDim = 0;         ///< 0 when there are no penultimate features
    std::int64_t forwardFlops = 0;       ///< per image, measured by LibTorch's profiler on one
                                         ///< forward pass (convolutions and matrix products 2 per
                                         ///< multiply-accumulate, element-wise adds/multiplies 1);
                                         ///< 0 when it could not be measured
    std::string features;                ///< where features come from, or why there are none
    bool traced = false;                 ///< made by torch.jit.trace (see warnings)
    bool stochastic = false;             ///< draws random numbers (dropout): seeded, serialised
    std::vector<std::string> warnings;
};

/// Reads the TorchScript file at `path` into a spec for images [C,H,W] and `classes`, with
/// the options of `options` (its bytes/sha256/fileName are filled in). Checks everything the
/// README's "Your own PyTorch model" lists (file type, size cap, operators, a dry forward:
/// shape, NaN, classes, freeze prefixes). Throws Error(BadSpec) or Error(Io) naming the file.
ModelSpec importScriptModel(const std::string &path, const ScriptModel &options,
                            const std::array<int, 3> &input, int classes);

/// importScriptModel as the app opens a file: when it is refused without a new head (a head
/// for other classes, e.g. ImageNet's 1000) but accepted with one, the spec with a new head
/// (`headReplaced` true). Throws the first refusal otherwise.
ModelSpec importScriptModelFitting(const std::string &path, const ScriptModel &options,
                                   const std::array<int, 3> &input, int classes, bool *headReplaced = nullptr);

/// The same spec with other options (init, freeze, head, normalisation); checked as above.
ModelSpec withScriptOptions(const ModelSpec &spec, const ScriptModel &options);

/// The module tree, output shape and warnings of a script spec. Throws Error(BadSpec).
ScriptModelReport inspectScriptModel(const ModelSpec &spec);

} // namespace wb::core
