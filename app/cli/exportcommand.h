#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <utility>

namespace wb::app {

/// `workbench-cli export`: a trained run's model as PyTorch code + weights, or as ONNX.
/// Returns the subcommand and the function that runs it once parsed.
std::pair<CLI::App *, std::function<int()>> addExportCommand(CLI::App &app);

} // namespace wb::app
