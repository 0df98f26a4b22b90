#include "evaluationpage.h"
#include "wb/activeloop.h"
#include "wb/dataconfig.h"
#include "runactions.h"
#include "statustext.h"
#include "embeddingpanel.h"
#include "tsnesettingsform.h"

#include "confusionmatrixview.h"
#include "datasetpage.h"
#include "embeddingview.h"
#include "histogramchart.h"
#include "imagegrid.h"
#include "jobmanager.h"
#include "rejectchart.h"
#include "reliabilitychart.h"
#include "sessiondocument.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>


#include <cmath>
#include <functional>

namespace wb::app {

EvaluationPage::EvaluationPage(SessionDocument *document, JobManager *jobs, DatasetPage *data, QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs), m_dataPage(data)
{
    QLayout *top = buildTopRow(); // first: the tabs report into its status label
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildConfusionTab(), tr("Confusion"));
    m_tabs->addTab(buildRejectTab(), tr("Reject option and calibration"));
    m_tabs->addTab(buildEmbeddingTab(), tr("Features (t-SNE / PCA)"));
    m_hint = new QLabel(tr("Choose a run and press <b>Evaluate</b>: its checkpoint is run on the run's test set."));
    m_hint->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_tabs, 1);
    m_tabs->hide(); // nothing to show before the first evaluation
    connect(this, &EvaluationPage::evaluated, this, [this](bool ok) {
        if (ok)
            showTabs();
    });
    connect(m_dataPage, &DatasetPage::dataChanged, this, &EvaluationPage::adoptLoadedData);
}

// Run, epoch, β, Evaluate, matrix mode and the status line.
QLayout *EvaluationPage::buildTopRow()
{
    m_runs = new QComboBox;
    m_runs->setMinimumWidth(260);
    m_epoch = new QSpinBox;
    m_epoch->setRange(0, 100000);
    m_epoch->setSpecialValueText(tr("last epoch"));
    m_epoch->setPrefix(tr("epoch "));
    m_beta = new QDoubleSpinBox;
    m_beta->setRange(0.1, 50);
    m_beta->setValue(3);
    m_beta->setPrefix(tr("β = "));
    m_beta->setToolTip(tr("Smoothed accuracy: mean softmax(β·logits) probability of the true class"));
    m_evaluate = new QPushButton(tr("Evaluate"));
    m_evaluate->setToolTip(tr("Run the chosen run's checkpoint on its test images: metrics, confusion, reject and "
                              "calibration curves, and the features for t-SNE (stored in the session)"));
    m_mode = new QComboBox;
    m_mode->addItem(tr("counts"));
    m_mode->addItem(tr("row-normalised (recall)"));
    m_mode->addItem(tr("column-normalised (precision)"));
    m_status = new QLabel;
    m_status->setWordWrap(true); // a long message wraps; it must not widen the page past the window
    m_status->setMinimumWidth(160);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run:")));
    top->addWidget(m_runs);
    top->addWidget(m_epoch);
    top->addWidget(m_beta);
    top->addWidget(m_evaluate);
    top->addSpacing(20);
    top->addWidget(new QLabel(tr("Matrix:")));
    top->addWidget(m_mode);
    top->addWidget(m_status, 1);

    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        QString error;
        if (!evaluate(m_runs->currentData().toLongLong(), m_epoch->value(), &error))
            m_status->setText(errorText(error));
    });
    // Choosing a run shows its last stored evaluation at once (Evaluate computes it again).
    connect(m_runs, &QComboBox::activated, this, [this] {
        if (!m_job)
            showStored(m_runs->currentData().toLongLong());
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_confusion->setMode(widgets::ConfusionMatrixView::Mode(i));
    });
    return top;
}

