#pragma once

#include "wb/dataset.h"
#include "wb/split.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// Which data a run uses: the dataset and how its train/validation/test sets are drawn.
/// Value type, stored with each run so that a run can be resumed or repeated exactly.
struct DataConfig
{
    std::string dataset = "fashion-mnist"; ///< name or directory (see loadDataset)
    double valFraction = 0.1;              ///< 0 = no validation split
    bool stratified = true;
    std::int64_t trainLimit = 0;           ///< 0 = all; else a subset of the train set
    std::int64_t testLimit = 0;            ///< 0 = all; else a subset of the test set
    std::string limitMode = "random";      ///< random (seeded) | first
    std::uint64_t seed = 1;                ///< seed of the subset and split draws
    int imageChannels = 0;                 ///< image folders only (0 = auto)
    int imageHeight = 28;
    int imageWidth = 28;
    /// Images labelled in the session's active-learning loop (`active add`) appended to the
    /// training set: the loop's first N labels, always trained on (never limited or held out
    /// for validation). 0 for every other run; see loadRunData.
    std::int64_t poolLabels = 0;
};

/// The indices a run trains, validates and tests on.
struct DataSelection
{
    std::vector<std::size_t> train;      ///< into DatasetPair::train
    std::vector<std::size_t> validation; ///< into DatasetPair::train, disjoint from train
    std::vector<std::size_t> test;       ///< into DatasetPair::test
};

void validate(const DataConfig &config);
std::string toJson(const DataConfig &config);
DataConfig dataConfigFromJson(const std::string &json);

/// Draws the selection: limit the train set, then split it into train/validation; limit
/// the test set. With poolLabels, the last poolLabels training images are the loop's labels:
/// the limit and split apply to the images before them, and all of them are trained on. Deterministic in config.seed. Throws Error(InvalidArgument) when the
/// limits or fraction leave an empty training set.
DataSelection selectData(const DatasetPair &data, const DataConfig &config);

} // namespace wb::core
