#pragma once

#include "wb/tsne.h"

#include <string>

namespace wb::app {

/// Options of `workbench-cli tsne`.
struct TsneOptions
{
    std::string input, output;
    core::TsneOptions tsne;
    bool json = false;
};

/// Reads a numeric CSV (one row per point; a non-numeric first line is a header), embeds
/// it with t-SNE and writes x,y rows. Errors name the file, line and column.
int runTsne(const TsneOptions &options);

} // namespace wb::app
