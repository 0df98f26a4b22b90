#include "wb/datasetloader.h"
#include "util/utf8.h"
#include "wb/errors.h"
#include "wb/idx.h"
#include "wb/progress.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace wb::core {

std::vector<std::string> fashionMnistClassNames()
{
    return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
}

namespace {

// Finds <dir>/<stem> or <dir>/<stem>.gz, also the "t10k-images.idx3-ubyte" dot variant.
std::string findIdx(const fs::path &dir, const std::string &stem)
{
    std::string dotted = stem;
    if (auto pos = dotted.rfind('-'); pos != std::string::npos)
        dotted[pos] = '.';
    for (const std::string &name : {stem, stem + ".gz", dotted, dotted + ".gz"}) {
        std::error_code ec;
        if (fs::is_regular_file(dir / name, ec))
            return (dir / name).string();
    }
    return {};
}

std::vector<std::string> readClassNames(const fs::path &dir)
{
    std::vector<std::string> names;
    std::ifstream in(dir / "classes.txt");
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty())
            names.push_back(detail::cleanUtf8Name(line));
    }
    return names;
}

// Relabels `test` so that its class names index into `trainNames`.
void alignClasses(ImageDataset &test, const std::vector<std::string> &trainNames,
                  const std::string &root)
{
    std::map<std::string, std::int64_t> index;
    for (std::size_t k = 0; k < trainNames.size(); ++k)
        index[trainNames[k]] = std::int64_t(k);
    std::vector<std::int64_t> remap;
    for (const auto &name : test.classNames) {
        auto it = index.find(name);
        if (it == index.end())
            throw Error(ErrorCode::BadData, root + "/test: class folder '" + name
                                                + "' does not exist under " + root + "/train");
        remap.push_back(it->second);
    }
    for (auto &l : test.labels)
        l = remap[std::size_t(l)];
    test.classNames = trainNames;
}

} // namespace

DatasetPair loadDataset(const std::string &nameOrDir, const ImageFolderOptions &folderOptions,
                        std::vector<SkippedFile> &skipped, ProgressSink *progress)
{
    std::string dir = nameOrDir;
    std::vector<std::string> names;
    if (nameOrDir == "fashion-mnist") {
        dir = kFashionMnistDir;
        names = fashionMnistClassNames();
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw Error(ErrorCode::BadData,
                        std::string("fashion-mnist: ") + dir
                            + " is missing (install Debian's dataset-fashion-mnist package)");
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorCode::BadData,
                    nameOrDir + ": not a directory (expected 'fashion-mnist', a folder of IDX "
                                "files, or an image folder root/<class>/*.png)");
    DatasetPair pair;
    pair.source = fs::absolute(dir).lexically_normal().string();
    const fs::path root(dir);
    const std::string trainImages = findIdx(root, "train-images-idx3-ubyte");
    if (!trainImages.empty()) {
        const std::string trainLabels = findIdx(root, "train-labels-idx1-ubyte");
        if (trainLabels.empty())
            throw Error(ErrorCode::BadData, dir + ": has " + trainImages
                                                + " but no train-labels-idx1-ubyte[.gz]");
        if (names.empty())
            names = readClassNames(root);
        if (progress)
            progress->setProgress(0.05, "reading " + trainImages);
        pair.train = readIdxDataset(trainImages, trainLabels, names);
        if (progress)
            progress->setProgress(0.8, "reading the test set");
        const std::string testImages = findIdx(root, "t10k-images-idx3-ubyte");
        const std::string testLabels = findIdx(root, "t10k-labels-idx1-ubyte");
        if (testImages.empty() != testLabels.empty())
            throw Error(ErrorCode::BadData, dir + ": has " + (testImages.empty() ? testLabels : testImages)
                                                + " but not its " + (testImages.empty() ? "t10k-images-idx3-ubyte[.gz]"
                                                                                        : "t10k-labels-idx1-ubyte[.gz]")
                                                + " (no test set at all is fine; half of one is not)");
        if (!testImages.empty() && !testLabels.empty()) {
            pair.test = readIdxDataset(testImages, testLabels, pair.train.classNames);
            if (pair.test.channels != pair.train.channels || pair.test.height != pair.train.height
                || pair.test.width != pair.train.width)
                throw Error(ErrorCode::BadData, testImages + ": image shape differs from "
                                                    + trainImages);
        }
    } else if (fs::is_directory(root / "train", ec)) {
        pair.train = readImageFolder((root / "train").string(), folderOptions, skipped, progress);
        if (fs::is_directory(root / "test", ec)) {
            ImageFolderOptions testOptions = folderOptions;
            testOptions.channels = pair.train.channels;
            pair.test = readImageFolder((root / "test").string(), testOptions, skipped, progress);
            alignClasses(pair.test, pair.train.classNames, dir);
        }
    } else {
        const bool hasFolders = std::any_of(fs::directory_iterator(root, ec), fs::directory_iterator(),
                                            [](const fs::directory_entry &e) {
                                                std::error_code dec;
                                                return e.is_directory(dec);
                                            });
        if (!hasFolders) // neither layout: describe both, not only the image folders
            throw Error(ErrorCode::BadData,
                        dir + ": not a dataset. Expected either IDX files (train-images-idx3-ubyte and "
                              "train-labels-idx1-ubyte, optionally .gz, with t10k-images-idx3-ubyte and "
                              "t10k-labels-idx1-ubyte for a test set) or image folders (root/<class>/*.png, or "
                              "root/train/<class>/ and root/test/<class>/)");
        pair.train = readImageFolder(dir, folderOptions, skipped, progress);
    }
    if (pair.test.classNames.empty()) { // no test set: an empty one with matching shape
        pair.test.classNames = pair.train.classNames;
        pair.test.channels = pair.train.channels;
        pair.test.height = pair.train.height;
        pair.test.width = pair.train.width;
    }
    validate(pair.train, dir + " (train)");
    validate(pair.test, dir + " (test)");
    if (progress)
        progress->setProgress(1.0, "loaded " + std::to_string(pair.train.size()) + " + "
                                       + std::to_string(pair.test.size()) + " images");
    return pair;
}

} // namespace wb::core
