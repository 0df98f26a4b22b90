#pragma once
// The parts of a study report: what every study type shares (status, protocol, how to
// reproduce) and each type's question, answer, figures and tables.

#include "reportwriter.h"
#include "wb/study.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wb::core {
class Session;
struct ModelSpec;
}

namespace wb::core::report {

using Rows = std::vector<std::pair<std::string, std::string>>;

/// The data-selection settings every study has: training images (`trainLabel`: "Training set
/// size L" or "Pool images"; 0 = all), test images, how they are picked, the study's seed.
Rows dataSelectionRows(const ReportLanguage &L, const char *trainLabel, std::int64_t train, std::int64_t test,
                       const std::string &limitMode, std::uint64_t seed);

/// "Incomplete: …" (with the resume command) for a study that is not complete; nothing otherwise.
void writeStatus(ReportWriter &w, const StudyRecord &study);
/// The protocol: study settings, dataset, model, training settings, cells, versions.
void writeProtocol(ReportWriter &w, const Session &session, const StudyRecord &study, const Rows &settings,
                   const ModelSpec *spec, const std::string &modelName);
/// The protocol's parts a run's report shares: the dataset record, the model, the software.
void writeDataset(ReportWriter &w, const Session &session, std::int64_t datasetId);
void writeModel(ReportWriter &w, const ModelSpec *spec, const std::string &modelName);
void writeSoftware(ReportWriter &w);
/// How to reproduce: the replay command, the float-rounding caveat, the embedded configuration.
void writeReproduce(ReportWriter &w, const Session &session, const StudyRecord &study);

void writeSufficiencyReport(ReportWriter &w, const Session &session, const StudyRecord &study);
void writeGridReport(ReportWriter &w, const Session &session, const StudyRecord &study);
void writeVarianceReport(ReportWriter &w, const Session &session, const StudyRecord &study);
void writeActiveReport(ReportWriter &w, const Session &session, const StudyRecord &study);
void writeRunReport(ReportWriter &w, const Session &session, std::int64_t runId);

} // namespace wb::core::report
