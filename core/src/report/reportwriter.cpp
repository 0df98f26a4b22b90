#include "reportwriter.h"

#include <algorithm>

namespace wb::core::report {

std::string name(const std::string &text) { return "<bdi>" + escapeHtml(text) + "</bdi>"; }

std::string ReportWriter::say(const char *source, const std::vector<std::string> &args) const
{
    std::vector<std::string> escaped;
    escaped.reserve(args.size());
    for (const std::string &a : args)
        escaped.push_back(a.rfind("<bdi>", 0) == 0 ? a : escapeHtml(a)); // names come isolated already
    return reportArg(escapeHtml(language().translated(source)), escaped);
}

void ReportWriter::heading(int level, const std::string &text)
{
    const std::string tag = "h" + std::to_string(level);
    m_body += "<" + tag + ">" + escapeHtml(text) + "</" + tag + ">\n";
}

void ReportWriter::paragraph(const std::string &html, const char *cssClass)
{
    m_body += cssClass ? "<p class=\"" + std::string(cssClass) + "\">" : std::string("<p>");
    m_body += html + "</p>\n";
}

void ReportWriter::warnings(const std::vector<std::string> &texts)
{
    for (const std::string &t : texts)
        m_body += "<p class=\"warning\"><font color=\"#b35900\">⚠ " + escapeHtml(t) + "</font></p>\n";
}

void ReportWriter::table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows,
                         const std::string &caption, const std::vector<bool> &numeric)
{
    ++m_tableCount;
    // In print (Qt's rich text) the table takes the text width, and numbers never break at their
    // group separators ("1,\n059,834").
    m_body += std::string("<table class=\"data\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"")
              + (m_options.forPrint ? " width=\"100%\"" : "") + ">\n<tr>";
    for (std::size_t c = 0; c < header.size(); ++c)
        m_body += std::string("<th") + (c < numeric.size() && numeric[c] ? " align=\"right\"" : "") + ">"
                  + escapeHtml(header[c]) + "</th>";
    m_body += "</tr>\n";
    for (const auto &row : rows) {
        m_body += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
            m_body += std::string("<td") + (c < numeric.size() && numeric[c] ? " align=\"right\" nowrap" : "") + ">"
                      + escapeHtml(row[c]) + "</td>";
        m_body += "</tr>\n";
    }
    m_body += "</table>\n<p class=\"caption\"><i>"
              + reportArg(escapeHtml(language().translated(QT_TRANSLATE_NOOP("Report", "Table %1."))), {std::to_string(m_tableCount)}) + "</i> "
              + escapeHtml(caption) + "</p>\n";
}

void ReportWriter::keyValues(const std::vector<std::pair<std::string, std::string>> &rows)
{
    m_body += "<table class=\"protocol\" cellspacing=\"0\" cellpadding=\"2\">\n";
    for (const auto &[key, value] : rows)
        m_body += "<tr><td valign=\"top\"><b>" + escapeHtml(key) + "</b></td><td>" + escapeHtml(value) + "</td></tr>\n";
    m_body += "</table>\n";
}

void ReportWriter::figure(PlotSpec spec, const std::string &caption)
{
    ++m_figureCount;
    int height = 0;
    const std::string svg = svgPlot(spec, language(), &height, m_options.forPrint);
    m_body += "<div class=\"figure\">\n";
    if (m_options.forPrint) {
        m_figures.push_back({svg, spec.width, height});
        // Printed at 540 px: the text width of an A4 page with 15 mm margins.
        const int printWidth = std::min(spec.width, 540), printHeight = height * printWidth / spec.width;
        m_body += "<p align=\"center\"><img src=\"wbfig:" + std::to_string(m_figures.size() - 1) + "\" width=\""
                  + std::to_string(printWidth) + "\" height=\"" + std::to_string(printHeight) + "\"></p>\n";
    } else {
        m_body += svg;
    }
    m_body += "<p class=\"caption\"><i>"
              + reportArg(escapeHtml(language().translated(QT_TRANSLATE_NOOP("Report", "Figure %1."))), {std::to_string(m_figureCount)})
              + "</i> " + escapeHtml(caption) + "</p>\n</div>\n";
}

void ReportWriter::code(const std::string &text) { m_body += "<pre class=\"command\">" + escapeHtml(text) + "</pre>\n"; }

void ReportWriter::block(const std::string &summary, const std::string &content, const std::string &id)
{
    const std::string idAttribute = id.empty() ? std::string() : " id=\"" + escapeHtml(id) + "\"";
    if (m_options.forPrint)
        m_body += "<p><b>" + escapeHtml(summary) + "</b></p>\n<pre class=\"small\"" + idAttribute + ">"
                  + escapeHtml(content) + "</pre>\n";
    else
        m_body += "<details><summary>" + escapeHtml(summary) + "</summary>\n<pre class=\"small\"" + idAttribute + ">"
                  + escapeHtml(content) + "</pre>\n</details>\n";
}

int ReportWriter::addConfig(const std::string &json)
{
    m_configs.push_back(json);
    return int(m_configs.size());
}

void ReportWriter::pageBreak() { m_body += "<div style=\"page-break-before: always\"></div>\n"; }

Report ReportWriter::finish(const std::string &title)
{
    Report report;
    report.figures = std::move(m_figures);
    report.configs = std::move(m_configs);
    report.html = "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(language().code) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                  "<title>" + escapeHtml(title) + "</title>\n<style>\n"
                  "body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 10pt; color: #222; max-width: 780px; margin: 24px auto; }\n"
                  "h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 22px; border-bottom: 1px solid #ccc; } h3 { font-size: 11pt; }\n"
                  "p.answer { font-size: 12pt; } p.question { font-size: 11pt; color: #444; }\n"
                  "p.warning { color: #b35900; } p.caption { color: #444; font-size: 9pt; }\n"
                  "table.data { border-collapse: collapse; font-size: 9pt; } table.data th { background: #eee; }\n"
                  "table.protocol td { padding-right: 12px; font-size: 9pt; }\n"
                  "pre.command { background: #f4f4f4; padding: 6px; white-space: pre-wrap; font-size: 9pt; }\n"
                  "pre.small { font-size: 7pt; white-space: pre-wrap; word-break: break-all; }\n"
                  "div.figure svg { max-width: 100%; height: auto; }\n"
                  "</style>\n</head>\n<body>\n"
                  + m_body + "</body>\n</html>\n";
    return report;
}

} // namespace wb::core::report
