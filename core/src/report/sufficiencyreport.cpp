// The report of a data-sufficiency study: how many images for a target accuracy.
#include "studyreports.h"

#include "wb/errors.h"
#include "wb/session.h"
#include "wb/sufficiency.h"
#include "wb/sufficiencyanswer.h"
#include "wb/sufficiencystudy.h"

#include <algorithm>
#include <cmath>

namespace wb::core::report {

namespace {

std::string targetsText(const std::vector<double> &targets, const ReportLanguage &L)
{
    std::string text;
    for (std::size_t i = 0; i < targets.size(); ++i)
        text += (i ? (i + 1 == targets.size() ? " / " : " / ") : "") + L.fixed(targets[i], 2);
    return text;
}

// "80%: 9,000–14,000; 95%: 7,000–21,000" for the bands of an answer (∞: never in that band).
std::string bandsText(const SampleSizeAnswer &a, const ReportLanguage &L)
{
    auto end = [&](double v) { return std::isfinite(v) ? L.count(v) : std::string("∞"); };
    return reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "50%: %1–%2; 80%: %3–%4; 95%: %5–%6")),
                     {end(a.lo[0]), end(a.hi[0]), end(a.lo[1]), end(a.hi[1]), end(a.lo[2]), end(a.hi[2])});
}

std::string answerSentence(const ReportWriter &w, const SufficiencyAnalysis &a, const SampleSizeAnswer &ans)
{
    const ReportLanguage &L = w.language();
    const std::string target = "<b>" + L.fixed(ans.target, 2) + "</b>";
    switch (ans.status) {
    case SampleSizeAnswer::Status::Reached:
        return target + ": " + w.say(QT_TRANSLATE_NOOP("Report", "reached — %1 measured at %2 images (≈ %3 by interpolation between the measured sizes)."),
                                    {L.fixed(ans.measuredValue, 3), L.count(ans.measuredAt), L.count(ans.n)});
    case SampleSizeAnswer::Status::Projected:
        return target + ": " + w.say(QT_TRANSLATE_NOOP("Report", "≈ %1 images needed (%2), projected beyond the largest measured size, %3 images."),
                                    {L.count(ans.n), bandsText(ans, L), L.count(a.steps.back())});
    case SampleSizeAnswer::Status::Unreachable:
        return target + ": " + w.say(QT_TRANSLATE_NOOP("Report", "not reached on the fitted curve — it levels off at %1 (80%: from %2 images, if at all)."),
                                    {L.fixed(ans.asymptote, 3), std::isfinite(ans.lo[1]) ? L.count(ans.lo[1]) : std::string("∞")});
    case SampleSizeAnswer::Status::NoAnswer:
        break;
    }
    return target + ": "
           + (a.model.falling ? w.say(QT_TRANSLATE_NOOP("Report", "no answer — the accuracy falls with more data over the measured sizes; there is "
                                                   "no learning curve to project."))
                              : w.say(QT_TRANSLATE_NOOP("Report", "no answer — every curve family misses the measured points at the largest sizes.")));
}

