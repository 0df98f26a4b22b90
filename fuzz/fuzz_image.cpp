// libFuzzer target: the image decoding path of image folders (PNG/JPEG/BMP header checks, the
// size caps, decoding, resizing). The first byte picks the channels and the output size.
#include "fuzzinput.h"

#include "data/imagedecode.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int channels = (data[0] & 1) ? 3 : 1;
    const int side = 8 + ((data[0] >> 1) & 31); // 8..39 (a 1-pixel output of a huge image is slow, not wrong)
    const std::vector<unsigned char> bytes(data + 1, data + size);
    std::vector<unsigned char> out;
    const std::string why = wb::core::detail::decodeImage(bytes, channels, side, side, out);
    if (why.empty() && out.size() != std::size_t(side) * side * channels)
        wb::fuzz::fail("decodeImage succeeded with a buffer of the wrong size");
    wb::core::detail::imageChannels(bytes);
    return 0;
}
