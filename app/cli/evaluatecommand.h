#pragma once

#include <cstdint>
#include "wb/tsne.h"

#include <string>

namespace wb::app {

/// Options of `workbench-cli evaluate`.
struct EvaluateOptions
{
    std::string session;
    std::int64_t run = 0;
    int epoch = 0;           ///< 0 = last checkpoint
    double beta = 3.0;       ///< of the smoothed accuracy
    bool tsne = false;
    double perplexity = 30;
    core::TsneMethod method = core::TsneMethod::Auto;
    std::uint64_t seed = 1;
    std::string features;    ///< optional CSV of the penultimate features
    bool json = false;
};

int runEvaluate(const EvaluateOptions &options);

} // namespace wb::app
