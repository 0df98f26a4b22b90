#include "svgplot.h"

#include <algorithm>
#include <charconv>

namespace wb::core::report {

namespace {

// A coordinate for SVG: two decimals, always a point (never the locale's comma).
std::string px(double v)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, std::round(v * 100) / 100, std::chars_format::general, 8);
    return std::string(buffer, r.ptr);
}

struct Axis
{
    double lo = 0, hi = 1;
    bool log = false;
    double a0 = 0, a1 = 1; // pixels of lo and hi

    double map(double v) const
    {
        const double t = log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo)) : (v - lo) / (hi - lo);
        return a0 + std::clamp(t, 0.0, 1.0) * (a1 - a0);
    }
    bool inside(double v) const { return std::isfinite(v) && (!log || v > 0); }
};

// Ticks of a linear axis: steps of 1, 2 or 5 × 10^k, about five of them.
std::vector<double> linearTicks(double lo, double hi)
{
    const double raw = (hi - lo) / 5;
    const double power = std::pow(10, std::floor(std::log10(raw)));
    double step = power;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    std::vector<double> ticks;
    for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    return ticks;
}

// Ticks of a log axis: the decades, with 2 and 5 between them when it spans less than three.
std::vector<double> logTicks(double lo, double hi)
{
    std::vector<double> ticks;
    const bool fine = std::log10(hi / lo) < 3;
    for (int e = int(std::floor(std::log10(lo))); e <= int(std::ceil(std::log10(hi))); ++e)
        for (double m : fine ? std::vector<double>{1, 2, 5} : std::vector<double>{1}) {
            const double t = m * std::pow(10.0, e);
            if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9))
                ticks.push_back(t);
        }
    return ticks;
}

void range(const PlotSpec &spec, bool xAxis, double &lo, double &hi)
{
    lo = INFINITY;
    hi = -INFINITY;
    for (const PlotSeries &s : spec.series) {
        const auto take = [&](const std::vector<double> &v, const std::vector<double> *err, int sign) {
            for (std::size_t i = 0; i < v.size(); ++i) {
                double value = v[i];
                if (err && i < err->size() && std::isfinite((*err)[i]))
                    value += sign * (*err)[i];
                if (std::isfinite(value) && (!xAxis || !spec.logX || value > 0)) {
                    lo = std::min(lo, value);
                    hi = std::max(hi, value);
                }
            }
        };
        if (xAxis) {
            take(s.x, nullptr, 0);
        } else {
            take(s.y, &s.error, -1);
            take(s.y, &s.error, 1);
            take(s.high, nullptr, 0);
        }
    }
    if (!xAxis)
        for (const auto &[y, label] : spec.hLines)
            if (std::isfinite(y)) {
                lo = std::min(lo, y);
                hi = std::max(hi, y);
            }
}

} // namespace

const char *seriesColor(std::size_t index)
{
    static const char *const colors[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    return colors[index % 10];
}

std::string escapeHtml(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // UTF-8 sequences are kept whole when valid; a broken one becomes U+FFFD.
        int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool valid = length > 0 && i + std::size_t(length) <= text.size();
        for (int k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + std::size_t(k)]) & 0xC0) == 0x80;
        if (!valid) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (length == 1) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n': out += '\n'; break;
            case '\t': out += ' '; break;
            default:
                if (c >= 0x20 && c != 0x7F)
                    out += char(c); // other control characters are dropped
            }
        } else {
            const std::string seq = text.substr(i, std::size_t(length));
            // Bidirectional overrides and isolates would reorder the text around a name; dropped
            // (right-to-left letters themselves stay, and names sit in <bdi>).
            const bool bidiControl = seq.size() == 3 && seq[0] == '\xE2'
                                     && ((seq[1] == '\x80' && seq[2] >= '\xAA' && seq[2] <= '\xAE')
                                         || (seq[1] == '\x81' && seq[2] >= '\xA6' && seq[2] <= '\xA9'));
            if (!bidiControl)
                out += seq;
        }
        i += std::size_t(length);
    }
    return out;
}

