#pragma once

#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace wb::app {

/// A cell of an input file as it may be quoted in a message: in single quotes, at most 40
/// characters, bytes outside printable ASCII as \xNN.
std::string shownCell(const std::string &cell);

/// Opens a text file given by a command-line option: refuses (BadData, naming the option and
/// the path) a missing file, a directory or device, one over 64 MB, or one in UTF-16; Io when
/// it cannot be read (permissions, a symbolic-link loop). Skips a UTF-8 byte-order mark.
std::ifstream openTextInput(const std::string &option, const std::string &path);

/// The number a cell holds (surrounding blanks allowed): decimal notation only (no hex), or
/// nothing when it is not one number or lies beyond double's range.
std::optional<double> parseNumber(const std::string &cell);

/// The next line with data of `path`: strips a trailing CR, skips blank lines and lines
/// starting with '#'; `lineNo` counts every line read (for messages). False at the end of
/// the file. Throws BadData for a file whose lines end in CR alone.
bool nextDataLine(std::istream &in, const std::string &path, std::string &line, int &lineNo);

/// The fields of a CSV line (RFC 4180: a field in double quotes may hold commas, "" is a
/// quote), each without surrounding blanks. Throws BadData naming `where` for an unclosed quote.
std::vector<std::string> csvFields(const std::string &line, const std::string &where);

} // namespace wb::app
