#include "plotexport.h"

#include "learningcurvedata.h"
#include "runactions.h"

#include "histogramchart.h"
#include "learningcurvechart.h"
#include "lrfinderchart.h"
#include "scalingviews.h"
#include "activeviews.h"
#include "varianceviews.h"
#include "wb/gridstudy.h"
#include "wb/sufficiencystudy.h"
#include "wb/lrfinder.h"
#include "wb/sufficiency.h"
#include "trainingchart.h"
#include "trainingpage.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"

#include <QLocale>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace wb::app {

namespace {
constexpr int kWidth = 1000, kHeight = 600;

template <typename Chart, typename Fill>
PlotItem item(QString name, Fill fill)
{
    return {std::move(name), [fill] {
                auto chart = std::make_unique<Chart>();
                fill(*chart);
                return std::unique_ptr<widgets::PlotWidget>(std::move(chart));
            }};
}

/// The page state saved with the session (gui.state), one page's object.
QJsonObject pageState(const core::Session &session, const char *page)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(session.value("gui.state")))
        .object()
        .value(QLatin1String(page))
        .toObject();
}
} // namespace

RenderedPlot renderPlot(const PlotItem &plotItem)
{
    const auto plot = plotItem.make();
    plot->resize(kWidth, kHeight);
    plot->replot();
    return {plot->toImage(kWidth, kHeight, 96), plot->csv()};
}

bool writeRenderedPlot(const RenderedPlot &plot, const QDir &dir, const QString &name, ExportReport &report,
                       QString *error)
{
    const QString png = dir.filePath(name + QStringLiteral(".png"));
    const QString csv = dir.filePath(name + QStringLiteral(".csv"));
    if (!widgets::PlotWidget::writePng(plot.image, png, error))
        return false;
    report.files << png;
    QSaveFile file(csv);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(plot.csv.toUtf8()) < 0 || !file.commit()) {
        *error = QObject::tr("Cannot write %1: %2").arg(csv, file.errorString());
        return false;
    }
    report.files << csv;
    return true;
}

std::shared_ptr<const core::DatasetPair> exportDataset(const core::Session &session, QStringList &warnings)
{
    const auto datasets = session.datasets();
    if (datasets.empty())
        return nullptr;
    try {
        std::vector<core::SkippedFile> skipped;
        return std::make_shared<const core::DatasetPair>(core::loadDataset(datasets.back().name, {}, skipped));
    } catch (const core::Error &e) {
        warnings << QObject::tr("No class histogram: %1").arg(QString::fromUtf8(e.what()));
        return nullptr;
    }
}

bool exportAllPlots(const core::Session &session, const QString &dir, const core::DatasetPair *data,
                    double smoothing, ExportReport &report, QString *error)
{
    const bool madeFolder = !QFileInfo::exists(dir);
    if (!QDir().mkpath(dir)) {
        *error = QObject::tr("Cannot create the folder %1.").arg(dir);
        return false;
    }
    const QDir out(dir);
    for (const PlotItem &plot : exportPlan(session, data, smoothing, report.warnings))
        if (!writeRenderedPlot(renderPlot(plot), out, plot.name, report, error)) {
            removeExported(report, dir, madeFolder); // a full disk leaves nothing half-written
            return false;
        }
    return true;
}

void removeExported(ExportReport &report, const QString &dir, bool madeFolder)
{
    for (const QString &file : std::as_const(report.files))
        QFile::remove(file);
    report.files.clear();
    if (madeFolder)
        QDir().rmdir(dir); // only when empty
}

