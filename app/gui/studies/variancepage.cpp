#include "variancepage.h"
#include "statusnames.h"

#include "architecturepage.h"
#include "bandchart.h"
#include "datasetpage.h"
#include "formwidgets.h"
#include "job.h"
#include "jobmanager.h"
#include "sessiondocument.h"
#include "slurmsettingsform.h"
#include "statustext.h"
#include "stripchart.h"
#include "studycontrols.h"
#include "studyjobrunner.h"
#include "trainconfigform.h"
#include "trainingpage.h"
#include "varianceviews.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

QString VariancePage::metricLabel(const std::string &key) { return varianceMetricLabel(key); }

namespace {

QString summaryCell(const core::MetricSummary &m, bool percent)
{
    if (m.n == 0)
        return QStringLiteral("–");
    if (m.n == 1)
        return percent ? QLocale().toString(100 * m.mean, 'f', 2) + QStringLiteral("% (1)") : QLocale().toString(m.mean, 'f', 4) + QStringLiteral(" (1)");
    auto num = [percent](double v) {
        return percent ? QLocale().toString(100 * v, 'f', 2) + QLatin1Char('%') : QLocale().toString(v, 'f', 4);
    };
    return QStringLiteral("%1 ± %2  [%3, %4]").arg(num(m.mean), num(m.std), num(m.ciLow), num(m.ciHigh));
}

} // namespace

VariancePage::VariancePage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                           ArchitecturePage *architecture, TrainingPage *training, QWidget *parent)
    : StudyPage(document, jobs, "variance",
                {tr("Run study"), tr("Train every setup the given number of times; each training is saved as it finishes."),
                 tr("Run the missing repeats of the study shown; the repeats already done are kept."),
                 tr("Is B really better than A, or is it noise? Pick two setups (or only A to measure its noise) and "
                    "the number of repeats. The dataset comes from the Dataset page."),
                 tr("trainings"), tr("Running… the plots fill in as repeats finish (progress in the Jobs panel).")},
                parent),
      m_data(data), m_architecture(architecture), m_training(training)
{
    auto *splitter = new QSplitter;
    splitter->addWidget(scrollableColumn(buildSetupPane()));
    splitter->addWidget(scrollableColumn(buildResultsPane(), true));
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    connect(m_document, &SessionDocument::contentChanged, this, &VariancePage::fillSetupChoices);
}

QWidget *VariancePage::buildSetupPane()
{
    m_setupA = new QComboBox;
    m_setupB = new QComboBox;
    for (QComboBox *c : {m_setupA, m_setupB}) {
        c->setToolTip(tr("A setup is the network and training settings of the Training and Architecture pages, or "
                         "those of a stored run (its seed is replaced by the repeat's)."));
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(24);
    }
    m_runs = makeSpinBox(2, 1000, 5);
    m_runs->setToolTip(tr("Trainings of every setup. Repeat k of A and of B use the same seed (weights, batch order, "
                          "dropout), so the comparison is paired."));
    m_betas = new QLineEdit(QStringLiteral("1, 2, 3, 5, 10"));
    m_betas->setToolTip(tr("β of the smoothed accuracies: the mean softmax(β·logits) probability of the true class. "
                           "A lower-variance stand-in for the accuracy."));
    m_valPerClass = makeSpinBox(0, 1000000, 0, tr("test images"));
    m_valPerClass->setToolTip(tr("Validation images per class, moved from the training images (seeded, stratified) "
                                 "and measured on; at the lowest value the metrics are measured on the test images."));
    m_resplit = new QCheckBox(tr("Draw the validation images anew for every repeat"));
    m_trainImages = makeSpinBox(0, 10000000, 0, tr("all"));
    m_testImages = makeSpinBox(0, 10000000, 0, tr("all"));
    auto *form = new QFormLayout;
    form->addRow(tr("Setup A:"), m_setupA);
    form->addRow(tr("Setup B:"), m_setupB);
    form->addRow(tr("Repeats:"), m_runs);
    form->addRow(tr("β values:"), m_betas);
    form->addRow(tr("Validation per class:"), m_valPerClass);
    form->addRow(QString(), m_resplit);
    form->addRow(tr("Training images:"), m_trainImages);
    form->addRow(tr("Test images:"), m_testImages);
    auto *left = new QWidget;
    addControls(left, tr("Setups"), form, tr("<b>Stored variance studies</b>"))->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    fillSetupChoices();
    return scroll;
}

