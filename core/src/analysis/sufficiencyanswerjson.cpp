// The sample-size answer in words and as JSON (the CLI's and the stored study's).
#include "wb/sufficiencyanswer.h"

#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace wb::core {

namespace {
std::string fixed(double v, int digits)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string count(double n)
{
    if (!std::isfinite(n))
        return "unbounded";
    std::string digits = std::to_string(std::int64_t(std::llround(n))), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

nlohmann::json levels(const std::array<double, 3> &lo, const std::array<double, 3> &hi, nlohmann::json into)
{
    const char *names[] = {"50", "80", "95"};
    for (std::size_t l = 0; l < 3; ++l) {
        into[std::string("lo") + names[l]] = json::numbers({lo[l]})[0];
        into[std::string("hi") + names[l]] = json::numbers({hi[l]})[0];
    }
    return into;
}
} // namespace

std::string nextStepText(const SampleSizeModel &m, const SampleSizeAnswer &a)
{
    const double last = m.steps.back();
    switch (a.status) {
    case SampleSizeAnswer::Status::Reached:
        return "already measured: " + fixed(a.measuredValue, 3) + " at " + count(a.measuredAt)
               + " images; no more data is needed for this target";
    case SampleSizeAnswer::Status::NoAnswer:
        if (m.falling)
            return "the accuracy falls with more data over the measured sizes: check the training (learning "
                   "rate, epochs) before collecting more; a learning curve rises";
        return "every curve family misses the measured points: measure up to " + count(a.next.collectTo)
               + " images (2x) with more runs before projecting";
    case SampleSizeAnswer::Status::Unreachable:
        return "the curve levels off at " + fixed(a.asymptote, 3) + ", below the target: collect up to "
               + count(a.next.collectTo) + " images (" + fixed(a.next.collectTo / last, 1)
               + "x) and run the study again to see whether it keeps rising";
    case SampleSizeAnswer::Status::Projected: break;
    }
    if (!(a.next.widthNow >= 0.0005)) // no spread worth comparing (one run of a flat curve)
        return "collect up to " + count(a.next.collectTo) + " images (" + fixed(a.next.collectTo / last, 1)
               + "x) and run the study again";
    const double factor = a.next.widthAfter / a.next.widthNow;
    return "collect up to " + count(a.next.collectTo) + " images (" + fixed(a.next.collectTo / last, 1)
           + "x) and run the study again: there the 80% band of the accuracy at " + count(a.n)
           + " images is typically " + fixed(factor, 2) + "x as wide (" + fixed(a.next.widthAfter, 3)
           + " instead of " + fixed(a.next.widthNow, 3) + ")";
}

std::string sampleSizeJson(const SampleSizeModel &m, const std::vector<double> &project,
                           const std::vector<SampleSizeAnswer> &answers)
{
    nlohmann::json families = nlohmann::json::object();
    std::vector<std::string> fitting;
    for (const FamilyCheck &c : m.families) {
        families[c.fit.family] = {{"params", c.fit.params}, {"misses_data", c.missesData},
                                  {"checked_at", c.at}, {"measured", c.measured},
                                  {"fitted", json::numbers({c.fitted})[0]}, {"allowed", c.allowed}};
        if (!c.missesData)
            fitting.push_back(c.fit.family);
    }
    std::vector<double> excluded(m.steps.begin(), m.steps.begin() + long(m.firstFitted));
    nlohmann::json projections = nlohmann::json::array();
    for (double n : project) {
        const Projection p = projectAccuracy(m, n);
        projections.push_back(levels(p.lo, p.hi, {{"n", n}, {"value", json::numbers({p.value})[0]},
                                                  {"source", answerSourceName(p.source)}}));
    }
    nlohmann::json targets = nlohmann::json::array();
    for (const SampleSizeAnswer &a : answers) {
        nlohmann::json t = levels(a.lo, a.hi, {{"target", a.target}, {"status", answerStatusName(a.status)},
                                               {"n", a.n > 0 ? nlohmann::json(a.n) : nlohmann::json(nullptr)}});
        if (a.status == SampleSizeAnswer::Status::Reached) {
            t["measured_at"] = a.measuredAt;
            t["measured_value"] = a.measuredValue;
        }
        t["next_step"] = {{"collect_to", a.next.collectTo}, {"width_now", a.next.widthNow},
                          {"width_after", a.next.widthAfter}, {"text", nextStepText(m, a)}};
        targets.push_back(t);
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto &w : m.warnings)
        warnings.push_back({{"code", w.code}, {"text", w.text}});
    return nlohmann::json{{"method", "calibrated"},
                          {"first_fitted_size", m.steps[m.firstFitted]},
                          {"excluded_sizes", excluded},
                          {"backtest_error", json::numbers(m.backtestError)},
                          {"families", families},
                          {"fitting_families", fitting},
                          {"asymptote", json::numbers({projectedLevel(m)})[0]},
                          {"projections", projections},
                          {"targets", targets},
                          {"warnings", warnings},
                          {"calibration", {{"source", m.calibration.source}, {"curves", m.calibration.curves},
                                           {"groups", m.calibration.groups}}}}
        .dump();
}

} // namespace wb::core
