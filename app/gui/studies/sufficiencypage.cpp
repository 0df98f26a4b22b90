#include "sufficiencypage.h"
#include "statusnames.h"

#include "learningcurvedata.h"
#include "statustext.h"

#include "architecturepage.h"
#include "datasetpage.h"
#include "jobmanager.h"
#include "layerlistmodel.h"
#include "learningcurvechart.h"
#include "sessiondocument.h"
#include "trainconfigform.h"
#include "sufficiencystudyform.h"
#include "slurmsettingsform.h"
#include "studycontrols.h"
#include "studyjobrunner.h"
#include "trainingpage.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/sufficiencystudy.h"

#include <QLocale>
#include <QComboBox>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace wb::app {

namespace {
QString count(double n)
{
    return std::isfinite(n) ? QLocale().toString(qlonglong(n)) : QStringLiteral("∞");
}

// The fit's warnings for the label under the chart.
QString warningsHtml(const QStringList &warnings)
{
    QString html;
    for (const QString &w : warnings)
        html += QStringLiteral("<br><span style='color:#b35900'>⚠ %1</span>").arg(w.toHtmlEscaped());
    return html;
}

} // namespace

SufficiencyPage::SufficiencyPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                                 ArchitecturePage *architecture, TrainingPage *training, QWidget *parent)
    : StudyPage(document, jobs, "sufficiency",
                {tr("Run study"), QString(),
                 tr("Run the missing runs of the study shown (interrupted, cancelled or failed); the runs already "
                    "done are kept."),
                 tr("Model, dataset and optimizer come from the other pages."), tr("runs"),
                 tr("Running… each run is saved as it finishes (progress in the Jobs panel).")},
                parent),
      m_data(data), m_architecture(architecture), m_training(training)
{
    auto *splitter = new QSplitter;
    splitter->addWidget(scrollableColumn(buildStudyPane()));
    splitter->addWidget(scrollableColumn(buildResultsPane(), true));
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    setTarget(0.95);
}

// Study settings, Run / Cancel, the status line and the stored studies.
QWidget *SufficiencyPage::buildStudyPane()
{
    m_form = new SufficiencyStudyForm;
    auto *form = new QVBoxLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addWidget(m_form);
    m_metric = new QComboBox;
    m_family = new QComboBox;
    for (const auto &choice : core::curveChoices())
        m_family->addItem(curveFamilyTitle(QString::fromStdString(choice)), QString::fromStdString(choice));
    m_family->setCurrentIndex(m_family->findData(QString::fromLatin1(kDefaultCurveFamily)));
    m_family->setToolTip(tr("Where the answer comes from. The calibrated answer (default) fits the sizes that "
                            "back-test best, leaves out families that miss the data and takes its bands from "
                            "real learning curves; the power law is the established method's. A target that a "
                            "measured mean reaches is always answered from the measurements."));
    m_fitLabel = new QLabel;
    m_fitLabel->setWordWrap(true);
    m_fitLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *left = new QWidget;
    QVBoxLayout *leftLayout = addControls(left, tr("Study"), form, tr("<b>Stored studies</b>"));
    leftLayout->addWidget(m_metric);
    leftLayout->addWidget(m_family);
    leftLayout->addWidget(m_fitLabel);
    leftLayout->addStretch();
    connect(m_metric, &QComboBox::activated, this, &SufficiencyPage::analyze);
    connect(m_family, &QComboBox::activated, this, &SufficiencyPage::analyze);
    return left;
}

// The learning curve, the target slider with the samples needed, and the projection table.
QWidget *SufficiencyPage::buildResultsPane()
{
    m_chart = new widgets::LearningCurveChart;
    // On a laptop the pane scrolls; the curve keeps a readable height with its legend, answer and
    // warnings under the axes (at 240 px the axes were crushed to ~45 px at 1366×768).
    m_chart->setMinimumHeight(420);
    m_chart->setEmptyHint(tr("No study yet: set the sizes on the left and press Run study to see how the accuracy grows with the data."));
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setRange(500, 999);
    m_targetSpin = new QDoubleSpinBox;
    m_targetSpin->setRange(0.5, 0.999);
    m_targetSpin->setDecimals(3);
    m_targetSpin->setSingleStep(0.005);
    m_needed = new QLabel;
    QFont big = m_needed->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_needed->setFont(big);
    // Room for the answer and its extrapolation note: the controls below do not jump.
    m_needed->setMinimumHeight(3 * QFontMetrics(big).lineSpacing() + 4);
    m_needed->setWordWrap(true);
    m_needed->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(new QLabel(tr("Target accuracy:")));
    targetRow->addWidget(m_slider, 1);
    targetRow->addWidget(m_targetSpin);
    m_project = new QLineEdit(QStringLiteral("1000, 2000, 4000"));
    m_table = new QTableWidget(0, 6);
    m_table->setHorizontalHeaderLabels({tr("Samples"), tr("Accuracy"), tr("From"), tr("50% band"), tr("80% band"),
                                        tr("95% band")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(150);
    auto *projectRow = new QHBoxLayout;
    projectRow->addWidget(new QLabel(tr("Project to sizes:")));
    projectRow->addWidget(m_project, 1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_chart, 1);
    rightLayout->addLayout(targetRow);
    rightLayout->addWidget(m_needed);
    rightLayout->addLayout(projectRow);
    rightLayout->addWidget(m_table);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        const QSignalBlocker block(m_targetSpin);
        m_targetSpin->setValue(v / 1000.0);
        updateTarget();
    });
    connect(m_targetSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::lround(v * 1000)));
        updateTarget();
    });
    connect(m_project, &QLineEdit::editingFinished, this, &SufficiencyPage::updateProjection);
    return right;
}

