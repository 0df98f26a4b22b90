#pragma once

#include "wb/report.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace wb::app {

/// The report's language from the interface's: the app's translations (context "Report"),
/// engine messages as the pages word them, numbers in QLocale().
core::ReportLanguage reportLanguage();

/// Writes `report` (made with forPrint) as PDF with Qt's PDF writer: A4, the figures drawn from
/// their SVG, page numbers. Atomic: a failed write leaves no file. False with `error` set.
bool writeReportPdf(const core::Report &report, const QString &title, const QString &path, QString *error);

/// What to write: the study (0 = every reportable study), its file and format.
struct ReportRequest
{
    QString sessionPath;  ///< read on its own connection (any thread)
    QString sessionName;  ///< as the reader should see it (the protocol, the resume command)
    std::int64_t study = 0;
    std::int64_t run = 0; ///< > 0: the report of this run instead
    QString output;
    bool pdf = false;     ///< PDF, else HTML
    QString title;
    std::vector<double> targets = {0.9, 0.95, 0.99};
};

/// Builds and writes the report (any thread: it opens the session read-only itself).
bool writeReport(const ReportRequest &request, QString *error);

} // namespace wb::app