QWidget *VariancePage::buildResultsPane()
{
    m_metric = new QComboBox;
    m_metric->setToolTip(tr("The metric of the strip plot and of the comparison's verdict."));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(22); // "smoothed_accuracy@10" whole
    connect(m_metric, &QComboBox::activated, this, [this] {
        if (m_hasStudy)
            showStudy(m_result.study.id);
    });
    m_strip = new widgets::StripChart;
    m_strip->setEmptyHint(tr("No variance study yet: pick the setups on the left and press Run study."));
    m_strip->setExportName(QStringLiteral("variance-repeats"));
    m_betaNoise = new widgets::BandChart;
    m_betaNoise->setExportName(QStringLiteral("variance-beta-noise"));
    m_betaBias = new widgets::BandChart;
    m_betaBias->setExportName(QStringLiteral("variance-beta-bias"));
    m_valSize = new widgets::BandChart;
    for (widgets::PlotWidget *chart : std::initializer_list<widgets::PlotWidget *>{m_betaNoise, m_betaBias, m_valSize})
        chart->setEmptyHint(m_strip->emptyHint());
    m_valSize->setExportName(QStringLiteral("variance-validation-size"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_strip, tr("Repeats"));
    m_tabs->addTab(m_betaNoise, tr("Noise vs β"));
    m_tabs->addTab(m_betaBias, tr("Bias vs β"));
    m_tabs->addTab(m_valSize, tr("Validation size"));
    m_verdict = new QLabel;
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_verdict->setFont(big);
    m_table = new QTableWidget(0, 0);
    m_table->setVisible(false); // until a study is shown
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary = new QLabel(tr("No variance study yet: pick the setups on the left and press Run study."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *metricRow = new QHBoxLayout;
    metricRow->addWidget(new QLabel(tr("Metric:")));
    metricRow->addWidget(m_metric);
    metricRow->addStretch();
    auto *right = new QWidget;
    auto *layout = new QVBoxLayout(right);
    layout->addLayout(metricRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    return right;
}

void VariancePage::fillSetupChoices()
{
    const qlonglong a = m_setupA->currentData().isValid() ? m_setupA->currentData().toLongLong() : 0;
    const qlonglong b = m_setupB->currentData().isValid() ? m_setupB->currentData().toLongLong() : -1;
    const QSignalBlocker blockA(m_setupA), blockB(m_setupB);
    m_setupA->clear();
    m_setupB->clear();
    m_setupB->addItem(tr("None: repeat A only"), qlonglong(-1));
    for (QComboBox *c : {m_setupA, m_setupB})
        c->addItem(tr("Training page settings"), qlonglong(0));
    if (m_document->isOpen()) {
        try {
            for (const auto &run : m_document->session().runs())
                for (QComboBox *c : {m_setupA, m_setupB})
                    c->addItem(tr("Run #%1 %2").arg(run.id).arg(QString::fromStdString(run.name)), qlonglong(run.id));
        } catch (const core::Error &) {
            // a session that cannot list its runs offers the Training page only
        }
    }
    m_setupA->setCurrentIndex(std::max(0, m_setupA->findData(a)));
    m_setupB->setCurrentIndex(std::max(0, m_setupB->findData(b)));
}

void VariancePage::setSetups(std::int64_t runA, std::int64_t runB)
{
    fillSetupChoices();
    m_setupA->setCurrentIndex(std::max(0, m_setupA->findData(qlonglong(runA))));
    m_setupB->setCurrentIndex(std::max(0, m_setupB->findData(qlonglong(runB))));
}

void VariancePage::setProtocol(int runs, int valPerClass, int trainImages, int testImages)
{
    m_runs->setValue(runs);
    m_valPerClass->setValue(valPerClass);
    m_trainImages->setValue(trainImages);
    m_testImages->setValue(testImages);
}

void VariancePage::setMetric(const QString &metric)
{
    if (const int i = m_metric->findData(metric); i >= 0) {
        m_metric->setCurrentIndex(i);
        if (m_hasStudy)
            showStudy(m_result.study.id);
    }
}

bool VariancePage::setupFromChoice(const QComboBox *combo, const QString &name, core::VarianceSetup *setup,
                                   QString *error) const
{
    const qlonglong id = combo->currentData().toLongLong();
    setup->name = name.toStdString();
    try {
        if (id == 0) {
            if (const QString blocker = m_training->notReadyReason(); !blocker.isEmpty()) {
                *error = blocker;
                return false;
            }
            setup->spec = m_architecture->spec();
            setup->train = m_training->configForm()->config();
            setup->model = "training page (" + std::to_string(core::inferShapes(setup->spec).totalParameters)
                           + " parameters)";
        } else {
            const core::RunRecord run = m_document->session().run(id);
            setup->train = core::trainConfigFromJson(run.configJson);
            setup->spec = core::parseModelSpec(m_document->session().architecture(run.architectureId).specJson,
                                               "run " + std::to_string(id));
            setup->model = "run #" + std::to_string(id) + (run.name.empty() ? "" : " " + run.name);
        }
    } catch (const core::Error &e) {
        *error = tr("Setup %1: %2").arg(name, QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

bool VariancePage::startStudy(QString *error)
{
    if (m_controls->runner->isRunning()) {
        *error = tr("A variance study is already running.");
        return false;
    }
    const auto data = m_data->data();
    if (!data) {
        *error = tr("Load a dataset on the Dataset page first.");
        return false;
    }
    core::VarianceStudySetup setup;
    core::VarianceSetup a, b;
    if (!setupFromChoice(m_setupA, QStringLiteral("A"), &a, error))
        return false;
    setup.setups.push_back(a);
    if (m_setupB->currentData().toLongLong() >= 0) {
        if (!setupFromChoice(m_setupB, QStringLiteral("B"), &b, error))
            return false;
        setup.setups.push_back(b);
    }
    auto &v = setup.variance;
    v.betas.clear();
    for (const QString &part : m_betas->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double beta = part.trimmed().toDouble(&ok);
        if (!ok) {
            *error = tr("β values: '%1' is not a number (expected e.g. 1, 2, 3, 5, 10).").arg(part.trimmed());
            return false;
        }
        v.betas.push_back(beta);
    }
    v.runs = m_runs->value();
    v.valPerClass = m_valPerClass->value();
    v.resplit = m_resplit->isChecked();
    v.trainSize = m_trainImages->value();
    v.testSize = m_testImages->value();
    v.seed = m_data->dataConfig().seed;
    setup.dataset = m_data->datasetName().toStdString();
    setup.image = m_data->imageOptions();
    try {
        core::validate(v);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return launchStudy([&](core::Session &session) { return core::createVarianceStudy(session, setup, *data); },
                       tr("Variance (%1 trainings)").arg(core::varianceCellCount(setup)),
                       [setup, data] { return core::variancePlan(setup, *data); }, setup.variance.workers, error);
}

std::int64_t VariancePage::shownStudy() const { return m_hasStudy ? m_result.study.id : 0; }
QString VariancePage::statusText() const { return m_summary->text(); }
QString VariancePage::verdictText() const { return m_verdict->text(); }

void VariancePage::reloadStudies()
{
    if (m_document->isOpen())
        fillSetupChoices(); // the stored runs a setup can be taken from
    StudyPage::reloadStudies();
}

void VariancePage::showStudyError(const QString &message) { m_summary->setText(errorText(message)); }

void VariancePage::showStudy(std::int64_t id)
{
    if (!m_document->isOpen())
        return;
    const bool sameStudy = m_hasStudy && m_result.study.id == id;
    m_hasStudy = false;
    try {
        if (id == 0)
            id = StudyJobRunner::latestStudy(m_document->session(), "variance");
        if (id == 0) {
            m_summary->setText(tr("No variance study yet: pick the setups on the left and press Run study."));
            m_controls->resume->setEnabled(false);
            return;
        }
        std::string metric = m_metric->currentData().toString().toStdString();
        const core::StudyRecord record = m_document->session().study(id);
        const auto names = core::varianceMetricNames(core::varianceStudySetup(record.configJson).variance);
        if (std::find(names.begin(), names.end(), metric) == names.end())
            metric = "accuracy";
        m_result = core::varianceResultFromStudy(m_document->session(), id, metric);
    } catch (const core::Error &e) {
        m_summary->setText(errorText(QString::fromUtf8(e.what())));
        return;
    }
    if (!sameStudy || m_metric->count() != int(m_result.metricNames.size())) {
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        for (const auto &name : m_result.metricNames)
            m_metric->addItem(metricLabel(name), QString::fromStdString(name));
    }
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(QString::fromStdString(m_result.metric))));
    m_controls->shown(id, m_result.study.status);
    m_hasStudy = true;
    showViews();
}

void VariancePage::showViews()
{
    m_strip->setData(varianceStrip(m_result, m_result.metric));
    m_betaNoise->setData(varianceBetaNoise(m_result));
    m_betaBias->setData(varianceBetaBias(m_result));
    m_valSize->setData(varianceValidationSize(m_result));
    fillTable();
    m_table->setVisible(true);
    const bool percent = core::varianceMetricIsAccuracy(m_result.metric);
    QString verdict;
    if (m_result.setups.size() > 1) {
        // The verdict in the interface's language (the engine's English one is the CLI's).
        const auto &compared = m_result.comparisons.size() > 1 ? m_result.comparisons[1] : std::nullopt;
        verdict = QStringLiteral("<b>%1</b>").arg(
            (compared ? varianceVerdictText(*compared, QString::fromStdString(m_result.setups[0].name),
                                            QString::fromStdString(m_result.setups[1].name), percent,
                                            core::varianceMetricIsAccuracy(m_result.metric))
                      : QString::fromStdString(m_result.verdicts[1]))
                .toHtmlEscaped());
        if (const auto &c = m_result.comparisons[1]; c && std::isfinite(c->pValue)) {
            auto num = [percent](double v) {
                if (!std::isfinite(v))
                    return tr("n/a");
                return percent ? QLocale().toString(100 * v, 'f', 2) + QLatin1Char('%') : QLocale().toString(v, 'g', 3);
            };
            // The design's test first; the other test, and the paired bootstrap where it has an
            // interval (5 pairs or more), as checks.
            const QString test = c->paired ? tr("paired t over the shared seeds") : tr("Welch's t; the seeds differ");
            QString line = tr("%1 − %2 on %3: %4; 95% interval %5 … %6 (%7), p = %8.")
                               .arg(QString::fromStdString(m_result.setups[1].name),
                                    QString::fromStdString(m_result.setups[0].name),
                                    varianceMetricLabel(m_result.metric), num(c->difference), num(c->low), num(c->high), test)
                               .arg(QLocale().toString(c->pValue, 'g', 2));
            if (c->paired && std::isfinite(c->welchPValue))
                line += QLatin1Char(' ') + tr("Check: Welch's t %1 … %2, p = %3.")
                                               .arg(num(c->welchLow), num(c->welchHigh))
                                               .arg(QLocale().toString(c->welchPValue, 'g', 2));
            if (std::isfinite(c->bootstrapLow))
                line += QLatin1Char(' ') + tr("Paired bootstrap: %1 … %2.").arg(num(c->bootstrapLow), num(c->bootstrapHigh));
            line += QLatin1Char(' ') + tr("Smallest difference %1 repeats detect (80% power): %2.").arg(c->n).arg(num(c->minDetectable));
            verdict += QStringLiteral("<br>") + line.toHtmlEscaped();
        }
    } else if (!m_result.relativeNoise.empty()) {
        const auto &[name, noise] = m_result.relativeNoise.front();
        const auto &acc = m_result.setups.front().summary.at("accuracy");
        verdict = tr("<b>Lowest noise: %1</b> (std %2 percentage points); the accuracy's std is %3 over %4 repeats.")
                      .arg(varianceMetricLabel(name))
                      .arg(QLocale().toString(100 * noise, 'f', 2))
                      .arg(QLocale().toString(100 * acc.std, 'f', 2))
                      .arg(acc.n);
    }
    m_verdict->setText(verdict);
    const auto &c = m_result.setup.variance;
    const std::int64_t evalImages = m_result.subsetSizes.empty() ? 0 : m_result.subsetSizes.back();
    QString text = tr("Study %1: %2, %3 of %4 trainings; %5 repeats per setup on %6, measured on %7.")
                       .arg(m_result.study.id)
                       .arg(studyStatusText(m_result.study.status))
                       .arg(m_result.study.cellsDone)
                       .arg(m_result.study.cellCount)
                       .arg(c.runs)
                       .arg(QString::fromStdString(m_result.setup.dataset).toHtmlEscaped(),
                            (c.valPerClass > 0 ? tr("%1 validation images") : tr("%1 test images")).arg(evalImages));
    for (std::size_t i = 0; i < m_result.setups.size(); ++i) {
        const auto &s = m_result.setups[i];
        text += QStringLiteral("<br>") + QString::fromStdString(s.name).toHtmlEscaped() + QStringLiteral(": ")
                + QString::fromStdString(s.model).toHtmlEscaped() + QStringLiteral(", ")
                + QString::fromStdString(s.train.optimizer) + QStringLiteral(" lr ") + QLocale().toString(s.train.lr, 'g', 6)
                + QStringLiteral(", ") + QString::fromStdString(s.train.schedule) + QStringLiteral(", ")
                + (s.train.epochs == 1 ? tr("1 epoch") : tr("%1 epochs").arg(s.train.epochs));
        if (i == 0)
            continue;
        // Always the settings that differ, whether or not the line above shows them.
        const auto &a = m_result.setups[0];
        const QString differences = QString::fromStdString(core::differencesText(core::configDifferences(a.train, s.train)));
        const QString nameA = QString::fromStdString(a.name).toHtmlEscaped();
        if (s.model != a.model)
            text += QStringLiteral(" — ") + tr("network differs from %1's (%2)").arg(nameA, QString::fromStdString(a.model).toHtmlEscaped());
        text += QStringLiteral(" — ") + (differences.isEmpty() ? tr("the same training settings as %1").arg(nameA)
                                                                : tr("differs from %1 in: %2").arg(nameA, differences.toHtmlEscaped()));
    }
    if (!m_result.message.empty())
        text += QStringLiteral("<br>") + errorText(QString::fromStdString(m_result.message));
    for (const auto &s : m_result.setups)
        for (const auto &run : s.runs)
            if (!run.message.empty())
                text += QStringLiteral("<br>") + errorText(QString::fromStdString(run.message));
    m_summary->setText(text);
}

void VariancePage::fillTable()
{
    const auto &setups = m_result.setups;
    QStringList headers{tr("Metric")};
    for (const auto &s : setups)
        headers << tr("%1: mean ± std [95% interval]").arg(QString::fromStdString(s.name));
    for (std::size_t i = 1; i < setups.size(); ++i)
        headers << tr("%1 − %2 [95%], p").arg(QString::fromStdString(setups[i].name),
                                              QString::fromStdString(setups[0].name));
    headers << tr("Noise rank");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_result.metricNames.size()));
    for (int row = 0; row < int(m_result.metricNames.size()); ++row) {
        const std::string &metric = m_result.metricNames[std::size_t(row)];
        const bool percent = core::varianceMetricIsAccuracy(metric);
        QStringList cells{varianceMetricLabel(metric)};
        for (const auto &s : setups)
            cells << summaryCell(s.summary.at(metric), percent);
        for (std::size_t i = 1; i < setups.size(); ++i)
            cells << varianceDifferenceText(m_result, i, metric);
        QString rank = QStringLiteral("–");
        for (std::size_t k = 0; k < m_result.relativeNoise.size(); ++k)
            if (m_result.relativeNoise[k].first == metric)
                rank = QString::number(k + 1);
        cells << rank;
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (metric == m_result.metric)
                item->setBackground(QColor(255, 245, 200));
            m_table->setItem(row, col, item);
        }
    }
    int height = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    m_table->setFixedHeight(height);
}

QJsonObject VariancePage::saveState() const
{
    return {{QStringLiteral("setupA"), m_setupA->currentData().toLongLong()},
            {QStringLiteral("setupB"), m_setupB->currentData().toLongLong()},
            {QStringLiteral("runs"), m_runs->value()},
            {QStringLiteral("betas"), m_betas->text()},
            {QStringLiteral("valPerClass"), m_valPerClass->value()},
            {QStringLiteral("resplit"), m_resplit->isChecked()},
            {QStringLiteral("trainImages"), m_trainImages->value()},
            {QStringLiteral("testImages"), m_testImages->value()},
            {QStringLiteral("runOn"), m_slurm->saveState()},
            {QStringLiteral("metric"), m_metric->currentData().toString()},
            {QStringLiteral("study"), qint64(m_controls->selected())},
            {QStringLiteral("tab"), m_tabs->currentIndex()}};
}

void VariancePage::restoreState(const QJsonObject &s)
{
    reloadStudies();
    if (!s.isEmpty()) {
        setSetups(s.value(QStringLiteral("setupA")).toInteger(0), s.value(QStringLiteral("setupB")).toInteger(-1));
        setProtocol(s.value(QStringLiteral("runs")).toInt(5), s.value(QStringLiteral("valPerClass")).toInt(0),
                    s.value(QStringLiteral("trainImages")).toInt(0), s.value(QStringLiteral("testImages")).toInt(0));
        m_betas->setText(s.value(QStringLiteral("betas")).toString(QStringLiteral("1, 2, 3, 5, 10")));
        m_resplit->setChecked(s.value(QStringLiteral("resplit")).toBool(false));
        m_slurm->restoreState(s.value(QStringLiteral("runOn")).toObject());
        m_tabs->setCurrentIndex(std::clamp(s.value(QStringLiteral("tab")).toInt(0), 0, m_tabs->count() - 1));
        const QString metric = s.value(QStringLiteral("metric")).toString();
        if (!metric.isEmpty()) {
            m_metric->clear();
            m_metric->addItem(metricLabel(metric.toStdString()), metric);
        }
    }
    showStudy(s.value(QStringLiteral("study")).toInteger(0));
}

} // namespace wb::app
