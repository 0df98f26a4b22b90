// Exports a trained run (wb/modelexport.h): picks the checkpoint, writes the files into a
// temporary sibling folder and renames it into place, so nothing half-written is ever left.
#include "export/exportmodel.h"

#include "wb/errors.h"
#include "wb/session.h"
#include "wb/trainconfig.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace wb::core {

const char *exportFormatName(ExportFormat format)
{
    return format == ExportFormat::PyTorch ? "pytorch" : "onnx";
}

ExportFormat parseExportFormat(const std::string &name)
{
    if (name == "pytorch")
        return ExportFormat::PyTorch;
    if (name == "onnx")
        return ExportFormat::Onnx;
    throw Error(ErrorCode::InvalidArgument, "export format '" + name + "': expected pytorch or onnx");
}

namespace {

/// "1-5" for consecutive epochs, "1, 3, 4" otherwise.
std::string epochList(const std::vector<int> &epochs)
{
    bool consecutive = true;
    for (std::size_t i = 1; i < epochs.size(); ++i)
        consecutive = consecutive && epochs[i] == epochs[i - 1] + 1;
    if (consecutive && epochs.size() > 2)
        return std::to_string(epochs.front()) + "-" + std::to_string(epochs.back());
    std::string s;
    for (std::size_t i = 0; i < epochs.size(); ++i)
        s += (i ? ", " : "") + std::to_string(epochs[i]);
    return s;
}

/// Writes `path` (in the temporary folder); errors name `shown` (the file as it would be in place).
void writeFile(const fs::path &path, const fs::path &shown, const char *data, std::size_t size)
{
    auto fail = [&](int err) {
        throw Error(ErrorCode::Io, shown.string() + ": cannot be written (" + std::strerror(err)
                                       + "); nothing was exported");
    };
    FILE *f = std::fopen(path.c_str(), "wb");
    if (!f)
        fail(errno);
    if ((size && std::fwrite(data, 1, size, f) != size) || std::fflush(f) != 0 || ::fsync(fileno(f)) != 0) {
        const int err = errno;
        std::fclose(f);
        fail(err);
    }
    if (std::fclose(f) != 0)
        fail(errno);
}

/// A new empty folder next to `target` (".wb<tag>-XXXXXX": short, so that any name the
/// folder may have fits).
fs::path temporarySibling(const fs::path &target, const char *tag)
{
    std::string pattern = (target.parent_path() / (std::string(".wb") + tag + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw Error(ErrorCode::Io, target.parent_path().string() + ": cannot create a folder there ("
                                       + std::strerror(errno) + ")");
    return pattern;
}

/// The absolute output folder, or throws when it cannot be (re)placed there; creates nothing.
fs::path validOutput(const std::string &output, bool overwrite)
{
    if (output.empty())
        throw Error(ErrorCode::InvalidArgument, "no output folder given");
    std::error_code ec;
    fs::path out = fs::absolute(output, ec).lexically_normal();
    if (out.has_parent_path() && out.filename().empty()) // "dir/"
        out = out.parent_path();
    if (ec || out.filename().empty() || out == out.root_path())
        throw Error(ErrorCode::InvalidArgument, output + ": not a folder that can be created");
    for (fs::path p = out.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
        if (fs::exists(fs::symlink_status(p, ec))) {
            if (!fs::is_directory(p, ec))
                throw Error(ErrorCode::InvalidArgument, p.string() + ": exists and is not a folder");
            break;
        }
    const auto status = fs::status(out, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw Error(ErrorCode::InvalidArgument, out.string() + ": exists and is not a folder");
        if (!overwrite && !fs::is_empty(out, ec))
            throw Error(ErrorCode::InvalidArgument, out.string()
                                                        + ": folder exists and is not empty; choose a new folder "
                                                          "(--overwrite replaces an earlier export)");
        // Replacing is for an earlier export only: a folder with anything else in it (a typo'd
        // --output ~ or .) is never moved away and deleted.
        static const char *const exportNames[] = {"model.py", "weights.pt", "model.pt", "model.onnx", "README.txt", "__pycache__"};
        for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (std::none_of(std::begin(exportNames), std::end(exportNames), [&](const char *n) { return name == n; }))
                throw Error(ErrorCode::InvalidArgument, out.string() + ": holds '" + name
                                                            + "', which no export writes; only an earlier export is "
                                                              "replaced, so choose a new folder");
        }
        if (ec)
            throw Error(ErrorCode::Io, out.string() + ": cannot be read (" + ec.message() + ")");
    }
    return out;
}

/// The output folder, checked, with its missing parents created; `made` is the outermost folder
/// this call made (empty when none), so that a failed export can take it away again.
fs::path checkedOutput(const std::string &output, bool overwrite, fs::path &made)
{
    const fs::path out = validOutput(output, overwrite);
    std::error_code ec;
    made.clear();
    for (fs::path p = out.parent_path(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        made = p;
        if (p == p.parent_path())
            break;
    }
    fs::create_directories(out.parent_path(), ec);
    if (ec)
        throw Error(ErrorCode::Io, out.parent_path().string() + ": cannot be created (" + ec.message() + ")");
    return out;
}

/// Removes the folders from `out`'s parent up to `made` that are empty (what a failed export made).
void removeMadeFolders(const fs::path &out, const fs::path &made)
{
    if (made.empty())
        return;
    std::error_code ec;
    for (fs::path p = out.parent_path(); !p.empty(); p = p.parent_path()) {
        if (!fs::is_empty(p, ec) || ec || !fs::remove(p, ec))
            return;
        if (p == made)
            return;
    }
}

/// Moves the finished `temp` folder to `out`, replacing what is there (checked before).
void moveIntoPlace(const fs::path &temp, const fs::path &out)
{
    std::error_code ec;
    if (fs::exists(out, ec) && fs::is_empty(out, ec))
        fs::remove(out, ec);
    if (!fs::exists(out, ec)) {
        fs::rename(temp, out, ec);
        if (ec)
            throw Error(ErrorCode::Io, out.string() + ": cannot be created (" + ec.message() + ")");
        return;
    }
    // Replacing: the old folder moves aside first and comes back if the new one cannot go in.
    const fs::path old = temporarySibling(out, "old");
    fs::remove(old, ec);
    fs::rename(out, old, ec);
    if (ec)
        throw Error(ErrorCode::Io, out.string() + ": cannot be replaced (" + ec.message() + ")");
    fs::rename(temp, out, ec);
    if (ec) {
        std::error_code back;
        fs::rename(old, out, back);
        throw Error(ErrorCode::Io, out.string() + ": cannot be replaced (" + ec.message() + ")");
    }
    fs::remove_all(old, ec);
}

detail::ExportInfo exportInfo(const Session &session, const RunRecord &run, int epoch)
{
    detail::ExportInfo info;
    info.spec = parseModelSpec(session.architecture(run.architectureId).specJson, "the run's model");
    info.runId = run.id;
    info.runName = run.name;
    info.epoch = epoch;
    const DatasetRecord ds = session.dataset(run.datasetId);
    info.datasetName = ds.name.empty() ? ds.path : ds.name;
    info.classNames = ds.classNames;
    if (!info.classNames.empty() && info.classNames.size() != std::size_t(info.spec.classes))
        throw Error(ErrorCode::BadData, "run " + std::to_string(run.id) + ": its dataset lists "
                                            + std::to_string(info.classNames.size()) + " class names, its model has "
                                            + std::to_string(info.spec.classes) + " outputs");
    info.classNames.resize(std::size_t(info.spec.classes)); // none stored: numbered
    for (std::size_t i = 0; i < info.classNames.size(); ++i)
        if (info.classNames[i].empty())
            info.classNames[i] = std::to_string(i);
    try {
        info.testTimeFlip = trainConfigFromJson(run.configJson).testTimeFlip;
    } catch (const Error &) {
        info.testTimeFlip = false; // only the README's note depends on it
    }
    return info;
}

} // namespace

std::string exportOutputProblem(const std::string &output, bool overwrite)
{
    try {
        validOutput(output, overwrite);
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

ExportResult exportRun(const Session &session, const ExportOptions &o)
{
    const RunRecord run = session.run(o.runId);
    const std::vector<int> epochs = session.checkpointEpochs(run.id);
    const std::string runText = "run " + std::to_string(run.id);
    if (epochs.empty())
        throw Error(ErrorCode::InvalidArgument, runText + " has no checkpoint to export (status " + runStatusName(run.status)
                                                    + "): train it for at least one epoch first");
    if (o.epoch > 0 && std::find(epochs.begin(), epochs.end(), o.epoch) == epochs.end())
        throw Error(ErrorCode::InvalidArgument, runText + " has no checkpoint for epoch " + std::to_string(o.epoch)
                                                    + " (it has epoch" + (epochs.size() > 1 ? "s " : " ")
                                                    + epochList(epochs) + ")");
    if (o.format == ExportFormat::Onnx && !onnxExportAvailable())
        detail::onnxModelBytes({}, {}); // throws: says how to get a build that can
    validOutput(o.output, o.overwrite); // refused early, before any work
    const auto checkpoint = session.checkpoint(run.id, o.epoch);
    if (!checkpoint)
        throw Error(ErrorCode::InvalidArgument, runText + " has no checkpoint for epoch " + std::to_string(o.epoch));
    const detail::ExportInfo info = exportInfo(session, run, checkpoint->epoch);

    // Everything is built in memory first: a checkpoint that does not fit fails before any file.
    std::vector<std::pair<std::string, std::string>> files;
    if (info.spec.isScript()) {
        if (o.format != ExportFormat::PyTorch)
            throw Error(ErrorCode::InvalidArgument,
                        runText + " trained your own TorchScript model (" + info.spec.script->fileName
                            + "): it exports as TorchScript (--format pytorch); for ONNX, run torch.onnx.export in "
                              "Python on the exported model.pt");
        files.emplace_back("model.pt", detail::scriptModelBytes(info.spec, checkpoint->model));
    } else if (o.format == ExportFormat::PyTorch) {
        files.emplace_back("model.py", detail::pythonModelSource(info));
        const std::vector<char> weights = detail::torchStateDict(info.spec, checkpoint->model);
        files.emplace_back("weights.pt", std::string(weights.begin(), weights.end()));
    } else {
        files.emplace_back("model.onnx", detail::onnxModelBytes(info, detail::checkpointArrays(info.spec, checkpoint->model)));
    }
    files.emplace_back("README.txt", detail::exportReadme(info, o.format));

    fs::path made;
    const fs::path out = checkedOutput(o.output, o.overwrite, made); // again, and its parents created
    fs::path temp;
    try {
        temp = temporarySibling(out, "export");
    } catch (...) {
        removeMadeFolders(out, made);
        throw;
    }
    ExportResult result;
    try {
        // mkdtemp makes it private (0700); the export gets a new folder's usual permissions.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        std::error_code ec;
        fs::permissions(temp, static_cast<fs::perms>(0777 & ~mask), ec); // at worst it stays private
        for (const auto &[name, bytes] : files) {
            writeFile(temp / name, out / name, bytes.data(), bytes.size());
            result.files.push_back(name);
        }
        moveIntoPlace(temp, out);
    } catch (...) {
        std::error_code ec;
        fs::remove_all(temp, ec);
        removeMadeFolders(out, made); // a full disk leaves no empty folders behind
        throw;
    }
    result.folder = out.string();
    result.epoch = info.epoch;
    result.input = info.spec.input;
    result.classNames = info.classNames;
    result.parameters = inferShapes(info.spec).totalParameters;
    return result;
}

} // namespace wb::core
