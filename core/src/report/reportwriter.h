#pragma once
// Builds a report's HTML: sections, escaped text, tables, numbered figures with captions,
// key–value lists and code. The same content prints through Qt's rich text (forPrint: figures
// become <img src="wbfig:N">, collapsible blocks open ones).

#include "svgplot.h"
#include "wb/report.h"

#include <string>
#include <utility>
#include <vector>

// Marks a report sentence for lupdate (context "Report"); the text itself is the English
// source that ReportLanguage::tr translates at run time.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif


namespace wb::core::report {

class ReportWriter
{
public:
    explicit ReportWriter(const ReportOptions &options) : m_options(options) {}

    const ReportLanguage &language() const { return m_options.language; }
    const ReportOptions &options() const { return m_options; }
    /// A report sentence in the report's language with %1… replaced by `args` (escaped).
    std::string say(const char *source, const std::vector<std::string> &args = {}) const;

    void heading(int level, const std::string &text); ///< text escaped
    void raw(const std::string &html) { m_body += html; }
    void paragraph(const std::string &html, const char *cssClass = nullptr); ///< html as given
    void warnings(const std::vector<std::string> &texts);                     ///< texts escaped
    /// A table; cells escaped; `numeric` columns right-aligned.
    void table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows,
               const std::string &caption, const std::vector<bool> &numeric = {});
    void keyValues(const std::vector<std::pair<std::string, std::string>> &rows); ///< escaped
    void figure(PlotSpec spec, const std::string &caption);                        ///< caption escaped
    void code(const std::string &text);                                           ///< escaped
    /// A block the reader opens (HTML) or that is printed small (PDF); content escaped.
    void block(const std::string &summary, const std::string &content, const std::string &id = {});
    void pageBreak();
    /// Keeps a study's configuration for the report's metadata; returns its index (from 1).
    int addConfig(const std::string &json);

    Report finish(const std::string &title);

private:
    ReportOptions m_options;
    std::string m_body;
    std::vector<ReportFigure> m_figures;
    std::vector<std::string> m_configs;
    int m_figureCount = 0, m_tableCount = 0;
};

/// A session's text (a name, a path) for HTML: escaped and isolated against bidirectional text.
std::string name(const std::string &text);

} // namespace wb::core::report
