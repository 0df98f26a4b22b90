#include "textinput.h"

#include "wb/errors.h"

#include <cstdio>
#include <filesystem>

namespace wb::app {

std::string shownCell(const std::string &cell)
{
    std::string out;
    for (std::size_t i = 0; i < cell.size() && i < 40; ++i) {
        const auto c = static_cast<unsigned char>(cell[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += char(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    return "'" + out + (cell.size() > 40 ? "…'" : "'");
}

std::ifstream openTextInput(const std::string &option, const std::string &path)
{
    const std::string what = option + " " + path + ": ";
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        throw core::Error(core::ErrorCode::BadData, what + "no such file");
    if (ec)
        throw core::Error(core::ErrorCode::Io, what + "cannot be read (" + ec.message() + ")");
    if (status.type() != std::filesystem::file_type::regular)
        throw core::Error(core::ErrorCode::BadData, what + "not a regular file");
    if (std::filesystem::file_size(path, ec) > (64u << 20))
        throw core::Error(core::ErrorCode::BadData, what + "larger than 64 MB");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::Error(core::ErrorCode::Io, what + "cannot be read");
    char head[3] = {0, 0, 0};
    in.read(head, 3);
    const std::streamsize got = in.gcount();
    in.clear();
    if (got >= 2 && ((head[0] == '\xff' && head[1] == '\xfe') || (head[0] == '\xfe' && head[1] == '\xff')))
        throw core::Error(core::ErrorCode::BadData, what + "is UTF-16 text; save it as UTF-8 (or ASCII)");
    const bool utf8Bom = got == 3 && head[0] == '\xef' && head[1] == '\xbb' && head[2] == '\xbf';
    in.seekg(utf8Bom ? 3 : 0);
    return in;
}

std::optional<double> parseNumber(const std::string &cell)
{
    if (cell.find_first_of("xX") != std::string::npos) // stod reads hexadecimal; nobody means it
        return std::nullopt;
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(cell, &used);
    } catch (const std::exception &) { // not a number, or out of range
        return std::nullopt;
    }
    if (used == 0 || cell.find_first_not_of(" \t", used) != std::string::npos)
        return std::nullopt;
    return v;
}

bool nextDataLine(std::istream &in, const std::string &path, std::string &line, int &lineNo)
{
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find('\r') != std::string::npos)
            throw core::Error(core::ErrorCode::BadData,
                              path + ":" + std::to_string(lineNo)
                                  + ": lines end in a carriage return alone (old Mac text); save it with LF or "
                                    "CRLF line ends");
        if (line.find_first_not_of(" \t") != std::string::npos && line[0] != '#')
            return true;
    }
    return false;
}

std::vector<std::string> csvFields(const std::string &line, const std::string &where)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.back() += line[++i];
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (quoted)
        throw core::Error(core::ErrorCode::BadData, where + "a quoted field is not closed");
    for (std::string &f : fields) {
        const auto first = f.find_first_not_of(" \t");
        f = first == std::string::npos ? std::string() : f.substr(first, f.find_last_not_of(" \t") - first + 1);
    }
    return fields;
}

} // namespace wb::app
