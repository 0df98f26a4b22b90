#include "trainingpage.h"
#include "statustext.h"

#include "architecturepage.h"
#include "datasetpage.h"
#include "jobmanager.h"
#include "layerlistmodel.h"
#include "livebuffer.h"
#include "lrfinderpanel.h"
#include "runactions.h"
#include "sessiondocument.h"
#include "trainconfigform.h"
#include "trainingchart.h"
#include "wb/errors.h"
#include "wb/experiment.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QScrollBar>
#include <QScrollArea>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace wb::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

// Batches in an epoch of `trainImages` images (a partial last batch counts).
std::int64_t batchesPerEpoch(std::size_t trainImages, int batchSize)
{
    return (std::int64_t(trainImages) + batchSize - 1) / std::max(1, batchSize);
}

QString number(double v, int precision = 4)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', precision) : QStringLiteral("—");
}
} // namespace

void setStoredRun(widgets::TrainingChart &chart, const core::RunRecord &run, const core::History &h)
{
    std::map<int, int> perEpoch;
    for (const auto &b : h.batches)
        ++perEpoch[b.epoch];
    const bool loss = chart.metric() == widgets::TrainingChart::Metric::Loss;
    std::vector<double> x, y, vx, vy;
    x.reserve(h.batches.size());
    y.reserve(h.batches.size());
    std::map<int, int> seen;
    for (const auto &b : h.batches) {
        x.push_back(b.epoch - 1 + double(++seen[b.epoch]) / double(perEpoch[b.epoch]));
        y.push_back(loss ? b.loss : b.accuracy);
    }
    for (const auto &e : h.epochs) {
        vx.push_back(e.epoch);
        vy.push_back(loss ? e.valLoss : e.valAccuracy);
    }
    chart.setRun(run.id, runLabel(run), x, y, vx, vy);
}

TrainingPage::TrainingPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                           ArchitecturePage *architecture, QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs), m_data(data), m_architecture(architecture)
{
    m_lrFinder = new LrFinderPanel(document, jobs, data, architecture, this);
    m_rightTabs = new QTabWidget;
    m_rightTabs->addTab(buildCurves(), tr("Training curves"));
    m_rightTabs->addTab(m_lrFinder, tr("LR range test"));
    connect(m_lrFinder, &LrFinderPanel::finished, this, [this](bool ok) {
        if (ok)
            m_rightTabs->setCurrentWidget(m_lrFinder);
    });
    auto *splitter = new QSplitter;
    splitter->addWidget(buildControls());
    splitter->addWidget(m_rightTabs);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_data, &DatasetPage::dataChanged, this, &TrainingPage::updateButtons);
    connect(m_architecture, &ArchitecturePage::specChanged, this, &TrainingPage::updateButtons);
    connect(m_form, &TrainConfigForm::changed, this, &TrainingPage::updateButtons);
    connect(m_jobs, &JobManager::runningCountChanged, this, &TrainingPage::updateButtons);
    m_drain.setInterval(50); // ~20 Hz: smooth, and cheap even at 100k points
    connect(&m_drain, &QTimer::timeout, this, &TrainingPage::drain);
    m_drain.start();
    m_smoothing->setValue(900);
    updateButtons();
}

