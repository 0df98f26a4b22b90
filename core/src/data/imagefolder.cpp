#include "wb/imagefolder.h"
#include "data/imagedecode.h"
#include "util/utf8.h"
#include "wb/errors.h"
#include "wb/progress.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace wb::core {

namespace {

struct Entry
{
    fs::path path;
    std::int64_t label;
};

enum class Kind { Directory, Image };

// The entries of `dir` of one kind, sorted. Entries that cannot be examined (a symbolic link
// loop, a dangling link, no permission) are listed in `skipped` with the reason, never fatal.
std::vector<fs::path> listEntries(const fs::path &dir, Kind kind, std::vector<SkippedFile> &skipped)
{
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        skipped.push_back({dir.string(), ec.message()});
        return out;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            skipped.push_back({dir.string(), ec.message()});
            break;
        }
        const fs::path &p = it->path();
        if (kind == Kind::Image && !detail::isImageFileName(p.filename().string()))
            continue;
        std::error_code statError;
        const fs::file_status st = fs::status(p, statError);
        if (statError) {
            if (kind == Kind::Image || it->is_symlink(statError))
                skipped.push_back({p.string(), statError.message()});
            continue;
        }
        if (kind == Kind::Directory ? fs::is_directory(st) : fs::is_regular_file(st))
            out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ImageDataset readImageFolder(const std::string &root, const ImageFolderOptions &options,
                             std::vector<SkippedFile> &skipped, ProgressSink *progress)
{
    if (options.channels != 0 && options.channels != 1 && options.channels != 3)
        throw Error(ErrorCode::InvalidArgument, "image channels must be 0 (auto), 1 or 3");
    if (options.height < 1 || options.width < 1 || options.height > 4096 || options.width > 4096)
        throw Error(ErrorCode::InvalidArgument, "image size must be between 1 and 4096 pixels");
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw Error(ErrorCode::BadData, root + ": not a directory");

    ImageDataset ds;
    const std::vector<fs::path> classDirs = listEntries(root, Kind::Directory, skipped);
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < classDirs.size(); ++k) {
        ds.classNames.push_back(detail::cleanUtf8Name(classDirs[k].filename().string()));
        for (auto &f : listEntries(classDirs[k], Kind::Image, skipped))
            entries.push_back({f, std::int64_t(k)});
    }
    if (ds.classNames.empty())
        throw Error(ErrorCode::BadData, root + ": no class folders (expected root/<class>/*.png)");

    int channels = options.channels;
    if (channels == 0) {
        channels = 1;
        std::vector<unsigned char> bytes;
        for (const auto &e : entries)
            if (detail::readImageFile(e.path.string(), bytes).empty() && detail::imageChannels(bytes) >= 3) {
                channels = 3;
                break;
            }
    }
    ds.channels = channels;
    ds.height = options.height;
    ds.width = options.width;
    const std::size_t plane = std::size_t(ds.height) * ds.width;
    std::vector<unsigned char> bytes, resized;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (progress) {
            if (progress->isCancelRequested())
                throw Error(ErrorCode::Runtime, "loading " + root + " was cancelled");
            if (i % 256 == 0)
                progress->setProgress(double(i) / entries.size(), "decoding images");
        }
        std::string why = detail::readImageFile(entries[i].path.string(), bytes);
        if (why.empty())
            why = detail::decodeImage(bytes, channels, ds.height, ds.width, resized);
        if (!why.empty()) {
            skipped.push_back({entries[i].path.string(), why});
            continue;
        }
        const std::size_t base = ds.pixels.size();
        ds.pixels.resize(base + plane * channels);
        for (std::size_t p = 0; p < plane; ++p) // HWC -> CHW
            for (int c = 0; c < channels; ++c)
                ds.pixels[base + c * plane + p] = resized[p * channels + c];
        ds.labels.push_back(entries[i].label);
    }
    if (ds.labels.empty())
        throw Error(ErrorCode::BadData, root + ": no readable image in any class folder ("
                                            + std::to_string(skipped.size()) + " files skipped)");
    return ds;
}

} // namespace wb::core
