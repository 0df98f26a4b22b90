// The report of a scaling grid: a bigger model or more data? The law fitted to the cells (as
// the Scaling page fits it: 100 bootstrap resamples, the study's seed), its held-out error and
// where it can be trusted; the cells themselves.
#include "studyreports.h"

#include "wb/errors.h"
#include "wb/gridstudy.h"
#include "wb/scalinglaw.h"
#include "wb/session.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace wb::core::report {

namespace {

struct Cell
{
    double loss = 0, lossSq = 0, accuracy = 0;
    int n = 0;
    double params = 0, samples = 0, flops = 0;
};

// Mean test loss and accuracy over seeds per (width, fraction).
std::map<std::pair<int, double>, Cell> cellMeans(const GridStudyResult &r)
{
    std::map<std::pair<int, double>, Cell> cells;
    for (const GridCellResult &c : r.cells) {
        if (!std::isfinite(c.testLoss))
            continue;
        Cell &m = cells[{c.width, c.fraction}];
        m.loss += c.testLoss;
        m.lossSq += c.testLoss * c.testLoss;
        m.accuracy += c.testAccuracy;
        m.n += 1;
        m.params = double(c.params);
        m.samples = double(c.samples);
        m.flops = double(c.flops);
    }
    return cells;
}

} // namespace

