// File → Export All Plots: the stored evaluation of every run, drawn as the Evaluation page
// draws it.
#include "plotexport.h"

#include "confusionmatrixview.h"
#include "embeddingview.h"
#include "histogramchart.h"
#include "rejectchart.h"
#include "reliabilitychart.h"
#include "wb/errors.h"
#include "wb/evaluation.h"

#include <QDir>
#include <QObject>

namespace wb::app {

bool exportEvaluations(const core::Session &session, const QDir &out, ExportReport &report, QString *error)
{
    for (const auto &run : session.runs()) {
        std::optional<core::Evaluation> e;
        QStringList classes;
        try {
            e = core::storedEvaluation(session, run.id);
            if (!e)
                continue;
            for (const auto &c : session.dataset(run.datasetId).classNames)
                classes << QString::fromStdString(c);
        } catch (const core::Error &err) {
            report.warnings << QObject::tr("The evaluation of run %1 cannot be plotted: %2")
                                   .arg(run.id)
                                   .arg(QString::fromUtf8(err.what()));
            continue;
        }
        const QString id = QString::number(run.id);
        widgets::ConfusionMatrixView confusion;
        confusion.setMatrix(e->metrics.confusion, classes);
        widgets::HistogramChart perClass;
        perClass.setValues(classes, e->metrics.perClassAccuracy, QObject::tr("accuracy"), 1.0);
        widgets::RejectChart reject(widgets::RejectChart::View::ErrorsVsThreshold);
        widgets::RejectChart rejectRate(widgets::RejectChart::View::RateVsRejected);
        for (auto *chart : {&reject, &rejectRate})
            chart->setCurve(e->reject.threshold, e->reject.errors, e->reject.rejected, e->reject.errorRate);
        widgets::ReliabilityChart calibration;
        const auto &c = e->calibrated;
        calibration.setBins(c.binLow, c.binHigh, c.accuracy, c.meanConfidence, c.count, c.ece);
        if (!writePlot(confusion, out, QStringLiteral("confusion-") + id, report, error)
            || !writePlot(perClass, out, QStringLiteral("per-class-") + id, report, error)
            || !writePlot(reject, out, QStringLiteral("reject-") + id, report, error)
            || !writePlot(rejectRate, out, QStringLiteral("reject-rate-") + id, report, error)
            || !writePlot(calibration, out, QStringLiteral("calibration-") + id, report, error))
            return false;
        const auto points = core::storedTsnePoints(session, run.id, e->epoch, e->labels.size());
        if (points.empty())
            continue;
        widgets::EmbeddingView tsne;
        tsne.setEmbedding(points, e->labels, e->predicted, classes);
        if (!writePlot(tsne, out, QStringLiteral("tsne-") + id, report, error))
            return false;
    }
    return true;
}

} // namespace wb::app
