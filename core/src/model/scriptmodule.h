#pragma once

// Core-private: a user's TorchScript module, loaded from a spec's bytes and made ready to
// train (initialised, head replaced, parameters frozen). Never include outside core/src.
#include "wb/modelspec.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace wb::core::detail {

struct ScriptModule
{
    torch::jit::Module module;
    std::vector<std::pair<std::string, torch::Tensor>> parameters; ///< recursive, in module order
    std::vector<std::pair<std::string, torch::Tensor>> buffers;
    std::vector<torch::jit::Module> frozenBatchNorms; ///< stay in eval mode while training
    std::vector<torch::jit::Module> dropouts;         ///< switched on alone for MC-dropout passes
    bool stochastic = false;  ///< its code draws random numbers (dropout, ...)
    bool traced = false;      ///< dropout/batch norm behaviour fixed when it was traced
    bool hasFeatures = false; ///< it has a features(x) method
    std::string lastLinear;   ///< path of the last nn.Linear ("" when none)
    bool headIsLastLinear = false; ///< logits == lastLinear(features): head() and, without a
                                   ///< features method, features() can use it
    std::string featuresProblem;   ///< why features cannot be had ("" when they can)
    std::vector<std::string> keptFromFile; ///< parameters `scratch` leaves as in the file
    std::vector<std::string> warnings;
};

/// Loads TorchScript `bytes` (the file `fileName`, whose SHA-256 is `sha256`: a spec's, checked
/// when it was read). Something else — a torch.save checkpoint, a pickle, an ONNX file, a damaged
/// archive, an operator this LibTorch lacks — is named with what to do instead. Throws
/// Error(BadSpec).
torch::jit::Module loadTorchScript(const std::string &bytes, const std::string &fileName, const std::string &sha256);

/// Loads and prepares the module of a script spec. `seed` draws scratch weights and a new
/// head. Throws Error(BadSpec) on a file or option that does not fit.
ScriptModule prepareScriptModule(const ModelSpec &spec, std::uint64_t seed);

/// LibTorch's message without its stack trace: the interpreter's last "...Error: ..." line.
std::string interpreterMessage(const std::string &what);

/// The forward pass of a prepared module on float input (already normalised).
torch::Tensor scriptForward(ScriptModule &m, const torch::Tensor &x);
/// The penultimate features (the features method, or the input of the last nn.Linear).
torch::Tensor scriptFeatures(ScriptModule &m, const torch::Tensor &x);
/// Logits from scriptFeatures: the last nn.Linear.
torch::Tensor scriptHead(ScriptModule &m, const torch::Tensor &features);

} // namespace wb::core::detail
