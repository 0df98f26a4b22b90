#pragma once

// Core-private: the files of a study folder (studyfiles.cpp), used by studyfolder.cpp.
#include <nlohmann/json.hpp>

#include "wb/study.h"

#include <filesystem>
#include <string>
#include <vector>

namespace wb::core::detail {

/// "cell-000012.json"
std::string cellFileName(int cell);
/// Writes `text` to `path` atomically (temporary file, fsync, rename); throws Error(Io).
void writeAtomically(const std::filesystem::path &path, const std::string &text);

/// plan.json of a submission, every field checked.
struct Plan
{
    nlohmann::json config;
    std::string type, fingerprint, dataset, datasetFingerprint;
    int cellCount = 0, cellsPerTask = 1, tasks = 0;
    std::vector<int> cells;
    std::filesystem::path cellsDir;
};
/// Reads a plan; throws Error(BadData) naming the file and field (a newer format included).
Plan readPlan(const std::string &path);

/// A cell file checked against the study: its cell record, or why it is refused.
struct CellFile
{
    StudyCell cell;
    std::string error;
};
CellFile readCellFile(const std::filesystem::path &file, const std::string &fingerprint, int cellCount);
/// The cell-*.json files of a folder, sorted.
std::vector<std::filesystem::path> cellFiles(const std::filesystem::path &dir);

} // namespace wb::core::detail
