#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::app {

/// Options of `workbench-cli grid fit`: a scaling law fitted to measured cells.
struct GridFitOptions
{
    std::string input;               ///< CSV with a header naming params, samples, loss (flops optional)
    std::vector<std::string> predict; ///< PARAMS:SAMPLES cells to predict
    double tolerance = 0.01;         ///< relative gain of doubling N below which a model is "big enough"
    std::vector<double> compute;     ///< training FLOP budgets for the compute-optimal split
    int resamples = 200;             ///< bootstrap draws
    std::uint64_t seed = 1;          ///< bootstrap seed
    bool json = false;
};

int runGridFit(const GridFitOptions &options);

} // namespace wb::app