// The matrix, metrics, per-class bars, most confused pairs and the gallery.
QWidget *EvaluationPage::buildConfusionTab()
{
    m_confusion = new widgets::ConfusionMatrixView;
    m_confusion->setMinimumSize(420, 380);
    m_metrics = new QLabel;
    m_metrics->setWordWrap(true);
    m_metrics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_perClass = new widgets::HistogramChart;
    m_perClass->setExportName(QStringLiteral("per-class-accuracy"));
    m_perClass->setMinimumHeight(180);
    m_confused = new QListWidget;
    auto *topLosses = new QPushButton(tr("Top losses"));
    m_galleryTitle = new QLabel(tr("Click a cell of the matrix or a confused pair to see its images."));
    m_gallery = new widgets::ImageGrid;
    m_gallery->setCellSize(56);
    auto *galleryScroll = new QScrollArea;
    galleryScroll->setWidgetResizable(true);
    galleryScroll->setWidget(m_gallery);
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_metrics);
    sideLayout->addWidget(m_perClass);
    sideLayout->addWidget(new QLabel(tr("<b>Most confused</b> (true → predicted)")));
    sideLayout->addWidget(m_confused);
    auto *galleryRow = new QHBoxLayout;
    galleryRow->addWidget(m_galleryTitle, 1);
    galleryRow->addWidget(topLosses);
    auto *confusionTab = new QWidget;
    auto *grid = new QGridLayout(confusionTab);
    auto *split = new QSplitter;
    split->addWidget(m_confusion);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    grid->addWidget(split, 0, 0);
    grid->addLayout(galleryRow, 1, 0);
    grid->addWidget(galleryScroll, 2, 0);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(2, 2);

    connect(m_confusion, &widgets::ConfusionMatrixView::cellClicked, this, &EvaluationPage::showCell);
    connect(m_confused, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        showCell(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(topLosses, &QPushButton::clicked, this, &EvaluationPage::showTopLosses);
    return confusionTab;
}

// Reject plots (a) and (b) with the threshold, and the reliability diagram.
QWidget *EvaluationPage::buildRejectTab()
{
    m_rejectA = new widgets::RejectChart(widgets::RejectChart::View::ErrorsVsThreshold);
    m_rejectB = new widgets::RejectChart(widgets::RejectChart::View::RateVsRejected);
    m_reliability = new widgets::ReliabilityChart;
    auto *resetThreshold = new QPushButton(tr("Accept all"));
    auto *rejectTab = new QWidget;
    auto *rejectLayout = new QGridLayout(rejectTab);
    auto *explain = new QLabel(tr("Click or drag on a reject plot to set the threshold: the confusion matrix, the "
                                  "metrics, the per-class bars, the most confused pairs and the top losses "
                                  "switch to the accepted images."));
    explain->setWordWrap(true); // unwrapped, it would widen the first two columns and squeeze the third
    rejectLayout->addWidget(explain, 0, 0, 1, 2);
    rejectLayout->addWidget(resetThreshold, 0, 2);
    rejectLayout->addWidget(m_rejectA, 1, 0);
    rejectLayout->addWidget(m_rejectB, 1, 1);
    rejectLayout->addWidget(m_reliability, 1, 2);
    m_rejectInfo = new QLabel;
    m_rejectInfo->setWordWrap(true);
    m_rejectInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rejectLayout->addWidget(m_rejectInfo, 2, 0, 1, 3);
    for (int column = 0; column < 3; ++column) // the reliability diagram's title stays whole
        rejectLayout->setColumnStretch(column, 1);

    for (auto *chart : {m_rejectA, m_rejectB})
        connect(chart, &widgets::RejectChart::thresholdChanged, this, &EvaluationPage::setThreshold);
    connect(resetThreshold, &QPushButton::clicked, this, [this] { setThreshold(-1); });
    return rejectTab;
}

// t-SNE / PCA of the penultimate features.
QWidget *EvaluationPage::buildEmbeddingTab()
{
    m_embeddingPanel = new EmbeddingPanel(m_document, m_jobs);
    connect(m_embeddingPanel, &EmbeddingPanel::embeddingReady, this, &EvaluationPage::embeddingReady);
    connect(m_embeddingPanel, &EmbeddingPanel::statusMessage, m_status, &QLabel::setText);
    return m_embeddingPanel;
}

QStringList EvaluationPage::classNames() const
{
    QStringList names;
    if (m_data)
        for (const auto &c : m_data->test.classNames)
            names << QString::fromStdString(c);
    return names.isEmpty() ? m_classNames : names;
}

void EvaluationPage::reloadRuns()
{
    m_runs->clear();
    if (!m_document->isOpen())
        return;
    for (const auto &r : m_document->session().runs())
        if (r.epochsDone > 0)
            m_runs->addItem(tr("%1 (%n epoch(s))", nullptr, r.epochsDone).arg(runLabel(r)), qlonglong(r.id));
}

bool EvaluationPage::evaluate(std::int64_t runId, int epoch, QString *error)
{
    if (runId <= 0) {
        *error = tr("Choose a run with at least one finished epoch.");
        return false;
    }
    if (m_job || m_embeddingPanel->busy()) {
        *error = tr("An evaluation or t-SNE is already running.");
        return false;
    }
    if (const int index = m_runs->findData(qlonglong(runId)); index >= 0)
        m_runs->setCurrentIndex(index); // e.g. "Evaluate" from a run's context menu
    const core::RunRecord run = m_document->session().run(runId);
    const core::DatasetRecord ds = m_document->session().dataset(run.datasetId);
    auto data = m_dataPage->data();
    bool loopRun = false; // trained on the dataset plus labels of the session's active-learning loop
    try {
        loopRun = core::dataConfigFromJson(run.dataJson).poolLabels > 0;
    } catch (const core::Error &) {
    }
    const bool reuse = data && data->source == ds.path && !loopRun;
    auto shared = std::make_shared<std::pair<std::shared_ptr<const core::DatasetPair>, std::shared_ptr<core::Evaluation>>>();
    shared->first = reuse ? data : nullptr;
    const std::string path = m_document->path().toStdString(), name = ds.name;
    const double beta = m_beta->value();
    m_job = m_jobs->start(tr("Evaluate run %1").arg(runId), [shared, path, name, runId, epoch, beta, loopRun](Job &job) {
        const core::Session session(path, core::Session::Mode::ReadOnly);
        if (!shared->first) {
            std::vector<core::SkippedFile> skipped;
            shared->first = std::make_shared<const core::DatasetPair>(
                loopRun ? core::loadRunData(session, session.run(runId), skipped, &job)
                        : core::loadDataset(name, {}, skipped, &job));
        }
        shared->second = std::make_shared<core::Evaluation>(core::evaluateRun(session, runId, epoch, *shared->first, beta, true));
    }, JobManager::Io);
    m_evaluate->setEnabled(false);
    m_status->setText(tr("Evaluating run %1…").arg(runId));
    const QString sessionPath = m_document->path();
    connect(m_job, &Job::finished, this, [this, shared, runId, sessionPath] {
        Job *job = m_job;
        m_job = nullptr;
        m_evaluate->setEnabled(true);
        if (m_document->path() != sessionPath) { // another session was opened meanwhile: not its run
            m_status->setText(tr("The evaluation of run %1 of %2 was dropped: another session is open.")
                                  .arg(runId)
                                  .arg(sessionPath));
            Q_EMIT evaluated(false);
            return;
        }
        if (job->state() != Job::State::Finished) {
            m_status->setText(tr("Evaluation failed: %1").arg(job->error()));
            Q_EMIT evaluated(false);
            return;
        }
        const core::Evaluation &e = *shared->second;
        QString stored;
        try { // kept in the session: shown again on reopen, and exported with every plot
            core::storeEvaluation(m_document->session(), runId, e);
            m_document->notifyContentChanged();
        } catch (const core::Error &error) {
            stored = QStringLiteral(" ") + tr("(not stored: %1)").arg(QString::fromUtf8(error.what()));
        }
        present(shared->second, shared->first, runId,
                tr("Run %1 at epoch %2 on %3 test images.").arg(runId).arg(e.epoch).arg(e.labels.size()) + stored);
        Q_EMIT evaluated(true);
    });
    return true;
}

QString EvaluationPage::metricsText() const { return m_metrics->text(); }

void EvaluationPage::present(std::shared_ptr<const core::Evaluation> eval, std::shared_ptr<const core::DatasetPair> data,
                             std::int64_t runId, const QString &status)
{
    m_eval = std::move(eval);
    m_data = std::move(data);
    m_runId = runId;
    m_evalSession = m_document->path();
    m_threshold = -1;
    m_status->setText(status);
    const core::Evaluation &e = *m_eval;
    const auto &r = e.reject;
    m_rejectA->setCurve(r.threshold, r.errors, r.rejected, r.errorRate);
    m_rejectB->setCurve(r.threshold, r.errors, r.rejected, r.errorRate);
    const auto &c = e.calibrated;
    m_reliability->setBins(c.binLow, c.binHigh, c.accuracy, c.meanConfidence, c.count, c.ece);
    setThreshold(-1);
    if (m_savedThreshold.run == runId && m_savedThreshold.epoch == e.epoch && m_savedThreshold.value >= 0)
        setThreshold(m_savedThreshold.value); // as the user left it when the session was saved
    m_savedThreshold = {};
    m_embeddingPanel->setEvaluation(m_eval, m_data, m_runId, classNames());
}

void EvaluationPage::setThreshold(double threshold)
{
    if (!m_eval)
        return;
    m_threshold = threshold;
    const core::Evaluation &e = *m_eval;
    const int classes = int(e.metrics.confusion.size());
    const QStringList names = classNames();
    if (threshold < 0) {
        showSubset(e.metrics);
        m_confusion->setMatrix(e.metrics.confusion, names);
        const QLocale l;
        m_metrics->setText(tr("<b>Test accuracy %1</b>, loss %2, smoothed accuracy %3 (β = %4), ECE %5<br>"
                              "%6 test images, all accepted")
                               .arg(l.toString(e.metrics.accuracy, 'f', 4), l.toString(e.metrics.loss, 'f', 4),
                                    l.toString(e.metrics.smoothedAccuracy, 'f', 4), l.toString(m_beta->value()),
                                    l.toString(e.calibrated.ece, 'f', 4), l.toString(qulonglong(e.labels.size()))));
        if (!e.reject.threshold.empty()) {
            m_rejectA->setThreshold(e.reject.threshold.front());
            m_rejectB->setThreshold(e.reject.threshold.front());
        }
        m_rejectInfo->setText(tr("<b>No threshold: all %1 test images accepted</b>, accuracy %2. Click or drag on a "
                                 "reject plot to set one.")
                                  .arg(l.toString(qulonglong(e.labels.size())), l.toString(e.metrics.accuracy, 'f', 4)));
        return;
    }
    const core::EvalResult accepted = core::acceptedSubset(e, threshold, classes);
    showSubset(accepted);
    m_confusion->setMatrix(accepted.confusion, names);
    m_rejectA->setThreshold(threshold);
    m_rejectB->setThreshold(threshold);
    const QLocale l;
    m_metrics->setText(tr("<b>Accepted: accuracy %1</b> on %2 of %3 images (coverage %4%) at confidence > %5<br>"
                          "all images: accuracy %6")
                           .arg(l.toString(accepted.accuracy, 'f', 4), l.toString(qlonglong(accepted.count)),
                                l.toString(qulonglong(e.labels.size())),
                                l.toString(100.0 * double(accepted.count) / double(e.labels.size()), 'f', 1),
                                l.toString(threshold, 'f', 4), l.toString(e.metrics.accuracy, 'f', 4)));
    m_rejectInfo->setText(tr("<b>Threshold: confidence &gt; %1</b> — accepts %2 of %3 test images (coverage %4%), "
                             "accuracy %5 on them; rejects %6 (all images: accuracy %7).")
                              .arg(l.toString(threshold, 'f', 4), l.toString(qlonglong(accepted.count)),
                                   l.toString(qulonglong(e.labels.size())),
                                   l.toString(100.0 * double(accepted.count) / double(e.labels.size()), 'f', 1),
                                   l.toString(accepted.accuracy, 'f', 4),
                                   l.toString(qlonglong(qulonglong(e.labels.size()) - qulonglong(accepted.count))),
                                   l.toString(e.metrics.accuracy, 'f', 4)));
}

QString EvaluationPage::rejectInfoText() const { return m_rejectInfo->text(); }

void EvaluationPage::showSubset(const core::EvalResult &subset)
{
    // Every view of the confusion tab shows the same images: all of them, or those the reject
    // threshold accepts.
    const QStringList classes = classNames();
    m_perClass->setValues(classes, subset.perClassAccuracy, tr("accuracy"), 1.0);
    m_confused->clear();
    for (const auto &p : core::mostConfused(subset.confusion, 20)) {
        auto *item = new QListWidgetItem(tr("%1 → %2: %3").arg(classes.value(p.truth), classes.value(p.predicted)).arg(p.count));
        item->setData(Qt::UserRole, p.truth);
        item->setData(Qt::UserRole + 1, p.predicted);
        m_confused->addItem(item);
    }
    m_galleryTitle->setText(m_threshold < 0 ? tr("Click a cell of the matrix or a confused pair to see its images.")
                                            : tr("Click a cell of the matrix or a confused pair to see its accepted "
                                                 "images (confidence > %1).")
                                                  .arg(QLocale().toString(m_threshold, 'f', 3)));
    m_gallery->setImages({}, {});
}

void EvaluationPage::showGallery(const std::vector<std::size_t> &positions, const QString &title,
                                 const std::function<QString(std::size_t)> &caption)
{
    QList<QImage> images;
    QStringList captions;
    if (!m_data) { // a stored evaluation shown before its dataset was loaded
        m_galleryTitle->setText(title + QStringLiteral("<br>") + tr("Load the run's dataset to see the images."));
        m_gallery->setImages({}, {});
        return;
    }
    for (std::size_t i : positions) {
        if (m_eval->testIndices[i] >= m_data->test.size())
            continue; // a damaged stored index: no image rather than a crash
        images << widgets::toQImage(m_data->test, m_eval->testIndices[i]);
        captions << caption(i);
    }
    m_galleryTitle->setText(title);
    m_gallery->setImages(images, captions);
}

void EvaluationPage::showCell(int truth, int predicted)
{
    if (!m_eval)
        return;
    const core::Evaluation &e = *m_eval;
    const QStringList names = classNames();
    std::vector<std::size_t> positions;
    int total = 0;
    for (std::size_t i = 0; i < e.labels.size(); ++i)
        if (e.labels[i] == truth && e.predicted[i] == predicted && e.confidence[i] > m_threshold && ++total <= 80)
            positions.push_back(i);
    showGallery(positions,
                tr("<b>%1</b> predicted as <b>%2</b>: %3 image(s)%4 — caption: prediction and confidence")
                    .arg(names.value(truth), names.value(predicted)).arg(total)
                    .arg(total > 80 ? tr(", first 80 shown") : QString()),
                [&](std::size_t i) {
                    return QStringLiteral("%1 %2%").arg(names.value(int(e.predicted[i]))).arg(QLocale().toString(e.confidence[i] * 100, 'f', 0));
                });
}

void EvaluationPage::showTopLosses()
{
    if (!m_eval)
        return;
    const core::Evaluation &e = *m_eval;
    const QStringList names = classNames();
    std::vector<std::size_t> positions; // the largest losses among the images shown (accepted)
    if (m_threshold < 0) {
        positions.assign(e.topLosses.begin(), e.topLosses.begin() + long(std::min<std::size_t>(60, e.topLosses.size())));
    } else {
        for (std::size_t i = 0; i < e.loss.size(); ++i)
            if (e.confidence[i] > m_threshold)
                positions.push_back(i);
        std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) { return e.loss[a] > e.loss[b]; });
        positions.resize(std::min<std::size_t>(60, positions.size()));
    }
    showGallery(positions,
                m_threshold < 0 ? tr("<b>Top losses</b> — caption: predicted/true, loss")
                                : tr("<b>Top losses</b> of the accepted images (confidence > %1) — caption: "
                                     "predicted/true, loss").arg(QLocale().toString(m_threshold, 'f', 3)),
                [&](std::size_t i) {
        return QStringLiteral("%1/%2 %3").arg(names.value(int(e.predicted[i])), names.value(int(e.labels[i])))
            .arg(QLocale().toString(e.loss[i], 'f', 1));
    });
}

