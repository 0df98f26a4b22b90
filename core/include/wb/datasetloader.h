#pragma once

#include "wb/dataset.h"
#include "wb/imagefolder.h"

#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// Where Debian's dataset-fashion-mnist package installs Fashion-MNIST.
constexpr const char *kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// Resolves a dataset name or directory: "fashion-mnist" (the Debian package), a directory
/// of IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], and the t10k-
/// pair), or an image folder (root/<class>/..., or root/train + root/test). A
/// `classes.txt` next to IDX files names the classes, one per line.
DatasetPair loadDataset(const std::string &nameOrDir, const ImageFolderOptions &folderOptions,
                        std::vector<SkippedFile> &skipped, ProgressSink *progress = nullptr);

/// The 10 Fashion-MNIST class names.
std::vector<std::string> fashionMnistClassNames();

} // namespace wb::core
