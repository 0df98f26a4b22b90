#pragma once

// The network a command trains: a preset, a JSON layer spec, or the user's TorchScript file
// (--model-file with --init --freeze --train-only --new-head --input-norm).
#include "commands.h"

#include <CLI/CLI.hpp>

#include <string>

namespace wb::app::cli {

/// --model-file and its training options; each needs --model-file, which excludes
/// `modelOption` (--model) and `widthOption` (--width).
void addModelFileOptions(CLI::App &cmd, std::string &modelFile, core::ScriptModel &script, CLI::Option *modelOption,
                         CLI::Option *widthOption);

/// "layer1,layer2" as prefixes; an empty list is refused (CLI::ValidationError naming `option`).
std::vector<std::string> prefixesOf(const std::string &value, const std::string &option);

/// Checks the model options before any data loads: a preset's name and width, a spec file's
/// JSON, that a model file exists and is not too large. Throws core::Error.
void checkModelChoice(const TrainOptions &o);

struct ModelChoice
{
    core::ModelSpec spec;
    std::string name; ///< the preset, or the file's stem
};

/// The network for images [C,H,W] and `classes` (a TorchScript file is read, checked with a
/// dry forward pass, and carried in the spec). Throws core::Error naming what is wrong.
ModelChoice chooseModel(const TrainOptions &o, const std::array<int, 3> &input, int classes);

/// chooseModel for a loaded dataset's images and classes.
ModelChoice chooseModel(const TrainOptions &o, const core::DatasetPair &data);

/// `workbench-cli model --model-file`: the module tree (trainable/frozen), the output of a dry
/// forward pass, where features come from, warnings.
int printScriptModel(const core::ModelSpec &spec, bool json);

/// Prints a TorchScript model's warnings (traced, kept weights, new head) to stderr.
void printModelWarnings(const core::ModelSpec &spec);

} // namespace wb::app::cli
