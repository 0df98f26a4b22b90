#include "wb/scalinglaw.h"

#include "util/minimise.h"
#include "util/random.h"
#include "wb/errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>

namespace wb::core {

namespace {

// θ = (a, b, e, α, β): A = e^a, B = e^b, E = e^e.
using Theta = std::vector<double>;

struct Cell
{
    double logN = 0, logD = 0, logL = 0;
    double params = 0, samples = 0, loss = 0;
};

ScalingLaw lawOf(const Theta &t) { return {std::exp(t[2]), std::exp(t[0]), std::exp(t[1]), t[3], t[4]}; }

// Σ Huber_δ(LSE(a − α log N, b − β log D, e) − log L) and its gradient.
double objective(const std::vector<Cell> &cells, double delta, const Theta &t, Theta &grad)
{
    std::fill(grad.begin(), grad.end(), 0.0);
    double sum = 0;
    for (const Cell &c : cells) {
        const std::array<double, 3> z{t[0] - t[3] * c.logN, t[1] - t[4] * c.logD, t[2]};
        const double m = std::max({z[0], z[1], z[2]});
        std::array<double, 3> p;
        double s = 0;
        for (int j = 0; j < 3; ++j)
            s += p[j] = std::exp(z[j] - m);
        const double r = m + std::log(s) - c.logL;
        const double h = std::abs(r) <= delta ? 0.5 * r * r : delta * (std::abs(r) - 0.5 * delta);
        const double dh = std::abs(r) <= delta ? r : (r > 0 ? delta : -delta);
        sum += h;
        for (double &v : p)
            v /= s;
        grad[0] += dh * p[0];
        grad[1] += dh * p[1];
        grad[2] += dh * p[2];
        grad[3] -= dh * p[0] * c.logN;
        grad[4] -= dh * p[1] * c.logD;
    }
    return sum;
}

double objectiveValue(const std::vector<Cell> &cells, double delta, const Theta &t)
{
    Theta g(5);
    return objective(cells, delta, t, g);
}

std::vector<Theta> gridStarts()
{
    std::vector<Theta> starts;
    for (double alpha = 0; alpha <= 2.0; alpha += 0.5)
        for (double beta = 0; beta <= 2.0; beta += 0.5)
            for (double e = -1; e <= 1.5; e += 0.5)
                for (double a = 0; a <= 25; a += 5)
                    for (double b = 0; b <= 25; b += 5)
                        starts.push_back({a, b, e, alpha, beta});
    return starts;
}

struct Optimum
{
    Theta theta;
    double value = 0;
};

// L-BFGS from each start; the optima sorted by value (lowest first).
std::vector<Optimum> minimiseFrom(const std::vector<Cell> &cells, double delta, const std::vector<Theta> &starts)
{
    const detail::ValueAndGradient fg = [&](const std::vector<double> &t, std::vector<double> &g) {
        return objective(cells, delta, t, g);
    };
    std::vector<Optimum> out;
    out.reserve(starts.size());
    for (const Theta &s : starts) {
        Theta t = detail::lbfgs(fg, s, 300);
        const double v = objectiveValue(cells, delta, t);
        if (std::isfinite(v))
            out.push_back({std::move(t), v});
    }
    std::stable_sort(out.begin(), out.end(), [](const Optimum &x, const Optimum &y) { return x.value < y.value; });
    return out;
}

std::vector<Cell> cellMeans(const std::vector<ScalingPoint> &points, std::vector<std::vector<double>> *seeds)
{
    std::map<std::pair<double, double>, std::vector<double>> byCell;
    for (const auto &p : points)
        byCell[{p.params, p.samples}].push_back(p.loss);
    std::vector<Cell> cells;
    for (const auto &[key, losses] : byCell) {
        double mean = 0;
        for (double l : losses)
            mean += l / double(losses.size());
        cells.push_back({std::log(key.first), std::log(key.second), std::log(mean), key.first, key.second, mean});
        if (seeds)
            seeds->push_back(losses);
    }
    return cells;
}

std::size_t distinct(const std::vector<Cell> &cells, double Cell::*field)
{
    std::vector<double> v;
    for (const Cell &c : cells)
        v.push_back(c.*field);
    std::sort(v.begin(), v.end());
    return std::size_t(std::unique(v.begin(), v.end()) - v.begin());
}

// Mean relative error predicting the cells whose `field` is the largest, from a fit to the rest
// started from `starts`; NaN when the rest cannot determine the law.
double heldOutError(const std::vector<Cell> &cells, double Cell::*field, double delta, const std::vector<Theta> &starts)
{
    double largest = 0;
    for (const Cell &c : cells)
        largest = std::max(largest, c.*field);
    std::vector<Cell> rest, held;
    for (const Cell &c : cells)
        (c.*field == largest ? held : rest).push_back(c);
    if (rest.size() < 5 || distinct(rest, &Cell::params) < 2 || distinct(rest, &Cell::samples) < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const auto optima = minimiseFrom(rest, delta, starts);
    if (optima.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const ScalingLaw law = lawOf(optima.front().theta);
    double err = 0;
    for (const Cell &c : held)
        err += std::abs(scalingLoss(law, c.params, c.samples) - c.loss) / c.loss / double(held.size());
    return err;
}

Interval percentile95(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        const double pos = q * double(v.size() - 1);
        const std::size_t i = std::size_t(pos);
        const double f = pos - double(i);
        return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
    };
    return {at(0.025), at(0.975)};
}

std::string fmt(const char *format, double a, double b = 0, double c = 0)
{
    char text[320];
    std::snprintf(text, sizeof text, format, a, b, c);
    return text;
}

void checkPoints(const std::vector<ScalingPoint> &points)
{
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto &p = points[i];
        const std::string where = "point " + std::to_string(i + 1) + ": ";
        if (!(p.params >= 1 && p.params <= 1e15))
            throw Error(ErrorCode::InvalidArgument, where + "params must be from 1 to 1e15");
        if (!(p.samples >= 1 && p.samples <= 1e15))
            throw Error(ErrorCode::InvalidArgument, where + "samples must be from 1 to 1e15");
        if (!(p.loss > 0 && p.loss <= 1e12))
            throw Error(ErrorCode::InvalidArgument, where + "loss must be above 0 and at most 1e12");
        if (!(p.forwardFlops >= 0 && p.forwardFlops <= 1e21))
            throw Error(ErrorCode::InvalidArgument, where + "flops must be from 0 to 1e21");
    }
}

void addWarnings(ScalingLawFit &fit, const std::vector<Cell> &cells, bool heldOutAsked)
{
    auto warn = [&fit](const char *code, std::string text) { fit.warnings.push_back({code, std::move(text)}); };
    if (fit.medianAbsLogResidual > 0.05)
        warn("poor_fit", fmt("the law misses the cell means by a median %.0f%%: the measurements do not follow "
                             "E + A/N^alpha + B/D^beta (noise, overfitting, or too few epochs); do not trust "
                             "its contours or projections",
                             100 * (std::exp(fit.medianAbsLogResidual) - 1)));
    for (auto [error, what] : {std::pair{fit.heldOutParamsError, "largest model"},
                               std::pair{fit.heldOutSamplesError, "largest data size"}})
        if (error > 0.1)
            warn("heldout_error", std::string("refitted without the ") + what
                                      + fmt(", the law predicts its loss %.0f%% off: projections beyond the grid "
                                            "are unreliable",
                                            100 * error));
    double smallest = cells.front().loss;
    for (const Cell &c : cells)
        smallest = std::min(smallest, c.loss);
    if (fit.law.E < 1e-3 * smallest)
        warn("floor_at_zero", fmt("the fitted irreducible loss E is %.2g: the grid shows no floor, so the law lets "
                                  "the loss fall without limit and answers far beyond the grid (large models, "
                                  "compute-optimal splits) are not to be trusted",
                                  fit.law.E));
    for (auto [name, exponent, what] : {std::tuple{"alpha", fit.law.alpha, "model-size"},
                                        std::tuple{"beta", fit.law.beta, "data-size"}}) {
        if (exponent < 0.02)
            warn("exponent_at_bound", std::string(name) + fmt(" = %.3g: ", exponent) + "the loss "
                                          + (exponent < 0 ? "rises" : "barely changes") + " with " + what
                                          + " on this grid, so the " + what + " term is not determined");
        else if (exponent > 5)
            warn("exponent_at_bound", std::string(name) + fmt(" = %.3g: ", exponent) + "the " + what
                                          + " term vanishes within the grid (the loss does not change with it "
                                            "there), so it is not determined");
    }
    if (heldOutAsked && (!std::isfinite(fit.heldOutParamsError) || !std::isfinite(fit.heldOutSamplesError)))
        warn("heldout_unavailable", "too few cells remain without the largest model or data size (5 cells and 2 "
                                    "sizes of each are needed) for the held-out check");
    if (fit.alpha.low < 0.5 * fit.law.alpha || fit.alpha.high > 2 * fit.law.alpha || fit.beta.low < 0.5 * fit.law.beta
        || fit.beta.high > 2 * fit.law.beta)
        warn("wide_interval", fmt("the exponents are poorly determined (alpha %.2g to %.2g, ", fit.alpha.low,
                                  fit.alpha.high)
                                  + fmt("beta %.2g to %.2g): more seeds, widths or data sizes would narrow them",
                                        fit.beta.low, fit.beta.high));
    // Overfitting / double descent: at one data size, the largest model worse than the best.
    std::map<double, std::vector<const Cell *>> bySamples;
    for (const Cell &c : cells)
        bySamples[c.samples].push_back(&c);
    for (const auto &[samples, row] : bySamples) {
        if (row.size() < 3)
            continue;
        const Cell *largest = *std::max_element(row.begin(), row.end(),
                                                [](const Cell *x, const Cell *y) { return x->params < y->params; });
        double best = largest->loss;
        for (const Cell *c : row)
            best = std::min(best, c->loss);
        if (largest->loss > 1.05 * best) {
            warn("loss_rises_with_params",
                 fmt("at %.0f samples the largest model's loss (%.4g) is above the best smaller model's (%.4g): "
                     "overfitting or double descent, which the law cannot describe",
                     samples, largest->loss, best));
            break;
        }
    }
}

} // namespace

double scalingLoss(const ScalingLaw &law, double params, double samples)
{
    return law.E + law.A / std::pow(params, law.alpha) + law.B / std::pow(samples, law.beta);
}

ScalingLawFit fitScalingLaw(const std::vector<ScalingPoint> &points, const ScalingFitOptions &options)
{
    checkPoints(points);
    if (!(options.huberDelta > 0) || options.resamples < 0)
        throw Error(ErrorCode::InvalidArgument, "scaling fit: the Huber delta must be positive, resamples >= 0");
    std::vector<std::vector<double>> seeds;
    const std::vector<Cell> cells = cellMeans(points, &seeds);
    ScalingLawFit fit;
    fit.points = int(points.size());
    fit.cells = int(cells.size());
    fit.distinctParams = int(distinct(cells, &Cell::params));
    fit.distinctSamples = int(distinct(cells, &Cell::samples));
    if (fit.cells > 1000)
        throw Error(ErrorCode::InvalidArgument, "a scaling law is fitted to at most 1,000 cells (distinct parameter "
                                                "count and data size pairs); got "
                                                    + std::to_string(fit.cells));
    if (fit.distinctParams < 3 || fit.distinctSamples < 3 || fit.cells < 6)
        throw Error(ErrorCode::InvalidArgument,
                    "a scaling law needs at least 3 distinct parameter counts, 3 distinct data sizes and 6 cells (got "
                        + std::to_string(fit.distinctParams) + ", " + std::to_string(fit.distinctSamples) + " and "
                        + std::to_string(fit.cells) + ")");
    const double delta = options.huberDelta;

    const auto optima = minimiseFrom(cells, delta, gridStarts());
    if (optima.empty())
        throw Error(ErrorCode::InvalidArgument, "scaling fit: no start gave a finite objective");
    fit.law = lawOf(optima.front().theta);
    // Later fits start from the best optimum and the best distinct others.
    std::vector<Theta> starts{optima.front().theta};
    for (const Optimum &o : optima) {
        if (starts.size() >= 8)
            break;
        bool far = true;
        for (const Theta &s : starts) {
            double d = 0;
            for (int i = 0; i < 5; ++i)
                d = std::max(d, std::abs(s[i] - o.theta[i]));
            far = far && d > 0.1;
        }
        if (far)
            starts.push_back(o.theta);
    }

    std::vector<double> residuals;
    for (const Cell &c : cells)
        residuals.push_back(std::abs(std::log(scalingLoss(fit.law, c.params, c.samples)) - c.logL));
    std::nth_element(residuals.begin(), residuals.begin() + residuals.size() / 2, residuals.end());
    fit.medianAbsLogResidual = residuals[residuals.size() / 2];

    if (options.heldOut) {
        fit.heldOutParamsError = heldOutError(cells, &Cell::params, delta, starts);
        fit.heldOutSamplesError = heldOutError(cells, &Cell::samples, delta, starts);
    }

    // Bootstrap: seeds within cells when every cell has at least two, else cells.
    const bool withinCells = std::all_of(seeds.begin(), seeds.end(), [](const auto &s) { return s.size() >= 2; });
    std::array<std::vector<double>, 5> draws;
    for (int r = 0; r < options.resamples; ++r) {
        std::mt19937_64 rng(detail::mixSeed(options.seed, std::uint64_t(r)));
        std::vector<Cell> sample;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (withinCells) {
                double mean = 0;
                for (std::size_t k = 0; k < seeds[i].size(); ++k)
                    mean += seeds[i][detail::below(rng, seeds[i].size())] / double(seeds[i].size());
                Cell c = cells[i];
                c.loss = mean;
                c.logL = std::log(mean);
                sample.push_back(c);
            } else {
                sample.push_back(cells[detail::below(rng, cells.size())]);
            }
        }
        const auto o = minimiseFrom(sample, delta, starts);
        if (o.empty())
            continue;
        const ScalingLaw law = lawOf(o.front().theta);
        fit.resampled.push_back(law);
        draws[0].push_back(law.E);
        draws[1].push_back(law.A);
        draws[2].push_back(law.B);
        draws[3].push_back(law.alpha);
        draws[4].push_back(law.beta);
    }
    fit.E = percentile95(draws[0]);
    fit.A = percentile95(draws[1]);
    fit.B = percentile95(draws[2]);
    fit.alpha = percentile95(draws[3]);
    fit.beta = percentile95(draws[4]);

