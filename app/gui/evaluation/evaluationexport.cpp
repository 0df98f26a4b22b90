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

#include <QObject>

#include <algorithm>
#include <array>
#include <memory>

namespace wb::app {

void appendEvaluationPlots(const core::Session &session, const std::vector<std::int64_t> &hidden,
                           std::vector<PlotItem> &plan, QStringList &warnings)
{
    for (const auto &run : session.runs()) {
        if (std::find(hidden.begin(), hidden.end(), run.id) != hidden.end())
            continue;
        std::optional<core::Evaluation> stored;
        QStringList classes;
        std::vector<double> points;
        try {
            stored = core::storedEvaluation(session, run.id);
            if (!stored)
                continue;
            for (const auto &c : session.dataset(run.datasetId).classNames)
                classes << QString::fromStdString(c);
            points = core::storedTsnePoints(session, run.id, stored->epoch, stored->labels.size());
        } catch (const core::Error &err) {
            warnings << QObject::tr("The evaluation of run %1 cannot be plotted: %2")
                            .arg(run.id)
                            .arg(QString::fromUtf8(err.what()));
            continue;
        }
        const auto e = std::make_shared<const core::Evaluation>(std::move(*stored));
        const QString id = QString::number(run.id);
        const auto chart = [](auto fill) {
            return [fill] {
                auto c = fill();
                return std::unique_ptr<widgets::PlotWidget>(std::move(c));
            };
        };
        plan.push_back({QStringLiteral("confusion-") + id, chart([e, classes] {
                            auto c = std::make_unique<widgets::ConfusionMatrixView>();
                            c->setMatrix(e->metrics.confusion, classes);
                            return c;
                        })});
        plan.push_back({QStringLiteral("per-class-") + id, chart([e, classes] {
                            auto c = std::make_unique<widgets::HistogramChart>();
                            c->setValues(classes, e->metrics.perClassAccuracy, QObject::tr("accuracy"), 1.0);
                            return c;
                        })});
        for (const auto view : {widgets::RejectChart::View::ErrorsVsThreshold, widgets::RejectChart::View::RateVsRejected})
            plan.push_back({(view == widgets::RejectChart::View::ErrorsVsThreshold ? QStringLiteral("reject-")
                                                                                   : QStringLiteral("reject-rate-"))
                                + id,
                            chart([e, view] {
                                auto c = std::make_unique<widgets::RejectChart>(view);
                                c->setCurve(e->reject.threshold, e->reject.errors, e->reject.rejected, e->reject.errorRate);
                                return c;
                            })});
        plan.push_back({QStringLiteral("calibration-") + id, chart([e] {
                            auto c = std::make_unique<widgets::ReliabilityChart>();
                            const auto &b = e->calibrated;
                            c->setBins(b.binLow, b.binHigh, b.accuracy, b.meanConfidence, b.count, b.ece);
                            return c;
                        })});
        if (points.empty())
            continue;
        plan.push_back({QStringLiteral("tsne-") + id, chart([e, classes, points] {
                            auto c = std::make_unique<widgets::EmbeddingView>();
                            c->setEmbedding(points, e->labels, e->predicted, classes);
                            return c;
                        })});
    }
}

} // namespace wb::app
