#include "data/imagedecode.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace wb::core::detail {

namespace {

// stb's reason for the last failure; it may be empty (then the generic one is given).
std::string notDecodable()
{
    const char *why = stbi_failure_reason();
    return std::string("not a readable PNG, JPEG or BMP image") + (why && *why ? std::string(" (") + why + ")" : "");
}

// Only the formats image folders promise: stb also reads PSD, GIF, HDR, PIC and PNM, and a
// 49-byte PNM header inside a ".png" file decoded to 53 megapixels of nothing (found by
// fuzzing) — a file is decoded only when its first bytes are those of a PNG, JPEG or BMP.
bool knownSignature(const std::vector<unsigned char> &b)
{
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.size() >= 8 && std::equal(png, png + 8, b.begin()))
        return true;
    if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return true;
    return b.size() >= 2 && b[0] == 'B' && b[1] == 'M';
}

// A PNG whose chunks claim more bytes than the file holds: stb reserves room for a chunk's
// claimed length before reading it, and a 153-byte file whose second IDAT claimed 1.4 GB made
// it allocate 2 GB (found by fuzzing). Empty when every chunk up to IEND fits in the file.
std::string pngChunkProblem(const std::vector<unsigned char> &b)
{
    std::size_t pos = 8;
    while (pos + 8 <= b.size()) {
        const std::uint64_t length = (std::uint64_t(b[pos]) << 24) | (std::uint64_t(b[pos + 1]) << 16)
                                     | (std::uint64_t(b[pos + 2]) << 8) | std::uint64_t(b[pos + 3]);
        const std::string type(b.begin() + long(pos + 4), b.begin() + long(pos + 8));
        if (length + 12 > b.size() - pos)
            return "damaged PNG: a chunk claims " + std::to_string(length) + " bytes, more than the "
                   + std::to_string(b.size() - pos) + " left in the file";
        if (type == "IEND")
            break;
        pos += 12 + std::size_t(length);
    }
    return {};
}

std::string megapixels(std::uint64_t pixels)
{
    return std::to_string((pixels + (1u << 19)) >> 20);
}

} // namespace

bool isImageFileName(const std::string &name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string::npos)
        return false;
    std::string ext = name.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

std::string readImageFile(const std::string &path, std::vector<unsigned char> &bytes)
{
    bytes.clear();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return ec.message();
    if (size > kMaxImageFileBytes)
        return "file of " + std::to_string(size >> 20) + " MB is larger than the limit of "
               + std::to_string(kMaxImageFileBytes >> 20) + " MB for one image";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "cannot be opened";
    try {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } catch (const std::exception &) { // libstdc++ throws from the buffer on an I/O error
        bytes.clear();
        return "read error (input/output error)";
    }
    return in.bad() ? "read error" : "";
}

int imageChannels(const std::vector<unsigned char> &bytes)
{
    int w = 0, h = 0, comp = 0;
    if (bytes.empty() || bytes.size() > kMaxImageFileBytes || !knownSignature(bytes)
        || !stbi_info_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp))
        return 0;
    return comp;
}

std::string decodeImage(const std::vector<unsigned char> &bytes, int channels, int height,
                        int width, std::vector<unsigned char> &out)
{
    if (bytes.empty())
        return "empty or unreadable file";
    if (bytes.size() > kMaxImageFileBytes)
        return "file larger than " + std::to_string(kMaxImageFileBytes >> 20) + " MB";
    if (!knownSignature(bytes))
        return "not a PNG, JPEG or BMP image (unknown first bytes)";
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp))
        return notDecodable();
    const std::uint64_t pixels = std::uint64_t(std::max(w, 0)) * std::uint64_t(std::max(h, 0));
    if (w <= 0 || h <= 0)
        return "image declares no pixels";
    if (pixels > kMaxImagePixels)
        return std::to_string(w) + " x " + std::to_string(h) + " pixels ("
               + megapixels(pixels) + " megapixels) exceeds the limit of "
               + megapixels(kMaxImagePixels) + " megapixels";
    if (bytes[0] == 0x89)
        if (std::string problem = pngChunkProblem(bytes); !problem.empty())
            return problem;
    unsigned char *img = stbi_load_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp,
                                               channels);
    if (!img)
        return notDecodable();
    const std::size_t size = std::size_t(height) * std::size_t(width) * std::size_t(channels);
    out.resize(size);
    const bool ok = (w == width && h == height)
                        ? (std::copy_n(img, size, out.data()), true)
                        : stbir_resize_uint8(img, w, h, 0, out.data(), width, height, 0,
                                             channels) != 0;
    stbi_image_free(img);
    return ok ? std::string() : std::string("cannot be resized");
}

} // namespace wb::core::detail
