// The sample-size answer: measured where measured, projected from the fits that agree with
// the data, with bands calibrated on real learning curves.
#include "wb/sufficiencyanswer.h"

#include "analysis/curvesearch.h"
#include "wb/errors.h"


#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace wb::core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLargest = 1e15;           // no answer lies beyond this many samples
constexpr double kSeFloor = 0.005;          // weights 1/(se² + kSeFloor²): no infinite weight
constexpr double kErrorFloor = 1e-3;        // e = 1 − accuracy is never taken below this
constexpr std::array<double, 3> kZ = {0.6744897502, 1.2815515655, 1.9599639845};

std::size_t parameterCount(const std::string &family)
{
    return family == "power4" || family == "mmf" ? 4 : 3;
}

// Pool-adjacent-violators: the closest non-decreasing sequence (equal weights).
std::vector<double> isotonic(const std::vector<double> &v)
{
    std::vector<double> level, weight;
    std::vector<std::size_t> size;
    for (double x : v) {
        level.push_back(x);
        weight.push_back(1);
        size.push_back(1);
        while (level.size() > 1 && level[level.size() - 2] > level.back()) {
            const std::size_t a = level.size() - 2;
            level[a] = (level[a] * weight[a] + level.back() * weight.back()) / (weight[a] + weight.back());
            weight[a] += weight.back();
            size[a] += size.back();
            level.pop_back();
            weight.pop_back();
            size.pop_back();
        }
    }
    std::vector<double> out;
    for (std::size_t i = 0; i < level.size(); ++i)
        out.insert(out.end(), size[i], level[i]);
    return out;
}

// Linear interpolation of `y` over ln(steps) at n (steps ascending, n inside their range).
double interpolate(const std::vector<double> &steps, const std::vector<double> &y, double n)
{
    if (n <= steps.front())
        return y.front();
    for (std::size_t k = 1; k < steps.size(); ++k)
        if (n <= steps[k]) {
            const double t = (std::log(n) - std::log(steps[k - 1])) / (std::log(steps[k]) - std::log(steps[k - 1]));
            return y[k - 1] + t * (y[k] - y[k - 1]);
        }
    return y.back();
}

// The families fitted (weighted) on sizes [from, to), each where it has enough points.
std::vector<CurveFit> fitFamilies(const SampleSizeModel &m, std::size_t from, std::size_t to, bool coarse = false)
{
    const std::vector<double> n(m.steps.begin() + long(from), m.steps.begin() + long(to));
    std::vector<double> f, w;
    for (std::size_t k = from; k < to; ++k) {
        f.push_back(1.0 - m.mean[k]);
        w.push_back(1.0 / (m.stderr_[k] * m.stderr_[k] + kSeFloor * kSeFloor));
    }
    std::vector<CurveFit> out;
    for (const auto &name : curveFamilies())
        if (n.size() >= parameterCount(name))
            out.push_back(detail::fitFamily(name, n, f, nullptr, kAccuracyFloorMax, &w, coarse));
    return out;
}

// The answer's curve: the mean of the families' fits (on the corpus the mean of the families
// that fit erred less than their median; README "How the answer is calibrated").
CurveFit ensembleOf(std::vector<CurveFit> members)
{
    CurveFit e;
    e.family = "calibrated";
    e.members = std::move(members);
    if (!e.members.empty())
        e.scale = e.members.front().scale;
    return e;
}

// Mean absolute error of predicting the largest `held` sizes from a fit of [from, S − held).
double backtest(const SampleSizeModel &m, std::size_t from, std::size_t held)
{
    const std::size_t S = m.steps.size();
    const CurveFit e = ensembleOf(fitFamilies(m, from, S - held, true));
    const double floorValue = m.monotone[S - held - 1];
    double err = 0;
    for (std::size_t k = S - held; k < S; ++k)
        err += std::abs(std::max(1.0 - curveValue(e, m.steps[k]), floorValue) - m.mean[k]);
    return err / double(held);
}

