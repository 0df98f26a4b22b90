#include "scalingpage.h"
#include "statusnames.h"

#include "datasetpage.h"
#include "formwidgets.h"
#include "heatmapchart.h"
#include "jobmanager.h"
#include "modelfamilypicker.h"
#include "scalingviews.h"
#include "serieschart.h"
#include "sessiondocument.h"
#include "slurmsettingsform.h"
#include "statustext.h"
#include "studycontrols.h"
#include "studyjobrunner.h"
#include "trainconfigform.h"
#include "trainingpage.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <QLocale>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace wb::app {

namespace {
QString compact(double v) { return scalingNumber(v); }

// Appended to an answer more than 10x outside the measured sizes.
QString farOutside()
{
    return QStringLiteral(" <span style='color:#b35900'>%1</span>")
        .arg(QCoreApplication::translate("wb::app::ScalingPage", "More than 10× outside the grid: a guess, not an answer."));
}
} // namespace

ScalingPage::ScalingPage(SessionDocument *document, JobManager *jobs, DatasetPage *data, TrainingPage *training,
                         QWidget *parent)
    : StudyPage(document, jobs, "grid",
                {tr("Run grid"), tr("Train every (width, data fraction, seed) cell; each cell is saved as it finishes."),
                 tr("Run the missing cells of the study shown; the cells already done are kept."),
                 tr("Dataset, optimizer, learning rate and batch size come from the Dataset and Training "
                    "pages (the published grid used AdamW, lr 0.001)."),
                 tr("cells"), tr("Running… the heatmap fills in as cells finish (progress in the Jobs panel).")},
                parent),
      m_data(data), m_training(training)
{
    auto *splitter = new QSplitter;
    splitter->addWidget(scrollableColumn(buildGridPane()));
    splitter->addWidget(scrollableColumn(buildResultsPane(), true));
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    updateWidthsPreview();
}

