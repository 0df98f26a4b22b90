#pragma once

#include "wb/dataset.h"

#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// How an image folder is decoded.
struct ImageFolderOptions
{
    int channels = 0; ///< 1 (grayscale) or 3 (RGB); 0 = 1 if every file is gray, else 3
    int height = 28;  ///< every image is resized to height x width
    int width = 28;
};

/// A file that could not be decoded, and why.
struct SkippedFile
{
    std::string path;
    std::string reason;
};

/// Reads root/<class>/*.{png,jpg,jpeg,bmp}; the class names are the sorted folder names.
/// Unreadable files are skipped and listed in `skipped`, never fatal. Throws BadData when
/// no class folder or no readable image is found.
ImageDataset readImageFolder(const std::string &root, const ImageFolderOptions &options,
                             std::vector<SkippedFile> &skipped, ProgressSink *progress = nullptr);

} // namespace wb::core
