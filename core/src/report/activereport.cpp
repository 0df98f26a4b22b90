// The report of an active-learning study: which way of choosing the images to label reaches an
// accuracy with the fewest labels — against picking at random, with the trials that never
// reached it counted (censored), not dropped.
#include "studyreports.h"

#include "wb/activestudy.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <algorithm>
#include <cmath>

namespace wb::core::report {

namespace {

const LabelsNeeded *neededAt(const ActiveStrategyResult &s, double level)
{
    for (const LabelsNeeded &n : s.needed)
        if (std::abs(n.level - level) < 1e-9)
            return &n;
    return nullptr;
}

} // namespace

void writeActiveReport(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    const ReportLanguage &L = w.language();
    // Labels needed at levels the curves cross: steps of 0.05 (0.02 over a narrow range) from the
    // lowest median to the highest; the defaults (0.90 … 1.00) when nothing was measured.
    const ActiveStudyResult first = activeResultFromStudy(session, study.id);
    double lowest = INFINITY, highest = -INFINITY;
    for (const ActiveStrategyResult &s : first.strategies)
        for (double m : s.median)
            if (std::isfinite(m)) {
                lowest = std::min(lowest, m);
                highest = std::max(highest, m);
            }
    std::vector<double> levels;
    if (highest > lowest) {
        const double step = highest - lowest > 0.2 ? 0.05 : 0.02;
        for (double level = std::ceil(lowest / step - 1e-9) * step; level <= highest + 1e-9; level += step)
            levels.push_back(std::round(level * 100) / 100);
    }
    const ActiveStudyResult r = levels.empty() ? first : activeResultFromStudy(session, study.id, levels);
    const ActiveConfig &c = r.setup.active;
    std::string strategies;
    for (std::size_t i = 0; i < c.strategies.size(); ++i)
        strategies += (i ? ", " : "") + c.strategies[i];
    w.raw("<h1>" + w.say(QT_TRANSLATE_NOOP("Report", "Active learning: %1"), {name(w.options().title.empty() ? study.name : w.options().title)})
          + "</h1>\n");
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: which way of choosing the next images to label (%1) lets %2 on %3 "
                                                  "reach an accuracy with the fewest labels — and how many does it save against "
                                                  "labelling images picked at random (uniform)?"),
                      {strategies, name(r.setup.model), name(r.setup.dataset)}),
                "question");
    writeStatus(w, study);

    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Answer")));
    const ActiveStrategyResult *uniform = nullptr;
    for (const ActiveStrategyResult &s : r.strategies)
        if (s.name == "uniform" && !s.trials.empty())
            uniform = &s;
    bool answered = false;
    // The highest level the random pick reaches (median over its trials, censored): the savings there.
    if (uniform) {
        for (auto level = r.levels.rbegin(); level != r.levels.rend(); ++level) {
            const LabelsNeeded *base = neededAt(*uniform, *level);
            if (!base || !base->median)
                continue;
            for (const ActiveStrategyResult &s : r.strategies) {
                if (&s == uniform || s.trials.empty())
                    continue;
                const LabelsNeeded *n = neededAt(s, *level);
                if (!n)
                    continue;
                if (n->median)
                    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "To reach %1 test accuracy, %2 needed %3 labels and uniform "
                                                                  "%4 (medians over %5 and %6 trials): %7 of the labels %8."),
                                      {L.fixed(*level, 2), s.name, L.count(*n->median), L.count(*base->median), std::to_string(n->trials),
                                       std::to_string(base->trials),
                                       reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1%")),
                                                 {L.fixed(100 * std::abs(1 - *n->median / *base->median), 0)}),
                                       *n->median <= *base->median ? L.translated(QT_TRANSLATE_NOOP("Report", "saved"))
                                                                   : L.translated(QT_TRANSLATE_NOOP("Report", "more"))}),
                                "answer");
                else
                    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "To reach %1 test accuracy, uniform needed %2 labels; %3 did "
                                                                  "not reach it within %4 labels in half or more of its trials (%5 "
                                                                  "of %6 did)."),
                                      {L.fixed(*level, 2), L.count(*base->median), s.name, L.count(double(r.labels.back())),
                                       std::to_string(n->reached), std::to_string(n->trials)}),
                                "answer");
                answered = true;
            }
            if (answered) {
                w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "That is the highest accuracy level the random pick reaches; every "
                                                              "level is in the table below. A trial that never reached a level "
                                                              "counts as beyond every budget (censored), so a median exists only "
                                                              "when at least half of the trials reached it.")));
                break;
            }
        }
    }
    if (!answered)
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No comparison in labels needed: it needs the random pick (uniform) and "
                                                      "another strategy, both reaching one accuracy level (from %1 to %2) in half "
                                                      "of their trials. The curves and the tables show what was measured."),
                          {L.fixed(r.levels.empty() ? NAN : r.levels.front(), 2), L.fixed(r.levels.empty() ? NAN : r.levels.back(), 2)}),
                    "answer");
    if (!r.baseline.empty()) {
        double sum = 0;
        for (const ActiveBaselineRun &b : r.baseline)
            sum += b.accuracy;
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "For scale: trained on all %1 pool images with their labels, the network "
                                                      "reaches %2 (mean of %3 seeds)."),
                          {L.count(double(r.baseline.front().samples)), L.fixed(sum / double(r.baseline.size()), 3),
                           std::to_string(r.baseline.size())}));
    }
    if (!r.message.empty())
        w.warnings({L.engineText(r.message)});

    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Accuracy against labels")));
    PlotSpec plot;
    plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "labelled images"));
    plot.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "test accuracy"));
    std::vector<double> labels(r.labels.begin(), r.labels.end());
    for (std::size_t i = 0; i < r.strategies.size(); ++i) {
        const ActiveStrategyResult &s = r.strategies[i];
        if (s.trials.empty())
            continue;
        PlotSeries band, line;
        band.kind = PlotSeries::Kind::Band;
        band.color = line.color = seriesColor(i);
        band.opacity = 0.18;
        band.x = line.x = labels;
        band.y = s.q25;
        band.high = s.q75;
        line.y = s.median;
        line.name = reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1 (median of %2 trials)")), {s.name, std::to_string(s.trials.size())});
        plot.series.push_back(band);
        plot.series.push_back(line);
    }
    if (!r.baseline.empty()) {
        double sum = 0;
        for (const ActiveBaselineRun &b : r.baseline)
            sum += b.accuracy;
        plot.hLines.push_back({sum / double(r.baseline.size()), L.translated(QT_TRANSLATE_NOOP("Report", "all pool images labelled"))});
    }
    w.figure(plot, L.translated(QT_TRANSLATE_NOOP("Report", "Test accuracy against the number of labelled images, one line per "
                                                            "strategy: the median over its trials, shaded from the 25th to the "
                                                            "75th percentile. Every round trains the same number of steps for "
                                                            "every strategy. Dashed red: the network trained on every pool image.")));

    std::vector<std::string> header = {L.translated(QT_TRANSLATE_NOOP("Report", "accuracy level"))};
    for (const ActiveStrategyResult &s : r.strategies)
        header.push_back(s.name);
    std::vector<std::vector<std::string>> rows;
    for (double level : r.levels) {
        std::vector<std::string> row = {L.fixed(level, 2)};
        bool any = false;
        for (const ActiveStrategyResult &s : r.strategies) {
            const LabelsNeeded *n = neededAt(s, level);
            if (!n || n->trials == 0) {
                row.push_back("–");
                continue;
            }
            any = any || n->reached > 0;
            row.push_back((n->median ? L.count(*n->median) : "> " + L.count(double(r.labels.back()))) + " ("
                          + std::to_string(n->reached) + "/" + std::to_string(n->trials) + ")");
        }
        if (any)
            rows.push_back(row);
    }
    if (!rows.empty())
        w.table(header, rows,
                L.translated(QT_TRANSLATE_NOOP("Report", "Labels needed to reach each accuracy level: the median over the trials, "
                                                         "with the trials that reached it in brackets; \"> N\": half or more never "
                                                         "did within the budget.")),
                std::vector<bool>(header.size(), true));
    std::vector<std::vector<std::string>> summary;
    for (const ActiveStrategyResult &s : r.strategies) {
        if (s.trials.empty())
            continue;
        double seconds = 0;
        for (const ActiveTrial &t : s.trials)
            seconds += t.seconds;
        summary.push_back({s.name, std::to_string(s.trials.size()),
                           L.fixed(s.median.back(), 3) + " [" + L.fixed(s.q25.back(), 3) + ", " + L.fixed(s.q75.back(), 3) + "]",
                           L.fixed(s.aulc, 3), L.fixed(seconds / double(s.trials.size()), 1)});
    }
    w.table({L.translated(QT_TRANSLATE_NOOP("Report", "strategy")), L.translated(QT_TRANSLATE_NOOP("Report", "trials")),
             reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "accuracy at %1 labels (median [25%, 75%])")),
                       {L.count(double(r.labels.back()))}),
             L.translated(QT_TRANSLATE_NOOP("Report", "area under the curve")),
             L.translated(QT_TRANSLATE_NOOP("Report", "seconds per trial"))},
            summary, L.translated(QT_TRANSLATE_NOOP("Report", "Measured: each strategy at the last round, and the area under its "
                                                              "median curve over the label range (higher: better sooner).")),
            {false, true, true, true, true});

    Rows settings = {
        {L.translated(QT_TRANSLATE_NOOP("Report", "Strategies")), strategies},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Labels at the start, per round, at most")),
         L.count(double(c.initial)) + ", " + L.count(double(c.budget)) + ", " + L.count(double(c.maxLabels))},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Trials")), std::to_string(c.trials)},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Steps per round")), L.count(double(c.stepsPerRound))},
        {L.translated(QT_TRANSLATE_NOOP("Report", "Full-data seeds")), std::to_string(c.baselineSeeds)}};
    const Rows selection = dataSelectionRows(L, QT_TRANSLATE_NOOP("Report", "Pool images"), c.poolSize, c.testSize, c.limitMode, c.seed);
    settings.insert(settings.end(), selection.begin(), selection.end());
    writeProtocol(w, session, study, settings, &r.setup.spec, r.setup.model);
    writeReproduce(w, session, study);
}

} // namespace wb::core::report