// The training form, Train / Cancel, status, and the runs to overlay.
QWidget *TrainingPage::buildControls()
{
    m_form = new TrainConfigForm;
    m_train = new QPushButton(tr("Train"));
    m_train->setToolTip(tr("Train the current architecture on the current dataset (Ctrl+R)"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_train);
    buttons->addWidget(m_cancel);
    auto *configBox = new QGroupBox(tr("Training"));
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->addWidget(m_form);

    m_runs = new QTreeWidget;
    m_runs->setHeaderLabels({tr("Run"), tr("Status"), tr("Test acc.")});
    m_runs->setRootIsDecorated(false);
    m_runs->setMinimumHeight(90); // three runs at least
    m_runs->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The form scrolls on its own above the runs list (a splitter between them): on a laptop the
    // list keeps its rows instead of being squeezed to one under the long form.
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(configBox);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setMinimumWidth(configBox->minimumSizeHint().width() + formScroll->verticalScrollBar()->sizeHint().width());
    auto *runsBox = new QWidget;
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addLayout(buttons); // Train and the status stay in sight when the form scrolls
    runsLayout->addWidget(m_status);
    runsLayout->addWidget(new QLabel(tr("<b>Runs</b> (tick to overlay; right-click to resume, evaluate, rename…)")));
    runsLayout->addWidget(m_runs, 1);
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(formScroll);
    left->addWidget(runsBox);
    left->setStretchFactor(0, 4);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);

    connect(m_train, &QPushButton::clicked, this, [this] {
        QString error;
        if (!startTraining(&error))
            m_status->setText(errorText(error));
    });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPage::cancelTraining);
    m_runs->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_runs, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QTreeWidgetItem *item = m_runs->itemAt(pos); item && m_runActions)
            m_runActions->showMenu(item->data(0, kIdRole).toLongLong(), m_runs->viewport()->mapToGlobal(pos), this);
    });
    connect(m_runs, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == 0)
            showRun(item->data(0, kIdRole).toLongLong(), item->checkState(0) == Qt::Checked);
    });
    connect(m_runs, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showEpochTable(item->data(0, kIdRole).toLongLong());
    });
    return left;
}

// Loss and accuracy charts with the smoothing slider, and the epoch table.
QWidget *TrainingPage::buildCurves()
{
    m_loss = new widgets::TrainingChart(widgets::TrainingChart::Metric::Loss);
    m_accuracy = new widgets::TrainingChart(widgets::TrainingChart::Metric::Accuracy);
    m_smoothing = new QSlider(Qt::Horizontal);
    m_smoothing->setRange(0, 999);
    m_smoothingLabel = new QLabel;
    auto *smoothRow = new QHBoxLayout;
    smoothRow->addWidget(new QLabel(tr("Smoothing:")));
    smoothRow->addWidget(m_smoothing, 1);
    smoothRow->addWidget(m_smoothingLabel);
    m_epochs = new QTableWidget(0, 7);
    m_epochs->setHorizontalHeaderLabels({tr("Epoch"), tr("Train loss"), tr("Train acc."), tr("Val. loss"),
                                         tr("Val. acc."), tr("lr"), tr("Seconds")});
    m_epochs->verticalHeader()->hide();
    m_epochs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Columns as wide as their headers and numbers (stretched, "Train loss" was cut to "ainingsverlu"
    // in German on a laptop); the last takes what is left.
    m_epochs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_epochs->horizontalHeader()->setStretchLastSection(true);
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_loss);
    charts->addWidget(m_accuracy);
    auto *rightSplit = new QSplitter(Qt::Vertical);
    auto *chartBox = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(charts, 1);
    // Said once under both charts: on the x axis the sentence was cut off in charts of a laptop's width.
    auto *key = new QLabel(tr("Lines: training batches, smoothed (faint: raw); dots: validation after each epoch."));
    key->setWordWrap(true);
    chartLayout->addWidget(key);
    chartLayout->addLayout(smoothRow);
    rightSplit->addWidget(chartBox);
    rightSplit->addWidget(m_epochs);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);

    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) {
        const double q = v / 1000.0;
        m_smoothingLabel->setText(QLocale().toString(q, 'f', 3));
        m_loss->setSmoothing(q);
        m_accuracy->setSmoothing(q);
        m_loss->replot(QCustomPlot::rpQueuedReplot);
        m_accuracy->replot(QCustomPlot::rpQueuedReplot);
    });
    return rightSplit;
}

QString TrainingPage::statusText() const { return m_status->text(); }

