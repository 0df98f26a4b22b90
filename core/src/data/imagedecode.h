#pragma once

// Core-private: one image file's bytes to a fixed-size HWC pixel buffer, with explicit caps so
// that a small hostile file (a 388 KB PNG declaring 20,000 x 20,000 pixels) is refused before
// anything is decoded.
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core::detail {

/// Largest image file read (bytes) and largest decoded image (pixels, any channel count).
constexpr std::uint64_t kMaxImageFileBytes = std::uint64_t(256) << 20;
constexpr std::uint64_t kMaxImagePixels = std::uint64_t(64) << 20;

/// Whether a file name has an image extension the decoder reads (.png .jpg .jpeg .bmp, any case).
bool isImageFileName(const std::string &name);

/// Reads a whole image file into `bytes`; returns why not ("" when read): unreadable, or larger
/// than kMaxImageFileBytes.
std::string readImageFile(const std::string &path, std::vector<unsigned char> &bytes);

/// Decodes PNG/JPEG/BMP `bytes` to `channels` channels (1 or 3) resized to height x width,
/// row-major HWC, into `out`. Returns "" on success, else why the image cannot be used.
std::string decodeImage(const std::vector<unsigned char> &bytes, int channels, int height,
                        int width, std::vector<unsigned char> &out);

/// The channel count the file's header declares (0 when it is not a readable image).
int imageChannels(const std::vector<unsigned char> &bytes);

} // namespace wb::core::detail