std::string fixed(double v, int digits)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// Calibrated quantile row at ratio ρ > 1 (linear in ln ρ; below the first ratio shrinking
// to 0 at ρ = 1; beyond the last extended along the last two rows, never narrowing).
std::array<double, 6> quantilesAt(const BandCalibration &c, double rho)
{
    const auto &r = c.ratios;
    const auto &q = c.quantiles;
    std::array<double, 6> out{};
    const double x = std::log(rho);
    if (rho <= r.front()) {
        const double t = std::max(0.0, x / std::log(r.front()));
        for (int i = 0; i < 6; ++i)
            out[std::size_t(i)] = t * q.front()[std::size_t(i)];
        return out;
    }
    std::size_t k = 1;
    while (k + 1 < r.size() && rho > r[k])
        ++k;
    if (r.size() == 1)
        return q.front();
    const double x0 = std::log(r[k - 1]), x1 = std::log(r[k]);
    const double t = (x - x0) / (x1 - x0);
    for (std::size_t i = 0; i < 6; ++i) {
        double v = q[k - 1][i] + t * (q[k][i] - q[k - 1][i]);
        if (t > 1) // beyond the table: widen along the last slope, never narrow
            v = i % 2 == 0 ? std::min(v, q[k][i]) : std::max(v, q[k][i]);
        out[i] = v;
    }
    return out;
}

// The calibration's median at ratio ρ (linear in ln ρ from 0 at ρ = 1; held beyond the table).
double medianAt(const BandCalibration &c, double rho)
{
    const auto &r = c.ratios;
    if (c.median.size() != r.size() || rho <= 1)
        return 0;
    if (rho <= r.front())
        return std::log(rho) / std::log(r.front()) * c.median.front();
    for (std::size_t k = 1; k < r.size(); ++k)
        if (rho <= r[k]) {
            const double t = (std::log(rho) - std::log(r[k - 1])) / (std::log(r[k]) - std::log(r[k - 1]));
            return c.median[k - 1] + t * (c.median[k] - c.median[k - 1]);
        }
    return c.median.back();
}

// The fitted accuracy at n beyond the data, before the calibration's median correction.
double fittedValue(const SampleSizeModel &m, double n)
{
    return std::clamp(std::max(1.0 - curveValue(m.curve, n), m.monotone.back()), 0.0, 1.0);
}

// The bands of the answer at ratio ρ beyond the largest measured size, around `fitted`.
void projectedBand(const SampleSizeModel &m, double fitted, double value, double rho, std::array<double, 3> &lo,
                   std::array<double, 3> &hi)
{
    const double e = std::max(1.0 - fitted, kErrorFloor);
    const auto q = quantilesAt(m.calibration, rho);
    const double seLast = m.stderr_.back(), measuredLast = m.monotone.back();
    for (std::size_t l = 0; l < 3; ++l) {
        double a = 1.0 - e * std::exp(q[2 * l + 1]), b = 1.0 - e * std::exp(q[2 * l]);
        // Never narrower than the measurement's own noise, never below what was measured at a
        // smaller size (beyond that noise): a learning curve does not fall with more data.
        a = std::min(a, value - kZ[l] * seLast);
        b = std::max(b, value + kZ[l] * seLast);
        a = std::max(a, measuredLast - kZ[l] * seLast);
        lo[l] = std::clamp(a, 0.0, 1.0);
        hi[l] = std::clamp(b, 0.0, 1.0);
    }
}

// The answer at n beyond the data: the fit corrected by the calibration's median, never
// below the largest measured mean.
double projectedValue(const SampleSizeModel &m, double n)
{
    const double e = std::max(1.0 - fittedValue(m, n), kErrorFloor)
                     * std::exp(medianAt(m.calibration, n / m.steps.back()));
    return std::clamp(std::max(1.0 - e, m.monotone.back()), 0.0, 1.0);
}