void SufficiencyPage::setStudyOptions(std::int64_t trainSize, std::int64_t testSize, int runs, int substeps, int epochs)
{
    m_form->setOptions(trainSize, testSize, runs, substeps, epochs);
}

bool SufficiencyPage::startStudy(QString *error)
{
    if (const QString blocker = m_training->notReadyReason(); !blocker.isEmpty()) {
        *error = blocker;
        return false;
    }
    const auto data = m_data->data();
    if (m_controls->runner->isRunning()) {
        *error = tr("A study is already running.");
        return false;
    }
    core::SufficiencyConfig sc;
    if (!m_form->config(sc, error))
        return false;
    sc.seed = m_data->dataConfig().seed;
    core::TrainConfig tc = m_training->configForm()->config();
    tc.epochs = m_form->epochs();
    const core::ModelSpec spec = m_architecture->spec();
    try {
        core::validate(sc);
        core::validate(tc);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    core::SufficiencyStudySetup setup;
    setup.study = sc;
    setup.train = tc;
    setup.spec = spec;
    setup.model = m_architecture->modelName().toStdString();
    setup.dataset = m_data->datasetName().toStdString();
    setup.image = m_data->imageOptions();
    return launchStudy([&](core::Session &session) { return core::createSufficiencyStudy(session, setup, *data); },
                       tr("Sufficiency study (%1 runs)").arg(sc.runs),
                       [setup, data] { return core::sufficiencyPlan(setup, *data); }, sc.workers, error);
}

void SufficiencyPage::showStudyError(const QString &message) { m_fitLabel->setText(message); }

void SufficiencyPage::showStudy(std::int64_t id)
{
    if (!m_document->isOpen())
        return;
    m_hasStudy = false;
    core::StudyRecord record;
    try {
        if (id != 0) {
            record = m_document->session().study(id);
        } else if (const auto latest = StudyJobRunner::latestStudy(m_document->session(), "sufficiency")) {
            record = m_document->session().study(latest);
        }
        if (record.id == 0 || record.type != "sufficiency") {
            m_fitLabel->setText(tr("No study yet."));
            m_controls->resume->setEnabled(false);
            return;
        }
        core::SufficiencyStudySetup setup;
        m_result = core::sufficiencyResultFromStudy(m_document->session(), record.id, &setup);
        m_config = setup.study;
    } catch (const core::Error &e) {
        m_fitLabel->setText(QString::fromUtf8(e.what()));
        return;
    }
    m_shownStatus = tr("%1, %2 of %3 runs")
                        .arg(studyStatusText(record.status))
                        .arg(record.cellsDone)
                        .arg(record.cellCount);
    m_controls->shown(record.id, record.status);
    if (record.cellsDone == 0) {
        m_fitLabel->setText(tr("Study %1: %2 — no run has finished yet.").arg(record.id).arg(m_shownStatus));
        return;
    }
    const QString current = m_metric->currentData().toString();
    m_metric->clear();
    for (const auto &entry : m_result.perRun) { // shown translated, kept by key
        const QString key = QString::fromStdString(entry.first);
        m_metric->addItem(key == QLatin1String("accuracy")            ? tr("accuracy")
                          : key == QLatin1String("loss")              ? tr("loss")
                          : key == QLatin1String("smoothed_accuracy") ? tr("smoothed accuracy")
                                                                      : key,
                          key);
    }
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(current.isEmpty() ? QStringLiteral("accuracy") : current)));
    m_hasStudy = true;
    analyze();
}

