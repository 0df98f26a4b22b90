// The report of a variance study: how noisy is one setup (repeat run), and is B really better
// than A (compare) — the verdict by the design's test, with its interval and p-value.
#include "studyreports.h"

#include "wb/errors.h"
#include "wb/session.h"
#include "wb/trainconfig.h"
#include "wb/variancestudy.h"

#include <algorithm>
#include <cmath>

namespace wb::core::report {

void writeVarianceReport(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    const ReportLanguage &L = w.language();
    const VarianceStudyResult r = varianceResultFromStudy(session, study.id, "accuracy");
    const bool compare = r.setups.size() > 1;
    w.raw("<h1>" + w.say(compare ? QT_TRANSLATE_NOOP("Report", "A/B comparison: %1") : QT_TRANSLATE_NOOP("Report", "Variance: %1"),
                         {name(w.options().title.empty() ? study.name : w.options().title)})
          + "</h1>\n");
    if (compare)
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: is %1 really better than %2 on %3, or is the difference the noise "
                                                      "of training (seeds, batch order, initial weights)?"),
                          {name(r.setups[1].name), name(r.setups[0].name), name(r.setup.dataset)}),
                    "question");
    else
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: how much does the test accuracy of %1 on %2 vary from one "
                                                      "training to the next, and how large must a difference be to be real?"),
                          {name(r.setups[0].name), name(r.setup.dataset)}),
                    "question");
    writeStatus(w, study);

    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Answer")));
    auto percent = [&](double v) { return reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1%")), {L.fixed(100 * v, 2)}); };
    // Differences of accuracies are percentage points, not per cent of the accuracy.
    auto points = [&](double v) { return L.fixed(100 * v, 2); };
    if (compare) {
        for (std::size_t i = 1; i < r.setups.size(); ++i) {
            const auto &c = i < r.comparisons.size() ? r.comparisons[i] : std::nullopt;
            if (!c) {
                w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No verdict for %1 against %2: fewer than 2 repeats of both have "
                                                              "finished."),
                                  {name(r.setups[i].name), name(r.setups[0].name)}),
                            "answer");
                continue;
            }
            const bool real = std::isfinite(c->pValue) && c->pValue < 0.05;
            const char *verdict = real ? (c->difference > 0 ? QT_TRANSLATE_NOOP("Report", "%1 is better than %2 by %3 percentage points (95% interval %4 to %5): the difference is real at 95% (%6, p = %7).")
                                                            : QT_TRANSLATE_NOOP("Report", "%1 is worse than %2 by %3 percentage points (95% interval %4 to %5): the difference is real at 95% (%6, p = %7)."))
                                       : QT_TRANSLATE_NOOP("Report", "%1 and %2 are not distinguishable: %1 − %2 is %3 percentage points (95% interval %4 to %5; %6, p = %7).");
            const std::string test = c->paired ? L.translated(QT_TRANSLATE_NOOP("Report", "paired t-test, the repeats share seeds"))
                                               : L.translated(QT_TRANSLATE_NOOP("Report", "Welch's t-test, the repeats do not share seeds"));
            w.paragraph(w.say(verdict, {name(r.setups[i].name), name(r.setups[0].name),
                                        points(real ? std::abs(c->difference) : c->difference), // B − A, signed when no verdict
                                        points(c->low), points(c->high), test, L.significant(c->pValue, 2)}),
                        "answer");
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "With %1 repeats each, a difference of %2 percentage points is detected 80% of "
                                                          "the time; %3. As a check, the other test: %4, p = %5."),
                              {std::to_string(c->n), points(c->minDetectable),
                               c->runsNeeded ? reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "about %1 repeats each would "
                                                                                                  "detect the observed %2 points")),
                                                         {std::to_string(*c->runsNeeded), points(std::abs(c->detect))})
                                             : L.translated(QT_TRANSLATE_NOOP("Report", "no practical number of repeats detects a "
                                                                                        "difference this small")),
                               c->paired ? L.translated(QT_TRANSLATE_NOOP("Report", "Welch's t")) : L.translated(QT_TRANSLATE_NOOP("Report", "paired t")),
                               L.significant(c->paired ? c->welchPValue : c->pairedPValue, 2)}));
            const auto differences = configDifferences(r.setups[0].train, r.setups[i].train);
            const std::string model = r.setups[0].model != r.setups[i].model
                                          ? r.setups[0].model + " → " + r.setups[i].model + (differences.empty() ? "" : "; ")
                                          : std::string();
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "What %1 changes against %2: %3."),
                              {name(r.setups[i].name), name(r.setups[0].name),
                               model + (differences.empty() && model.empty() ? L.translated(QT_TRANSLATE_NOOP("Report", "nothing but its name"))
                                                                             : differencesText(differences))}));
        }
    } else {
        const auto it = r.setups[0].summary.find("accuracy");
        if (it == r.setups[0].summary.end() || it->second.n < 2) {
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No answer yet: fewer than 2 repeats have finished.")), "answer");
        } else {
            const MetricSummary &m = it->second;
            w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Over %1 repeats the test accuracy is %2 ± %3 (standard deviation); the "
                                                          "mean lies between %4 and %5 (95%). Two setups compared on %1 shared "
                                                          "seeds each need a difference well above the spread to tell apart."),
                              {std::to_string(m.n), percent(m.mean), percent(m.std), percent(m.ciLow), percent(m.ciHigh)}),
                        "answer");
        }
    }
    if (!r.message.empty())
        w.warnings({L.engineText(r.message)});

    // The repeats, one dot each, per setup.
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Repeats")));
    PlotSpec plot;
    plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "repeat (the same seed for every setup)"));
    plot.integerX = true;
    plot.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "test accuracy"));
    std::vector<std::vector<std::string>> rows;
    for (std::size_t s = 0; s < r.setups.size(); ++s) {
        PlotSeries dots, mean;
        dots.kind = PlotSeries::Kind::Points;
        mean.kind = PlotSeries::Kind::Dashed;
        dots.color = mean.color = seriesColor(s);
        dots.name = r.setups[s].name;
        for (const VarianceRun &run : r.setups[s].runs) {
            const auto m = run.metrics.find("accuracy");
            const double accuracy = m == run.metrics.end() ? NAN : m->second;
            dots.x.push_back(run.run + 1);
            dots.y.push_back(accuracy);
            rows.push_back({r.setups[s].name, std::to_string(run.run + 1), std::to_string(run.seed), L.fixed(accuracy, 4),
                            L.fixed(run.metrics.count("loss") ? run.metrics.at("loss") : NAN, 4), L.fixed(run.seconds, 1)});
        }
        if (const auto it = r.setups[s].summary.find("accuracy"); it != r.setups[s].summary.end() && !dots.x.empty()) {
            mean.x = {dots.x.front(), dots.x.back()};
            mean.y = {it->second.mean, it->second.mean};
            mean.name = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "mean of %1")), {r.setups[s].name});
        }
        plot.series.push_back(dots);
        plot.series.push_back(mean);
    }
    w.figure(plot, L.translated(compare ? QT_TRANSLATE_NOOP("Report", "Test accuracy of every repeat, one colour per setup; repeat k "
                                                                      "of every setup trained with the same seed (initial weights, "
                                                                      "batch order, dropout), so the setups' dots at one repeat are a "
                                                                      "pair. Dashed: each setup's mean.")
                                        : QT_TRANSLATE_NOOP("Report", "Test accuracy of every repeat (each with its own seed). "
                                                                      "Dashed: the mean.")));
    w.table({L.translated(QT_TRANSLATE_NOOP("Report", "setup")), L.translated(QT_TRANSLATE_NOOP("Report", "repeat")),
             L.translated(QT_TRANSLATE_NOOP("Report", "seed")), L.translated(QT_TRANSLATE_NOOP("Report", "test accuracy")),
             L.translated(QT_TRANSLATE_NOOP("Report", "test loss")), L.translated(QT_TRANSLATE_NOOP("Report", "seconds"))},
            rows, L.translated(QT_TRANSLATE_NOOP("Report", "Measured: every finished repeat.")),
            {false, true, true, true, true, true});

    const VarianceConfig &v = r.setup.variance;
    Rows settings = {{L.translated(QT_TRANSLATE_NOOP("Report", "Repeats per setup")), std::to_string(v.runs)},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Setups")), std::to_string(r.setups.size())}};
    const Rows selection = dataSelectionRows(L, QT_TRANSLATE_NOOP("Report", "Training set size L"), v.trainSize, v.testSize,
                                             v.limitMode, v.seed);
    settings.insert(settings.end(), selection.begin(), selection.end());
    std::string models;
    for (std::size_t s = 0; s < r.setups.size(); ++s)
        models += (s ? "; " : "") + r.setups[s].name + ": " + r.setups[s].model;
    writeProtocol(w, session, study, settings, r.setup.setups.empty() ? nullptr : &r.setup.setups[0].spec, models);
    writeReproduce(w, session, study);
}

} // namespace wb::core::report