// The first n in (from, kLargest] where pred(n) holds, for a pred that may not be monotone:
// a scan in ln n, then bisection inside the first bracket; +inf when it never holds.
template<class Pred>
double firstWhere(double from, Pred pred)
{
    const double a = std::log(from), b = std::log(kLargest);
    const int steps = 600;
    double prev = a;
    for (int i = 1; i <= steps; ++i) {
        const double x = a + (b - a) * i / steps;
        if (pred(std::exp(x))) {
            double lo = prev, hi = x;
            for (int j = 0; j < 60 && hi - lo > 1e-10; ++j) {
                const double mid = 0.5 * (lo + hi);
                (pred(std::exp(mid)) ? hi : lo) = mid;
            }
            return std::ceil(std::exp(hi) - 1e-9);
        }
        prev = x;
    }
    return kInf;
}

// The first n (interpolated in ln n between measured sizes) where y reaches t; +inf if never.
double firstMeasured(const std::vector<double> &steps, const std::vector<double> &y, double t)
{
    for (std::size_t k = 0; k < steps.size(); ++k)
        if (y[k] >= t) {
            if (k == 0)
                return steps[0];
            const double f = (t - y[k - 1]) / (y[k] - y[k - 1]);
            return std::ceil(std::exp(std::log(steps[k - 1]) + f * (std::log(steps[k]) - std::log(steps[k - 1])))
                             - 1e-9);
        }
    return kInf;
}

} // namespace

FamilyCheck checkFit(const SampleSizeModel &m, const CurveFit &fit)
{
    FamilyCheck c;
    c.fit = fit;
    const std::size_t S = m.steps.size();
    double worst = -kInf;
    for (std::size_t k = S >= 2 ? S - 2 : 0; k < S; ++k) {
        const double fitted = 1.0 - curveValue(fit, m.steps[k]);
        const double allowed = 2 * m.stderr_[k] + kMissTolerance;
        const double over = std::abs(fitted - m.mean[k]) - allowed;
        if (over > worst) {
            worst = over;
            c.at = m.steps[k];
            c.measured = m.mean[k];
            c.fitted = fitted;
            c.allowed = allowed;
        }
    }
    c.missesData = worst > 0;
    return c;
}

CurveWarning missesDataWarning(const FamilyCheck &c, bool leftOut)
{
    return {"misses_data", "the " + c.fit.family + " fit gives " + fixed(c.fitted, 3) + " at " + fixed(c.at, 0)
                               + " samples where " + fixed(c.measured, 3) + " was measured (allowed: ±"
                               + fixed(c.allowed, 3) + ", 2 standard errors + " + fixed(kMissTolerance, 2) + "): "
                               + (leftOut ? "it is left out of the answer"
                                          : "its projections contradict the measurements")};
}

double projectedLevel(const SampleSizeModel &m)
{
    return m.hasCurve ? projectedValue(m, kLargest) : kNaN;
}

const char *answerSourceName(AnswerSource s)
{
    return s == AnswerSource::Measured ? "measured" : s == AnswerSource::Projected ? "projected" : "none";
}

const char *answerStatusName(SampleSizeAnswer::Status s)
{
    switch (s) {
    case SampleSizeAnswer::Status::Reached: return "reached";
    case SampleSizeAnswer::Status::Projected: return "projected";
    case SampleSizeAnswer::Status::Unreachable: return "unreachable";
    case SampleSizeAnswer::Status::NoAnswer: break;
    }
    return "no_answer";
}

