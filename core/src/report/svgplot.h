#pragma once
// Plots of a report as SVG text: axes (linear, or log with decades), lines, dashed lines,
// points with error bars, bands, horizontal reference lines, and a legend under the axes.
// Self-contained (no fonts or files referenced); every label escaped.

#include "wb/report.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace wb::core::report {

struct PlotSeries
{
    enum class Kind { Line, Dashed, Points, Band };
    Kind kind = Kind::Line;
    std::string name;  ///< legend entry; empty: none
    std::string color = "#1f77b4";
    std::vector<double> x, y; ///< Band: y is the lower edge
    std::vector<double> high; ///< Band: the upper edge
    std::vector<double> error;///< Points: ± bars (empty: none)
    double opacity = 1;
    bool hollow = false;      ///< Points drawn as rings
};

struct PlotSpec
{
    std::string xLabel, yLabel;
    bool logX = false;
    bool integerX = false;         ///< x ticks at whole numbers only (repeats, rounds)
    double yMin = NAN, yMax = NAN; ///< NaN: from the data
    std::vector<PlotSeries> series;
    std::vector<std::pair<double, std::string>> hLines; ///< y and its label (red, dashed)
    int width = 720, height = 360;
};

/// The plot as an <svg> element of spec.width × (spec.height + legend rows) CSS pixels;
/// `standalone`: a document of its own (with the SVG namespace), else inline in HTML, where
/// the namespace is implied (and the report names no URL at all).
std::string svgPlot(const PlotSpec &spec, const ReportLanguage &language, int *height = nullptr, bool standalone = false);

/// The colour of series `index` (matplotlib's "tab10", repeating): every report's plots share it.
const char *seriesColor(std::size_t index);

/// Text escaped for HTML and SVG (&, <, >, quotes; control characters dropped).
std::string escapeHtml(const std::string &text);

} // namespace wb::core::report