void TrainingPage::updateButtons()
{
    const bool running = std::any_of(m_live.begin(), m_live.end(), [](const Live &l) {
        return l.job && (l.job->state() == Job::State::Running || l.job->state() == Job::State::Queued);
    });
    m_cancel->setEnabled(running);
    const QString blocker = notReadyReason();
    m_train->setEnabled(blocker.isEmpty());
    m_train->setToolTip(blocker.isEmpty() ? tr("Train the current architecture on the current dataset (Ctrl+R)")
                                          : blocker);
}

QString TrainingPage::notReadyReason(bool checkForm) const
{
    if (!m_data->data())
        return tr("Load a dataset first.");
    if (!m_architecture->isValid())
        return tr("Fix the architecture first: %1").arg(QString::fromStdString(m_architecture->model()->check().message));
    return checkForm ? m_form->problem() : QString();
}

std::int64_t TrainingPage::startTraining(QString *error)
{
    if (const QString blocker = notReadyReason(); !blocker.isEmpty()) {
        *error = blocker;
        return 0;
    }
    const auto data = m_data->data();
    core::TrainConfig config = m_form->config();
    config.threads = m_jobs->threadsPerComputeJob();
    const core::DataConfig dataConfig = m_data->dataConfig();
    std::int64_t runId = 0, stepsPerEpoch = 1;
    try {
        const core::DataSelection sel = core::selectData(*data, dataConfig);
        stepsPerEpoch = batchesPerEpoch(sel.train.size(), config.batchSize);
        runId = core::createRecordedRun(m_document->session(), *data, dataConfig.dataset,
                                        m_architecture->modelName().toStdString(),
                                        m_architecture->spec(), config, dataConfig);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return 0;
    }
    launch(runId, false, stepsPerEpoch);
    return runId;
}

