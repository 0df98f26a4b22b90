// Files of a study folder: plan.json and cell files, read with every field checked, and
// written atomically.
#include "studies/studyfiles.h"

#include "util/jsonutil.h"
#include "wb/errors.h"
#include "wb/study.h"
#include "wb/studyfolder.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace wb::core::detail {

namespace fs = std::filesystem;
using nlohmann::json;

std::string cellFileName(int cell)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "cell-%06d.json", cell);
    return buf;
}

// Writes `text` to `path` atomically: a reader sees the old file, or all of the new one.
void writeAtomically(const fs::path &path, const std::string &text)
{
    const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp-" + hostName() + "-"
                                                + std::to_string(::getpid()));
    FILE *f = std::fopen(tmp.c_str(), "wb");
    bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0
              && ::fsync(fileno(f)) == 0;
    if (f)
        ok = (std::fclose(f) == 0) && ok;
    std::error_code ec;
    if (ok)
        fs::rename(tmp, path, ec);
    if (!ok || ec) {
        fs::remove(tmp, ec);
        throw Error(ErrorCode::Io, path.string() + ": cannot be written (disk full or read-only?)");
    }
}

Plan readPlan(const std::string &path)
{
    std::error_code ec;
    // A plan that is missing, a folder, unreadable or damaged is bad input data (exit 3), one rule
    // with every other input file.
    if (fs::is_directory(path, ec))
        throw Error(ErrorCode::BadData, path + ": is a folder; expected the plan.json of a submission");
    if (!fs::exists(path, ec))
        throw Error(ErrorCode::BadData, path + ": no such file; expected the plan.json of a submission");
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCode::BadData, path + ": cannot be read (no permission?)");
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::exception &e) {
        throw Error(ErrorCode::BadData, path + ": not a study plan (invalid JSON: " + core::json::message(e) + ")");
    }
    if (!j.is_object() || j.value("program", "") != "Sufficiency Workbench")
        throw Error(ErrorCode::BadData, path + ": not a Sufficiency Workbench study plan");
    if (j.contains("format") && !j.at("format").is_number_integer())
        throw Error(ErrorCode::BadData, path + ": field 'format' must be an integer, got " + j.at("format").dump());
    const int format = j.value("format", 0);
    if (format > kStudyFolderFormat)
        throw Error(ErrorCode::BadData, path + ": plan format " + std::to_string(format)
                                            + " was written by a newer Sufficiency Workbench (this build reads up to "
                                            + std::to_string(kStudyFolderFormat) + "); run it with that version");
    Plan p;
    auto field = [&](const char *key) -> const json & {
        if (!j.contains(key))
            throw Error(ErrorCode::BadData, path + ": damaged study plan: field '" + key + "' is missing");
        return j.at(key);
    };
    auto textField = [&](const json &v, const std::string &key) {
        if (!v.is_string())
            throw Error(ErrorCode::BadData, path + ": field '" + key + "' must be text, got " + v.dump());
        return v.get<std::string>();
    };
    auto integer = [&](const json &v, const std::string &key) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < -1000000000 || v.get<std::int64_t>() > 1000000000)
            throw Error(ErrorCode::BadData, path + ": field '" + key + "' must be an integer, got " + v.dump());
        return v.get<int>();
    };
    p.type = textField(field("type"), "type");
    p.config = field("config");
    if (!p.config.is_object())
        throw Error(ErrorCode::BadData, path + ": field 'config' must be an object");
    p.fingerprint = textField(field("fingerprint"), "fingerprint");
    p.cellCount = integer(field("cell_count"), "cell_count");
    if (!field("cells").is_array())
        throw Error(ErrorCode::BadData, path + ": field 'cells' must be an array of cell numbers");
    for (const auto &c : field("cells"))
        p.cells.push_back(integer(c, "cells"));
    p.cellsPerTask = integer(field("cells_per_task"), "cells_per_task");
    p.tasks = integer(field("tasks"), "tasks");
    const json &dataset = field("dataset");
    if (!dataset.is_object())
        throw Error(ErrorCode::BadData, path + ": field 'dataset' must be an object");
    p.dataset = textField(dataset.value("name", json()), "dataset.name");
    p.datasetFingerprint = textField(dataset.value("fingerprint", json()), "dataset.fingerprint");
    p.cellsDir = fs::path(path).parent_path() / textField(field("cells_dir"), "cells_dir");
    if (p.cellsPerTask < 1 || p.cellCount < 1 || p.tasks < 1)
        throw Error(ErrorCode::BadData, path + ": cells_per_task, cell_count and tasks must be positive");
    for (int c : p.cells)
        if (c < 0 || c >= p.cellCount)
            throw Error(ErrorCode::BadData, path + ": cell " + std::to_string(c) + " is outside 0.."
                                                + std::to_string(p.cellCount - 1));
    return p;
}

CellFile readCellFile(const fs::path &file, const std::string &fingerprint, int cellCount)
{
    CellFile out;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::exception &) {
        out.error = "truncated or not JSON";
        return out;
    }
    if (!j.is_object()) {
        out.error = "not a cell file";
        return out;
    }
    const json format = j.value("format", json(0)), print = j.value("study_fingerprint", json(""));
    if (!format.is_number_integer()) {
        out.error = "field 'format' must be an integer, got " + format.dump();
        return out;
    }
    if (format.get<std::int64_t>() > kStudyFolderFormat) {
        out.error = "written by a newer Sufficiency Workbench (format " + format.dump() + ")";
        return out;
    }
    if (!print.is_string() || print.get<std::string>() != fingerprint) {
        out.error = "belongs to another study or plan (fingerprint " + print.dump() + ", this study's " + fingerprint + ")";
        return out;
    }
    if (!j.contains("cell") || !j.at("cell").is_number_integer() || j.at("cell").get<std::int64_t>() < 0
        || j.at("cell").get<std::int64_t>() >= cellCount) {
        out.error = "field 'cell' must be an integer in 0.." + std::to_string(cellCount - 1) + ", got "
                    + (j.contains("cell") ? j.at("cell").dump() : std::string("nothing"));
        return out;
    }
    try {
        out.cell.cell = j.at("cell").get<int>();
        out.cell.status = j.at("status").get<std::string>();
        out.cell.resultJson = j.at("result").dump();
        out.cell.seconds = j.value("seconds", 0.0);
        out.cell.host = j.value("host", "");
        out.cell.device = j.value("device", "");
        out.cell.started = j.value("started", "");
        out.cell.finished = j.value("finished", "");
    } catch (const json::exception &e) {
        out.error = std::string("a field is missing or of the wrong type (") + core::json::message(e) + ")";
        return out;
    }
    if (out.cell.cell < 0 || out.cell.cell >= cellCount || file.filename() != cellFileName(out.cell.cell))
        out.error = "cell " + std::to_string(out.cell.cell) + " does not match its name or the plan's 0.."
                    + std::to_string(cellCount - 1);
    else if (out.cell.status != "done" && out.cell.status != "failed")
        out.error = "unknown status '" + out.cell.status + "'";
    return out;
}

std::vector<fs::path> cellFiles(const fs::path &dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("cell-", 0) == 0 && e.path().extension() == ".json")
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace wb::core::detail