std::vector<PlotItem> exportPlan(const core::Session &session, const core::DatasetPair *data, double smoothing,
                                 QStringList &warnings, const std::function<bool()> &stop)
{
    std::vector<PlotItem> plan;
    const auto stopped = [&] { return stop && stop(); };
    std::vector<std::int64_t> hidden;
    for (const auto &v : pageState(session, "training").value(QStringLiteral("hiddenRuns")).toArray())
        hidden.push_back(v.toInteger());
    const auto isHidden = [&](std::int64_t id) { return std::find(hidden.begin(), hidden.end(), id) != hidden.end(); };
    std::vector<core::RunRecord> runs;
    for (const auto &run : session.runs()) {
        if (isHidden(run.id))
            warnings << QObject::tr("Run %1 is hidden on the Training page: left out.").arg(run.id);
        else
            runs.push_back(run);
    }
    auto histories = std::make_shared<std::vector<core::History>>();
    for (const auto &run : runs)
        histories->push_back(session.history(run.id));
    using Metric = widgets::TrainingChart::Metric;
    for (Metric metric : {Metric::Loss, Metric::Accuracy}) {
        const QString suffix = metric == Metric::Loss ? QStringLiteral("loss") : QStringLiteral("accuracy");
        const auto make = [metric, smoothing, runs, histories](std::vector<std::size_t> which) {
            return [metric, smoothing, runs, histories, which] {
                auto c = std::make_unique<widgets::TrainingChart>(metric);
                c->setSmoothing(smoothing);
                for (std::size_t i : which)
                    setStoredRun(*c, runs[i], (*histories)[i]);
                return std::unique_ptr<widgets::PlotWidget>(std::move(c));
            };
        };
        std::vector<std::size_t> all(runs.size());
        for (std::size_t i = 0; i < runs.size(); ++i)
            all[i] = i;
        if (!runs.empty())
            plan.push_back({QStringLiteral("training-") + suffix, make(all)});
        for (std::size_t i = 0; i < runs.size(); ++i)
            plan.push_back({QStringLiteral("run-%1-%2").arg(runs[i].id).arg(suffix), make({i})});
    }
    if (session.runs().empty())
        warnings << QObject::tr("The session has no runs: no training plots.");

    for (const auto &test : session.results("lr-find")) {
        try {
            const core::LrFindResult r = core::lrFindResultFromJson(test.payloadJson);
            plan.push_back(item<widgets::LrFinderChart>(QStringLiteral("lr-find-%1").arg(test.id), [r](auto &chart) {
                const auto &s = r.suggestions;
                chart.setCurve(r.lr, r.loss, r.smoothed, r.lossMin, r.lossMax,
                               {{QStringLiteral("min_loss_half"), s.minLossHalf, {}},
                                {QStringLiteral("steepest"), s.steepest, {}},
                                {QStringLiteral("valley"), s.valley, {}}});
            }));
        } catch (const core::Error &e) {
            warnings << QObject::tr("LR test %1 cannot be plotted: %2").arg(test.id).arg(QString::fromUtf8(e.what()));
        }
    }
    // The Sufficiency page's family and target as saved with the session (defaults otherwise).
    const QJsonObject page = pageState(session, "sufficiency");
    QString family = page.value(QStringLiteral("family")).toString(QString::fromLatin1(kDefaultCurveFamily));
    const auto &choices = core::curveChoices();
    if (std::find(choices.begin(), choices.end(), family.toStdString()) == choices.end())
        family = QString::fromLatin1(kDefaultCurveFamily);
    double target = page.value(QStringLiteral("target")).toDouble(0.95);
    if (!(target >= 0.5 && target < 1))
        target = 0.95;
    for (const auto &study : session.studies()) {
        if (stopped())
            return plan;
        if (study.cellsDone == 0)
            continue;
        try {
            if (study.type == "sufficiency") {
                core::SufficiencyStudySetup setup;
                const core::SufficiencyResult result = core::sufficiencyResultFromStudy(session, study.id, &setup);
                const auto a = core::analyzeSufficiency(result, "accuracy", {target}, 300, setup.study.seed,
                                                        family.toStdString());
                const auto curve = learningCurveData(a, QStringLiteral("accuracy"));
                std::optional<TargetAnswer> answer; // the answer, its band and the next step, as on the page
                if (a.hasModel)
                    answer = targetAnswer(a, target);
                plan.push_back(item<widgets::LearningCurveChart>(
                    QStringLiteral("sufficiency-%1").arg(study.id), [curve, answer, target](auto &chart) {
                        chart.setData(curve);
                        if (answer)
                            chart.setTarget(target, answer->marker, answer->band, answer->nextStep);
                    }));
            } else if (study.type == "grid") {
                // The test-loss heatmap (with the law's contours when it holds), test accuracy,
                // both marginal plots and loss against compute.
                const core::GridStudyResult result = core::gridResultFromStudy(session, study.id);
                std::optional<core::ScalingLawFit> fit;
                try {
                    core::ScalingFitOptions options;
                    options.resamples = 0; // the contours need the point fit only
                    options.seed = result.setup.grid.seed;
                    fit = core::fitScalingLaw(core::gridScalingPoints(result.cells), options);
                } catch (const core::Error &) {
                    // too few cells for a law yet: the heatmap without contours
                }
                const QString name = QStringLiteral("scaling-%1-").arg(study.id);
                const auto loss = scalingHeatmap(result, QStringLiteral("test_loss"), fit ? &*fit : nullptr);
                const auto accuracy = scalingHeatmap(result, QStringLiteral("test_accuracy"));
                const auto byParams = scalingByParams(result, QStringLiteral("test_loss"));
                const auto bySamples = scalingBySamples(result, QStringLiteral("test_loss"));
                const auto compute = scalingCompute(result);
                plan.push_back(item<widgets::HeatmapChart>(name + QStringLiteral("test-loss"), [loss](auto &c) { c.setData(loss); }));
                plan.push_back(item<widgets::HeatmapChart>(name + QStringLiteral("test-accuracy"), [accuracy](auto &c) { c.setData(accuracy); }));
                plan.push_back(item<widgets::SeriesChart>(name + QStringLiteral("by-model-size"), [byParams](auto &c) { c.setData(byParams); }));
                plan.push_back(item<widgets::SeriesChart>(name + QStringLiteral("by-data-size"), [bySamples](auto &c) { c.setData(bySamples); }));
                plan.push_back(item<widgets::SeriesChart>(name + QStringLiteral("compute"), [compute](auto &c) { c.setData(compute); }));
            } else if (study.type == "active") {
                // Accuracy against labels, labels needed, class balance.
                const core::ActiveStudyResult result = core::activeResultFromStudy(session, study.id);
                const QString name = QStringLiteral("active-%1-").arg(study.id);
                const auto accuracy = activeAccuracyCurves(result);
                const auto needed = activeLabelsNeeded(result, activeLevels(result));
                const auto balance = activeClassBalance(result, activeClassNames(session, result.study));
                plan.push_back(item<widgets::BandChart>(name + QStringLiteral("accuracy"), [accuracy](auto &c) { c.setData(accuracy); }));
                plan.push_back(item<widgets::BandChart>(name + QStringLiteral("labels-needed"), [needed](auto &c) { c.setData(needed); }));
                plan.push_back(item<widgets::HeatmapChart>(name + QStringLiteral("class-balance"), [balance](auto &c) { c.setData(balance); }));
            } else if (study.type == "variance") {
                // The repeats of the accuracy, noise and bias against β, validation size.
                const core::VarianceStudyResult result = core::varianceResultFromStudy(session, study.id);
                const QString name = QStringLiteral("variance-%1-").arg(study.id);
                const auto repeats = varianceStrip(result, "accuracy");
                const auto noise = varianceBetaNoise(result);
                const auto bias = varianceBetaBias(result);
                const auto size = varianceValidationSize(result);
                plan.push_back(item<widgets::StripChart>(name + QStringLiteral("repeats"), [repeats](auto &c) { c.setData(repeats); }));
                plan.push_back(item<widgets::BandChart>(name + QStringLiteral("beta-noise"), [noise](auto &c) { c.setData(noise); }));
                plan.push_back(item<widgets::BandChart>(name + QStringLiteral("beta-bias"), [bias](auto &c) { c.setData(bias); }));
                plan.push_back(item<widgets::BandChart>(name + QStringLiteral("validation-size"), [size](auto &c) { c.setData(size); }));
            }
        } catch (const core::Error &e) {
            warnings << QObject::tr("Study %1 cannot be plotted: %2").arg(study.id).arg(QString::fromUtf8(e.what()));
        }
    }
    if (stopped())
        return plan;
    appendEvaluationPlots(session, hidden, plan, warnings);
    if (data && data->train.size() > 0) {
        QStringList classes;
        for (const auto &c : data->train.classNames)
            classes << QString::fromStdString(c);
        std::vector<std::int64_t> train(classes.size(), 0), test;
        for (auto l : data->train.labels)
            ++train[std::size_t(l)];
        if (data->test.size() > 0) {
            test.assign(classes.size(), 0);
            for (auto l : data->test.labels)
                ++test[std::size_t(l)];
        }
        plan.push_back(item<widgets::HistogramChart>(QStringLiteral("class-histogram"), [classes, train, test](auto &c) {
            c.setCounts(classes, train, test);
        }));
    } else {
        warnings << QObject::tr("No dataset available: no class histogram.");
    }
    return plan;
}

} // namespace wb::app