std::string svgPlot(const PlotSpec &spec, const ReportLanguage &language, int *height, bool standalone)
{
    const int left = 64, right = 30, top = 14, bottom = 46;
    const int legendColumns = 2, legendRow = 20;
    int entries = 0;
    for (const PlotSeries &s : spec.series)
        entries += s.name.empty() ? 0 : 1;
    entries += int(std::count_if(spec.hLines.begin(), spec.hLines.end(), [](const auto &l) { return !l.second.empty(); }));
    const int legendHeight = (entries + legendColumns - 1) / legendColumns * legendRow + (entries ? 8 : 0);
    const int total = spec.height + legendHeight;
    if (height)
        *height = total;

    Axis x, y;
    range(spec, true, x.lo, x.hi);
    range(spec, false, y.lo, y.hi);
    if (!std::isfinite(x.lo)) {
        x.lo = spec.logX ? 1 : 0;
        x.hi = spec.logX ? 10 : 1;
    }
    if (!std::isfinite(y.lo)) {
        y.lo = 0;
        y.hi = 1;
    }
    if (std::isfinite(spec.yMin))
        y.lo = spec.yMin;
    if (std::isfinite(spec.yMax))
        y.hi = spec.yMax;
    x.log = spec.logX;
    if (x.log) {
        x.lo = std::pow(10, std::floor(std::log10(x.lo) * 4) / 4); // a little room at both ends
        x.hi = std::pow(10, std::ceil(std::log10(x.hi) * 4) / 4);
        if (x.hi <= x.lo)
            x.hi = x.lo * 10;
    } else if (x.hi <= x.lo) {
        x.hi = x.lo + 1;
    } else if (spec.integerX) { // dots at the first and last whole number stay off the frame
        x.lo -= 0.3;
        x.hi += 0.3;
    }
    if (y.hi <= y.lo)
        y.hi = y.lo + 1;
    if (!std::isfinite(spec.yMin) || !std::isfinite(spec.yMax)) {
        const double pad = (y.hi - y.lo) * 0.05;
        if (!std::isfinite(spec.yMin))
            y.lo -= pad;
        if (!std::isfinite(spec.yMax))
            y.hi += pad;
    }
    x.a0 = left;
    x.a1 = spec.width - right;
    y.a0 = spec.height - bottom;
    y.a1 = top;

    std::string s = std::string(standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\"" : "<svg") + " width=\"" + std::to_string(spec.width) + "\" height=\""
                    + std::to_string(total) + "\" viewBox=\"0 0 " + std::to_string(spec.width) + " " + std::to_string(total)
                    + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
    s += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(spec.width) + "\" height=\"" + std::to_string(total)
         + "\" fill=\"white\"/>\n";
    // Grid and tick labels.
    std::vector<double> xt = x.log ? logTicks(x.lo, x.hi) : linearTicks(x.lo, x.hi);
    if (spec.integerX)
        xt.erase(std::remove_if(xt.begin(), xt.end(), [](double t) { return t != std::round(t); }), xt.end());
    const std::vector<double> yt = linearTicks(y.lo, y.hi);
    const int yDecimals = [&] {
        if (yt.size() < 2)
            return 2;
        const double step = yt[1] - yt[0];
        return std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
    }();
    for (double t : xt) {
        const std::string p = px(x.map(t));
        s += "<line x1=\"" + p + "\" y1=\"" + px(y.a1) + "\" x2=\"" + p + "\" y2=\"" + px(y.a0)
             + "\" stroke=\"#dddddd\" stroke-dasharray=\"2,2\"/>\n";
        s += "<text x=\"" + p + "\" y=\"" + px(y.a0 + 15) + "\" text-anchor=\"middle\">"
             + escapeHtml(x.log ? language.count(t) : language.significant(t, 3)) + "</text>\n";
    }
    for (double t : yt) {
        const std::string p = px(y.map(t));
        s += "<line x1=\"" + px(x.a0) + "\" y1=\"" + p + "\" x2=\"" + px(x.a1) + "\" y2=\"" + p
             + "\" stroke=\"#dddddd\" stroke-dasharray=\"2,2\"/>\n";
        s += "<text x=\"" + px(x.a0 - 6) + "\" y=\"" + px(y.map(t) + 4) + "\" text-anchor=\"end\">"
             + escapeHtml(language.fixed(t, yDecimals)) + "</text>\n";
    }
    s += "<rect x=\"" + px(x.a0) + "\" y=\"" + px(y.a1) + "\" width=\"" + px(x.a1 - x.a0) + "\" height=\""
         + px(y.a0 - y.a1) + "\" fill=\"none\" stroke=\"#444444\"/>\n";
    s += "<text x=\"" + px((x.a0 + x.a1) / 2) + "\" y=\"" + px(y.a0 + 34) + "\" text-anchor=\"middle\">"
         + escapeHtml(spec.xLabel) + "</text>\n";
    s += "<text transform=\"translate(14," + px((y.a0 + y.a1) / 2) + ") rotate(-90)\" text-anchor=\"middle\">"
         + escapeHtml(spec.yLabel) + "</text>\n";
    // The data, kept inside the axes (values beyond them are drawn at the edge; no clip path:
    // Qt's SVG renderer, which draws the PDF's figures, has none).
    s += "<g>\n";
    auto polyline = [&](const std::vector<double> &xs, const std::vector<double> &ys) {
        std::string points;
        for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i)
            if (x.inside(xs[i]) && std::isfinite(ys[i]))
                points += px(x.map(xs[i])) + "," + px(y.map(ys[i])) + " ";
        return points;
    };
    for (const PlotSeries &series : spec.series) {
        const std::string opacity = series.opacity < 1 ? " opacity=\"" + px(series.opacity) + "\"" : std::string();
        switch (series.kind) {
        case PlotSeries::Kind::Band: {
            std::string points = polyline(series.x, series.high);
            std::vector<double> rx(series.x.rbegin(), series.x.rend()), ry(series.y.rbegin(), series.y.rend());
            points += polyline(rx, ry);
            if (!points.empty())
                s += "<polygon points=\"" + points + "\" fill=\"" + series.color + "\" stroke=\"none\"" + opacity + "/>\n";
            break;
        }
        case PlotSeries::Kind::Line:
        case PlotSeries::Kind::Dashed:
            s += "<polyline points=\"" + polyline(series.x, series.y) + "\" fill=\"none\" stroke=\"" + series.color
                 + "\" stroke-width=\"2\"" + (series.kind == PlotSeries::Kind::Dashed ? " stroke-dasharray=\"6,4\"" : "")
                 + opacity + "/>\n";
            break;
        case PlotSeries::Kind::Points:
            for (std::size_t i = 0; i < std::min(series.x.size(), series.y.size()); ++i) {
                if (!x.inside(series.x[i]) || !std::isfinite(series.y[i]))
                    continue;
                const std::string cx = px(x.map(series.x[i]));
                if (i < series.error.size() && std::isfinite(series.error[i]) && series.error[i] > 0)
                    s += "<line x1=\"" + cx + "\" y1=\"" + px(y.map(series.y[i] - series.error[i])) + "\" x2=\"" + cx
                         + "\" y2=\"" + px(y.map(series.y[i] + series.error[i])) + "\" stroke=\"#222222\"/>\n";
                s += "<circle cx=\"" + cx + "\" cy=\"" + px(y.map(series.y[i])) + "\" r=\"4\" fill=\""
                     + (series.hollow ? std::string("white") : series.color) + "\" stroke=\"" + series.color + "\"/>\n";
            }
            break;
        }
    }
    for (const auto &[value, label] : spec.hLines)
        if (std::isfinite(value))
            s += "<line x1=\"" + px(x.a0) + "\" y1=\"" + px(y.map(value)) + "\" x2=\"" + px(x.a1) + "\" y2=\""
                 + px(y.map(value)) + "\" stroke=\"#d62728\" stroke-dasharray=\"5,3\"/>\n";
    s += "</g>\n";
    // The legend, under the axes.
    int k = 0;
    auto entry = [&](const std::string &name, const std::string &symbol) {
        const double ex = left + (k % legendColumns) * ((spec.width - left - right) / double(legendColumns));
        const double ey = spec.height + 4 + (k / legendColumns) * legendRow;
        s += "<g transform=\"translate(" + px(ex) + "," + px(ey) + ")\">" + symbol + "<text x=\"30\" y=\"11\">"
             + escapeHtml(name) + "</text></g>\n";
        ++k;
    };
    for (const PlotSeries &series : spec.series) {
        if (series.name.empty())
            continue;
        const std::string opacity = series.opacity < 1 ? " opacity=\"" + px(series.opacity) + "\"" : std::string();
        switch (series.kind) {
        case PlotSeries::Kind::Band:
            entry(series.name, "<rect x=\"0\" y=\"2\" width=\"24\" height=\"10\" fill=\"" + series.color + "\"" + opacity + "/>");
            break;
        case PlotSeries::Kind::Line:
        case PlotSeries::Kind::Dashed:
            entry(series.name, "<line x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\" stroke=\"" + series.color + "\" stroke-width=\"2\""
                                   + (series.kind == PlotSeries::Kind::Dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>");
            break;
        case PlotSeries::Kind::Points:
            entry(series.name, "<circle cx=\"12\" cy=\"7\" r=\"4\" fill=\"" + (series.hollow ? std::string("white") : series.color)
                                   + "\" stroke=\"" + series.color + "\"/>");
            break;
        }
    }
    for (const auto &[value, label] : spec.hLines)
        if (!label.empty())
            entry(label, "<line x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\" stroke=\"#d62728\" stroke-dasharray=\"5,3\"/>");
    s += "</svg>\n";
    return s;
}

} // namespace wb::core::report
