// Labels coming back from annotators: read from a CSV or a labelled folder, matched to the
// pending round's picks and decoded as the dataset's images. Nothing is added unless every
// entry checks out.
#include "wb/activeloop.h"

#include "data/imagedecode.h"
#include "wb/errors.h"
#include "wb/imagepool.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace wb::core {

namespace {

std::string trimmed(std::string s)
{
    const auto a = s.find_first_not_of(" \t\r");
    const auto b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The fields of one CSV line (RFC 4180 quotes; no line breaks inside fields). False when a
// quote is not closed.
bool splitFields(const std::string &line, std::vector<std::string> &fields)
{
    fields.assign(1, std::string());
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"' && trimmed(fields.back()).empty()) {
            fields.back().clear();
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    for (auto &f : fields)
        f = trimmed(f);
    return !quoted;
}

std::vector<LabelEntry> readCsv(const fs::path &file, std::size_t &unlabelled)
{
    std::ifstream in(file);
    if (!in)
        throw Error(ErrorCode::BadData, file.string() + ": cannot be opened");
    const fs::path base = fs::absolute(file).parent_path();
    std::vector<LabelEntry> out;
    std::string line;
    int number = 0;
    bool first = true;
    std::size_t pathColumn = 0, labelColumn = 1; // path,label unless a header says otherwise
    std::vector<std::string> fields;
    auto at = [&](int n) { return file.string() + " line " + std::to_string(n); };
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3); // the byte-order mark of a spreadsheet's "CSV UTF-8"
        if (line.find('\0') != std::string::npos)
            throw Error(ErrorCode::BadData, at(number) + ": not a CSV of path,label (a NUL byte)");
        if (trimmed(line).empty() || trimmed(line)[0] == '#')
            continue;
        if (!splitFields(line, fields))
            throw Error(ErrorCode::BadData, at(number) + ": a quote is not closed");
        if (first) {
            first = false;
            std::vector<std::string> names;
            for (const auto &f : fields)
                names.push_back(lower(f));
            const auto p = std::find(names.begin(), names.end(), "path");
            const auto l = std::find(names.begin(), names.end(), "label");
            if (p != names.end() && l != names.end()) { // a header, e.g. a picks file with its label column filled in
                pathColumn = std::size_t(p - names.begin());
                labelColumn = std::size_t(l - names.begin());
                continue;
            }
        }
        if (fields.size() <= std::max(pathColumn, labelColumn) || fields[pathColumn].empty())
            throw Error(ErrorCode::BadData, at(number) + ": expected path,label, got '" + trimmed(line).substr(0, 80) + "'");
        if (fields[labelColumn].empty()) { // not labelled (yet): the pick goes back to the pool
            ++unlabelled;
            continue;
        }
        const fs::path path(fields[pathColumn]);
        out.push_back({(path.is_absolute() ? path : base / path).lexically_normal().string(), fields[labelColumn], number});
    }
    if (out.empty())
        throw Error(ErrorCode::BadData, file.string() + ": no labels (expected lines path,label, or a label column)");
    return out;
}

std::vector<LabelEntry> readFolder(const fs::path &root)
{
    std::vector<LabelEntry> out;
    std::error_code ec;
    std::vector<fs::path> classes;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && it->path().filename().string()[0] != '.')
            classes.push_back(it->path());
    std::sort(classes.begin(), classes.end());
    for (const auto &dir : classes) {
        ImagePool files;
        try {
            files = listImagePool(dir.string());
        } catch (const Error &) {
            continue; // an empty class folder labels nothing
        }
        for (const auto &f : files.paths)
            out.push_back({f, dir.filename().string(), 0});
    }
    if (out.empty())
        throw Error(ErrorCode::BadData, root.string() + ": no labelled images (expected root/<class>/<image>)");
    return out;
}

std::string where(const LabelEntry &e)
{
    return e.line > 0 ? "line " + std::to_string(e.line) + " (" + e.path + ")" : e.path;
}

} // namespace

std::vector<LabelEntry> readLabels(const std::string &csvOrFolder, std::size_t *unlabelled)
{
    std::error_code ec;
    std::size_t none = 0;
    if (fs::is_directory(csvOrFolder, ec))
        return readFolder(fs::absolute(csvOrFolder));
    if (fs::is_regular_file(csvOrFolder, ec))
        return readCsv(csvOrFolder, unlabelled ? *unlabelled : none);
    throw Error(ErrorCode::BadData, csvOrFolder + ": no such labels file or labelled folder");
}