SampleSizeModel buildSampleSizeModel(const std::vector<double> &steps,
                                     const std::vector<std::vector<double>> &perRun,
                                     const BandCalibration &calibration)
{
    const std::size_t S = steps.size();
    if (S < 3)
        throw Error(ErrorCode::InvalidArgument,
                    "sample-size answer: needs at least 3 measured sizes, got " + std::to_string(S));
    if (perRun.empty())
        throw Error(ErrorCode::InvalidArgument, "sample-size answer: no runs");
    for (std::size_t k = 1; k < S; ++k)
        if (!(steps[k] > steps[k - 1]))
            throw Error(ErrorCode::InvalidArgument, "sample-size answer: sizes must increase");
    if (calibration.ratios.empty() || calibration.ratios.size() != calibration.quantiles.size())
        throw Error(ErrorCode::InvalidArgument, "sample-size answer: empty calibration");
    SampleSizeModel m;
    m.steps = steps;
    m.runs = perRun.size();
    m.calibration = calibration;
    for (std::size_t k = 0; k < S; ++k) {
        double sum = 0, sq = 0;
        for (const auto &run : perRun)
            sum += run.at(k);
        const double mean = sum / double(m.runs);
        for (const auto &run : perRun)
            sq += (run[k] - mean) * (run[k] - mean);
        m.mean.push_back(mean);
        m.stderr_.push_back(m.runs > 1 ? std::sqrt(sq / double(m.runs - 1) / double(m.runs)) : 0.0);
    }
    m.monotone = isotonic(m.mean);

    // The first fitted size: the one whose fits predict the largest one or two sizes best.
    m.backtestError.assign(S, kNaN);
    double best = kInf;
    // At most 16 candidate starts, evenly spread (a 200-size study took 28 s with every one).
    const std::size_t stride = S > 4 ? std::max<std::size_t>(1, (S - 4 + 15) / 16) : 1;
    for (std::size_t from = 0; from + 5 <= S; from += stride) {
        double err = 0;
        int parts = 0;
        for (std::size_t held : {std::size_t(1), std::size_t(2)})
            if (S - held - from >= 4) {
                err += backtest(m, from, held);
                ++parts;
            }
        if (!parts)
            continue;
        m.backtestError[from] = err / parts;
        if (m.backtestError[from] < best - 1e-12) {
            best = m.backtestError[from];
            m.firstFitted = from;
        }
    }

    // Each family on the fitted sizes, checked against the two largest measured ones.
    std::vector<CurveFit> fitting;
    for (CurveFit &fit : fitFamilies(m, m.firstFitted, S)) {
        FamilyCheck c = checkFit(m, fit);
        if (c.missesData)
            m.warnings.push_back(missesDataWarning(c));
        else
            fitting.push_back(fit);
        m.families.push_back(std::move(c));
    }
    m.hasCurve = !fitting.empty();
    m.curve = ensembleOf(std::move(fitting));
    // The warnings of every fit (not levelling off, rising, bounds) come first: of the answer's
    // curve, or when every family misses, of all of them together.
    std::vector<CurveFit> all;
    for (const auto &c : m.families)
        all.push_back(c.fit);
    CurveFit judged = m.hasCurve ? m.curve : ensembleOf(all);
    std::vector<double> f;
    for (double v : m.mean)
        f.push_back(1.0 - v);
    for (std::size_t k = 0; k < S; ++k) {
        const double r = curveValue(judged, steps[k]) - f[k];
        judged.sse += r * r;
    }
    if (m.hasCurve)
        m.curve.sse = judged.sse;
    const auto general = curveWarnings(judged, steps, f, true);
    m.warnings.insert(m.warnings.begin(), general.begin(), general.end());
    m.falling = std::any_of(general.begin(), general.end(), [](const CurveWarning &w) { return w.code == "curve_rises"; });
    if (m.falling && m.hasCurve) { // nothing to project: answers come from the measurements only
        m.hasCurve = false;
        return m;
    }
    if (!m.hasCurve)
        m.warnings.push_back({"all_families_miss",
                              "every curve family misses the measured points at the largest sizes: "
                              "no projection is given beyond the data (measure more sizes or runs)"});
    return m;
}

Projection projectAccuracy(const SampleSizeModel &m, double n)
{
    Projection p;
    p.n = n;
    const double first = m.steps.front(), last = m.steps.back();
    if (n < first) { // below the smallest measured size the fit was not made for: no answer
        p.value = kNaN;
        p.lo.fill(kNaN);
        p.hi.fill(kNaN);
        return p;
    }
    if (n <= last) { // measured: interpolated between sizes
        p.source = AnswerSource::Measured;
        p.value = interpolate(m.steps, m.monotone, n);
        const double se = interpolate(m.steps, m.stderr_, n);
        for (std::size_t l = 0; l < 3; ++l) {
            p.lo[l] = std::clamp(p.value - kZ[l] * se, 0.0, 1.0);
            p.hi[l] = std::clamp(p.value + kZ[l] * se, 0.0, 1.0);
        }
        return p;
    }
    if (!m.hasCurve) {
        p.value = kNaN;
        p.lo.fill(kNaN);
        p.hi.fill(kNaN);
        return p;
    }
    p.source = AnswerSource::Projected;
    p.value = projectedValue(m, n);
    projectedBand(m, fittedValue(m, n), p.value, n / last, p.lo, p.hi);
    return p;
}

