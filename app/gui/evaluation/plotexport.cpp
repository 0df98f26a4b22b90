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
#include "wb/errors.h"

#include <QLocale>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

#include <cmath>

#include <QDir>

namespace wb::app {

namespace {
constexpr int kWidth = 1000, kHeight = 600;
} // namespace

bool writePlot(widgets::PlotWidget &plot, const QDir &dir, const QString &name, ExportReport &report,
               QString *error)
{
    plot.resize(kWidth, kHeight);
    plot.replot();
    const QString png = dir.filePath(name + QStringLiteral(".png"));
    const QString csv = dir.filePath(name + QStringLiteral(".csv"));
    if (!plot.exportPng(png, kWidth, kHeight, 96, error) || !plot.exportCsv(csv, error))
        return false;
    report.files << png << csv;
    return true;
}

bool exportAllPlots(const core::Session &session, const QString &dir, const core::DatasetPair *data,
                    double smoothing, ExportReport &report, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QObject::tr("Cannot create the folder %1.").arg(dir);
        return false;
    }
    const QDir out(dir);
    const auto runs = session.runs();
    std::vector<core::History> histories;
    for (const auto &run : runs)
        histories.push_back(session.history(run.id));
    using Metric = widgets::TrainingChart::Metric;
    for (Metric metric : {Metric::Loss, Metric::Accuracy}) {
        const QString suffix = metric == Metric::Loss ? QStringLiteral("loss") : QStringLiteral("accuracy");
        widgets::TrainingChart all(metric);
        all.setSmoothing(smoothing);
        for (std::size_t i = 0; i < runs.size(); ++i)
            setStoredRun(all, runs[i], histories[i]);
        if (!runs.empty() && !writePlot(all, out, QStringLiteral("training-") + suffix, report, error))
            return false;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const auto &run = runs[i];
            widgets::TrainingChart one(metric);
            one.setSmoothing(smoothing);
            setStoredRun(one, run, histories[i]);
            if (!writePlot(one, out, QStringLiteral("run-%1-%2").arg(run.id).arg(suffix), report, error))
                return false;
        }
    }
    if (runs.empty())
        report.warnings << QObject::tr("The session has no runs: no training plots.");
    for (const auto &test : session.results("lr-find")) {
        try {
            const core::LrFindResult r = core::lrFindResultFromJson(test.payloadJson);
            widgets::LrFinderChart chart;
            const auto &s = r.suggestions;
            chart.setCurve(r.lr, r.loss, r.smoothed, r.lossMin, r.lossMax,
                           {{QStringLiteral("min_loss_half"), s.minLossHalf, {}},
                            {QStringLiteral("steepest"), s.steepest, {}},
                            {QStringLiteral("valley"), s.valley, {}}});
            if (!writePlot(chart, out, QStringLiteral("lr-find-%1").arg(test.id), report, error))
                return false;
        } catch (const core::Error &e) {
            report.warnings << QObject::tr("LR test %1 cannot be plotted: %2").arg(test.id).arg(QString::fromUtf8(e.what()));
        }
    }
    // The Sufficiency page's family and target as saved with the session (defaults otherwise).
    const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(session.value("gui.state")))
                                 .object()
                                 .value(QStringLiteral("sufficiency"))
                                 .toObject();
    QString family = page.value(QStringLiteral("family")).toString(QString::fromLatin1(kDefaultCurveFamily));
    const auto &choices = core::curveChoices();
    if (std::find(choices.begin(), choices.end(), family.toStdString()) == choices.end())
        family = QString::fromLatin1(kDefaultCurveFamily);
    double target = page.value(QStringLiteral("target")).toDouble(0.95);
    if (!(target >= 0.5 && target < 1))
        target = 0.95;
    for (const auto &study : session.studies()) {
        if (study.type != "sufficiency" || study.cellsDone == 0)
            continue;
        try {
            core::SufficiencyStudySetup setup;
            const core::SufficiencyResult result = core::sufficiencyResultFromStudy(session, study.id, &setup);
            const auto a = core::analyzeSufficiency(result, "accuracy", {target}, 300, setup.study.seed,
                                                    family.toStdString());
            widgets::LearningCurveChart chart;
            chart.setData(learningCurveData(a, QStringLiteral("accuracy")));
            if (a.hasModel) { // the answer, its band and the next step go into the file, as on the page
                const TargetAnswer answer = targetAnswer(a, target);
                chart.setTarget(target, answer.marker, answer.band, answer.nextStep);
            }
            if (!writePlot(chart, out, QStringLiteral("sufficiency-%1").arg(study.id), report, error))
                return false;
        } catch (const core::Error &e) {
            report.warnings << QObject::tr("Study %1 cannot be plotted: %2").arg(study.id).arg(QString::fromUtf8(e.what()));
        }
    }
    // Grid studies: the test-loss heatmap (with the law's contours when it holds), test
    // accuracy, both marginal plots and loss against compute.
    for (const auto &study : session.studies()) {
        if (study.type != "grid" || study.cellsDone == 0)
            continue;
        try {
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
            widgets::HeatmapChart loss, accuracy;
            loss.setData(scalingHeatmap(result, QStringLiteral("test_loss"), fit ? &*fit : nullptr));
            accuracy.setData(scalingHeatmap(result, QStringLiteral("test_accuracy")));
            widgets::SeriesChart byParams, bySamples, compute;
            byParams.setData(scalingByParams(result, QStringLiteral("test_loss")));
            bySamples.setData(scalingBySamples(result, QStringLiteral("test_loss")));
            compute.setData(scalingCompute(result));
            if (!writePlot(loss, out, name + QStringLiteral("test-loss"), report, error)
                || !writePlot(accuracy, out, name + QStringLiteral("test-accuracy"), report, error)
                || !writePlot(byParams, out, name + QStringLiteral("by-model-size"), report, error)
                || !writePlot(bySamples, out, name + QStringLiteral("by-data-size"), report, error)
                || !writePlot(compute, out, name + QStringLiteral("compute"), report, error))
                return false;
        } catch (const core::Error &e) {
            report.warnings << QObject::tr("Grid study %1 cannot be plotted: %2").arg(study.id).arg(QString::fromUtf8(e.what()));
        }
    }
    // Active-learning studies: accuracy against labels, labels needed, class balance.
    for (const auto &study : session.studies()) {
        if (study.type != "active" || study.cellsDone == 0)
            continue;
        try {
            const core::ActiveStudyResult result = core::activeResultFromStudy(session, study.id);
            const QStringList classes = activeClassNames(session, result.study);
            const QString name = QStringLiteral("active-%1-").arg(study.id);
            widgets::BandChart accuracy, needed;
            accuracy.setData(activeAccuracyCurves(result));
            needed.setData(activeLabelsNeeded(result, activeLevels(result)));
            widgets::HeatmapChart balance;
            balance.setData(activeClassBalance(result, classes));
            if (!writePlot(accuracy, out, name + QStringLiteral("accuracy"), report, error)
                || !writePlot(needed, out, name + QStringLiteral("labels-needed"), report, error)
                || !writePlot(balance, out, name + QStringLiteral("class-balance"), report, error))
                return false;
        } catch (const core::Error &e) {
            report.warnings << QObject::tr("Active-learning study %1 cannot be plotted: %2").arg(study.id).arg(QString::fromUtf8(e.what()));
        }
    }
    // Variance studies: the repeats of the accuracy, noise and bias against β, validation size.
    for (const auto &study : session.studies()) {
        if (study.type != "variance" || study.cellsDone == 0)
            continue;
        try {
            const core::VarianceStudyResult result = core::varianceResultFromStudy(session, study.id);
            const QString name = QStringLiteral("variance-%1-").arg(study.id);
            widgets::StripChart repeats;
            repeats.setData(varianceStrip(result, "accuracy"));
            widgets::BandChart noise, bias, size;
            noise.setData(varianceBetaNoise(result));
            bias.setData(varianceBetaBias(result));
            size.setData(varianceValidationSize(result));
            if (!writePlot(repeats, out, name + QStringLiteral("repeats"), report, error)
                || !writePlot(noise, out, name + QStringLiteral("beta-noise"), report, error)
                || !writePlot(bias, out, name + QStringLiteral("beta-bias"), report, error)
                || !writePlot(size, out, name + QStringLiteral("validation-size"), report, error))
                return false;
        } catch (const core::Error &e) {
            report.warnings << QObject::tr("Variance study %1 cannot be plotted: %2").arg(study.id).arg(QString::fromUtf8(e.what()));
        }
    }
    if (!exportEvaluations(session, out, report, error))
        return false;
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
        widgets::HistogramChart histogram;
        histogram.setCounts(classes, train, test);
        if (!writePlot(histogram, out, QStringLiteral("class-histogram"), report, error))
            return false;
    } else {
        report.warnings << QObject::tr("No dataset available: no class histogram.");
    }
    return true;
}

} // namespace wb::app