QWidget *ScalingPage::buildGridPane()
{
    m_model = new QComboBox;
    for (const char *preset : {"cnn", "mlp", "lenet5", "tutorial-cnn", "resnet18"})
        m_model->addItem(QString::fromLatin1(preset));
    m_model->setToolTip(tr("The preset whose width grows: cnn's first channel count, mlp's hidden units, resnet18's "
                           "base channels, lenet5's and tutorial-cnn's first convolution (the rest scaled with it)."));
    m_baseWidth = makeSpinBox(1, 4096, 6);
    m_widthSteps = makeSpinBox(1, 20, 8);
    m_fractionSteps = makeSpinBox(1, 20, 10);
    m_seeds = makeSpinBox(1, 100, 1);
    m_epochs = makeSpinBox(1, 1000, 1);
    m_trainSize = makeSpinBox(0, 10000000, 0, tr("all"));
    m_testSize = makeSpinBox(0, 10000000, 0, tr("all"));
    m_budget = new QComboBox;
    m_budget->addItem(tr("equal steps"), QStringLiteral("steps"));
    m_budget->addItem(tr("equal epochs"), QStringLiteral("epochs"));
    m_budget->setToolTip(tr("Equal steps: every cell takes as many optimisation steps as the full-data cell, so that "
                            "small subsets are not also under-trained (the cleaner law). Equal epochs: the same "
                            "passes over each cell's own images (cheaper)."));
    m_preview = new QLabel;
    m_preview->setWordWrap(true);
    m_family = new ModelFamilyPicker([this](std::array<int, 3> &input, int &classes) {
        const auto data = m_data->data();
        if (!data)
            return false;
        input = {data->train.channels, data->train.height, data->train.width};
        classes = std::max(2, data->train.classCount());
        return true;
    });
    connect(m_family, &ModelFamilyPicker::changed, this, [this] {
        for (QWidget *w : std::initializer_list<QWidget *>{m_model, m_baseWidth, m_widthSteps})
            w->setEnabled(!m_family->active());
        updateWidthsPreview();
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_model);
    form->addRow(QString(), m_family);
    form->addRow(tr("Base width:"), m_baseWidth);
    form->addRow(tr("Widths (×√2 steps):"), m_widthSteps);
    form->addRow(tr("Data fractions (halvings):"), m_fractionSteps);
    form->addRow(m_preview);
    form->addRow(tr("Seeds per cell:"), m_seeds);
    form->addRow(tr("Budget:"), m_budget);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Training images:"), m_trainSize);
    form->addRow(tr("Test images:"), m_testSize);
    for (QSpinBox *s : {m_baseWidth, m_widthSteps, m_fractionSteps, m_trainSize})
        connect(s, &QSpinBox::valueChanged, this, &ScalingPage::updateWidthsPreview);
    auto *left = new QWidget;
    addControls(left, tr("Grid"), form, tr("<b>Stored grid studies</b>"))->addStretch();
    return left;
}

QWidget *ScalingPage::buildResultsPane()
{
    m_metric = new QComboBox;
    for (const ScalingMetric &m : scalingMetrics())
        m_metric->addItem(QCoreApplication::translate("ScalingViews", m.title), QString::fromLatin1(m.key));
    connect(m_metric, &QComboBox::activated, this, &ScalingPage::showViews);
    m_heatmap = new widgets::HeatmapChart;
    m_heatmap->setEmptyHint(tr("No grid study yet: choose the widths and data fractions on the left and press Run grid."));
    m_heatmap->setExportName(QStringLiteral("scaling-heatmap"));
    m_byParams = new widgets::SeriesChart;
    m_byParams->setExportName(QStringLiteral("scaling-by-model-size"));
    m_bySamples = new widgets::SeriesChart;
    m_bySamples->setExportName(QStringLiteral("scaling-by-data-size"));
    m_compute = new widgets::SeriesChart;
    for (widgets::PlotWidget *chart : std::initializer_list<widgets::PlotWidget *>{m_byParams, m_bySamples, m_compute})
        chart->setEmptyHint(m_heatmap->emptyHint());
    m_compute->setExportName(QStringLiteral("scaling-compute"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_heatmap, tr("Heatmap"));
    m_tabs->addTab(m_byParams, tr("By model size"));
    m_tabs->addTab(m_bySamples, tr("By data size"));
    m_tabs->addTab(m_compute, tr("Loss vs compute"));
    m_fitLabel = new QLabel(tr("No grid study yet: set the grid on the left and press Run grid."));
    m_fitLabel->setWordWrap(true);
    m_fitLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *metricRow = new QHBoxLayout;
    metricRow->addWidget(new QLabel(tr("Metric:")));
    metricRow->addWidget(m_metric, 1);
    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    layout->addLayout(metricRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_fitLabel);
    return right;
}

void ScalingPage::updateWidthsPreview()
{
    QString text;
    try {
        QStringList widths, fractions;
        if (m_family && m_family->active())
            for (std::size_t i = 0; i < m_family->specs().size(); ++i)
                widths << QString::number(i + 1);
        else
            for (int w : core::gridWidths(m_baseWidth->value(), m_widthSteps->value()))
                widths << QString::number(w);
        for (double f : core::gridFractions(m_fractionSteps->value()))
            fractions << (f == 1 ? QStringLiteral("1") : QStringLiteral("1/%1").arg(qlonglong(std::llround(1 / f))));
        text = tr("Widths %1; fractions %2.").arg(widths.join(QStringLiteral(", ")), fractions.join(QStringLiteral(", ")));
    } catch (const core::Error &e) {
        text = errorText(QString::fromUtf8(e.what()));
    }
    m_preview->setText(text);
}

void ScalingPage::setGrid(const QString &model, int baseWidth, int widthSteps, int fractionSteps, int seeds,
                          const QString &budget, int epochs, int trainSize, int testSize)
{
    m_model->setCurrentText(model);
    m_baseWidth->setValue(baseWidth);
    m_widthSteps->setValue(widthSteps);
    m_fractionSteps->setValue(fractionSteps);
    m_seeds->setValue(seeds);
    m_budget->setCurrentIndex(std::max(0, m_budget->findData(budget)));
    m_epochs->setValue(epochs);
    m_trainSize->setValue(trainSize);
    m_testSize->setValue(testSize);
}

void ScalingPage::setMetric(const QString &metric)
{
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(metric)));
    showViews();
}

