// libFuzzer target: the readers of JSON that sessions and study folders store (train and data
// configs, sufficiency configs and results with their analysis, LR-test results, stored study
// setups, plan.json of a Slurm submission, cell files). The first byte picks the reader.
#include "fuzzinput.h"

#include "studies/studyfiles.h"
#include "wb/dataconfig.h"
#include "wb/errors.h"
#include "wb/lrfinder.h"
#include "wb/sufficiency.h"
#include "wb/sufficiencystudy.h"
#include "wb/trainconfig.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace {

using namespace wb::core;

void analyse(const std::string &text)
{
    SufficiencyConfig config;
    const SufficiencyResult r = sufficiencyResultFromJson(text, &config);
    for (const auto &[metric, runs] : r.perRun) {
        for (const auto &run : runs)
            if (run.size() != r.steps.size())
                wb::fuzz::fail("a stored result was accepted with runs of another length than its steps");
        const SufficiencyAnalysis a = analyzeSufficiency(r, metric, {0.5, 0.9}, 8, 1);
        (void)a;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
    try {
        switch (data[0] % 8) {
        case 0: validate(trainConfigFromJson(text)); break;
        case 1: validate(dataConfigFromJson(text)); break;
        case 2: sufficiencyConfigFromJson(text); break;
        case 3: analyse(text); break;
        case 4: lrFindResultFromJson(text); break;
        case 5: {
            std::vector<std::int64_t> steps;
            const SufficiencyStudySetup s = sufficiencyStudySetup(text, &steps);
            sufficiencyStudyConfigJson(s, steps);
            break;
        }
        case 6: {
            wb::fuzz::MemoryFile file(data + 1, size - 1);
            detail::readPlan(file.path());
            break;
        }
        case 7: {
            // Checked against its own study fingerprint (bit 3 of the first byte: against
            // another), so that the fuzzer gets past that check.
            const auto j = nlohmann::json::parse(text, nullptr, false);
            std::string print = "another study";
            if ((data[0] & 8) == 0 && j.is_object() && j.contains("study_fingerprint") && j["study_fingerprint"].is_string())
                print = j["study_fingerprint"].get<std::string>();
            wb::fuzz::MemoryFile file(data + 1, size - 1);
            const detail::CellFile c = detail::readCellFile(file.path(), print, 8);
            if (c.error.empty()) {
                SufficiencyConfig config;
                sufficiencyCellError(config, 3, c.cell.resultJson);
            }
            break;
        }
        }
    } catch (const Error &) {
    }
    return 0;
}
