#include "wb/dataset.h"
#include "wb/errors.h"

#include <algorithm>
#include <cstdio>
#include <cmath>

namespace wb::core {

ImageDataset subset(const ImageDataset &data, const std::vector<std::size_t> &indices)
{
    ImageDataset out;
    out.channels = data.channels;
    out.height = data.height;
    out.width = data.width;
    out.classNames = data.classNames;
    const std::size_t bytes = data.imageBytes();
    out.pixels.resize(indices.size() * bytes);
    out.labels.resize(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        const std::size_t src = indices[i];
        if (src >= data.size())
            throw Error(ErrorCode::InvalidArgument,
                        "subset index " + std::to_string(src) + " is out of range (dataset has "
                            + std::to_string(data.size()) + " images)");
        std::copy_n(data.image(src), bytes, out.pixels.data() + i * bytes);
        out.labels[i] = data.labels[src];
    }
    return out;
}

ChannelStats channelStats(const ImageDataset &data)
{
    ChannelStats stats;
    stats.mean.assign(data.channels, 0.0);
    stats.stddev.assign(data.channels, 1.0);
    const std::size_t plane = std::size_t(data.height) * data.width;
    if (data.size() == 0 || plane == 0)
        return stats;
    for (int c = 0; c < data.channels; ++c) {
        // Integer histogram: exact, and fast even for 60k images.
        std::uint64_t hist[256] = {};
        for (std::size_t i = 0; i < data.size(); ++i) {
            const std::uint8_t *p = data.image(i) + c * plane;
            for (std::size_t k = 0; k < plane; ++k)
                ++hist[p[k]];
        }
        double n = 0, sum = 0, sumSq = 0;
        for (int v = 0; v < 256; ++v) {
            const double x = v / 255.0;
            n += double(hist[v]);
            sum += double(hist[v]) * x;
            sumSq += double(hist[v]) * x * x;
        }
        const double mean = sum / n;
        const double var = std::max(0.0, sumSq / n - mean * mean);
        stats.mean[c] = mean;
        stats.stddev[c] = var > 1e-12 ? std::sqrt(var) : 1.0;
    }
    return stats;
}

namespace {
constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void mix(std::uint64_t &h, const void *data, std::size_t n)
{
    const auto *p = static_cast<const std::uint8_t *>(data);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= kFnvPrime;
    }
}
} // namespace

std::uint64_t fingerprint(const ImageDataset &data)
{
    std::uint64_t h = kFnvOffset;
    const std::int64_t shape[4] = {std::int64_t(data.size()), data.channels, data.height,
                                   data.width};
    mix(h, shape, sizeof shape);
    mix(h, data.pixels.data(), data.pixels.size());
    mix(h, data.labels.data(), data.labels.size() * sizeof(std::int64_t));
    return h;
}

std::string datasetFingerprint(const DatasetPair &data)
{
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(fingerprint(data.train)),
                  static_cast<unsigned long long>(fingerprint(data.test)));
    return buf;
}

void validate(const ImageDataset &data, const std::string &what)
{
    if (data.channels <= 0 || data.height <= 0 || data.width <= 0)
        throw Error(ErrorCode::BadData, what + ": image shape must be positive");
    if (data.pixels.size() != data.size() * data.imageBytes())
        throw Error(ErrorCode::BadData, what + ": pixel buffer size does not match "
                                            + std::to_string(data.size()) + " images");
    const auto k = std::int64_t(data.classNames.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data.labels[i] < 0 || data.labels[i] >= k)
            throw Error(ErrorCode::BadData,
                        what + ": label " + std::to_string(data.labels[i]) + " of image "
                            + std::to_string(i) + " is outside 0.." + std::to_string(k - 1));
    }
}

} // namespace wb::core