AddedLabels matchLabels(const ActiveLoop &loop, const std::vector<LabelEntry> &entries)
{
    const LoopRound *round = loop.pending();
    if (!round)
        throw Error(ErrorCode::InvalidArgument, loop.rounds.empty()
                                                    ? "no images were picked yet: run active pick first"
                                                    : "round " + std::to_string(loop.rounds.back().index)
                                                          + "'s labels were added already: pick the next images first");
    auto isNumber = [](const std::string &t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
    };
    const bool numericNames = std::any_of(loop.classNames.begin(), loop.classNames.end(), isNumber);
    std::map<std::string, std::size_t> byPath, byHash;
    for (std::size_t i = 0; i < round->picks.size(); ++i) {
        byPath[round->picks[i].path] = i;
        byHash.emplace(round->picks[i].fileHash, i);
    }
    std::map<std::size_t, const LabelEntry *> matched; // pick -> entry
    std::vector<std::int64_t> labelOf(round->picks.size(), -1);
    std::vector<std::vector<unsigned char>> bytesOf(round->picks.size());
    std::vector<std::string> missing(round->picks.size());
    for (const auto &e : entries) {
        std::vector<unsigned char> bytes;
        const std::string readProblem = detail::readImageFile(e.path, bytes);
        std::size_t pick = round->picks.size();
        if (auto it = byPath.find(e.path); it != byPath.end())
            pick = it->second;
        else if (readProblem.empty())
            if (auto h = byHash.find(hashHex(contentHash(bytes.data(), bytes.size()))); h != byHash.end())
                pick = h->second; // a copy of a pick (e.g. from --copy-to), renamed by the annotators
        if (pick == round->picks.size())
            throw Error(ErrorCode::InvalidArgument,
                        where(e) + ": not one of round " + std::to_string(round->index) + "'s "
                            + std::to_string(round->picks.size()) + " picks (neither its path nor its content)");
        if (auto twice = matched.find(pick); twice != matched.end())
            throw Error(ErrorCode::InvalidArgument, where(e) + ": labelled twice (also " + where(*twice->second)
                                                        + "), both " + round->picks[pick].path);
        matched[pick] = &e;
        std::int64_t label = -1;
        for (std::size_t c = 0; c < loop.classNames.size(); ++c)
            if (loop.classNames[c] == e.label)
                label = std::int64_t(c);
        if (label < 0 && !numericNames && isNumber(e.label) && e.label.size() < 9
            && std::stoll(e.label) < std::int64_t(loop.classNames.size()))
            label = std::stoll(e.label); // a class index — only where no class is named by a number
        if (label < 0) {
            std::string names;
            for (const auto &n : loop.classNames)
                names += (names.empty() ? "" : ", ") + n;
            throw Error(ErrorCode::InvalidArgument, where(e) + ": class '" + e.label
                                                        + "' is not a class of the dataset (" + names
                                                        + "); a new class cannot be added to a trained model's classes");
        }
        labelOf[pick] = label;
        if (!readProblem.empty())
            missing[pick] = readProblem == "No such file or directory" ? "vanished since it was picked" : readProblem;
        else if (hashHex(contentHash(bytes.data(), bytes.size())) != round->picks[pick].fileHash)
            missing[pick] = "changed since it was scored";
        else
            bytesOf[pick] = std::move(bytes);
    }
    AddedLabels out;
    std::vector<unsigned char> decoded;
    const std::size_t plane = std::size_t(loop.height) * std::size_t(loop.width);
    for (const auto &[pick, entry] : matched) { // in the round's ranking
        const auto &p = round->picks[pick];
        std::string why = missing[pick];
        if (why.empty())
            why = detail::decodeImage(bytesOf[pick], loop.channels, loop.height, loop.width, decoded);
        if (!why.empty()) {
            out.skipped.push_back(entry->path + ": " + why);
            continue;
        }
        LoopLabel l{p.path, p.fileHash, labelOf[pick], round->index, std::vector<std::uint8_t>(decoded.size())};
        for (std::size_t q = 0; q < plane; ++q) // HWC -> CHW
            for (int c = 0; c < loop.channels; ++c)
                l.pixels[std::size_t(c) * plane + q] = decoded[q * std::size_t(loop.channels) + std::size_t(c)];
        out.added.push_back(std::move(l));
    }
    return out;
}

} // namespace wb::core