bool ScalingPage::startStudy(QString *error)
{
    if (m_controls->runner->isRunning()) {
        *error = tr("A grid study is already running.");
        return false;
    }
    if (const QString blocker = m_training->notReadyReason(); !blocker.isEmpty()) {
        *error = blocker;
        return false;
    }
    const auto data = m_data->data();
    core::GridStudySetup setup;
    try {
        setup.grid.widths = core::gridWidths(m_baseWidth->value(), m_widthSteps->value());
        setup.grid.fractions = core::gridFractions(m_fractionSteps->value());
        setup.grid.seeds = m_seeds->value();
        setup.grid.budget = m_budget->currentData().toString().toStdString();
        setup.grid.trainSize = m_trainSize->value();
        setup.grid.testSize = m_testSize->value();
        setup.grid.seed = m_data->dataConfig().seed;
        setup.train = m_training->configForm()->config();
        setup.train.epochs = m_epochs->value();
        setup.model = m_model->currentText().toStdString();
        if (m_family->active()) { // the user's family: widths are positions in it
            setup.modelFiles = m_family->specs();
            setup.model = m_family->names().toStdString();
            setup.grid.widths.clear();
            for (std::size_t i = 0; i < setup.modelFiles.size(); ++i)
                setup.grid.widths.push_back(int(i) + 1);
        }
        setup.dataset = m_data->datasetName().toStdString();
        setup.image = m_data->imageOptions();
        core::validate(setup.grid);
        core::validate(setup.train);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    const int cells = int(setup.grid.widths.size() * setup.grid.fractions.size()) * setup.grid.seeds;
    return launchStudy([&](core::Session &session) { return core::createGridStudy(session, setup, *data); },
                       tr("Scaling grid (%1 cells)").arg(cells), [setup, data] { return core::gridPlan(setup, *data); },
                       setup.grid.workers, error);
}

std::int64_t ScalingPage::shownStudy() const { return m_hasStudy ? m_result.study.id : 0; }

void ScalingPage::showStudyError(const QString &message) { m_fitLabel->setText(errorText(message)); }

void ScalingPage::showStudy(std::int64_t id)
{
    if (!m_document->isOpen())
        return;
    m_hasStudy = false;
    try {
        if (id == 0)
            id = StudyJobRunner::latestStudy(m_document->session(), "grid");
        if (id == 0) {
            m_fitLabel->setText(tr("No grid study yet: set the grid on the left and press Run grid."));
            m_controls->resume->setEnabled(false);
            return;
        }
        m_result = core::gridResultFromStudy(m_document->session(), id);
    } catch (const core::Error &e) {
        m_fitLabel->setText(errorText(QString::fromUtf8(e.what())));
        return;
    }
    m_controls->shown(id, m_result.study.status);
    m_hasStudy = true;
    m_hasFit = false;
    showViews();
    fit();
}

// The heatmap, the two marginal plots and the compute plot of the metric chosen.
void ScalingPage::showViews()
{
    if (!m_hasStudy)
        return;
    const QString metric = m_metric->currentData().toString();
    m_heatmap->setData(scalingHeatmap(m_result, metric, m_hasFit ? &m_fit : nullptr));
    m_byParams->setData(scalingByParams(m_result, metric));
    m_bySamples->setData(scalingBySamples(m_result, metric));
    m_compute->setData(scalingCompute(m_result));
}

// The law's fit (5,400 L-BFGS starts and 100 bootstrap refits: seconds) runs on a pool
// thread; only the newest request is shown.
void ScalingPage::fit()
{
    const auto points = core::gridScalingPoints(m_result.cells);
    const int generation = ++m_fitGeneration;
    std::set<double> n, d;
    for (const auto &p : points) {
        n.insert(p.params);
        d.insert(p.samples);
    }
    const QString status = tr("Study %1: %2, %3 of %4 cells.")
                               .arg(m_result.study.id)
                               .arg(studyStatusText(m_result.study.status))
                               .arg(m_result.study.cellsDone)
                               .arg(m_result.study.cellCount);
    if (n.size() < 3 || d.size() < 3 || points.size() < 6) {
        m_fitLabel->setText(status + QStringLiteral("<br>")
                            + tr("The scaling law needs at least 3 model sizes × 3 data sizes (6 cells) with a "
                                 "finite test loss; it is fitted once they have finished."));
        m_shownFitGeneration = generation;
        Q_EMIT fitShown();
        return;
    }
    m_fitLabel->setText(status + QStringLiteral("<br>") + tr("Fitting the scaling law…"));
    auto *watcher = new QFutureWatcher<std::pair<core::ScalingLawFit, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const auto [result, error] = watcher->result();
        if (generation == m_fitGeneration)
            showFit(result, error, generation);
    });
    watcher->setFuture(QtConcurrent::run([points, seed = m_result.setup.grid.seed] {
        core::ScalingFitOptions options;
        options.resamples = 100;
        options.seed = seed;
        try {
            return std::pair{core::fitScalingLaw(points, options), QString()};
        } catch (const core::Error &e) {
            return std::pair{core::ScalingLawFit{}, QString::fromUtf8(e.what())};
        }
    }));
}

