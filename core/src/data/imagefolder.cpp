#include "wb/imagefolder.h"
#include "wb/errors.h"
#include "wb/progress.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace wb::core {

namespace {

bool isImageFile(const fs::path &p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

std::vector<unsigned char> readBytes(const fs::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Entry
{
    fs::path path;
    std::int64_t label;
};

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
    std::vector<fs::path> classDirs;
    for (const auto &e : fs::directory_iterator(root, ec))
        if (e.is_directory())
            classDirs.push_back(e.path());
    std::sort(classDirs.begin(), classDirs.end());
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < classDirs.size(); ++k) {
        std::vector<fs::path> files;
        for (const auto &e : fs::directory_iterator(classDirs[k], ec))
            if (e.is_regular_file() && isImageFile(e.path()))
                files.push_back(e.path());
        std::sort(files.begin(), files.end());
        ds.classNames.push_back(classDirs[k].filename().string());
        for (auto &f : files)
            entries.push_back({f, std::int64_t(k)});
    }
    if (ds.classNames.empty())
        throw Error(ErrorCode::BadData, root + ": no class folders (expected root/<class>/*.png)");

    int channels = options.channels;
    if (channels == 0) {
        channels = 1;
        for (const auto &e : entries) {
            int w, h, comp;
            const auto bytes = readBytes(e.path);
            if (stbi_info_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp) && comp >= 3) {
                channels = 3;
                break;
            }
        }
    }
    ds.channels = channels;
    ds.height = options.height;
    ds.width = options.width;
    const std::size_t plane = std::size_t(ds.height) * ds.width;
    std::vector<unsigned char> resized(plane * channels);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (progress) {
            if (progress->isCancelRequested())
                throw Error(ErrorCode::Runtime, "loading " + root + " was cancelled");
            if (i % 256 == 0)
                progress->setProgress(double(i) / entries.size(), "decoding images");
        }
        const auto bytes = readBytes(entries[i].path);
        int w = 0, h = 0, comp = 0;
        unsigned char *img = bytes.empty() ? nullptr
                                           : stbi_load_from_memory(bytes.data(), int(bytes.size()),
                                                                   &w, &h, &comp, channels);
        if (!img) {
            const char *why = bytes.empty() ? "empty or unreadable file" : stbi_failure_reason();
            skipped.push_back({entries[i].path.string(), why ? why : "cannot be decoded"});
            continue;
        }
        const bool ok = (w == ds.width && h == ds.height)
                            ? (std::copy_n(img, plane * channels, resized.data()), true)
                            : stbir_resize_uint8(img, w, h, 0, resized.data(), ds.width, ds.height,
                                                 0, channels) != 0;
        stbi_image_free(img);
        if (!ok) {
            skipped.push_back({entries[i].path.string(), "cannot be resized"});
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
