#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

class Session;

/// What a trained run is exported as.
enum class ExportFormat {
    PyTorch, ///< model.py (a torch.nn.Module generated from the spec) + weights.pt (a state dict) + README.txt
    Onnx,    ///< model.onnx (opset 13, dynamic batch, input normalisation in the graph) + README.txt
};

/// "pytorch" / "onnx".
const char *exportFormatName(ExportFormat format);
/// Parses "pytorch" or "onnx"; throws Error(InvalidArgument) naming the accepted values.
ExportFormat parseExportFormat(const std::string &name);
/// Whether this build can write ONNX (it was built with Debian's libonnx-dev).
bool onnxExportAvailable();

struct ExportOptions
{
    std::int64_t runId = 0;
    int epoch = 0;              ///< the checkpoint after this epoch; <= 0: the last one
    ExportFormat format = ExportFormat::PyTorch;
    std::string output;         ///< the folder to create
    bool overwrite = false;     ///< replace an earlier export in `output` (a folder holding
                                ///< anything else is always refused)
};

struct ExportResult
{
    std::string folder;                   ///< absolute path of the written folder
    std::vector<std::string> files;       ///< file names inside it
    int epoch = 0;                        ///< the checkpoint exported
    std::array<int, 3> input{};           ///< [C, H, W]
    std::vector<std::string> classNames;  ///< one per logit
    std::int64_t parameters = 0;
};

/// Why `output` cannot receive an export (with `overwrite`: replace an earlier one), or "" when
/// it can; checks the folder only, creates nothing (exportRun checks again).
std::string exportOutputProblem(const std::string &output, bool overwrite);

/// Writes run `options.runId`'s model after `options.epoch` to `options.output`. Everything is
/// written to a temporary sibling folder first and renamed into place at the end, so a failure
/// leaves no half-written export (and an existing folder untouched). Refuses, with a message
/// naming the run, epoch or folder: a run without checkpoints, an epoch without one (listing
/// those there are), a non-empty output folder unless `overwrite` (and always one holding
/// files no export writes), an unwritable place.
/// Throws Error(InvalidArgument) for the run/epoch/folder choice, Error(Io) for writing,
/// Error(Runtime) for a checkpoint that does not fit its spec.
ExportResult exportRun(const Session &session, const ExportOptions &options);

} // namespace wb::core
