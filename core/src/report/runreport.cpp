// The report of one training run: how it trained (curves per epoch), how well it does (final
// metrics), where it fails (the stored evaluation: confusion, per class, reject, calibration)
// and its t-SNE map when one is stored.
#include "studyreports.h"

#include "wb/errors.h"
#include "wb/evaluation.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace wb::core::report {

namespace {

const char *runStatusSource(RunStatus s)
{
    switch (s) {
    case RunStatus::Created: return QT_TRANSLATE_NOOP("Report", "created, not trained");
    case RunStatus::Running: return QT_TRANSLATE_NOOP("Report", "running");
    case RunStatus::Completed: return QT_TRANSLATE_NOOP("Report", "completed");
    case RunStatus::Cancelled: return QT_TRANSLATE_NOOP("Report", "cancelled");
    case RunStatus::Diverged: return QT_TRANSLATE_NOOP("Report", "diverged");
    case RunStatus::Failed: return QT_TRANSLATE_NOOP("Report", "failed");
    case RunStatus::Interrupted: return QT_TRANSLATE_NOOP("Report", "interrupted");
    }
    return "";
}

Rows jsonRows(const std::string &text, const ReportLanguage &L)
{
    Rows rows;
    try {
        const auto object = nlohmann::json::parse(text);
        if (object.is_object())
            for (const auto &[key, value] : object.items())
                rows.push_back({key, value.is_number_float() ? L.significant(value.get<double>(), 4)
                                     : value.is_string()     ? value.get<std::string>()
                                                             : value.dump()});
    } catch (const nlohmann::json::exception &) {
        rows.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Configuration")), L.translated(QT_TRANSLATE_NOOP("Report", "damaged in the session"))});
    }
    return rows;
}

} // namespace