// The analysis (the fits and 300 bootstrap draws; ~1 s for the ensemble) runs on a pool
// thread; only the newest request is shown.
void SufficiencyPage::analyze()
{
    if (!m_hasStudy)
        return;
    const int generation = ++m_analysisGeneration;
    m_fitLabel->setText(tr("Fitting the learning curve…"));
    auto *watcher = new QFutureWatcher<AnalysisOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_analysisGeneration) {
            m_shownGeneration = generation;
            showAnalysis(watcher->result());
        }
    });
    watcher->setFuture(QtConcurrent::run(
        [result = m_result, metric = m_metric->currentData().toString().toStdString(), seed = m_config.seed,
         fam = family().toStdString()] {
            AnalysisOutcome out;
            try {
                out.analysis = core::analyzeSufficiency(result, metric, {}, 300, seed, fam);
            } catch (const core::Error &e) {
                out.error = QString::fromUtf8(e.what());
            }
            return out;
        }));
}

void SufficiencyPage::showAnalysis(const AnalysisOutcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        m_fitLabel->setText(outcome.error);
        return;
    }
    m_analysis = outcome.analysis;
    const widgets::LearningCurveChart::Data d = learningCurveData(m_analysis, QString::fromStdString(m_analysis.metric));
    m_chart->setData(d);
    const auto &p = m_analysis.power.params;
    const QString runs = tr("%1 × %2 steps, %3 s")
                             .arg(m_shownStatus)
                             .arg(m_result.steps.size())
                             .arg(QLocale().toString(m_result.seconds, 'f', 1));
    QString fit;
    if (m_analysis.choice == "calibrated" && m_analysis.hasModel) {
        const core::SampleSizeModel &m = m_analysis.model;
        QStringList fitting;
        for (const auto &c : m.families)
            if (!c.missesData)
                fitting << curveFamilyTitle(QString::fromStdString(c.fit.family));
        fit = tr("Calibrated answer: sizes from %1 fitted (smaller ones back-tested worse: drawn hollow); "
                 "families that fit the data: %2; bands calibrated on %3 real learning curves.")
                  .arg(QLocale().toString(qlonglong(m.steps[m.firstFitted])))
                  .arg(fitting.isEmpty() ? tr("none") : fitting.join(QStringLiteral(", ")))
                  .arg(m.calibration.curves);
        if (m.hasCurve)
            fit += QStringLiteral("<br>")
                   + tr("Levels off at %1 (projected).").arg(QLocale().toString(core::projectedLevel(m), 'f', 4));
    } else {
        fit = tr("Power law on %1: c = %2, m = %3, c0 = %4<br>asymptote %5; best-extrapolating family: %6")
                  .arg(m_analysis.accuracyLike ? tr("1 − metric") : tr("the metric"))
                  .arg(QLocale().toString(p[0], 'g', 5)).arg(QLocale().toString(p[1], 'g', 5)).arg(QLocale().toString(p[2], 'g', 5))
                  .arg(QLocale().toString(m_analysis.asymptote, 'f', 4))
                  .arg(QString::fromStdString(m_analysis.bestFamily));
        if (m_analysis.choice != "power")
            fit += tr("<br>Projections from: %1").arg(d.family.toHtmlEscaped());
    }
    m_fitLabel->setText(fit + QStringLiteral("<br>") + runs + warningsHtml(d.warnings));
    m_slider->setEnabled(m_analysis.accuracyLike);
    m_targetSpin->setEnabled(m_analysis.accuracyLike);
    updateTarget();
    updateProjection();
    Q_EMIT analysisShown();
}

bool SufficiencyPage::waitForAnalysis(int timeoutMs)
{
    if (!m_hasStudy || m_analysisGeneration == m_shownGeneration)
        return true;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connect(this, &SufficiencyPage::analysisShown, &loop, [this, &loop] {
        if (m_analysisGeneration == m_shownGeneration)
            loop.quit();
    });
    loop.exec();
    return m_analysisGeneration == m_shownGeneration;
}

std::int64_t SufficiencyPage::shownStudy() const { return m_controls->selected(); }

QString SufficiencyPage::family() const
{
    return m_family->currentData().toString();
}

void SufficiencyPage::setTarget(double target) { m_targetSpin->setValue(target); }
double SufficiencyPage::target() const { return m_targetSpin->value(); }
QString SufficiencyPage::neededText() const { return m_needed->text(); }

void SufficiencyPage::updateTarget()
{
    if (!m_hasStudy || !m_analysis.accuracyLike || !m_analysis.hasModel) {
        m_needed->setText(m_hasStudy ? targetAnswer(m_analysis, target()).headline : QString());
        m_chart->setTarget(-1, -1);
        return;
    }
    const double t = target();
    const TargetAnswer answer = targetAnswer(m_analysis, t);
    QString text = answer.headline.toHtmlEscaped();
    if (answer.marker > 0 && !answer.measured
        && core::extrapolationWarning({}, answer.marker, m_analysis.steps.back()))
        text += QStringLiteral("<br><span style='color:#b35900'>%1</span>")
                    .arg(tr("%1x the largest measured size: beyond %2x the data a projection is a guess.")
                             .arg(count(answer.marker / m_analysis.steps.back()))
                             .arg(core::kSupportedExtrapolation));
    if (!answer.nextStep.isEmpty())
        text += QStringLiteral("<br><span style='font-weight:normal'>%1</span>").arg(answer.nextStep.toHtmlEscaped());
    m_needed->setText(text);
    m_chart->setTarget(t, answer.marker, answer.band, answer.nextStep);
}

