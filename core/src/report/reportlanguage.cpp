// Numbers and sentences of a report in its language (report.h). Locale-independent: the C
// library's printf follows LC_NUMERIC, which a Qt application sets from the environment.
#include "wb/report.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace wb::core {

namespace {

// `value` by std::to_chars (never the C locale's decimal comma).
std::string plain(double value, std::chars_format format, int precision)
{
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, format, precision);
    return std::string(buffer, r.ptr);
}

} // namespace

std::string ReportLanguage::translated(const char *source) const { return translate ? translate(source) : std::string(source); }

std::string ReportLanguage::engineText(const std::string &message) const { return engine ? engine(message) : message; }

std::string ReportLanguage::fixed(double value, int decimals) const
{
    if (!std::isfinite(value))
        return "–";
    std::string text = plain(value, std::chars_format::fixed, decimals);
    if (const auto dot = text.find('.'); dot != std::string::npos)
        text.replace(dot, 1, decimalPoint);
    return text == "-0" ? "0" : text;
}

std::string ReportLanguage::count(double value) const
{
    if (!std::isfinite(value))
        return "–";
    const long long n = std::llround(value);
    std::string digits = std::to_string(n < 0 ? -n : n), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += groupSeparator;
        grouped += digits[i];
    }
    return (n < 0 ? "-" : "") + grouped;
}

std::string ReportLanguage::significant(double value, int digits) const
{
    if (!std::isfinite(value))
        return "–";
    const double magnitude = std::abs(value);
    if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e15)) {
        std::string text = plain(value, std::chars_format::general, digits); // "1e-08", not "1.000e-08"
        if (const auto dot = text.find('.'); dot != std::string::npos)
            text.replace(dot, 1, decimalPoint);
        return text;
    }
    if (magnitude >= 10000)
        return count(value);
    const int before = magnitude == 0 ? 1 : int(std::floor(std::log10(magnitude))) + 1; // ≤ 0 below 0.1
    std::string text = fixed(value, std::max(0, digits - before));
    // Significant digits, not padding: 0.125, 0.002, 0.5 (trailing zeros after the point dropped).
    if (text.find(decimalPoint) != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (text.size() >= decimalPoint.size() && text.compare(text.size() - decimalPoint.size(), decimalPoint.size(), decimalPoint) == 0)
            text.erase(text.size() - decimalPoint.size());
    }
    return text;
}

std::string reportArg(std::string text, const std::vector<std::string> &args)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const std::size_t k = std::size_t(text[i + 1] - '1');
            if (k < args.size()) {
                out += args[k];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace wb::core
