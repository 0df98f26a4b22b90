#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <utility>

namespace wb::app {

/// `workbench-cli report`: a study's report as one self-contained HTML file (or PDF, printed
/// by the app's Qt PDF writer). Returns the subcommand and the function that runs it.
std::pair<CLI::App *, std::function<int()>> addReportCommand(CLI::App &app);

} // namespace wb::app