bool EvaluationPage::startTsne(QString *error)
{
    if (m_job) {
        *error = tr("Wait for the evaluation to finish.");
        return false;
    }
    if (!m_embeddingPanel->startTsne(error))
        return false;
    m_tabs->setCurrentIndex(2);
    return true;
}

void EvaluationPage::showPca()
{
    m_embeddingPanel->showPca();
    m_tabs->setCurrentIndex(2);
}

widgets::EmbeddingView *EvaluationPage::embedding() const
{
    return m_embeddingPanel->view();
}

TsneSettingsForm *EvaluationPage::tsneSettings() const
{
    return m_embeddingPanel->settings();
}

QJsonObject EvaluationPage::saveState() const
{
    return {{QStringLiteral("run"), qint64(m_runId)}, {QStringLiteral("epoch"), m_epoch->value()},
            {QStringLiteral("mode"), m_mode->currentIndex()}, {QStringLiteral("beta"), m_beta->value()},
            {QStringLiteral("tsne"), tsneSettings()->saveState()},
            {QStringLiteral("threshold"), m_eval ? m_threshold : -1.0},
            {QStringLiteral("thresholdEpoch"), m_eval ? m_eval->epoch : 0}};
}

void EvaluationPage::restoreState(const QJsonObject &s)
{
    reloadRuns();
    if (!s.isEmpty()) {
        m_mode->setCurrentIndex(s.value(QStringLiteral("mode")).toInt(0));
        m_beta->setValue(s.value(QStringLiteral("beta")).toDouble(3));
        tsneSettings()->restoreState(s.value(QStringLiteral("tsne")).toObject());
        m_epoch->setValue(s.value(QStringLiteral("epoch")).toInt(0));
        m_savedThreshold = {s.value(QStringLiteral("run")).toInteger(), s.value(QStringLiteral("thresholdEpoch")).toInt(),
                            s.value(QStringLiteral("threshold")).toDouble(-1)};
        const int index = m_runs->findData(s.value(QStringLiteral("run")).toInteger());
        if (index >= 0)
            m_runs->setCurrentIndex(index);
    }
    // The chosen run's last stored evaluation, also in a session without page state (one
    // written by workbench-cli, or left by a killed app).
    if (m_runs->count() > 0)
        showStored(m_runs->currentData().toLongLong());
}

