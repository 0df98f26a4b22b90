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

namespace {
// The number at `v`, named `field` in the message when it is not one.
double number(const nlohmann::json &v, const std::string &where, const std::string &field)
{
    if (!v.is_number())
        throw Error(ErrorCode::BadData, where + ": " + field + " must be a number, not " + v.type_name());
    return v.get<double>();
}

const nlohmann::json &array(const nlohmann::json &j, const char *key, const std::string &where)
{
    if (!j.contains(key))
        throw Error(ErrorCode::BadData, where + ": no '" + key + "'");
    const auto &v = j.at(key);
    if (!v.is_array())
        throw Error(ErrorCode::BadData, where + ": '" + key + "' must be an array, not " + v.type_name());
    return v;
}

int count(const nlohmann::json &j, const char *key, const std::string &where)
{
    if (!j.contains(key))
        return 0;
    const double v = number(j.at(key), where, std::string("'") + key + "'");
    if (!(v >= 0 && v <= 1e9 && v == std::floor(v)))
        throw Error(ErrorCode::BadData, where + ": '" + key + "' must be a whole number from 0 to 1e9");
    return int(v);
}
} // namespace

BandCalibration calibrationFromJson(const std::string &text, const std::string &where)
{
    BandCalibration b;
    b.source = where;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::BadData, where + ": not a band calibration: " + json::message(e));
    }
    if (!j.is_object())
        throw Error(ErrorCode::BadData, where + ": not a band calibration: expected a JSON object {\"ratios\", "
                                                "\"quantiles\", \"median\", \"curves\", \"groups\"}");
    const auto &ratios = array(j, "ratios", where);
    const auto &rows = array(j, "quantiles", where);
    if (ratios.empty() || ratios.size() != rows.size() || ratios.size() > 64)
        throw Error(ErrorCode::BadData, where + ": 'ratios' and 'quantiles' must be arrays of the same length (1 to 64)");
    for (std::size_t i = 0; i < ratios.size(); ++i) {
        const std::string at = "[" + std::to_string(i) + "]";
        const double r = number(ratios[i], where, "ratios" + at);
        if (!(r > 1 && r < 1e9) || (i > 0 && !(r > b.ratios.back())))
            throw Error(ErrorCode::BadData, where + ": ratios" + at
                                                + " must be a ratio from 1 to 1e9, above the one before");
        if (!rows[i].is_array() || rows[i].size() != 6)
            throw Error(ErrorCode::BadData, where + ": quantiles" + at
                                                + " must hold 6 numbers (lo50, hi50, lo80, hi80, lo95, hi95)");
        std::array<double, 6> q{};
        for (std::size_t k = 0; k < 6; ++k) {
            q[k] = number(rows[i][k], where, "quantiles" + at + "[" + std::to_string(k) + "]");
            if (!(std::abs(q[k]) < 50))
                throw Error(ErrorCode::BadData, where + ": quantiles" + at + "[" + std::to_string(k)
                                                    + "] is not a log ratio in (-50, 50)");
        }
        for (std::size_t k = 0; k < 6; k += 2)
            if (!(q[k] <= q[k + 1]))
                throw Error(ErrorCode::BadData, where + ": quantiles" + at + ": a lower quantile above its upper one");
        if (!(q[4] <= q[2] && q[2] <= q[0] && q[1] <= q[3] && q[3] <= q[5]))
            throw Error(ErrorCode::BadData, where + ": quantiles" + at
                                                + ": the bands must nest (lo95 <= lo80 <= lo50, hi50 <= hi80 <= hi95)");
        b.ratios.push_back(r);
        b.quantiles.push_back(q);
    }
    if (j.contains("median")) {
        const auto &median = array(j, "median", where);
        if (median.size() != ratios.size())
            throw Error(ErrorCode::BadData, where + ": 'median' must hold one number per ratio");
        for (std::size_t i = 0; i < median.size(); ++i) {
            const double m = number(median[i], where, "median[" + std::to_string(i) + "]");
            if (!(m >= b.quantiles[i][0] && m <= b.quantiles[i][1]))
                throw Error(ErrorCode::BadData, where + ": median[" + std::to_string(i)
                                                    + "] must lie inside its 50% quantiles");
            b.median.push_back(m);
        }
    } else {
        b.median.assign(b.ratios.size(), 0.0);
    }
    b.curves = count(j, "curves", where);
    b.groups = count(j, "groups", where);
    return b;
}

} // namespace wb::core
