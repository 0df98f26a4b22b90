#include "data/imagedecode.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <climits>

namespace wb::core::detail {

namespace {

std::string megapixels(std::uint64_t pixels)
{
    return std::to_string((pixels + (1u << 19)) >> 20);
}

} // namespace

int imageChannels(const std::vector<unsigned char> &bytes)
{
    int w = 0, h = 0, comp = 0;
    if (bytes.empty() || bytes.size() > kMaxImageFileBytes
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
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp)) {
        const char *why = stbi_failure_reason();
        return why ? why : "cannot be decoded";
    }
    const std::uint64_t pixels = std::uint64_t(std::max(w, 0)) * std::uint64_t(std::max(h, 0));
    if (w <= 0 || h <= 0)
        return "image declares no pixels";
    if (pixels > kMaxImagePixels)
        return std::to_string(w) + " x " + std::to_string(h) + " pixels ("
               + megapixels(pixels) + " megapixels) exceeds the limit of "
               + megapixels(kMaxImagePixels) + " megapixels";
    unsigned char *img = stbi_load_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp,
                                               channels);
    if (!img) {
        const char *why = stbi_failure_reason();
        return why ? why : "cannot be decoded";
    }
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