void ScalingPage::showFit(const core::ScalingLawFit &fit, const QString &error, int generation)
{
    m_shownFitGeneration = generation;
    const QString status = tr("Study %1: %2, %3 of %4 cells.")
                               .arg(m_result.study.id)
                               .arg(studyStatusText(m_result.study.status))
                               .arg(m_result.study.cellsDone)
                               .arg(m_result.study.cellCount);
    if (!error.isEmpty()) {
        m_fitLabel->setText(status + QStringLiteral("<br>") + errorText(error));
        Q_EMIT fitShown();
        return;
    }
    m_fit = fit;
    m_hasFit = true;
    const core::ScalingLaw &law = fit.law;
    auto ci = [](double v, const core::Interval &i) {
        return QStringLiteral("%1 [%2, %3]").arg(compact(v), compact(i.low), compact(i.high));
    };
    QString html = status + QStringLiteral("<br><b>")
                   + tr("L(N, D) = E + A/N<sup>α</sup> + B/D<sup>β</sup></b> on %1 cells: E %2, A %3, B %4, α %5, β %6 "
                        "(95% bootstrap intervals)")
                         .arg(fit.cells)
                         .arg(ci(law.E, fit.E), ci(law.A, fit.A), ci(law.B, fit.B), ci(law.alpha, fit.alpha),
                              ci(law.beta, fit.beta));
    auto heldOut = [this](double e) {
        return std::isfinite(e) ? tr("%1% off").arg(QLocale().toString(100 * e, 'f', 1)) : tr("not measured (too few cells)");
    };
    html += QStringLiteral("<br>")
            + tr("Median miss of the cells %1%; held out: the largest model predicted %2, the largest data size %3.")
                  .arg(QLocale().toString(100 * (std::exp(fit.medianAbsLogResidual) - 1), 'f', 1))
                  .arg(heldOut(fit.heldOutParamsError), heldOut(fit.heldOutSamplesError));
    // The answers: the largest cell with twice the data or twice the parameters, the model
    // size beyond which doubling gains < 1% at the largest data size, the compute-optimal
    // split at the largest cell's compute.
    double n = 0, d = 0, flops = 0;
    for (const auto &p : core::gridScalingPoints(m_result.cells))
        if (p.params * p.samples >= n * d) {
            n = p.params;
            d = p.samples;
            flops = p.forwardFlops;
        }
    auto predict = [&](double pn, double pd) {
        const core::Interval band = core::scalingPredictionInterval(fit, pn, pd);
        return tr("%1 [%2, %3]").arg(compact(core::scalingLoss(law, pn, pd)), compact(band.low), compact(band.high));
    };
    // The largest cell as measured (its seeds' mean) and as the law fits it: two numbers, each named.
    double measured = 0;
    int seeds = 0;
    for (const auto &p : core::gridScalingPoints(m_result.cells))
        if (p.params == n && p.samples == d && std::isfinite(p.loss)) {
            measured += p.loss;
            ++seeds;
        }
    const QString largest = seeds ? compact(measured / seeds) : tr("not measured");
    if (!core::scalingFitTrusted(fit)) {
        // No projections from a law that misses its own cells: they read as answers (2× data
        // "predicted" 0.0003 beside "the law does not describe these cells").
        html += QStringLiteral("<br>")
                + tr("No predictions: the law does not describe these cells well enough (see the warnings). The "
                     "largest cell measured %1; the cells' own numbers are in the views below.")
                      .arg(largest);
    } else {
        html += QStringLiteral("<br>")
                + tr("Predicted test loss: 2× data %1; 2× parameters %2 (the largest cell: measured %3, the law's "
                     "fit %4).")
                      .arg(predict(n, 2 * d), predict(2 * n, d),
                           largest, compact(core::scalingLoss(law, n, d)));
        if (law.alpha > 0 && law.A > 0) {
            const double sat = core::saturationParams(law, d, 0.01);
            if (sat > 0 && std::isfinite(sat))
                html += QStringLiteral("<br>")
                        + tr("At %1 images, doubling a model beyond %2 parameters gains less than 1% (%3× the largest "
                             "model measured).")
                              .arg(qlonglong(d))
                              .arg(compact(sat))
                              .arg(compact(sat / n))
                        + (sat / n > 10 ? farOutside() : QString());
        }
        if (law.alpha > 0 && law.beta > 0 && law.A > 0 && law.B > 0 && flops > 0) {
            const core::ComputeOptimum opt = core::computeOptimal(law, 3 * flops * d, fit.flopsPerParamSample);
            html += QStringLiteral("<br>")
                    + tr("Compute-optimal at the largest cell's one-pass compute (%1 FLOPs): %2 parameters on %3 "
                         "images, loss %4.")
                          .arg(compact(opt.compute), compact(opt.params), compact(opt.samples), compact(opt.loss))
                    + (std::max({opt.params / n, opt.samples / d, n / opt.params, d / opt.samples}) > 10 ? farOutside()
                                                                                                       : QString());
        }
    }
    for (const auto &w : fit.warnings)
        html += QStringLiteral("<br><span style='color:#b35900'>⚠ %1</span>")
                    .arg(QString::fromStdString(w.text).toHtmlEscaped());
    m_fitLabel->setText(html);
    showViews(); // the contours (or why there are none)
    Q_EMIT fitShown();
}

