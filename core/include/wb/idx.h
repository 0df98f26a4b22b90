#pragma once

#include "wb/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// A decoded IDX tensor (unsigned byte payload only, as in MNIST-like datasets).
struct IdxArray
{
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> data;
};

/// Largest payload an IDX file may declare (bytes); larger headers are refused before
/// anything is allocated.
constexpr std::uint64_t kIdxMaxBytes = std::uint64_t(4) << 30;

/// Reads an IDX file (plain or gzip-compressed, decided by content). Validates the magic
/// number, the element type (unsigned byte), the rank and that the payload is complete.
/// Throws Error(BadData) naming the file.
IdxArray readIdx(const std::string &path);

/// Writes an IDX unsigned-byte file; gzip-compressed when the path ends in ".gz".
void writeIdx(const std::string &path, const IdxArray &array);

/// Builds a dataset from an images file (rank 3 [N,H,W] or rank 4 [N,H,W,C]) and a labels
/// file (rank 1 [N]); checks that the counts match.
ImageDataset readIdxDataset(const std::string &imagesPath, const std::string &labelsPath,
                            const std::vector<std::string> &classNames = {});

} // namespace wb::core
