#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wb::core {

class Session;
struct SufficiencyAnalysis;

/// The language a report is written in. Its own sentences are English source texts passed
/// through `translate` (the app hands in Qt's translator: lupdate files them under the
/// context "Report"); engine messages (warnings, next steps) through `engine`; numbers with
/// the locale's decimal point and digit grouping. Unset functions leave the English text.
struct ReportLanguage
{
    std::string code = "en";
    std::function<std::string(const char *source)> translate;
    std::function<std::string(const std::string &message)> engine;
    /// The app's own wording of a sufficiency analysis (the page's sentences, translated): its
    /// warnings, and the next step for a target ("Next step: …"). Unset: the engine's English.
    std::function<std::vector<std::string>(const SufficiencyAnalysis &)> sufficiencyWarnings;
    std::function<std::string(const SufficiencyAnalysis &, double target)> sufficiencyNextStep;
    std::string decimalPoint = ".";
    std::string groupSeparator = ",";

    std::string translated(const char *source) const; // not "tr": lupdate would take it for Qt's
    std::string engineText(const std::string &message) const;
    /// `value` with `decimals` digits after the point ("0.934" / "0,934"); "–" when not finite.
    std::string fixed(double value, int decimals) const;
    /// A count rounded to an integer, grouped ("12,000" / "12.000"); "–" when not finite.
    std::string count(double value) const;
    /// `value` with `digits` significant digits, grouped when ≥ 10,000 ("1.5e-05" below 0.001).
    std::string significant(double value, int digits = 3) const;
};

/// "%1", "%2", … in `text` replaced by `args` (Qt's QString::arg order; at most 9).
std::string reportArg(std::string text, const std::vector<std::string> &args);

struct ReportOptions
{
    std::string title;      ///< empty: from the study
    std::string session;    ///< the session file, as the user named it (protocol, resume command)
    std::string file;       ///< the report's file name, as the replay command names it
    std::string version;    ///< the workbench's version
    std::string platform;   ///< "LibTorch 1.13.1, CPU …", said in the protocol
    std::string generated;  ///< when (UTC, ISO 8601); empty: now
    std::vector<double> targets = {0.9, 0.95, 0.99}; ///< accuracy targets a sufficiency report answers
    ReportLanguage language;
    /// Figures as <img src="wbfig:N"> instead of inline SVG, for a renderer without SVG in HTML
    /// (Qt's rich text, which the PDF is printed from); Report::figures holds their SVG.
    bool forPrint = false;
    bool several = false;   ///< one report of several studies: the replay command names its index
};

struct ReportFigure
{
    std::string svg;
    int width = 0, height = 0; ///< CSS pixels
};

struct Report
{
    std::string html;
    std::vector<ReportFigure> figures;
    /// The configuration of each study reported, in order (as embedded in the HTML): a PDF
    /// carries them in its metadata, so that `study replay --config report.pdf` works too.
    std::vector<std::string> configs;
};

/// The study types a report can be written for ("sufficiency", "grid", "active", "variance": every type).
const std::vector<std::string> &reportableStudyTypes();

/// A self-contained HTML report of stored study `id`, for a reader who never saw the app: the
/// question and the answer first (with the uncertainty and the warnings), the plots with
/// captions, the tables, the protocol (dataset with its fingerprint, model with parameters and
/// FLOPs, training settings, seeds, cells with status and times, versions) and how to
/// reproduce it (a command and the study's configuration, embedded). An incomplete study is
/// reported as such, with the command that resumes it; nothing it has not measured is claimed.
/// Every text from the session is escaped; the HTML loads nothing from outside. Throws
/// Error(InvalidArgument) for a study type without a report, Error(NotFound) for no study.
Report studyReport(const Session &session, std::int64_t id, const ReportOptions &options);
/// A report of stored run `id`: final metrics, training curves per epoch, the stored evaluation
/// (per class, confusion, most confused pairs, reject and calibration curves) and its t-SNE map
/// when one is stored, the protocol. Throws Error(InvalidArgument) for no such run.
Report runReport(const Session &session, std::int64_t id, const ReportOptions &options);
/// One report of every reportable study of the session, one after another.
Report sessionReport(const Session &session, const ReportOptions &options);

/// The study configuration (JSON text with "type" and "config") from a report — its HTML, or a
/// PDF's metadata — or the text itself when it is such JSON already; `index` (from 1) picks one
/// of several studies in one report; `where` names the file in messages. Throws
/// Error(InvalidArgument) when there is none (or not that many) or it is damaged.
std::string reportStudyConfig(const std::string &text, const std::string &where, int index = 1);

/// The XMP metadata packet a PDF report carries: its title and the studies' configurations.
std::string reportXmpMetadata(const Report &report, const std::string &title);

/// "LibTorch 1.13.1, <CPU model> (N threads), no GPU": what a report is written on.
std::string platformDescription();

/// Writes `content` to `path` atomically (a temporary file beside it, renamed): a failed write
/// (disk full) leaves no file and throws Error(Io) naming the path; a folder is refused.
void writeReportFile(const std::string &path, const std::string &content);

/// The element id the configuration is embedded under.
inline constexpr const char *kReportConfigId = "wb-study-config";

} // namespace wb::core
