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
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw core::Error(core::ErrorCode::BadData, option + " " + path + ": no such file");
    if (!std::filesystem::is_regular_file(path, ec))
        throw core::Error(core::ErrorCode::BadData, option + " " + path + ": not a regular file");
    if (std::filesystem::file_size(path, ec) > (64u << 20))
        throw core::Error(core::ErrorCode::BadData, option + " " + path + ": larger than 64 MB");
    std::ifstream in(path);
    if (!in)
        throw core::Error(core::ErrorCode::Io, option + " " + path + ": cannot be read");
    return in;
}

bool nextDataLine(std::istream &in, std::string &line, int &lineNo)
{
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos && line[0] != '#')
            return true;
    }
    return false;
}

} // namespace wb::app
