// An unlabelled pool of image files: listing a folder or a list file, and decoding a slice of
// it as a dataset's images, so that a pool of any size is scored in batches.
#include "wb/imagepool.h"

#include "data/imagedecode.h"
#include "util/utf8.h"
#include "wb/errors.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace wb::core {

namespace {

// A path the picks file, the session's JSON and a terminal can carry unchanged: well-formed
// UTF-8 without control characters (a line break in a file name broke the CSV round trip).
bool usablePath(const std::string &path)
{
    for (std::size_t i = 0; i < path.size();) {
        const std::size_t n = detail::utf8SequenceLength(path, i);
        const auto c = static_cast<unsigned char>(path[i]);
        if (n == 0 || c < 0x20 || c == 0x7F)
            return false;
        i += n;
    }
    return true;
}

constexpr const char *kUnusableName =
    "the file name is not valid UTF-8 or holds a control character (a line break, a tab): rename the file";

void addImage(const std::string &path, ImagePool &pool)
{
    if (usablePath(path))
        pool.paths.push_back(path);
    else
        pool.skipped.push_back({detail::cleanUtf8Name(path), kUnusableName});
}

void listFolder(const fs::path &root, ImagePool &pool)
{
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec)
        throw Error(ErrorCode::BadData, pool.source + ": cannot be read (" + ec.message() + ")");
    for (; it != end; it.increment(ec)) {
        if (ec) {
            pool.skipped.push_back({it->path().string(), ec.message()});
            break;
        }
        const fs::path &p = it->path();
        const std::string name = p.filename().string();
        std::error_code statError;
        if (!name.empty() && name[0] == '.') { // hidden: a tool's cache, an earlier export's temporary folder
            if (it->is_directory(statError))
                it.disable_recursion_pending();
            continue;
        }
        if (!detail::isImageFileName(p.filename().string()))
            continue;
        if (it->is_regular_file(statError))
            addImage(p.string(), pool);
        else if (statError)
            pool.skipped.push_back({detail::cleanUtf8Name(p.string()), statError.message()});
    }
    std::sort(pool.paths.begin(), pool.paths.end());
}

void listFile(const fs::path &file, ImagePool &pool)
{
    std::ifstream in(file);
    if (!in)
        throw Error(ErrorCode::BadData, pool.source + ": cannot be opened");
    const fs::path base = file.parent_path();
    std::set<std::string> seen;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3); // a UTF-8 byte-order mark, as some editors write
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find('\0') != std::string::npos)
            throw Error(ErrorCode::BadData, pool.source + " line " + std::to_string(number)
                                                + ": not a text file of image paths (a NUL byte)");
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        const fs::path p = fs::path(line).is_absolute() ? fs::path(line) : base / line;
        const std::string path = p.lexically_normal().string();
        if (!seen.insert(path).second)
            continue; // listed twice: scored once
        std::error_code ec;
        const fs::file_status st = fs::status(p, ec);
        if (st.type() == fs::file_type::not_found)
            pool.skipped.push_back({detail::cleanUtf8Name(path), "no such file"});
        else if (ec)
            pool.skipped.push_back({detail::cleanUtf8Name(path), ec.message()});
        else if (!fs::is_regular_file(st))
            pool.skipped.push_back({detail::cleanUtf8Name(path), "not a regular file"});
        else
            addImage(path, pool);
    }
}

} // namespace

std::uint64_t contentHash(const void *data, std::size_t n)
{
    std::uint64_t h = 14695981039346656037ull;
    const auto *p = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

std::string hashHex(std::uint64_t hash)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        out[std::size_t(i)] = digits[hash & 15];
    return out;
}

ImagePool listImagePool(const std::string &folderOrList)
{
    ImagePool pool;
    pool.source = folderOrList;
    std::error_code ec;
    if (folderOrList.empty())
        throw Error(ErrorCode::InvalidArgument, "pool: no folder or list file given");
    // Absolute paths: a pick stays findable when the picks file is read from another folder.
    const fs::path where = fs::absolute(folderOrList, ec).lexically_normal();
    if (fs::is_directory(where, ec))
        listFolder(where, pool);
    else if (fs::is_regular_file(where, ec) && detail::isImageFileName(where.filename().string()))
        throw Error(ErrorCode::InvalidArgument, folderOrList + ": one image; the pool is a folder of images or a text "
                                                               "file listing them");
    else if (fs::is_regular_file(where, ec))
        listFile(where, pool);
    else
        throw Error(ErrorCode::BadData, folderOrList + ": no such folder or list file of images");
    if (pool.paths.empty())
        throw Error(ErrorCode::BadData,
                    folderOrList + ": no image file (.png, .jpg, .jpeg, .bmp) in the pool"
                        + (pool.skipped.empty() ? std::string()
                                                : " (" + std::to_string(pool.skipped.size()) + " entries unreadable, first "
                                                      + pool.skipped.front().path + ": " + pool.skipped.front().reason + ")"));
    return pool;
}

PoolBatch decodePoolBatch(const ImagePool &pool, std::size_t begin, std::size_t end, int channels, int height,
                          int width, std::vector<SkippedFile> &skipped)
{
    if (channels != 1 && channels != 3)
        throw Error(ErrorCode::InvalidArgument, "pool: images must be decoded to 1 or 3 channels");
    PoolBatch b;
    b.images.channels = channels;
    b.images.height = height;
    b.images.width = width;
    end = std::min(end, pool.paths.size());
    const std::size_t plane = std::size_t(height) * std::size_t(width);
    std::vector<unsigned char> bytes, decoded;
    for (std::size_t i = begin; i < end; ++i) {
        std::string why = detail::readImageFile(pool.paths[i], bytes);
        if (why.empty())
            why = detail::decodeImage(bytes, channels, height, width, decoded);
        if (!why.empty()) {
            skipped.push_back({pool.paths[i], why});
            continue;
        }
        const int own = detail::imageChannels(bytes);
        if ((own >= 3) != (channels == 3))
            ++b.converted;
        const std::size_t at = b.images.pixels.size();
        b.images.pixels.resize(at + plane * std::size_t(channels));
        for (std::size_t p = 0; p < plane; ++p) // HWC -> CHW
            for (int c = 0; c < channels; ++c)
                b.images.pixels[at + std::size_t(c) * plane + p] = decoded[p * std::size_t(channels) + std::size_t(c)];
        b.images.labels.push_back(0);
        b.positions.push_back(i);
        b.fileHashes.push_back(contentHash(bytes.data(), bytes.size()));
        b.pixelHashes.push_back(contentHash(b.images.pixels.data() + at, plane * std::size_t(channels)));
    }
    return b;
}

} // namespace wb::core