void learningCurveFigure(ReportWriter &w, const SufficiencyAnalysis &a, std::size_t runs)
{
    const ReportLanguage &L = w.language();
    PlotSpec plot;
    plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "training images (log scale)"));
    plot.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "test accuracy"));
    plot.logX = true;
    const double last = a.steps.back();
    auto band = [&](const std::vector<double> &lo, const std::vector<double> &hi, double opacity, const char *label) {
        if (lo.size() != a.curveN.size() || hi.size() != a.curveN.size())
            return;
        PlotSeries s;
        s.kind = PlotSeries::Kind::Band;
        s.name = L.translated(label);
        s.x = a.curveN;
        s.y = lo;
        s.high = hi;
        s.opacity = opacity;
        plot.series.push_back(s);
    };
    if (a.hasModel && a.model.hasCurve) {
        band(a.band.lo95, a.band.hi95, 0.16, QT_TRANSLATE_NOOP("Report", "95% band"));
        band(a.band.lo80, a.band.hi80, 0.22, QT_TRANSLATE_NOOP("Report", "80% band"));
        band(a.band.lo50, a.band.hi50, 0.3, QT_TRANSLATE_NOOP("Report", "50% band"));
        PlotSeries measured, projected;
        measured.name = L.translated(QT_TRANSLATE_NOOP("Report", "answer: measured, then projected"));
        projected.kind = PlotSeries::Kind::Dashed;
        projected.name = L.translated(QT_TRANSLATE_NOOP("Report", "projection (not measured)"));
        for (std::size_t i = 0; i < a.curveN.size() && i < a.curve.size(); ++i) {
            if (a.curveN[i] <= last) {
                measured.x.push_back(a.curveN[i]);
                measured.y.push_back(a.curve[i]);
            }
            if (a.curveN[i] >= last * (1 - 1e-9) || (i + 1 < a.curveN.size() && a.curveN[i + 1] > last)) {
                projected.x.push_back(a.curveN[i]);
                projected.y.push_back(a.curve[i]);
            }
        }
        plot.series.push_back(measured);
        plot.series.push_back(projected);
    }
    PlotSeries fitted, left;
    fitted.kind = left.kind = PlotSeries::Kind::Points;
    fitted.color = left.color = "#222222";
    left.hollow = true;
    fitted.name = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "mean ± std over %1 runs")), {std::to_string(runs)});
    left.name = L.translated(QT_TRANSLATE_NOOP("Report", "measured, left out of the fit"));
    for (std::size_t k = 0; k < a.steps.size(); ++k) {
        PlotSeries &to = a.hasModel && k < a.model.firstFitted ? left : fitted;
        to.x.push_back(a.steps[k]);
        to.y.push_back(a.mean[k]);
        to.error.push_back(k < a.stddev.size() ? a.stddev[k] : NAN);
    }
    plot.series.push_back(fitted);
    if (!left.x.empty())
        plot.series.push_back(left);
    for (double t : a.targets)
        plot.hLines.push_back({t, reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "target %1")), {L.fixed(t, 2)})});
    plot.yMax = 1;
    w.figure(plot, L.translated(QT_TRANSLATE_NOOP("Report", "Test accuracy against the number of training images. Dots: the mean over the runs at each "
                                     "measured size, bars ± one standard deviation; rings: measured sizes left out of the fit "
                                     "(fitting from them predicted the larger sizes worse). Solid line: the answer's curve "
                                     "through the measurements; dashed: its projection beyond them; shaded: the calibrated "
                                     "50%, 80% and 95% bands of the projection. Dashed red: the targets. Read the images "
                                     "needed where a target meets the curve and its bands.")));
}

} // namespace