SampleSizeAnswer answerTarget(const SampleSizeModel &m, double target)
{
    SampleSizeAnswer a;
    a.target = target;
    const double last = m.steps.back();
    a.asymptote = projectedLevel(m);
    a.lo.fill(kNaN);
    a.hi.fill(kNaN);
    // An edge of the projected band reaching the target beyond the data.
    auto projectedEdge = [&](std::size_t level, bool upper) {
        if (!m.hasCurve)
            return kInf;
        return firstWhere(last, [&](double n) {
            const Projection p = projectAccuracy(m, n);
            return (upper ? p.hi[level] : p.lo[level]) >= target;
        });
    };
    const double floorN = std::floor(last) + 1; // beyond the data: more than the largest size
    for (std::size_t k = 0; k < m.steps.size(); ++k)
        if (m.mean[k] >= target) {
            a.status = SampleSizeAnswer::Status::Reached;
            a.measuredAt = m.steps[k];
            a.measuredValue = m.mean[k];
            a.n = firstMeasured(m.steps, m.mean, target);
            for (std::size_t l = 0; l < 3; ++l) {
                std::vector<double> up, down;
                for (std::size_t i = 0; i < m.steps.size(); ++i) {
                    up.push_back(m.mean[i] + kZ[l] * m.stderr_[i]);
                    down.push_back(m.mean[i] - kZ[l] * m.stderr_[i]);
                }
                a.lo[l] = std::min(firstMeasured(m.steps, up, target), a.n);
                const double hi = firstMeasured(m.steps, down, target);
                a.hi[l] = std::max(std::isfinite(hi) ? hi : std::max(projectedEdge(l, false), floorN), a.n);
            }
            return a;
        }
    if (!m.hasCurve) {
        a.status = SampleSizeAnswer::Status::NoAnswer;
        a.next.collectTo = 2 * last;
        return a;
    }
    const double n = firstWhere(last, [&](double x) { return projectedValue(m, x) >= target; });
    a.status = std::isfinite(n) ? SampleSizeAnswer::Status::Projected : SampleSizeAnswer::Status::Unreachable;
    a.n = std::isfinite(n) ? std::max(n, floorN) : 0;
    for (std::size_t l = 0; l < 3; ++l) {
        a.lo[l] = std::max(projectedEdge(l, true), floorN);
        a.hi[l] = std::max(projectedEdge(l, false), a.lo[l]);
        if (a.n > 0) {
            a.lo[l] = std::min(a.lo[l], a.n);
            a.hi[l] = std::max(a.hi[l], a.n);
        }
    }
    for (std::size_t l = 1; l < 3; ++l) { // wider levels contain the narrower ones
        a.lo[l] = std::min(a.lo[l], a.lo[l - 1]);
        a.hi[l] = std::max(a.hi[l], a.hi[l - 1]);
    }
    // Next step: measure up to 2x (or up to the 80% band's end when that is nearer), where
    // the calibration says how much narrower the band for this target typically gets.
    a.next.collectTo = 2 * last;
    if (a.status == SampleSizeAnswer::Status::Projected && a.hi[1] <= 2 * last)
        a.next.collectTo = a.hi[1];
    const double at = a.n > 0 ? a.n : 4 * last;
    const double value = projectedValue(m, at), fitted = fittedValue(m, at);
    std::array<double, 3> lo{}, hi{};
    projectedBand(m, fitted, value, at / last, lo, hi);
    a.next.widthNow = hi[1] - lo[1];
    const double rhoAfter = at / a.next.collectTo;
    if (rhoAfter <= 1) {
        a.next.widthAfter = 2 * kZ[1] * m.stderr_.back();
    } else {
        projectedBand(m, fitted, value, rhoAfter, lo, hi);
        a.next.widthAfter = hi[1] - lo[1];
    }
    return a;
}

} // namespace wb::core
