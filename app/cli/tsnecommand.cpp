#include "tsnecommand.h"

#include "terminalprogress.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <iostream>
#include <sstream>

namespace wb::app {

namespace {

std::vector<float> readCsv(const std::string &path, std::size_t &rows, std::size_t &cols)
{
    std::ifstream in(path);
    if (!in)
        throw core::Error(core::ErrorCode::BadData, path + ": cannot be read");
    std::vector<float> values;
    rows = cols = 0;
    std::string line;
    bool firstLine = true; // only the first line may be a header
    for (std::size_t lineNo = 1; std::getline(in, line); ++lineNo) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        const bool mayBeHeader = firstLine;
        firstLine = false;
        std::vector<float> row;
        std::stringstream ss(line);
        std::string field;
        bool numeric = true;
        while (std::getline(ss, field, ',')) {
            char *end = nullptr;
            const double v = std::strtod(field.c_str(), &end);
            if (end == field.c_str() || *end != '\0' || std::isnan(v)) {
                numeric = false;
                break;
            }
            if (std::isinf(v) || std::abs(v) > double(std::numeric_limits<float>::max()))
                throw core::Error(core::ErrorCode::BadData, path + ":" + std::to_string(lineNo) + ": '" + field.substr(0, 40)
                                                                + "' is beyond the range of the 32-bit numbers t-SNE works "
                                                                  "in (±3.4e38); scale the columns first");
            row.push_back(float(v));
        }
        if (!numeric) {
            if (mayBeHeader)
                continue; // a header line
            throw core::Error(core::ErrorCode::BadData, path + ":" + std::to_string(lineNo)
                                                            + ": not a number: '" + field.substr(0, 40) + "'");
        }
        if (cols == 0)
            cols = row.size();
        if (row.size() != cols)
            throw core::Error(core::ErrorCode::BadData, path + ":" + std::to_string(lineNo) + ": "
                                                            + std::to_string(row.size()) + " columns, expected "
                                                            + std::to_string(cols));
        values.insert(values.end(), row.begin(), row.end());
        ++rows;
    }
    if (rows < 4)
        throw core::Error(core::ErrorCode::BadData, path + ": needs at least 4 rows of numbers");
    return values;
}

} // namespace

int runTsne(const TsneOptions &o)
{
    std::size_t n = 0, d = 0;
    const std::vector<float> x = readCsv(o.input, n, d);
    if (!(o.tsne.perplexity > 1 && o.tsne.perplexity <= core::maxTsnePerplexity(n)))
        throw core::Error(core::ErrorCode::InvalidArgument,
                          "--perplexity must be > 1 and at most (points − 1)/3 = " + std::to_string((n - 1) / 3));
    TerminalProgress::installInterruptHandler();
    TerminalProgress progress(o.json);
    const core::TsneResult r = core::tsne(x, n, d, o.tsne, &progress);
    progress.finish();
    std::ofstream out(o.output);
    if (!out)
        throw core::Error(core::ErrorCode::Io, o.output + ": cannot be written");
    out.precision(9);
    out << "x,y\n";
    for (std::size_t i = 0; i < n; ++i)
        out << r.embedding[2 * i] << ',' << r.embedding[2 * i + 1] << '\n';
    out.close(); // flushes: a full disk shows here, not silently in the destructor
    if (!out)
        throw core::Error(core::ErrorCode::Io, o.output + ": write failed");
    if (o.json)
        std::cout << nlohmann::json{{"seconds", r.seconds}, {"kl", r.kl}, {"points", n}, {"dims", d},
                                    {"iterations", r.iterations}, {"cancelled", r.cancelled},
                                    {"method", core::tsneMethodName(r.method)}}
                         .dump()
                  << std::endl;
    else
        std::printf("t-SNE (%s) of %zu points × %zu dims: %d iterations in %.2f s, KL %.4f → %s\n",
                    core::tsneMethodName(r.method), n, d, r.iterations, r.seconds, r.kl, o.output.c_str());
    return r.cancelled ? 1 : 0;
}

} // namespace wb::app
