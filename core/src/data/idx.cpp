#include "wb/idx.h"
#include "wb/errors.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace wb::core {

namespace {

struct GzCloser
{
    void operator()(gzFile f) const { gzclose(f); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void bad(const std::string &path, const std::string &what)
{
    throw Error(ErrorCode::BadData, path + ": " + what);
}

bool isGzip(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char m[2] = {0, 0};
    in.read(reinterpret_cast<char *>(m), 2);
    return in.gcount() == 2 && m[0] == 0x1f && m[1] == 0x8b;
}

// Reads up to n bytes; returns the count actually read.
std::size_t readSome(gzFile f, const std::string &path, std::uint8_t *dst, std::size_t n)
{
    std::size_t done = 0;
    while (done < n) {
        const unsigned chunk = unsigned(std::min<std::size_t>(n - done, 1u << 26));
        const int got = gzread(f, dst + done, chunk);
        if (got < 0) {
            int err = 0;
            const char *msg = gzerror(f, &err);
            bad(path, std::string("corrupt compressed data (") + (msg ? msg : "zlib error") + ")");
        }
        if (got == 0)
            break;
        done += std::size_t(got);
    }
    return done;
}

} // namespace

IdxArray readIdx(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorCode::BadData, path + ": no such file");
    const bool gz = isGzip(path);
    GzHandle f(gzopen(path.c_str(), "rb"));
    if (!f)
        bad(path, "cannot be opened");

    std::uint8_t head[4];
    if (readSome(f.get(), path, head, 4) != 4)
        bad(path, "too short for an IDX header (expected 4 magic bytes)");
    if (head[0] != 0 || head[1] != 0)
        bad(path, "not an IDX file (bad magic number: the first two bytes must be 0)");
    if (head[2] != 0x08)
        bad(path, "unsupported IDX element type 0x" + [&] {
            char b[8];
            std::snprintf(b, sizeof b, "%02x", head[2]);
            return std::string(b);
        }() + " (expected 0x08, unsigned byte)");
    const int rank = head[3];
    if (rank < 1 || rank > 4)
        bad(path, "IDX rank " + std::to_string(rank) + " is not supported (expected 1 to 4)");

    IdxArray out;
    std::uint64_t total = 1;
    for (int d = 0; d < rank; ++d) {
        std::uint8_t b[4];
        if (readSome(f.get(), path, b, 4) != 4)
            bad(path, "header truncated in dimension " + std::to_string(d + 1));
        const std::uint32_t dim = (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16)
                                  | (std::uint32_t(b[2]) << 8) | b[3];
        if (dim == 0)
            bad(path, "dimension " + std::to_string(d + 1) + " is 0");
        out.dims.push_back(dim);
        total *= dim; // at most 4 factors < 2^32 each: check after every step
        if (total > kIdxMaxBytes)
            bad(path, "declared size exceeds the " + std::to_string(kIdxMaxBytes >> 30)
                          + " GiB limit (corrupt header?)");
    }
    const std::uint64_t headerBytes = 4 + 4 * std::uint64_t(rank);
    if (!gz) {
        const auto fileBytes = std::filesystem::file_size(path, ec);
        if (!ec && fileBytes < headerBytes + total)
            bad(path, "truncated: header declares " + std::to_string(total)
                          + " data bytes, file holds " + std::to_string(fileBytes - headerBytes));
    }
    // Grow while reading so that a lying gzip header cannot force a huge allocation.
    std::size_t done = 0;
    while (done < total) {
        const std::size_t step = std::min<std::uint64_t>(total - done, std::size_t(64) << 20);
        out.data.resize(done + step);
        const std::size_t got = readSome(f.get(), path, out.data.data() + done, step);
        done += got;
        if (got < step)
            bad(path, "truncated: header declares " + std::to_string(total)
                          + " data bytes, file holds " + std::to_string(done));
    }
    std::uint8_t extra;
    if (readSome(f.get(), path, &extra, 1) != 0)
        bad(path, "has data beyond the " + std::to_string(total) + " bytes its header declares");
    return out;
}

void writeIdx(const std::string &path, const IdxArray &array)
{
    std::uint64_t total = 1;
    for (auto d : array.dims)
        total *= d;
    if (array.dims.empty() || array.dims.size() > 4 || total != array.data.size())
        throw Error(ErrorCode::InvalidArgument, path + ": dims do not match the data size");
    std::string bytes = {0, 0, 0x08, char(array.dims.size())};
    for (auto d : array.dims) {
        bytes.push_back(char(d >> 24));
        bytes.push_back(char(d >> 16));
        bytes.push_back(char(d >> 8));
        bytes.push_back(char(d));
    }
    bytes.append(reinterpret_cast<const char *>(array.data.data()), array.data.size());
    const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    GzHandle f(gzopen(path.c_str(), gz ? "wb6" : "wbT"));
    if (!f || gzwrite(f.get(), bytes.data(), unsigned(bytes.size())) != int(bytes.size()))
        throw Error(ErrorCode::Io, path + ": cannot be written");
}

ImageDataset readIdxDataset(const std::string &imagesPath, const std::string &labelsPath,
                            const std::vector<std::string> &classNames)
{
    IdxArray images = readIdx(imagesPath);
    IdxArray labels = readIdx(labelsPath);
    if (images.dims.size() != 3 && images.dims.size() != 4)
        bad(imagesPath, "images must have rank 3 [N,H,W] or 4 [N,H,W,C], found rank "
                            + std::to_string(images.dims.size()));
    if (labels.dims.size() != 1)
        bad(labelsPath, "labels must have rank 1 [N], found rank "
                            + std::to_string(labels.dims.size()));
    if (images.dims[0] != labels.dims[0])
        bad(labelsPath, "holds " + std::to_string(labels.dims[0]) + " labels but "
                            + imagesPath + " holds " + std::to_string(images.dims[0]) + " images");
    ImageDataset ds;
    const std::size_t n = images.dims[0];
    ds.height = int(images.dims[1]);
    ds.width = int(images.dims[2]);
    ds.channels = images.dims.size() == 4 ? int(images.dims[3]) : 1;
    if (ds.channels > 4)
        bad(imagesPath, "has " + std::to_string(ds.channels) + " channels (expected 1 to 4)");
    if (ds.channels == 1) {
        ds.pixels = std::move(images.data);
    } else { // HWC on disk -> CHW in memory
        const std::size_t plane = std::size_t(ds.height) * ds.width;
        ds.pixels.resize(images.data.size());
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t p = 0; p < plane; ++p)
                for (int c = 0; c < ds.channels; ++c)
                    ds.pixels[(i * ds.channels + c) * plane + p]
                        = images.data[(i * plane + p) * ds.channels + c];
    }
    ds.labels.assign(labels.data.begin(), labels.data.end());
    const int maxLabel = n ? int(*std::max_element(labels.data.begin(), labels.data.end())) : 0;
    if (!classNames.empty()) {
        if (maxLabel >= int(classNames.size()))
            bad(labelsPath, "label " + std::to_string(maxLabel) + " has no class name (only "
                                + std::to_string(classNames.size()) + " names given)");
        ds.classNames = classNames;
    } else {
        for (int k = 0; k <= maxLabel; ++k)
            ds.classNames.push_back(std::to_string(k));
    }
    return ds;
}

} // namespace wb::core