void writeRunReport(ReportWriter &w, const Session &session, std::int64_t runId)
{
    const ReportLanguage &L = w.language();
    const RunRecord run = session.run(runId);
    const History history = session.history(runId);
    std::vector<std::string> classNames;
    std::string dataset = "?";
    if (run.datasetId > 0) {
        const DatasetRecord d = session.dataset(run.datasetId);
        classNames = d.classNames;
        dataset = d.name;
    }
    w.raw("<h1>" + w.say(QT_TRANSLATE_NOOP("Report", "Training run: %1"),
                         {name(w.options().title.empty() ? "#" + std::to_string(run.id) + " " + run.name : w.options().title)})
          + "</h1>\n");
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Question: how well does this network, trained on %1, classify the test "
                                                  "images — and where does it fail?"),
                      {name(dataset)}),
                "question");
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Answer")));
    if (std::isfinite(run.testAccuracy))
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Test accuracy %1 (loss %2, smoothed accuracy %3) after %4 epochs; the run is "
                                                      "%5."),
                          {L.fixed(run.testAccuracy, 4), L.fixed(run.testLoss, 4), L.fixed(run.testSmoothedAccuracy, 4),
                           std::to_string(run.epochsDone), L.translated(runStatusSource(run.status))}),
                    "answer");
    else
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Not tested: the run is %1 after %2 epochs."),
                          {L.translated(runStatusSource(run.status)), std::to_string(run.epochsDone)}),
                    "answer");
    if (!run.message.empty())
        w.warnings({L.engineText(run.message)});

    if (!history.epochs.empty()) {
        w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Training")));
        for (bool loss : {true, false}) {
            PlotSpec plot;
            plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "epoch"));
            plot.yLabel = loss ? L.translated(QT_TRANSLATE_NOOP("Report", "loss")) : L.translated(QT_TRANSLATE_NOOP("Report", "accuracy"));
            plot.integerX = true;
            plot.height = 260;
            PlotSeries train, val, trainDots, valDots;
            train.name = L.translated(QT_TRANSLATE_NOOP("Report", "training (mean over the epoch)"));
            val.name = L.translated(QT_TRANSLATE_NOOP("Report", "validation (after the epoch)"));
            val.color = valDots.color = "#ff7f0e";
            trainDots.kind = valDots.kind = PlotSeries::Kind::Points;
            for (const EpochRecord &e : history.epochs) {
                for (PlotSeries *s : {&train, &trainDots}) {
                    s->x.push_back(e.epoch);
                    s->y.push_back(loss ? e.trainLoss : e.trainAccuracy);
                }
                for (PlotSeries *s : {&val, &valDots}) {
                    s->x.push_back(e.epoch);
                    s->y.push_back(loss ? e.valLoss : e.valAccuracy);
                }
            }
            plot.series = {train, trainDots, val, valDots};
            w.figure(plot, loss ? L.translated(QT_TRANSLATE_NOOP("Report", "Loss per epoch: on the training images (the mean over the "
                                                                           "epoch's batches) and on the validation images after "
                                                                           "the epoch. Validation loss rising while training loss "
                                                                           "falls: the network starts to overfit."))
                                : L.translated(QT_TRANSLATE_NOOP("Report", "Accuracy per epoch, on the training and the validation "
                                                                           "images.")));
        }
        std::vector<std::vector<std::string>> rows;
        for (const EpochRecord &e : history.epochs)
            rows.push_back({std::to_string(e.epoch), L.fixed(e.trainLoss, 4), L.fixed(e.trainAccuracy, 4), L.fixed(e.valLoss, 4),
                            L.fixed(e.valAccuracy, 4), L.significant(e.lr, 3), L.fixed(e.seconds, 1)});
        w.table({L.translated(QT_TRANSLATE_NOOP("Report", "epoch")), L.translated(QT_TRANSLATE_NOOP("Report", "training loss")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "training accuracy")), L.translated(QT_TRANSLATE_NOOP("Report", "validation loss")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "validation accuracy")), "lr", L.translated(QT_TRANSLATE_NOOP("Report", "seconds"))},
                rows, L.translated(QT_TRANSLATE_NOOP("Report", "Measured: every epoch of the run.")),
                std::vector<bool>(7, true));
    }

    const std::optional<Evaluation> evaluation = storedEvaluation(session, runId);
    if (evaluation) {
        const Evaluation &e = *evaluation;
        auto className = [&](std::size_t k) { return k < classNames.size() ? classNames[k] : std::to_string(k); };
        w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Where it fails: the stored evaluation")));
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Evaluated after epoch %1 on %2 test images: accuracy %3, loss %4; expected "
                                                      "calibration error %5 (how far its confidence is from its accuracy)."),
                          {std::to_string(e.epoch), L.count(double(e.metrics.count)), L.fixed(e.metrics.accuracy, 4),
                           L.fixed(e.metrics.loss, 4), L.fixed(e.calibrated.ece, 4)}));
        std::vector<std::vector<std::string>> perClass;
        for (std::size_t k = 0; k < e.metrics.perClassAccuracy.size(); ++k) {
            std::int64_t images = 0;
            if (k < e.metrics.confusion.size())
                for (std::int64_t n : e.metrics.confusion[k])
                    images += n;
            perClass.push_back({className(k), L.count(double(images)), L.fixed(e.metrics.perClassAccuracy[k], 4)});
        }
        w.table({L.translated(QT_TRANSLATE_NOOP("Report", "class")), L.translated(QT_TRANSLATE_NOOP("Report", "test images")),
                 L.translated(QT_TRANSLATE_NOOP("Report", "accuracy"))},
                perClass, L.translated(QT_TRANSLATE_NOOP("Report", "Accuracy per class.")), {false, true, true});
        if (e.metrics.confusion.size() <= 20) {
            std::vector<std::string> header = {L.translated(QT_TRANSLATE_NOOP("Report", "true \\ predicted"))};
            for (std::size_t k = 0; k < e.metrics.confusion.size(); ++k)
                header.push_back(className(k));
            std::vector<std::vector<std::string>> rows;
            for (std::size_t t = 0; t < e.metrics.confusion.size(); ++t) {
                std::vector<std::string> row = {className(t)};
                for (std::int64_t n : e.metrics.confusion[t])
                    row.push_back(L.count(double(n)));
                rows.push_back(row);
            }
            std::vector<bool> numeric(header.size(), true);
            numeric[0] = false;
            w.table(header, rows, L.translated(QT_TRANSLATE_NOOP("Report", "Confusion matrix: rows are the true classes, columns "
                                                                           "the predicted ones; off the diagonal, the mistakes.")),
                    numeric);
        }
        if (!e.confused.empty()) {
            std::vector<std::vector<std::string>> rows;
            for (const ConfusedPair &p : e.confused)
                rows.push_back({className(std::size_t(p.truth)), className(std::size_t(p.predicted)), L.count(double(p.count))});
            w.table({L.translated(QT_TRANSLATE_NOOP("Report", "true class")), L.translated(QT_TRANSLATE_NOOP("Report", "taken for")),
                     L.translated(QT_TRANSLATE_NOOP("Report", "images"))},
                    rows, L.translated(QT_TRANSLATE_NOOP("Report", "The most frequent mistakes.")), {false, false, true});
        }
        if (!e.reject.threshold.empty()) {
            PlotSpec plot;
            plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "share of test images rejected (least confident first)"));
            plot.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "error rate of the accepted images"));
            plot.height = 260;
            PlotSeries curve;
            const double n = double(e.metrics.count);
            for (std::size_t i = 0; i < e.reject.threshold.size(); ++i)
                if (std::isfinite(e.reject.errorRate[i]) && n > 0) {
                    curve.x.push_back(double(e.reject.rejected[i]) / n);
                    curve.y.push_back(e.reject.errorRate[i]);
                }
            plot.series = {curve};
            w.figure(plot, L.translated(QT_TRANSLATE_NOOP("Report", "Reject curve: the error rate on the images the network is "
                                                                    "most confident about, as more and more of the least "
                                                                    "confident ones are set aside (for a person to check).")));
        }
        {
            PlotSpec plot;
            plot.xLabel = L.translated(QT_TRANSLATE_NOOP("Report", "confidence (mean in each bin)"));
            plot.yLabel = L.translated(QT_TRANSLATE_NOOP("Report", "accuracy in the bin"));
            plot.height = 260;
            plot.yMin = 0;
            plot.yMax = 1;
            PlotSeries diagonal, bins;
            diagonal.kind = PlotSeries::Kind::Dashed;
            diagonal.color = "#999999";
            diagonal.name = L.translated(QT_TRANSLATE_NOOP("Report", "perfectly calibrated"));
            diagonal.x = {0, 1};
            diagonal.y = {0, 1};
            bins.kind = PlotSeries::Kind::Points;
            bins.name = L.translated(QT_TRANSLATE_NOOP("Report", "confidence bins with images"));
            for (std::size_t b = 0; b < e.calibrated.accuracy.size(); ++b)
                if (e.calibrated.count[b] > 0 && std::isfinite(e.calibrated.accuracy[b])) {
                    bins.x.push_back(e.calibrated.meanConfidence[b]);
                    bins.y.push_back(e.calibrated.accuracy[b]);
                }
            plot.series = {diagonal, bins};
            w.figure(plot, L.translated(QT_TRANSLATE_NOOP("Report", "Calibration: in each confidence bin, the accuracy against "
                                                                    "the mean confidence. Below the diagonal: overconfident.")));
        }
        // The t-SNE map of the evaluated images, when one is stored (coloured by true class).
        const std::vector<double> tsne = storedTsnePoints(session, runId, e.epoch, e.labels.size());
        if (tsne.size() == 2 * e.labels.size() && !tsne.empty()) {
            PlotSpec plot;
            plot.xLabel = "t-SNE 1";
            plot.yLabel = "t-SNE 2";
            plot.height = 420;
            std::vector<PlotSeries> byClass(std::max<std::size_t>(1, classNames.size()));
            for (std::size_t k = 0; k < byClass.size(); ++k) {
                byClass[k].kind = PlotSeries::Kind::Points;
                byClass[k].color = seriesColor(k);
                byClass[k].name = className(k);
            }
            for (std::size_t i = 0; i < e.labels.size(); ++i) {
                const std::size_t k = std::min<std::size_t>(std::size_t(std::max<std::int64_t>(0, e.labels[i])), byClass.size() - 1);
                byClass[k].x.push_back(tsne[2 * i]);
                byClass[k].y.push_back(tsne[2 * i + 1]);
            }
            plot.series = byClass;
            w.figure(plot, L.translated(QT_TRANSLATE_NOOP("Report", "t-SNE map of the test images' features, coloured by their "
                                                                    "true class: classes the network separates form islands; "
                                                                    "mixed islands are the classes it confuses.")));
        }
    } else {
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "No stored evaluation: evaluate the run (Evaluation page, or %1) to add its "
                                                      "confusion matrix, per-class accuracy, reject and calibration curves here."),
                          {"workbench-cli evaluate --session " + (w.options().session.empty() ? std::string("S") : w.options().session)
                           + " --run " + std::to_string(runId)}));
    }

    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Protocol")));
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Run")));
    w.keyValues({{L.translated(QT_TRANSLATE_NOOP("Report", "Run")), "#" + std::to_string(run.id) + " " + run.name},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Status")), L.translated(runStatusSource(run.status))},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Created")), run.created},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Finished")), run.finished.empty() ? "–" : run.finished},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Computing time")),
                  reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1 s of training on %2")), {L.fixed(run.trainSeconds, 1), run.device})}});
    writeDataset(w, session, run.datasetId);
    std::optional<ModelSpec> spec;
    std::string model = "#" + std::to_string(run.architectureId);
    if (run.architectureId > 0) {
        const ArchitectureRecord a = session.architecture(run.architectureId);
        model = a.name;
        try {
            spec = parseModelSpec(a.specJson, "the run's architecture");
        } catch (const Error &) {
        }
    }
    writeModel(w, spec ? &*spec : nullptr, model);
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Training settings")));
    w.keyValues(jsonRows(run.configJson, L));
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Data settings")));
    w.keyValues(jsonRows(run.dataJson, L));
    writeSoftware(w);
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "How to reproduce")));
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "The run is a pure function of the settings above: with the same dataset, "
                                                  "network and settings (the seed included), %1 trains it again to the same "
                                                  "numbers on the same kind of CPU; %2 prints them as JSON."),
                      {"workbench-cli train", "workbench-cli show --session " + (w.options().session.empty() ? std::string("S") : w.options().session)
                                                  + " --run " + std::to_string(runId) + " --json"}));
}

} // namespace wb::core::report