void writeGridReport(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    const ReportLanguage &L = w.language();
    const GridStudyResult r = gridResultFromStudy(session, study.id);
    const GridConfig &g = r.setup.grid;
    w.raw("<h1>" + w.say(QT_TRANSLATE_NOOP("Report", "Scaling grid: %1"), {name(w.options().title.empty() ? study.name : w.options().title)})
          + "</h1>\n");
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: for %1 on %2, does the test loss fall more with a bigger model or "
                                                  "with more training images — and where does either stop paying?"),
                      {name(r.setup.model), name(r.setup.dataset)}),
                "question");
    writeStatus(w, study);
    const auto cells = cellMeans(r);
    const std::vector<ScalingPoint> points = gridScalingPoints(r.cells);

    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Answer")));
    ScalingLawFit fit;
    bool fitted = false;
    try {
        ScalingFitOptions options;
        options.resamples = 100;
        options.seed = g.seed;
        fit = fitScalingLaw(points, options);
        fitted = true;
    } catch (const Error &e) {
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No law: %1. The cells' own numbers are below."), {L.engineText(e.what())}),
                    "answer");
    }
    if (fitted) {
        const ScalingLaw &law = fit.law;
        const std::string between = L.decimalPoint == "," ? "; " : ", "; // "[0,378; 852.638]", not "[0,378, 852.638]"
        auto ci = [&](double v, const Interval &i) {
            return L.significant(v, 3) + " [" + L.significant(i.low, 3) + between + L.significant(i.high, 3) + "]";
        };
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Fitted law: L(N, D) = E + A/N^α + B/D^β on %1 cells, with 95% bootstrap "
                                                      "intervals: E %2, A %3, B %4, α %5, β %6."),
                          {std::to_string(fit.cells), ci(law.E, fit.E), ci(law.A, fit.A), ci(law.B, fit.B), ci(law.alpha, fit.alpha),
                           ci(law.beta, fit.beta)}));
        auto heldOut = [&](double e) {
            return std::isfinite(e) ? reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1% off")), {L.fixed(100 * e, 1)})
                                    : L.translated(QT_TRANSLATE_NOOP("Report", "not measured (too few cells)"));
        };
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "How well it holds: the cells are missed by %1% (median); fitted without "
                                                      "them, the law predicted the largest model %2 and the largest data size %3."),
                          {L.fixed(100 * (std::exp(fit.medianAbsLogResidual) - 1), 1), heldOut(fit.heldOutParamsError),
                           heldOut(fit.heldOutSamplesError)}));
        double n = 0, d = 0, flops = 0, measured = 0;
        int seeds = 0;
        for (const ScalingPoint &p : points)
            if (p.params * p.samples >= n * d) {
                n = p.params;
                d = p.samples;
                flops = p.forwardFlops;
            }
        for (const ScalingPoint &p : points)
            if (p.params == n && p.samples == d) {
                measured += p.loss;
                ++seeds;
            }
        const std::string largest = seeds ? L.significant(measured / seeds, 4) : std::string("–");
        if (!scalingFitTrusted(fit)) {
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No predictions: the law does not describe these cells well enough (see "
                                                          "the warnings). The largest cell measured %1; the cells' own numbers "
                                                          "are below."),
                              {largest}),
                        "answer");
        } else {
            auto predict = [&](double pn, double pd) {
                const Interval band = scalingPredictionInterval(fit, pn, pd);
                return L.significant(scalingLoss(law, pn, pd), 4) + " [" + L.significant(band.low, 4) + between
                       + L.significant(band.high, 4) + "]";
            };
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Predicted test loss at the largest cell (%1 parameters, %2 images; "
                                                          "measured %3, the law's fit %4): with twice the images %5; with twice "
                                                          "the parameters %6."),
                              {L.count(n), L.count(d), largest, L.significant(scalingLoss(law, n, d), 4), predict(n, 2 * d),
                               predict(2 * n, d)}),
                        "answer");
            if (law.alpha > 0 && law.A > 0) {
                const double sat = saturationParams(law, d, 0.01);
                if (sat > 0 && std::isfinite(sat))
                    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "At %1 images, doubling a model beyond %2 parameters gains less "
                                                                  "than 1% (%3× the largest model measured)."),
                                      {L.count(d), L.count(sat), L.significant(sat / n, 3)}));
            }
            if (law.alpha > 0 && law.beta > 0 && law.A > 0 && law.B > 0 && flops > 0) {
                const ComputeOptimum opt = computeOptimal(law, 3 * flops * d, fit.flopsPerParamSample);
                w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Compute-optimal at the largest cell's one-pass compute (%1 FLOPs): %2 "
                                                              "parameters on %3 images, loss %4."),
                                  {L.significant(opt.compute, 3), L.count(opt.params), L.count(opt.samples),
                                   L.significant(opt.loss, 4)}));
            }
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "A law fitted on the grid says little far outside it: trust its answers "
                                                          "within about 2× the measured model and data sizes.")));
        }
        std::vector<std::string> warnings;
        for (const CurveWarning &warning : fit.warnings)
            warnings.push_back(L.engineText(warning.text));
        w.warnings(warnings);
    }

    // Figures: loss against parameters (one line per data size), against images (one per width).
    std::vector<int> widths;
    std::vector<double> fractions;
    for (const auto &[key, cell] : cells) {
        if (std::find(widths.begin(), widths.end(), key.first) == widths.end())
            widths.push_back(key.first);
        if (std::find(fractions.begin(), fractions.end(), key.second) == fractions.end())
            fractions.push_back(key.second);
    }
    std::sort(widths.begin(), widths.end());
    std::sort(fractions.begin(), fractions.end());
    if (!cells.empty()) {
        w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Measured cells")));
        const bool lawLines = fitted && scalingFitTrusted(fit);
        PlotSpec byParams;
        byParams.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "parameters (log scale)"));
        byParams.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "test loss"));
        byParams.logX = true;
        for (std::size_t f = 0; f < fractions.size(); ++f) {
            PlotSeries line, dots, law;
            line.color = dots.color = law.color = seriesColor(f);
            dots.kind = PlotSeries::Kind::Points;
            law.kind = PlotSeries::Kind::Dashed;
            for (int width : widths)
                if (auto it = cells.find({width, fractions[f]}); it != cells.end()) {
                    const Cell &c = it->second;
                    line.x.push_back(c.params);
                    line.y.push_back(c.loss / c.n);
                    dots.x.push_back(c.params);
                    dots.y.push_back(c.loss / c.n);
                    if (lawLines) {
                        law.x.push_back(c.params);
                        law.y.push_back(scalingLoss(fit.law, c.params, c.samples));
                    }
                    line.name = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1 images")), {L.count(c.samples)});
                }
            byParams.series.push_back(line);
            byParams.series.push_back(dots);
            if (lawLines)
                byParams.series.push_back(law);
        }
        w.figure(byParams, L.translated(QT_TRANSLATE_NOOP("Report", "Test loss against model size, one line per training set size "
                                                                    "(the mean over seeds; dots: measured). Dashed, where the law "
                                                                    "can be trusted: the fitted law at the same cells. Lines that "
                                                                    "flatten to the right: a bigger model no longer helps at that "
                                                                    "amount of data.")));
        PlotSpec byData;
        byData.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "training images (log scale)"));
        byData.yLabel = byParams.yLabel;
        byData.logX = true;
        for (std::size_t k = 0; k < widths.size(); ++k) {
            PlotSeries line, dots;
            line.color = dots.color = seriesColor(k);
            dots.kind = PlotSeries::Kind::Points;
            for (double fraction : fractions)
                if (auto it = cells.find({widths[k], fraction}); it != cells.end()) {
                    const Cell &c = it->second;
                    line.x.push_back(c.samples);
                    line.y.push_back(c.loss / c.n);
                    dots.x.push_back(c.samples);
                    dots.y.push_back(c.loss / c.n);
                    line.name = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "width %1 (%2 parameters)")),
                                          {std::to_string(widths[k]), L.count(c.params)});
                }
            byData.series.push_back(line);
            byData.series.push_back(dots);
        }
        w.figure(byData, L.translated(QT_TRANSLATE_NOOP("Report", "Test loss against the number of training images, one line per "
                                                                  "model width (the mean over seeds). Lines that flatten to the "
                                                                  "right: more data no longer helps that model.")));
        std::vector<std::vector<std::string>> rows;
        for (int width : widths)
            for (double fraction : fractions)
                if (auto it = cells.find({width, fraction}); it != cells.end()) {
                    const Cell &c = it->second;
                    const double mean = c.loss / c.n;
                    const double sd = c.n > 1 ? std::sqrt(std::max(0.0, (c.lossSq - c.n * mean * mean) / (c.n - 1))) : NAN;
                    rows.push_back({std::to_string(width), L.count(c.params), L.count(c.flops), L.count(c.samples),
                                    std::to_string(c.n), L.fixed(mean, 4), L.fixed(sd, 4), L.fixed(c.accuracy / c.n, 4)});
                }
        w.table({L.translated(QT_TRANSLATE_NOOP("Report", "width")), L.translated(QT_TRANSLATE_NOOP("Report", "parameters")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "forward FLOPs")), L.translated(QT_TRANSLATE_NOOP("Report", "images")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "seeds")), L.translated(QT_TRANSLATE_NOOP("Report", "test loss")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "std")), L.translated(QT_TRANSLATE_NOOP("Report", "test accuracy"))},
                rows, L.translated(QT_TRANSLATE_NOOP("Report", "Measured: every finished cell of the grid (mean over its seeds).")),
                {true, true, true, true, true, true, true, true});
    }
    if (!r.message.empty())
        w.warnings({L.engineText(r.message)});

    std::string widthText, fractionText;
    for (std::size_t i = 0; i < g.widths.size(); ++i)
        widthText += (i ? ", " : "") + std::to_string(g.widths[i]);
    for (std::size_t i = 0; i < g.fractions.size(); ++i)
        fractionText += (i ? ", " : "") + L.significant(g.fractions[i], 3);
    Rows settings = {{L.translated(QT_TRANSLATE_NOOP("Report", "Widths")), widthText},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Fractions of the training set")), fractionText},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Seeds per cell")), std::to_string(g.seeds)},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Budget")), g.budget}};
    const Rows selection = dataSelectionRows(L, QT_TRANSLATE_NOOP("Report", "Training set size L"), g.trainSize, g.testSize,
                                             g.limitMode, g.seed);
    settings.insert(settings.end(), selection.begin(), selection.end());
    writeProtocol(w, session, study, settings, nullptr,
                  r.setup.model + " " + reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "(widths %1; parameters and FLOPs per "
                                                                                           "width in the table above)")),
                                                  {widthText}));
    writeReproduce(w, session, study);
}

} // namespace wb::core::report
