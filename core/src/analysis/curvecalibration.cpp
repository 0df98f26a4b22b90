// The calibration of the sample-size bands: the built-in table (generated from the corpus of
// real learning curves by bench/corpus_calibrate.py) and tables read from JSON.
#include "wb/sufficiencyanswer.h"

#include "util/jsonutil.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace wb::core {

namespace {
#include "analysis/curvecalibrationtable.inc" // kCalibration*: written by bench/corpus_calibrate.py
} // namespace

const BandCalibration &builtInCalibration()
{
    static const BandCalibration c = [] {
        BandCalibration b;
        for (const auto &row : kCalibrationRows) {
            b.ratios.push_back(row[0]);
            b.quantiles.push_back({row[1], row[2], row[3], row[4], row[5], row[6]});
            b.median.push_back(row[7]);
        }
        b.curves = kCalibrationCurves;
        b.groups = kCalibrationGroups;
        b.source = "built-in";
        return b;
    }();
    return c;
}

BandCalibration calibrationFromJson(const std::string &text, const std::string &where)
{
    BandCalibration b;
    b.source = where;
    try {
        const auto j = nlohmann::json::parse(text);
        const auto &ratios = j.at("ratios");
        const auto &rows = j.at("quantiles");
        if (!ratios.is_array() || !rows.is_array() || ratios.empty() || ratios.size() != rows.size()
            || ratios.size() > 64)
            throw Error(ErrorCode::BadData, where + ": 'ratios' and 'quantiles' must be arrays of the same "
                                                    "length (1 to 64)");
        for (std::size_t i = 0; i < ratios.size(); ++i) {
            const double r = ratios[i].get<double>();
            if (!(r > 1 && r < 1e9) || (i > 0 && !(r > b.ratios.back())))
                throw Error(ErrorCode::BadData, where + ": ratios[" + std::to_string(i)
                                                    + "] must be above 1 and above the one before");
            if (!rows[i].is_array() || rows[i].size() != 6)
                throw Error(ErrorCode::BadData, where + ": quantiles[" + std::to_string(i)
                                                    + "] must hold 6 numbers (lo50, hi50, lo80, hi80, lo95, hi95)");
            std::array<double, 6> q{};
            for (std::size_t k = 0; k < 6; ++k) {
                q[k] = rows[i][k].get<double>();
                if (!(std::abs(q[k]) < 50))
                    throw Error(ErrorCode::BadData, where + ": quantiles[" + std::to_string(i) + "]["
                                                        + std::to_string(k) + "] is not a log ratio in (-50, 50)");
            }
            for (std::size_t k = 0; k < 6; k += 2)
                if (!(q[k] <= q[k + 1]))
                    throw Error(ErrorCode::BadData, where + ": quantiles[" + std::to_string(i)
                                                        + "]: a lower quantile above its upper one");
            b.ratios.push_back(r);
            b.quantiles.push_back(q);
        }
        if (j.contains("median")) {
            const auto &median = j.at("median");
            if (!median.is_array() || median.size() != ratios.size())
                throw Error(ErrorCode::BadData, where + ": 'median' must hold one number per ratio");
            for (std::size_t i = 0; i < median.size(); ++i) {
                const double m = median[i].get<double>();
                if (!(m >= b.quantiles[i][0] && m <= b.quantiles[i][1]))
                    throw Error(ErrorCode::BadData, where + ": median[" + std::to_string(i)
                                                        + "] must lie inside its 50% quantiles");
                b.median.push_back(m);
            }
        } else {
            b.median.assign(b.ratios.size(), 0.0);
        }
        b.curves = j.value("curves", 0);
        b.groups = j.value("groups", 0);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::BadData, where + ": not a band calibration: " + json::message(e));
    }
    return b;
}

} // namespace wb::core
