#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// An in-memory image dataset: uint8 pixels laid out [N, C, H, W], one int64 label
/// per image, and the class names (index = label). A plain value type.
struct ImageDataset
{
    std::vector<std::uint8_t> pixels;
    std::vector<std::int64_t> labels;
    std::vector<std::string> classNames;
    int channels = 0;
    int height = 0;
    int width = 0;

    std::size_t size() const { return labels.size(); }
    std::size_t imageBytes() const { return std::size_t(channels) * height * width; }
    int classCount() const { return int(classNames.size()); }
    /// Pointer to the first byte of image i.
    const std::uint8_t *image(std::size_t i) const { return pixels.data() + i * imageBytes(); }
};

/// A train set and a test set (the test set may be empty).
struct DatasetPair
{
    ImageDataset train;
    ImageDataset test;
    std::string source; ///< resolved path the data came from
};

/// Copy of the images at the given indices (in that order). Throws InvalidArgument on
/// an out-of-range index. Thread-safe (pure).
ImageDataset subset(const ImageDataset &data, const std::vector<std::size_t> &indices);

/// Per-channel mean and standard deviation of the pixels scaled to [0, 1].
struct ChannelStats
{
    std::vector<double> mean;
    std::vector<double> stddev;
};

/// Per-channel statistics of the whole dataset (call on the training split only).
ChannelStats channelStats(const ImageDataset &data);

/// 64-bit FNV-1a fingerprint of shape, pixels and labels: identifies dataset content.
std::uint64_t fingerprint(const ImageDataset &data);
/// Hex fingerprint of train + test (32 characters), as stored in a session's datasets.
std::string datasetFingerprint(const DatasetPair &data);

/// Checks the internal consistency of a dataset (sizes, label range); throws BadData.
void validate(const ImageDataset &data, const std::string &what);

} // namespace wb::core
