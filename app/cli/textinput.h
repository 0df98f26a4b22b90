#pragma once

#include <fstream>
#include <istream>
#include <string>

namespace wb::app {

/// A cell of an input file as it may be quoted in a message: in single quotes, at most 40
/// characters, bytes outside printable ASCII as \xNN.
std::string shownCell(const std::string &cell);

/// Opens a text file given by a command-line option: refuses (BadData, naming the option and
/// the path) a missing file, a directory or device, or one over 64 MB; Io when unreadable.
std::ifstream openTextInput(const std::string &option, const std::string &path);

/// The next line with data: strips a trailing CR, skips blank lines and lines starting with
/// '#'; `lineNo` counts every line read (for messages). False at the end of the file.
bool nextDataLine(std::istream &in, std::string &line, int &lineNo);

} // namespace wb::app