QString ScalingPage::fitText() const { return m_fitLabel->text(); }

bool ScalingPage::waitForFit(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (m_shownFitGeneration != m_fitGeneration && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return m_shownFitGeneration == m_fitGeneration;
}

QJsonObject ScalingPage::saveState() const
{
    return {{QStringLiteral("model"), m_model->currentText()},
            {QStringLiteral("baseWidth"), m_baseWidth->value()},
            {QStringLiteral("widthSteps"), m_widthSteps->value()},
            {QStringLiteral("fractionSteps"), m_fractionSteps->value()},
            {QStringLiteral("seeds"), m_seeds->value()},
            {QStringLiteral("budget"), m_budget->currentData().toString()},
            {QStringLiteral("epochs"), m_epochs->value()},
            {QStringLiteral("trainSize"), m_trainSize->value()},
            {QStringLiteral("testSize"), m_testSize->value()},
            {QStringLiteral("runOn"), m_slurm->saveState()},
            {QStringLiteral("study"), qint64(m_controls->selected())},
            {QStringLiteral("metric"), m_metric->currentData().toString()},
            {QStringLiteral("tab"), m_tabs->currentIndex()}};
}

void ScalingPage::restoreState(const QJsonObject &s)
{
    reloadStudies();
    if (!s.isEmpty()) {
        setGrid(s.value(QStringLiteral("model")).toString(QStringLiteral("cnn")),
                s.value(QStringLiteral("baseWidth")).toInt(6), s.value(QStringLiteral("widthSteps")).toInt(8),
                s.value(QStringLiteral("fractionSteps")).toInt(10), s.value(QStringLiteral("seeds")).toInt(1),
                s.value(QStringLiteral("budget")).toString(QStringLiteral("steps")),
                s.value(QStringLiteral("epochs")).toInt(1), s.value(QStringLiteral("trainSize")).toInt(0),
                s.value(QStringLiteral("testSize")).toInt(0));
        m_slurm->restoreState(s.value(QStringLiteral("runOn")).toObject());
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(s.value(QStringLiteral("metric")).toString())));
        m_tabs->setCurrentIndex(std::clamp(s.value(QStringLiteral("tab")).toInt(0), 0, m_tabs->count() - 1));
    }
    showStudy(s.value(QStringLiteral("study")).toInteger(0));
}

} // namespace wb::app