bool TrainingPage::resumeRun(std::int64_t runId, QString *error)
{
    if (m_live.contains(runId)) {
        *error = tr("Run %1 is being trained already.").arg(runId);
        return false;
    }
    core::RunRecord run;
    core::DatasetRecord ds;
    try {
        run = m_document->session().run(runId);
        ds = m_document->session().dataset(run.datasetId);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    if (!m_runActions || !m_runActions->canResume(runId)) {
        *error = tr("Run %1 is %2: only a cancelled, interrupted or failed run can be resumed.")
                     .arg(runLabel(run), runStatusText(run.status));
        return false;
    }
    const auto data = m_data->data();
    if (!data || data->source != ds.path) {
        *error = tr("Run %1 was trained on %2: load that dataset on the Dataset page first.")
                     .arg(runLabel(run), QString::fromStdString(ds.name));
        return false;
    }
    std::int64_t stepsPerEpoch = 1;
    try {
        const core::TrainConfig config = core::trainConfigFromJson(run.configJson);
        if (core::dataConfigFromJson(run.dataJson).poolLabels > 0) {
            *error = tr("Run %1 was trained on the labels of the session's active-learning loop: resume it with "
                        "workbench-cli resume, or train the loop's network again (Active learning → Your pool).")
                         .arg(runLabel(run));
            return false;
        }
        const core::DataSelection sel = core::selectData(*data, core::dataConfigFromJson(run.dataJson));
        stepsPerEpoch = batchesPerEpoch(sel.train.size(), config.batchSize);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    // The curves restart at the checkpoint: a partly trained epoch is trained again.
    plotStoredRun(run, std::max(run.epochsDone, 0) == 0 ? -1 : run.epochsDone);
    launch(runId, true, stepsPerEpoch);
    m_status->setText(tr("Run %1 resumed after epoch %2.").arg(runId).arg(run.epochsDone));
    return true;
}

bool TrainingPage::useRunSettings(std::int64_t runId, QString *error)
{
    try {
        const core::RunRecord run = m_document->session().run(runId);
        const core::ArchitectureRecord arch = m_document->session().architecture(run.architectureId);
        m_form->setConfig(core::trainConfigFromJson(run.configJson));
        core::ModelSpec spec = core::parseModelSpec(arch.specJson, "run " + std::to_string(runId) + " architecture");
        spec.input = m_architecture->spec().input; // the loaded data decides the input
        spec.classes = m_architecture->spec().classes;
        m_architecture->restoreState({{QStringLiteral("spec"), QString::fromStdString(core::toJson(spec))},
                                      {QStringLiteral("modelName"), QString::fromStdString(arch.name)}});
        m_status->setText(tr("Settings of run %1 loaded: change them and press Train.").arg(runLabel(run)));
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void TrainingPage::setRunActions(RunActions *actions)
{
    m_runActions = actions;
    connect(actions, &RunActions::runsChanged, this, &TrainingPage::refreshRunNames);
}

bool TrainingPage::isLive(std::int64_t runId) const { return m_live.contains(runId); }

void TrainingPage::refreshRunNames()
{
    // A rename or delete: labels follow, deleted runs leave; live runs, their curves and the
    // hidden runs stay as they are (a reload would cut the live curves off).
    for (int i = m_runs->topLevelItemCount() - 1; i >= 0; --i) {
        QTreeWidgetItem *item = m_runs->topLevelItem(i);
        const std::int64_t id = item->data(0, kIdRole).toLongLong();
        try {
            const core::RunRecord run = m_document->session().run(id);
            updateRunItem(item, run);
            m_loss->setRunName(id, runLabel(run));
            m_accuracy->setRunName(id, runLabel(run));
        } catch (const core::Error &) {
            if (m_live.contains(id))
                continue;
            delete m_runs->takeTopLevelItem(i);
            m_loss->removeRun(id);
            m_accuracy->removeRun(id);
        }
    }
    m_loss->replot();
    m_accuracy->replot();
}

void TrainingPage::launch(std::int64_t runId, bool resume, std::int64_t stepsPerEpoch)
{
    const core::RunRecord run = m_document->session().run(runId);
    auto buffer = std::make_shared<LiveBuffer>();
    const std::string path = m_document->path().toStdString();
    const auto data = m_data->data();
    Job *job = m_jobs->start(resume ? tr("Resume run %1").arg(runLabel(run)) : tr("Train run %1").arg(runLabel(run)),
                             [path, runId, data, buffer, resume](Job &job) {
                                 core::Session session(path, core::Session::Mode::ReadWrite);
                                 core::trainRecordedRun(session, runId, *data, job, resume, buffer.get());
                             });
    m_live.insert(runId, {buffer, job, std::max<std::int64_t>(1, stepsPerEpoch)});
    if (!resume) {
        m_loss->setRun(runId, runLabel(run), {}, {}, {}, {});
        m_accuracy->setRun(runId, runLabel(run), {}, {}, {}, {});
        addRunItem(run);
    }
    connect(job, &Job::finished, this, [this, runId, job] {
        drain();
        m_live.remove(runId);
        core::RunRecord done;
        try {
            done = m_document->session().run(runId);
        } catch (const core::Error &e) { // deleted meanwhile, e.g. by another process
            m_status->setText(errorText(QString::fromUtf8(e.what())));
            updateButtons();
            m_document->notifyContentChanged();
            return;
        }
        if (auto *item = itemFor(runId))
            updateRunItem(item, done);
        const bool diverged = done.status == core::RunStatus::Diverged;
        m_loss->setRunDiverged(runId, diverged);
        m_accuracy->setRunDiverged(runId, diverged);
        m_loss->replot();
        m_accuracy->replot();
        showEpochTable(runId);
        const QString status = runStatusText(done.status);
        const QString message = engineMessageText(QString::fromStdString(done.message));
        // "Run 3 cancelled during epoch 7.", not "Run 3 cancelled. cancelled during epoch 7".
        const QString ended = message.isEmpty()                ? tr("Run %1 %2.").arg(runId).arg(status)
                              : message.startsWith(status)     ? tr("Run %1 %2.").arg(runId).arg(message)
                                                               : tr("Run %1 %2: %3").arg(runId).arg(status, message);
        m_status->setText(job->state() == Job::State::Failed
                              ? errorText(tr("Run %1 failed: %2").arg(runId).arg(job->error()))
                          : diverged ? errorText(ended)
                                     : ended);
        updateButtons();
        m_document->notifyContentChanged();
        Q_EMIT trainingFinished(runId, QString::fromLatin1(core::runStatusName(done.status)));
    });
    m_status->setText(tr("Run %1 started.").arg(runId));
    m_document->notifyContentChanged();
    updateButtons();
}

void TrainingPage::cancelTraining()
{
    for (const Live &l : std::as_const(m_live))
        if (l.job)
            l.job->cancel();
}

void TrainingPage::drain()
{
    bool changed = false;
    for (auto it = m_live.begin(); it != m_live.end(); ++it) {
        std::vector<core::BatchRecord> batches;
        std::vector<core::EpochRecord> epochs;
        it->buffer->take(batches, epochs);
        if (batches.empty() && epochs.empty())
            continue;
        changed = true;
        if (auto *item = itemFor(it.key()); item && item->data(1, kIdRole).toInt() != int(core::RunStatus::Running)) {
            updateRunItem(item, m_document->session().run(it.key())); // "created" → "running"
            m_document->notifyContentChanged();                       // the session tree too
        }
        std::vector<double> x, loss, acc, vx, vloss, vacc;
        for (const auto &b : batches) {
            x.push_back(double(b.step + 1) / double(it->stepsPerEpoch));
            loss.push_back(b.loss);
            acc.push_back(b.accuracy);
        }
        for (const auto &e : epochs) {
            vx.push_back(e.epoch);
            vloss.push_back(e.valLoss);
            vacc.push_back(e.valAccuracy);
        }
        m_loss->appendRun(it.key(), x, loss, vx, vloss);
        m_accuracy->appendRun(it.key(), x, acc, vx, vacc);
        if (!epochs.empty() && m_runs->currentItem() && m_runs->currentItem()->data(0, kIdRole).toLongLong() == it.key())
            showEpochTable(it.key());
    }
    if (changed) {
        m_loss->replot(QCustomPlot::rpQueuedReplot);
        m_accuracy->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TrainingPage::reloadRuns()
{
    m_live.clear();
    m_runs->clear();
    m_loss->clearRuns();
    m_accuracy->clearRuns();
    m_epochs->setRowCount(0);
    if (!m_document->isOpen())
        return;
    for (const core::RunRecord &run : m_document->session().runs()) {
        plotStoredRun(run);
        addRunItem(run);
    }
    m_loss->replot();
    m_accuracy->replot();
    m_lrFinder->showResult();
}

void TrainingPage::plotStoredRun(const core::RunRecord &run, int lastEpoch)
{
    core::History h = m_document->session().history(run.id);
    if (lastEpoch != 0) { // keep the epochs up to the checkpoint (none when lastEpoch < 0)
        const int keep = std::max(lastEpoch, 0);
        h.batches.erase(std::remove_if(h.batches.begin(), h.batches.end(),
                                       [keep](const core::BatchRecord &b) { return b.epoch > keep; }),
                        h.batches.end());
        h.epochs.erase(std::remove_if(h.epochs.begin(), h.epochs.end(),
                                      [keep](const core::EpochRecord &e) { return e.epoch > keep; }),
                       h.epochs.end());
    }
    const bool visible = !itemFor(run.id) || itemFor(run.id)->checkState(0) == Qt::Checked;
    for (auto *chart : {m_loss, m_accuracy}) {
        setStoredRun(*chart, run, h);
        chart->setRunDiverged(run.id, run.status == core::RunStatus::Diverged);
        chart->setRunVisible(run.id, visible);
    }
}

void TrainingPage::addRunItem(const core::RunRecord &run)
{
    auto *item = new QTreeWidgetItem;
    item->setData(0, kIdRole, qlonglong(run.id));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    m_runs->blockSignals(true);
    item->setCheckState(0, Qt::Checked);
    updateRunItem(item, run);
    m_runs->addTopLevelItem(item);
    m_runs->blockSignals(false);
    m_runs->setCurrentItem(item);
}

void TrainingPage::updateRunItem(QTreeWidgetItem *item, const core::RunRecord &run)
{
    const bool blocked = m_runs->blockSignals(true);
    item->setText(0, runLabel(run));
    item->setText(1, runStatusText(run.status));
    item->setData(1, kIdRole, int(run.status));
    item->setText(2, number(run.testAccuracy));
    item->setToolTip(0, QString::fromStdString(run.configJson));
    item->setToolTip(1, engineMessageText(QString::fromStdString(run.message)));
    m_runs->blockSignals(blocked);
}

QTreeWidgetItem *TrainingPage::itemFor(std::int64_t runId) const
{
    for (int i = 0; i < m_runs->topLevelItemCount(); ++i)
        if (m_runs->topLevelItem(i)->data(0, kIdRole).toLongLong() == runId)
            return m_runs->topLevelItem(i);
    return nullptr;
}

void TrainingPage::showRun(std::int64_t runId, bool visible)
{
    m_loss->setRunVisible(runId, visible);
    m_accuracy->setRunVisible(runId, visible);
    if (auto *item = itemFor(runId)) {
        const bool blocked = m_runs->blockSignals(true);
        item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
        m_runs->blockSignals(blocked);
    }
    m_loss->replot();
    m_accuracy->replot();
}

void TrainingPage::showEpochTable(std::int64_t runId)
{
    if (!m_document->isOpen())
        return;
    const core::History h = m_document->session().history(runId);
    m_epochs->setRowCount(int(h.epochs.size()));
    for (int r = 0; r < int(h.epochs.size()); ++r) {
        const auto &e = h.epochs[std::size_t(r)];
        const QStringList cells = {QString::number(e.epoch), number(e.trainLoss), number(e.trainAccuracy),
                                   number(e.valLoss), number(e.valAccuracy), QLocale().toString(e.lr, 'g', 4),
                                   number(e.seconds, 1)};
        for (int c = 0; c < cells.size(); ++c)
            m_epochs->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
}

void TrainingPage::setSmoothing(double q) { m_smoothing->setValue(int(std::lround(q * 1000))); }
double TrainingPage::smoothing() const { return m_smoothing->value() / 1000.0; }

QJsonObject TrainingPage::saveState() const
{
    QJsonArray hidden;
    for (int i = 0; i < m_runs->topLevelItemCount(); ++i)
        if (m_runs->topLevelItem(i)->checkState(0) != Qt::Checked)
            hidden.append(m_runs->topLevelItem(i)->data(0, kIdRole).toLongLong());
    return {{QStringLiteral("smoothing"), smoothing()},
            {QStringLiteral("hiddenRuns"), hidden},
            {QStringLiteral("lrFinder"), m_lrFinder->saveState()},
            {QStringLiteral("config"), QString::fromStdString(core::toJson(m_form->config()))}};
}

void TrainingPage::restoreState(const QJsonObject &s)
{
    if (s.isEmpty())
        return;
    setSmoothing(s.value(QStringLiteral("smoothing")).toDouble(0.9));
    m_lrFinder->restoreState(s.value(QStringLiteral("lrFinder")).toObject());
    for (const auto &v : s.value(QStringLiteral("hiddenRuns")).toArray())
        showRun(v.toInteger(), false);
    try {
        const QString config = s.value(QStringLiteral("config")).toString();
        if (!config.isEmpty())
            m_form->setConfig(core::trainConfigFromJson(config.toStdString()));
    } catch (const core::Error &) {
        // A config this build cannot read leaves the form as it is.
    }
}

} // namespace wb::app
