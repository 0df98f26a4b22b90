#include "activelearningpage.h"
#include "architecturepage.h"
#include "statusnames.h"

#include "activeviews.h"
#include "poolloopview.h"
#include "bandchart.h"
#include "datasetpage.h"
#include "formwidgets.h"
#include "heatmapchart.h"
#include "imagegrid.h"
#include "jobmanager.h"
#include "sessiondocument.h"
#include "slurmsettingsform.h"
#include "statustext.h"
#include "studycontrols.h"
#include "studyjobrunner.h"
#include "trainconfigform.h"
#include "trainingpage.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace wb::app {

namespace {
QString percent(double v) { return std::isfinite(v) ? QLocale().toString(100 * v, 'f', 1) + QLatin1Char('%') : QStringLiteral("–"); }
} // namespace

ActiveLearningPage::ActiveLearningPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                                       TrainingPage *training, ArchitecturePage *architecture, QWidget *parent)
    : StudyPage(document, jobs, "active",
                {tr("Run study"), tr("Run every trial of every strategy; each trial is saved as it finishes."),
                 tr("Run the missing trials of the study shown; the trials already done are kept."),
                 tr("Dataset, optimizer, learning rate and batch size come from the Dataset and Training pages; the "
                    "training split is the pool, its labels hidden from the strategies."),
                 tr("trials"), tr("Running… the curves fill in as trials finish (progress in the Jobs panel).")},
                parent),
      m_architecture(architecture), m_data(data), m_training(training)
{
    auto *splitter = new QSplitter;
    splitter->addWidget(scrollableColumn(buildProtocolPane()));
    splitter->addWidget(scrollableColumn(buildResultsPane(), true));
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    // The gallery shows the picks once the study's dataset is loaded.
    connect(m_data, &DatasetPage::dataChanged, this, &ActiveLearningPage::updateGallery);
}