bool EvaluationPage::showStored(std::int64_t runId)
{
    std::optional<core::Evaluation> stored;
    core::DatasetRecord ds;
    try {
        stored = core::storedEvaluation(m_document->session(), runId);
        if (stored)
            ds = m_document->session().dataset(m_document->session().run(runId).datasetId);
    } catch (const std::exception &e) { // a damaged payload: named, and the page stays usable
        m_status->setText(errorText(QString::fromUtf8(e.what())));
        return false;
    }
    if (!stored)
        return false;
    // The images come from the dataset page when it holds the run's dataset; the numbers
    // and plots need none.
    const auto data = m_dataPage->data();
    m_classNames.clear();
    for (const auto &c : ds.classNames)
        m_classNames << QString::fromStdString(c);
    const QString status = tr("Run %1 at epoch %2 on %3 test images (stored evaluation; Evaluate computes it again).")
                               .arg(runId).arg(stored->epoch).arg(stored->labels.size());
    present(std::make_shared<const core::Evaluation>(std::move(*stored)),
            data && data->source == ds.path ? data : nullptr, runId, status);
    showTabs();
    return true;
}

void EvaluationPage::adoptLoadedData()
{
    const auto data = m_dataPage->data();
    if (!m_eval || m_data || !data || !m_document->isOpen() || m_document->path() != m_evalSession)
        return;
    try {
        const core::Session &session = m_document->session();
        if (data->source != session.dataset(session.run(m_runId).datasetId).path)
            return; // another dataset
    } catch (const core::Error &) {
        return; // the run was deleted meanwhile
    }
    m_data = data;
    setThreshold(m_threshold); // the gallery starts over, now with images
    m_embeddingPanel->setEvaluation(m_eval, m_data, m_runId, classNames());
}

void EvaluationPage::showTabs()
{
    m_hint->hide();
    m_tabs->show();
}

} // namespace wb::app