    // Training FLOPs per parameter and sample: 3 × forward FLOPs (forward + backward) / N.
    std::vector<double> k;
    for (const auto &p : points)
        if (p.forwardFlops > 0)
            k.push_back(3 * p.forwardFlops / p.params);
    if (!k.empty()) {
        std::nth_element(k.begin(), k.begin() + k.size() / 2, k.end());
        fit.flopsPerParamSample = k[k.size() / 2];
        fit.flopsFromData = true;
    }
    addWarnings(fit, cells, options.heldOut);
    return fit;
}

bool scalingFitTrusted(const ScalingLawFit &fit)
{
    return std::none_of(fit.warnings.begin(), fit.warnings.end(),
                        [](const CurveWarning &w) { return w.code == "poor_fit" || w.code == "heldout_error"; });
}

Interval scalingPredictionInterval(const ScalingLawFit &fit, double params, double samples)
{
    std::vector<double> v;
    for (const ScalingLaw &law : fit.resampled)
        v.push_back(scalingLoss(law, params, samples));
    return percentile95(std::move(v));
}

double saturationParams(const ScalingLaw &law, double samples, double relativeGain)
{
    // Gain of doubling N relative to L: k·b / (c + b) with b = A/N^α, k = 1 − 2^−α,
    // c = E + B/D^β; it falls as N grows, so N* solves k·b = g·(c + b).
    const double k = 1 - std::pow(2.0, -law.alpha);
    const double c = law.E + law.B / std::pow(samples, law.beta);
    if (!(relativeGain < k) || !(law.A > 0) || !(law.alpha > 0))
        return 0;
    const double b = relativeGain * c / (k - relativeGain);
    if (!(b > 0))
        return std::numeric_limits<double>::infinity();
    return std::pow(law.A / b, 1 / law.alpha);
}

ComputeOptimum computeOptimal(const ScalingLaw &law, double compute, double flopsPerParamSample)
{
    if (!(law.alpha > 0 && law.beta > 0 && law.A > 0 && law.B > 0 && compute > 0 && flopsPerParamSample > 0))
        throw Error(ErrorCode::InvalidArgument, "a compute-optimal split needs alpha, beta, A, B and the budget > 0");
    const double s = law.alpha + law.beta;
    const double g = std::pow(law.alpha * law.A / (law.beta * law.B), 1 / s);
    const double budget = compute / flopsPerParamSample; // N·D
    ComputeOptimum o;
    o.compute = compute;
    o.params = g * std::pow(budget, law.beta / s);
    o.samples = budget / o.params;
    o.loss = scalingLoss(law, o.params, o.samples);
    return o;
}

} // namespace wb::core