QWidget *ActiveLearningPage::buildProtocolPane()
{
    m_model = new QComboBox;
    for (const auto &name : core::presetNames())
        m_model->addItem(QString::fromStdString(name));
    if (m_architecture) // the Architecture page's network: your own PyTorch model, or an edited spec
        m_model->addItem(tr("network of the Architecture page"), QStringLiteral("architecture"));
    m_model->setCurrentText(QStringLiteral("lenet5-dropout"));
    m_model->setToolTip(tr("The network every round trains. BALD needs dropout: lenet5-dropout is LeNet-5 with "
                           "dropout 0.25 after its hidden layers."));
    const std::map<std::string, QString> tips = {
        {"uniform", tr("Random images: the baseline every strategy must beat.")},
        {"least-confidence", tr("Images whose most probable class is least probable.")},
        {"margin", tr("Images with the smallest gap between the two most probable classes.")},
        {"entropy", tr("Images with the highest entropy of the predicted classes.")},
        {"bald", tr("BALD: the mutual information between prediction and weights, over MC-dropout passes (needs a "
                    "model with dropout).")},
        {"coreset", tr("Core-set: greedy k-centre on the penultimate features — the images farthest from every "
                       "labelled one.")},
        {"adversarial", tr("A discriminator on the features learns labelled vs unlabelled while the network learns "
                           "to fool it; score = margin + the discriminator's 'unlabelled' score. Same step budget.")}};
    auto *strategyGrid = new QGridLayout;
    int i = 0;
    for (const auto &name : core::activeStrategyNames()) {
        auto *box = new QCheckBox(QString::fromStdString(name));
        box->setToolTip(tips.at(name));
        box->setChecked(name == "uniform" || name == "margin");
        m_strategies[name] = box;
        strategyGrid->addWidget(box, i / 2, i % 2);
        ++i;
    }
    m_initial = makeSpinBox(1, 1000000, 100);
    m_budget = makeSpinBox(1, 1000000, 100);
    m_maxLabels = makeSpinBox(1, 10000000, 1000);
    m_trials = makeSpinBox(1, 100, 3);
    m_steps = makeSpinBox(1, 1000000, 200);
    m_steps->setToolTip(tr("Optimisation steps of every round, the same for every strategy, so that no strategy "
                           "wins by training longer."));
    m_passes = makeSpinBox(2, 100, 10);
    m_baselineSeeds = makeSpinBox(0, 20, 3);
    m_baselineSeeds->setToolTip(tr("Trainings on the whole pool (with as many steps per image as the last round) "
                                   "drawn as the full-data line; 0 = none."));
    m_poolSize = makeSpinBox(0, 10000000, 0, tr("all"));
    m_testSize = makeSpinBox(0, 10000000, 0, tr("all"));
    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Strategies:"), strategyGrid);
    form->addRow(tr("Initial labels:"), m_initial);
    form->addRow(tr("Labels per round:"), m_budget);
    form->addRow(tr("Maximum labels:"), m_maxLabels);
    form->addRow(tr("Trials:"), m_trials);
    form->addRow(tr("Steps per round:"), m_steps);
    form->addRow(tr("MC-dropout passes (BALD):"), m_passes);
    form->addRow(tr("Baseline seeds:"), m_baselineSeeds);
    form->addRow(tr("Pool images:"), m_poolSize);
    form->addRow(tr("Test images:"), m_testSize);
    auto *left = new QWidget;
    addControls(left, tr("Protocol"), form, tr("<b>Stored active-learning studies</b>"))->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QWidget *ActiveLearningPage::buildResultsPane()
{
    m_accuracy = new widgets::BandChart;
    m_accuracy->setEmptyHint(tr("No active-learning study yet: pick the strategies on the left and press Run study."));
    m_accuracy->setExportName(QStringLiteral("active-accuracy"));
    m_needed = new widgets::BandChart;
    m_needed->setExportName(QStringLiteral("active-labels-needed"));
    m_classes = new widgets::HeatmapChart;
    for (widgets::PlotWidget *chart : std::initializer_list<widgets::PlotWidget *>{m_needed, m_classes})
        chart->setEmptyHint(m_accuracy->emptyHint());
    m_classes->setExportName(QStringLiteral("active-class-balance"));
    m_pickStrategy = new QComboBox;
    m_pickTrial = makeSpinBox(1, 100, 1);
    m_pickRound = makeSpinBox(1, 1000, 1);
    m_galleryNote = new QLabel;
    m_galleryNote->setWordWrap(true);
    m_gallery = new widgets::ImageGrid;
    auto *galleryScroll = new QScrollArea;
    galleryScroll->setWidget(m_gallery);
    galleryScroll->setWidgetResizable(true);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(new QLabel(tr("Strategy:")));
    pickRow->addWidget(m_pickStrategy, 1);
    pickRow->addWidget(new QLabel(tr("Trial:")));
    pickRow->addWidget(m_pickTrial);
    pickRow->addWidget(new QLabel(tr("Picked after round:")));
    pickRow->addWidget(m_pickRound);
    auto *picks = new QWidget;
    auto *picksLayout = new QVBoxLayout(picks);
    picksLayout->addLayout(pickRow);
    picksLayout->addWidget(m_galleryNote);
    picksLayout->addWidget(galleryScroll, 1);
    connect(m_pickStrategy, &QComboBox::activated, this, &ActiveLearningPage::updateGallery);
    connect(m_pickTrial, &QSpinBox::valueChanged, this, &ActiveLearningPage::updateGallery);
    connect(m_pickRound, &QSpinBox::valueChanged, this, &ActiveLearningPage::updateGallery);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_accuracy, tr("Accuracy vs labels"));
    m_tabs->addTab(m_needed, tr("Labels needed"));
    m_tabs->addTab(m_classes, tr("Class balance"));
    m_tabs->addTab(picks, tr("Picks"));
    m_poolLoop = new PoolLoopView(
        m_document, m_jobs, m_data, m_training,
        [this](core::ModelSpec &spec, std::string &name, QString *error) { return chooseNetwork(spec, name, error); },
        [this] { return loadedFingerprint(); });
    // Short tab names: with "Your pool: label next" the last tab was cut off on a 1366 px laptop in German.
    m_tabs->addTab(m_poolLoop, tr("Your pool"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_poolLoop), tr("Label next: pick the images to label from your own unlabelled pool"));
    m_table = new QTableWidget(0, 5);
    m_table->setHorizontalHeaderLabels({tr("Strategy"), tr("Trials"), tr("Accuracy at the last round (median [25%, 75%])"),
                                        tr("Area under the curve"), tr("Seconds per trial")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary = new QLabel(tr("No active-learning study yet: choose strategies on the left and press Run study."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    return right;
}

void ActiveLearningPage::setProtocol(const QString &model, const QStringList &strategies, int initial, int budget,
                                     int maxLabels, int trials, int stepsPerRound, int baselineSeeds, int poolSize,
                                     int testSize)
{
    m_model->setCurrentText(model);
    for (auto &[name, box] : m_strategies)
        box->setChecked(strategies.contains(QString::fromStdString(name)));
    m_initial->setValue(initial);
    m_budget->setValue(budget);
    m_maxLabels->setValue(maxLabels);
    m_trials->setValue(trials);
    m_steps->setValue(stepsPerRound);
    m_baselineSeeds->setValue(baselineSeeds);
    m_poolSize->setValue(poolSize);
    m_testSize->setValue(testSize);
}

bool ActiveLearningPage::startStudy(QString *error)
{
    if (m_controls->runner->isRunning()) {
        *error = tr("An active-learning study is already running.");
        return false;
    }
    if (const QString blocker = m_training->notReadyReason(); !blocker.isEmpty()) {
        *error = blocker;
        return false;
    }
    const auto data = m_data->data();
    core::ActiveStudySetup setup;
    try {
        auto &a = setup.active;
        a.strategies.clear();
        for (const auto &name : core::activeStrategyNames())
            if (m_strategies.at(name)->isChecked())
                a.strategies.push_back(name);
        a.initial = m_initial->value();
        a.budget = m_budget->value();
        a.maxLabels = m_maxLabels->value();
        a.trials = m_trials->value();
        a.stepsPerRound = m_steps->value();
        a.mcPasses = m_passes->value();
        a.baselineSeeds = m_baselineSeeds->value();
        a.poolSize = m_poolSize->value();
        a.testSize = m_testSize->value();
        a.seed = m_data->dataConfig().seed;
        setup.train = m_training->configForm()->config();
        QString why;
        if (!chooseNetwork(setup.spec, setup.model, &why))
            throw core::Error(core::ErrorCode::BadSpec, why.toStdString());
        setup.dataset = m_data->datasetName().toStdString();
        setup.image = m_data->imageOptions();
        core::validate(setup.active);
        core::validate(setup.train);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return launchStudy([&](core::Session &session) { return core::createActiveStudy(session, setup, *data); },
                       tr("Active learning (%1 trials)").arg(core::activeCellCount(setup.active)),
                       [setup, data] { return core::activePlan(setup, *data); }, setup.active.workers, error);
}

bool ActiveLearningPage::chooseNetwork(core::ModelSpec &spec, std::string &name, QString *error) const
{
    const auto data = m_data->data();
    if (!data) {
        *error = tr("Load a dataset on the Dataset page first.");
        return false;
    }
    try {
        if (m_architecture && m_model->currentData().toString() == QLatin1String("architecture")) {
            if (!m_architecture->isValid()) {
                *error = tr("the network of the Architecture page cannot be trained: see its status line");
                return false;
            }
            spec = m_architecture->spec();
            name = m_architecture->modelName().toStdString();
        } else {
            name = m_model->currentText().toStdString();
            spec = core::presetSpec(name, 0, {data->train.channels, data->train.height, data->train.width},
                                    std::max(2, data->train.classCount()));
        }
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

std::int64_t ActiveLearningPage::shownStudy() const { return m_hasStudy ? m_result.study.id : 0; }
QString ActiveLearningPage::statusText() const { return m_summary->text(); }

// The loaded dataset's fingerprint, computed once per dataset loaded.
const std::string &ActiveLearningPage::loadedFingerprint()
{
    const auto data = m_data->data();
    const bool same = !m_fingerprinted.owner_before(data) && !data.owner_before(m_fingerprinted) && data;
    if (!same) {
        m_fingerprinted = data;
        m_loadedFingerprint = data ? core::datasetFingerprint(*data) : std::string();
    }
    return m_loadedFingerprint;
}

void ActiveLearningPage::showStudyError(const QString &message) { m_summary->setText(errorText(message)); }

void ActiveLearningPage::showStudy(std::int64_t id)
{
    if (!m_document->isOpen())
        return;
    m_hasStudy = false;
    try {
        if (id == 0)
            id = StudyJobRunner::latestStudy(m_document->session(), "active");
        if (id == 0) {
            m_summary->setText(tr("No active-learning study yet: choose strategies on the left and press Run study."));
            m_controls->resume->setEnabled(false);
            return;
        }
        m_result = core::activeResultFromStudy(m_document->session(), id);
    } catch (const core::Error &e) {
        m_summary->setText(errorText(QString::fromUtf8(e.what())));
        return;
    }
    m_controls->shown(id, m_result.study.status);
    m_hasStudy = true;
    showViews();
}

void ActiveLearningPage::showViews()
{
    const QStringList classNames = activeClassNames(m_document->session(), m_result.study, &m_studyFingerprint);
    m_classNames = classNames;
    m_accuracy->setData(activeAccuracyCurves(m_result));
    m_needed->setData(activeLabelsNeeded(m_result, activeLevels(m_result)));
    m_classes->setData(activeClassBalance(m_result, classNames));
    m_poolLoop->setStudy(&m_result, m_studyFingerprint);
    fillTable();
    fillGalleryChoices();
    const auto &c = m_result.setup.active;
    QString text = tr("Study %1: %2, %3 of %4 trials (with the baseline). %5 on %6; %7 → %8 labels, %9 per round, "
                      "%10 steps per round for every strategy.")
                       .arg(m_result.study.id)
                       .arg(studyStatusText(m_result.study.status))
                       .arg(m_result.study.cellsDone)
                       .arg(m_result.study.cellCount)
                       .arg(QString::fromStdString(m_result.setup.model),
                            QString::fromStdString(m_result.setup.dataset).toHtmlEscaped())
                       .arg(c.initial)
                       .arg(c.maxLabels)
                       .arg(c.budget)
                       .arg(c.stepsPerRound);
    if (!m_result.message.empty())
        text += QStringLiteral("<br>") + errorText(QString::fromStdString(m_result.message));
    for (const auto &s : m_result.strategies)
        for (const auto &t : s.trials)
            if (!t.message.empty())
                text += QStringLiteral("<br>") + errorText(QString::fromStdString(t.message));
    m_summary->setText(text);
}

void ActiveLearningPage::fillTable()
{
    m_table->setRowCount(int(m_result.strategies.size()));
    int row = 0;
    for (const auto &s : m_result.strategies) {
        double seconds = 0;
        for (const auto &t : s.trials)
            seconds += t.seconds;
        const QString last = s.median.empty() ? QString()
                                              : QStringLiteral("%1 [%2, %3]")
                                                    .arg(percent(s.median.back()), percent(s.q25.back()),
                                                         percent(s.q75.back()));
        const QStringList cells = {QString::fromStdString(s.name),
                                   QStringLiteral("%1 / %2").arg(s.trials.size()).arg(m_result.setup.active.trials),
                                   last, percent(s.aulc),
                                   s.trials.empty() ? QStringLiteral("–") : QLocale().toString(seconds / double(s.trials.size()), 'f', 1)};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (col == 0)
                item->setForeground(widgets::categoryColor(row));
            m_table->setItem(row, col, item);
        }
        ++row;
    }
    int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height);
}

void ActiveLearningPage::fillGalleryChoices()
{
    const QString current = m_pickStrategy->currentText();
    m_pickStrategy->clear();
    for (const auto &s : m_result.strategies)
        m_pickStrategy->addItem(QString::fromStdString(s.name));
    if (const int i = m_pickStrategy->findText(current); i >= 0)
        m_pickStrategy->setCurrentIndex(i);
    m_pickTrial->setMaximum(std::max(1, m_result.setup.active.trials));
    m_pickRound->setMaximum(std::max(1, int(m_result.labels.size()) - 1));
    updateGallery();
}

void ActiveLearningPage::showPicks(const QString &strategy, int trial, int round)
{
    m_pickStrategy->setCurrentIndex(std::max(0, m_pickStrategy->findText(strategy)));
    const QSignalBlocker a(m_pickTrial), b(m_pickRound);
    m_pickTrial->setValue(trial);
    m_pickRound->setValue(round);
    updateGallery();
}

void ActiveLearningPage::updateGallery()
{
    QList<QImage> images;
    QStringList captions;
    const int si = m_pickStrategy->currentIndex();
    const core::ActiveTrial *trial = nullptr;
    if (m_hasStudy && si >= 0 && si < int(m_result.strategies.size()))
        for (const auto &t : m_result.strategies[std::size_t(si)].trials)
            if (t.trial + 1 == m_pickTrial->value())
                trial = &t;
    const auto round = std::size_t(m_pickRound->value() - 1);
    if (!trial || round >= trial->picked.size()) {
        m_gallery->setImages({}, {});
        m_galleryNote->setText(m_hasStudy ? tr("This trial has not finished yet (or stopped before that round).")
                                          : QString());
        return;
    }
    const auto data = m_data->data();
    const bool sameData = data && !m_studyFingerprint.empty() && loadedFingerprint() == m_studyFingerprint;
    const auto &ids = trial->picked[round];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const double score = trial->pickedScores[round][i];
        const std::int64_t label = trial->pickedLabels[round][i];
        QString caption = label >= 0 && label < m_classNames.size() ? m_classNames[int(label)] : QString::number(label);
        if (std::isfinite(score))
            caption += QStringLiteral(" %1").arg(QLocale().toString(score, 'g', 3));
        if (sameData && ids[i] >= 0 && std::size_t(ids[i]) < data->train.size())
            images << widgets::toQImage(data->train, std::size_t(ids[i]));
        captions << caption;
    }
    if (!sameData || images.size() != captions.size()) {
        m_gallery->setImages({}, {});
        m_galleryNote->setText(tr("The %1 images picked are from %2: load that dataset on the Dataset page to see "
                                  "them. Their classes: %3.")
                                   .arg(ids.size())
                                   .arg(QString::fromStdString(m_result.setup.dataset).toHtmlEscaped(),
                                        captions.join(QStringLiteral(", "))));
        return;
    }
    m_gallery->setImages(images, captions);
    m_galleryNote->setText(
        (std::isfinite(trial->pickedScores[round].empty() ? NAN : trial->pickedScores[round][0])
             ? tr("%1 images labelled after round %2 (%3 labels), in the order picked; caption: true class and score "
                  "(higher = picked first).")
             : tr("%1 images labelled after round %2 (%3 labels), in the order picked; caption: true class (this "
                  "strategy has no score)."))
            .arg(ids.size())
            .arg(round + 1)
            .arg(m_result.labels[round]));
}

QJsonObject ActiveLearningPage::saveState() const
{
    QJsonArray strategies;
    for (const auto &[name, box] : m_strategies)
        if (box->isChecked())
            strategies.append(QString::fromStdString(name));
    return {{QStringLiteral("model"), m_model->currentText()},
            {QStringLiteral("strategies"), strategies},
            {QStringLiteral("initial"), m_initial->value()},
            {QStringLiteral("budget"), m_budget->value()},
            {QStringLiteral("maxLabels"), m_maxLabels->value()},
            {QStringLiteral("trials"), m_trials->value()},
            {QStringLiteral("steps"), m_steps->value()},
            {QStringLiteral("passes"), m_passes->value()},
            {QStringLiteral("baselineSeeds"), m_baselineSeeds->value()},
            {QStringLiteral("poolSize"), m_poolSize->value()},
            {QStringLiteral("testSize"), m_testSize->value()},
            {QStringLiteral("runOn"), m_slurm->saveState()},
            {QStringLiteral("study"), qint64(m_controls->selected())},
            {QStringLiteral("tab"), m_tabs->currentIndex()}};
}

void ActiveLearningPage::restoreState(const QJsonObject &s)
{
    reloadStudies();
    if (!s.isEmpty()) {
        QStringList strategies;
        for (const auto &v : s.value(QStringLiteral("strategies")).toArray())
            strategies << v.toString();
        setProtocol(s.value(QStringLiteral("model")).toString(QStringLiteral("lenet5-dropout")), strategies,
                    s.value(QStringLiteral("initial")).toInt(100), s.value(QStringLiteral("budget")).toInt(100),
                    s.value(QStringLiteral("maxLabels")).toInt(1000), s.value(QStringLiteral("trials")).toInt(3),
                    s.value(QStringLiteral("steps")).toInt(200), s.value(QStringLiteral("baselineSeeds")).toInt(3),
                    s.value(QStringLiteral("poolSize")).toInt(0), s.value(QStringLiteral("testSize")).toInt(0));
        m_passes->setValue(s.value(QStringLiteral("passes")).toInt(10));
        m_slurm->restoreState(s.value(QStringLiteral("runOn")).toObject());
        m_tabs->setCurrentIndex(std::clamp(s.value(QStringLiteral("tab")).toInt(0), 0, m_tabs->count() - 1));
    }
    showStudy(s.value(QStringLiteral("study")).toInteger(0));
}

} // namespace wb::app