void writeSufficiencyReport(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    const ReportLanguage &L = w.language();
    SufficiencyStudySetup setup;
    const SufficiencyResult result = sufficiencyResultFromStudy(session, study.id, &setup);
    const std::vector<double> &targets = w.options().targets;
    const std::string dataset = setup.dataset;
    w.raw("<h1>" + w.say(QT_TRANSLATE_NOOP("Report", "Data sufficiency: %1"), {name(w.options().title.empty() ? study.name : w.options().title)})
          + "</h1>\n");
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: how many training images does %1 need on %2 to reach a test accuracy of %3?"),
                      {name(setup.model), name(dataset), targetsText(targets, L)}),
                "question");
    writeStatus(w, study);

    const auto runsIt = result.perRun.find("accuracy");
    const std::size_t runs = runsIt == result.perRun.end() ? 0 : runsIt->second.size();
    SufficiencyAnalysis a;
    bool analysed = false;
    std::string why;
    if (runs == 0) {
        why = L.translated(QT_TRANSLATE_NOOP("Report", "No run of this study has finished: there is nothing measured to answer from."));
    } else {
        try {
            a = analyzeSufficiency(result, "accuracy", targets, 300, setup.study.seed, "calibrated");
            analysed = true;
        } catch (const Error &e) {
            why = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "No answer: %1")), {L.engineText(e.what())});
        }
    }
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Answer")));
    if (!analysed) {
        w.paragraph(escapeHtml(why), "answer");
    } else if (!a.hasModel) {
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No answer: the study has fewer than 3 distinct sizes.")), "answer");
    } else {
        std::string lastNext; // one next step for targets that share it
        for (const SampleSizeAnswer &ans : a.answers) {
            w.paragraph(answerSentence(w, a, ans), "answer");
            const std::string engine = nextStepText(a.model, ans);
            const std::string next = L.sufficiencyNextStep ? escapeHtml(L.sufficiencyNextStep(a, ans.target))
                                     : engine.empty()      ? std::string()
                                                           : w.say(QT_TRANSLATE_NOOP("Report", "Next step: %1"), {L.engineText(engine)});
            if (!next.empty() && next != lastNext)
                w.paragraph(next);
            lastNext = next;
        }
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "From %1 finished runs of %2 measured sizes (%3 to %4 images). The bands come from the "
                                       "spread of the runs, calibrated on %5 real learning curves: an 80% band holds the "
                                       "true answer in about 80% of such studies.")
                          , {std::to_string(runs), std::to_string(a.steps.size()), L.count(a.steps.front()),
                            L.count(a.steps.back()), std::to_string(a.model.calibration.curves)}));
    }
    if (analysed) {
        std::vector<std::string> warnings;
        if (L.sufficiencyWarnings)
            warnings = L.sufficiencyWarnings(a);
        else
            for (const CurveWarning &warning : a.warnings)
                warnings.push_back(L.engineText(warning.text));
        w.warnings(warnings);

        if (!w.options().forPrint) // in print the heading was left alone at the foot of page 1
            w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Learning curve")));
        learningCurveFigure(w, a, runs);

        const auto &perRun = runsIt->second;
        std::vector<std::vector<std::string>> rows;
        for (std::size_t k = 0; k < a.steps.size(); ++k) {
            double lo = INFINITY, hi = -INFINITY;
            for (const auto &run : perRun)
                if (k < run.size()) {
                    lo = std::min(lo, run[k]);
                    hi = std::max(hi, run[k]);
                }
            rows.push_back({L.count(a.steps[k]), L.fixed(a.mean[k], 4), L.fixed(a.stddev[k], 4), L.fixed(lo, 4), L.fixed(hi, 4),
                            a.hasModel && k < a.model.firstFitted ? L.translated(QT_TRANSLATE_NOOP("Report", "left out")) : L.translated(QT_TRANSLATE_NOOP("Report", "fitted"))});
        }
        w.table({L.translated(QT_TRANSLATE_NOOP("Report", "images")), L.translated(QT_TRANSLATE_NOOP("Report", "mean accuracy")), L.translated(QT_TRANSLATE_NOOP("Report", "std")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "lowest run")), L.translated(QT_TRANSLATE_NOOP("Report", "highest run")), L.translated(QT_TRANSLATE_NOOP("Report", "in the fit"))},
                rows,
                reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "Measured: test accuracy at each training set size over the %1 finished runs.")),
                          {std::to_string(runs)}),
                {true, true, true, true, true, false});
        if (a.hasModel && a.model.hasCurve) {
            std::vector<std::vector<std::string>> projected;
            for (double factor : {2.0, 4.0}) {
                const Projection p = projectAccuracy(a.model, a.steps.back() * factor);
                if (p.source != AnswerSource::Projected)
                    continue;
                projected.push_back({L.count(p.n), L.fixed(p.value, 4), L.fixed(p.lo[0], 3) + " – " + L.fixed(p.hi[0], 3),
                                     L.fixed(p.lo[1], 3) + " – " + L.fixed(p.hi[1], 3),
                                     L.fixed(p.lo[2], 3) + " – " + L.fixed(p.hi[2], 3)});
            }
            if (!projected.empty())
                w.table({L.translated(QT_TRANSLATE_NOOP("Report", "images")), L.translated(QT_TRANSLATE_NOOP("Report", "projected accuracy")), L.translated(QT_TRANSLATE_NOOP("Report", "50% band")),
                         L.translated(QT_TRANSLATE_NOOP("Report", "80% band")), L.translated(QT_TRANSLATE_NOOP("Report", "95% band"))},
                        projected,
                        L.translated(QT_TRANSLATE_NOOP("Report", "Projected, not measured: the accuracy the curve gives at twice and four times the "
                                          "largest measured size, with its calibrated bands.")),
                        {true, true, true, true, true});
        }
    }

    std::string sizes;
    for (std::size_t k = 0; k < result.steps.size(); ++k)
        sizes += (k ? ", " : "") + L.count(double(result.steps[k]));
    Rows settings = {
        {L.translated(QT_TRANSLATE_NOOP("Report", "Runs R")), std::to_string(setup.study.runs)},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Measured sizes")), sizes},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Mode")),
         setup.study.mode == "warm" ? L.translated(QT_TRANSLATE_NOOP("Report", "warm start: the weights carry over from one size to the next"))
                                    : L.translated(QT_TRANSLATE_NOOP("Report", "fresh: new weights at every size"))}};
    const Rows selection = dataSelectionRows(L, QT_TRANSLATE_NOOP("Report", "Training set size L"), setup.study.trainSize,
                                             setup.study.testSize, setup.study.limitMode, setup.study.seed);
    settings.insert(settings.begin(), selection.begin(), selection.end());
    writeProtocol(w, session, study, settings, &setup.spec, setup.model);
    writeReproduce(w, session, study);
}

} // namespace wb::core::report
