// A round's picks as files for annotators: the ranked list (CSV) and copies of the images.
#include "wb/activeloop.h"

#include "util/csv.h"
#include "wb/errors.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace wb::core {

namespace {

std::string csvField(const std::string &text)
{
    return detail::csvField(text, true);
}

std::string number(double v, const char *format)
{
    char text[40];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

std::string className(const std::vector<std::string> &names, std::int64_t c)
{
    return c >= 0 && std::size_t(c) < names.size() ? names[std::size_t(c)] : std::to_string(c);
}

} // namespace

std::string checkPicksOutput(const std::string &path)
{
    std::error_code ec;
    fs::path target = fs::absolute(path, ec);
    if (fs::is_symlink(fs::symlink_status(target, ec)))
        target = fs::weakly_canonical(target, ec); // written through, the link kept
    const fs::file_status st = fs::status(target, ec);
    if (fs::exists(st) && !fs::is_regular_file(st))
        throw Error(ErrorCode::Io, path + ": not a regular file (a folder, a device or a pipe); give a file name");
    if (!fs::is_directory(target.parent_path(), ec))
        throw Error(ErrorCode::Io, path + ": the folder " + target.parent_path().string() + " does not exist");
    return target.string();
}

void writePicksCsv(const std::string &path, const LoopRound &round, const std::vector<std::string> &classNames)
{
    const fs::path target = checkPicksOutput(path);
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".part-" + std::to_string(getpid()));
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!out)
            throw Error(ErrorCode::Io, path + ": cannot be written (" + target.parent_path().string() + ")");
        out << "rank,path,label,predicted,p_predicted,second,p_second,score,file_hash\n";
        for (std::size_t i = 0; i < round.picks.size(); ++i) {
            const auto &p = round.picks[i];
            out << i + 1 << ',' << csvField(p.path) << ",," << csvField(className(classNames, p.predicted)) << ','
                << number(p.p1, "%.4f") << ',' << csvField(className(classNames, p.second)) << ','
                << number(p.p2, "%.4f") << ',' << number(p.score, "%.6g") << ',' << p.fileHash << '\n';
        }
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(temp, ec);
            throw Error(ErrorCode::Io, path + ": cannot be written (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(ErrorCode::Io, path + ": cannot be written (" + ec.message() + ")");
    }
}

std::vector<std::string> copyNames(const LoopRound &round, const std::string &folder)
{
    std::error_code ec;
    if (fs::exists(fs::symlink_status(folder, ec)) && !fs::is_directory(folder, ec))
        throw Error(ErrorCode::Io, folder + ": not a folder");
    const int digits = int(std::to_string(round.picks.size()).size());
    std::vector<std::string> names;
    for (std::size_t i = 0; i < round.picks.size(); ++i) {
        std::string rank = std::to_string(i + 1);
        rank.insert(0, std::size_t(std::max(0, std::max(digits, 4) - int(rank.size()))), '0');
        const fs::path to = fs::path(folder) / (rank + "_" + fs::path(round.picks[i].path).filename().string());
        if (fs::exists(fs::symlink_status(to, ec)))
            throw Error(ErrorCode::Io, to.string() + ": exists already; nothing was copied (choose an empty folder)");
        names.push_back(to.string());
    }
    return names;
}

std::vector<std::string> copyPicks(const LoopRound &round, const std::string &folder)
{
    const std::vector<std::string> names = copyNames(round, folder);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder, ec))
        throw Error(ErrorCode::Io, folder + ": cannot be created as a folder");
    for (std::size_t i = 0; i < names.size(); ++i) {
        fs::copy_file(round.picks[i].path, names[i], fs::copy_options::none, ec);
        if (ec)
            throw Error(ErrorCode::Io, "copying " + round.picks[i].path + " to " + names[i] + ": " + ec.message());
    }
    return names;
}

} // namespace wb::core
