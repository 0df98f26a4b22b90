#pragma once

#include "wb/dataset.h"
#include "wb/imagefolder.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// An unlabelled pool of image files: a folder (searched recursively) or a text file of paths.
struct ImagePool
{
    std::string source;              ///< the folder or list file as given
    std::vector<std::string> paths;  ///< image files, sorted (a list file: in its order, each once)
    std::vector<SkippedFile> skipped; ///< entries that could not be listed, and why
};

/// Lists the pool at `folderOrList`: every .png/.jpg/.jpeg/.bmp file below a folder (sorted by
/// path; hidden folders and symbolic-link loops skipped), or the lines of a text file (paths
/// relative to the file's folder; blank lines and lines starting with '#' ignored). Throws
/// Error(BadData) naming the source when it does not exist or lists no image file.
ImagePool listImagePool(const std::string &folderOrList);

/// Pool images decoded as a dataset's images: pixels [n, C, H, W] (labels all 0), and for each
/// image its position in ImagePool::paths, the FNV-1a hash of the file's bytes and of the
/// decoded pixels.
struct PoolBatch
{
    ImageDataset images;
    std::vector<std::size_t> positions;
    std::vector<std::uint64_t> fileHashes, pixelHashes;
    std::size_t converted = 0; ///< images of another channel count, converted as for datasets
};

/// Reads and decodes pool.paths[begin, end) to `channels` x height x width (grey <-> RGB
/// converted, resized as for image folders); unreadable files go to `skipped` with the reason.
/// Thread-safe (pure apart from reading the files).
PoolBatch decodePoolBatch(const ImagePool &pool, std::size_t begin, std::size_t end, int channels, int height,
                          int width, std::vector<SkippedFile> &skipped);

/// FNV-1a 64 of `n` bytes (file contents, decoded pixels), as 16 hex digits by hashHex.
std::uint64_t contentHash(const void *data, std::size_t n);
std::string hashHex(std::uint64_t hash);

} // namespace wb::core