void SufficiencyPage::updateProjection()
{
    m_table->setRowCount(0);
    if (!m_hasStudy)
        return;
    const bool calibrated = m_analysis.choice == "calibrated" && m_analysis.hasModel;
    const bool fitMisses = !calibrated && !missedChecks(m_analysis).empty(); // once, not per row
    for (const QString &part : m_project->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double n = QLocale().toDouble(part.trimmed(), &ok);
        if (!ok || n < 1)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QLocale().toString(qlonglong(n))));
        auto range = [](double lo, double hi) {
            if (!std::isfinite(lo) || !std::isfinite(hi))
                return QStringLiteral("–");
            return QStringLiteral("%1 – %2").arg(QLocale().toString(lo, 'f', 4), QLocale().toString(hi, 'f', 4));
        };
        const bool guess = core::extrapolationWarning({}, n, m_analysis.steps.back()).has_value();
        if (calibrated) {
            const core::Projection p = core::projectAccuracy(m_analysis.model, n);
            m_table->setItem(row, 1, new QTableWidgetItem(std::isfinite(p.value) ? QLocale().toString(p.value, 'f', 4)
                                                                                : tr("no answer")));
            // Between two measured sizes the value is interpolated, not measured (1,000 between 796 and 2,000).
            const bool atMeasured = std::any_of(m_analysis.steps.begin(), m_analysis.steps.end(),
                                                [n](double s) { return std::abs(s - double(n)) < 0.5; });
            m_table->setItem(row, 2, new QTableWidgetItem(p.source == core::AnswerSource::Measured
                                                              ? (atMeasured ? tr("measured") : tr("interpolated between measured sizes"))
                                                          : p.source == core::AnswerSource::Projected
                                                              ? (guess ? tr("projected (beyond %1x: a guess)")
                                                                             .arg(core::kSupportedExtrapolation)
                                                                       : tr("projected"))
                                                              : tr("none")));
            for (int l = 0; l < 3; ++l)
                m_table->setItem(row, 3 + l, new QTableWidgetItem(range(p.lo[std::size_t(l)], p.hi[std::size_t(l)])));
            continue;
        }
        const double v = core::projectMetric(m_analysis.chosen, n, m_analysis.accuracyLike);
        m_table->setItem(row, 1, new QTableWidgetItem(QLocale().toString(v, 'f', 4)));
        m_table->setItem(row, 2, new QTableWidgetItem(fitMisses ? tr("fitted (misses the data)")
                                                      : guess ? tr("fitted (beyond %1x: a guess)").arg(core::kSupportedExtrapolation)
                                                              : tr("fitted")));
        m_table->setItem(row, 3, new QTableWidgetItem(QStringLiteral("–")));
        for (int l = 1; l < 3; ++l) {
            const auto band = core::projectionBand(m_analysis.draws, n, m_analysis.accuracyLike, m_analysis.runs,
                                                   l == 1 ? 0.80 : 0.95);
            m_table->setItem(row, 3 + l, new QTableWidgetItem(range(band.first, band.second)));
        }
    }
}

QJsonObject SufficiencyPage::saveState() const
{
    QJsonObject state = m_form->saveState(); // its keys at the top level, as before
    state.insert(QStringLiteral("runOn"), m_slurm->saveState());
    state.insert(QStringLiteral("study"), qint64(m_controls->selected()));
    state.insert(QStringLiteral("metric"), m_metric->currentData().toString());
    state.insert(QStringLiteral("family"), family());
    state.insert(QStringLiteral("target"), target());
    state.insert(QStringLiteral("project"), m_project->text());
    return state;
}

void SufficiencyPage::restoreState(const QJsonObject &s)
{
    reloadStudies();
    if (!s.isEmpty()) {
        m_form->restoreState(s);
        m_slurm->restoreState(s.value(QStringLiteral("runOn")).toObject());
        m_project->setText(s.value(QStringLiteral("project")).toString(m_project->text()));
    }
    const int fam = m_family->findData(s.value(QStringLiteral("family")).toString(QString::fromLatin1(kDefaultCurveFamily)));
    if (fam >= 0)
        m_family->setCurrentIndex(fam);
    showStudy(s.value(QStringLiteral("study")).toInteger(0));
    const int metric = m_metric->findData(s.value(QStringLiteral("metric")).toString());
    if (metric >= 0) {
        m_metric->setCurrentIndex(metric);
        analyze();
    }
    setTarget(s.value(QStringLiteral("target")).toDouble(0.95));
}

} // namespace wb::app
