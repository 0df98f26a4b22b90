#include "lrfinderpanel.h"
#include "statustext.h"

#include "architecturepage.h"
#include "datasetpage.h"
#include "jobmanager.h"
#include "layerlistmodel.h"
#include "lrfinderchart.h"
#include "sessiondocument.h"
#include "trainconfigform.h"
#include "trainingpage.h"
#include "wb/errors.h"

#include <QCoreApplication>
#include <QLocale>
#include <QHBoxLayout>
#include <QDoubleValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <cmath>

namespace wb::app {

namespace {
/// A suggested learning rate as the status line shows it: "1e-05" in every language (German
/// printed "1E-05"), and "none" where the curve gives none (it printed "nan").
QString lrText(double lr)
{
    if (!std::isfinite(lr))
        return QCoreApplication::translate("wb::app::LrFinderPanel", "none");
    return QLocale().toString(lr, 'g', 3).replace(QLatin1Char('E'), QLatin1Char('e'));
}
} // namespace

LrFinderPanel::LrFinderPanel(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                             ArchitecturePage *architecture, TrainingPage *training, QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs), m_data(data), m_architecture(architecture),
      m_training(training)
{
    m_chart = new widgets::LrFinderChart;
    m_find = new QPushButton(tr("Find LR"));
    m_find->setToolTip(tr("Train one epoch while the learning rate grows exponentially over the range; the model is left as it was"));
    m_repeats = new QSpinBox;
    m_repeats->setRange(1, 20);
    m_repeats->setValue(1);
    m_repeats->setPrefix(tr("repeats: "));
    m_batches = new QSpinBox;
    m_batches->setRange(0, 100000);
    m_batches->setSpecialValueText(tr("batches: one epoch"));
    m_batches->setPrefix(tr("batches: "));
    m_lrMin = new QLineEdit(QStringLiteral("1e-05"));
    m_lrMax = new QLineEdit(QStringLiteral("0.1"));
    for (auto *edit : {m_lrMin, m_lrMax}) {
        auto *validator = new QDoubleValidator(1e-12, 1e6, 12, edit);
        validator->setLocale(QLocale::c());
        validator->setNotation(QDoubleValidator::ScientificNotation);
        edit->setValidator(validator);
        edit->setMaximumWidth(80);
    }
    auto *compare = new QPushButton(tr("Compare lr and lr/2"));
    compare->setToolTip(tr("Start two training runs, with the learning rate of the form and half of it"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_find);
    top->addWidget(m_repeats);
    top->addWidget(m_batches);
    top->addStretch();
    // The range and "Compare" in a second row: in one, the tab was ~780 px wide in German and
    // widened the whole Training page past a 1366 px laptop screen.
    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("lr from")));
    range->addWidget(m_lrMin);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_lrMax);
    range->addStretch();
    range->addWidget(compare);
    auto *use = new QHBoxLayout;
    use->addWidget(new QLabel(tr("Use:")));
    for (const char *name : {"min_loss_half", "steepest", "valley"}) {
        auto *b = new QPushButton(QString::fromLatin1(name));
        b->setEnabled(false); // until a test has run
        b->setToolTip(tr("Run the LR range test first."));
        connect(b, &QPushButton::clicked, this, [this, name] { useSuggestion(QString::fromLatin1(name)); });
        use->addWidget(b);
        m_use.insert(QString::fromLatin1(name), b);
    }
    use->addStretch();
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(range);
    layout->addWidget(m_chart, 1);
    layout->addLayout(use);
    layout->addWidget(m_status);
    connect(m_find, &QPushButton::clicked, this, [this] {
        QString error;
        if (!startLrFind(&error))
            m_status->setText(errorText(error));
    });
    connect(compare, &QPushButton::clicked, this, [this] {
        QString error;
        if (!compareLrAndHalf(&error))
            m_status->setText(errorText(error));
    });
    connect(m_chart, &widgets::LrFinderChart::suggestionClicked, this,
            [this](const QString &name) { useSuggestion(name); });
}

bool LrFinderPanel::startLrFind(QString *error)
{
    if (const QString blocker = m_training->notReadyReason(false); !blocker.isEmpty()) { // lr is not used
        *error = blocker;
        return false;
    }
    const auto data = m_data->data();
    if (m_job) {
        *error = tr("An LR range test is already running.");
        return false;
    }
    core::TrainConfig config = m_training->configForm()->config();
    config.lr = 0.01; // ignored by the test; keeps validation quiet while the field is empty
    config.threads = m_jobs->threadsPerComputeJob();
    core::LrFindOptions options;
    options.repeats = m_repeats->value();
    options.batches = m_batches->value();
    bool okMin = false, okMax = false;
    options.lrMin = QLocale::c().toDouble(m_lrMin->text(), &okMin);
    options.lrMax = QLocale::c().toDouble(m_lrMax->text(), &okMax);
    if (!okMin || !okMax || !(options.lrMin > 0 && options.lrMax > options.lrMin)) {
        *error = tr("The learning-rate range must satisfy 0 < from < to.");
        return false;
    }
    const core::ModelSpec spec = m_architecture->spec();
    core::DataSelection sel;
    try {
        core::validate(config);
        sel = core::selectData(*data, m_data->dataConfig());
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    auto result = std::make_shared<core::LrFindResult>();
    const auto train = std::make_shared<std::vector<std::size_t>>(sel.train);
    m_job = m_jobs->start(tr("LR range test"), [spec, config, data, train, options, result](Job &job) {
        core::TrainData td;
        td.train = &data->train;
        td.trainIndices = *train;
        *result = core::findLearningRate(spec, config, td, options, job);
    });
    m_job->setWritesSession(false); // the result is stored from the GUI thread
    m_find->setEnabled(false);
    m_status->setText(tr("Running the LR range test…"));
    const QString model = m_architecture->modelName();
    connect(m_job, &Job::finished, this, [this, result, config, model] {
        Job *job = m_job;
        m_job = nullptr;
        m_find->setEnabled(true);
        if (job->state() != Job::State::Finished) {
            m_status->setText(job->state() == Job::State::Failed ? tr("The LR range test failed: %1").arg(job->error())
                                                                 : tr("The LR range test was cancelled."));
            Q_EMIT finished(false);
            return;
        }
        auto payload = nlohmann::json::parse(core::toJson(*result));
        payload["model"] = model.toStdString();
        payload["train_config"] = nlohmann::json::parse(core::toJson(config));
        core::ResultRecord record;
        record.kind = "lr-find";
        record.name = model.toStdString() + " " + config.optimizer + " lr-find";
        record.payloadJson = payload.dump();
        const auto id = m_document->session().addResult(record);
        m_document->notifyContentChanged();
        showResult(id);
        Q_EMIT finished(true);
    });
    return true;
}

bool LrFinderPanel::showResult(std::int64_t id)
{
    m_hasResult = false;
    if (!m_document->isOpen())
        return false;
    const auto results = m_document->session().results("lr-find");
    const core::ResultRecord *record = nullptr;
    for (const auto &r : results)
        if (id == 0 || r.id == id)
            record = &r;
    if (!record) {
        m_chart->setCurve({}, {}, {}, {}, {}, {});
        m_status->setText(tr("No LR range test yet: press Find LR."));
        updateUseButtons();
        return false;
    }
    try {
        m_result = core::lrFindResultFromJson(record->payloadJson);
    } catch (const core::Error &e) {
        m_status->setText(QString::fromUtf8(e.what()));
        updateUseButtons();
        return false;
    }
    const auto &s = m_result.suggestions;
    m_chart->setCurve(m_result.lr, m_result.loss, m_result.smoothed, m_result.lossMin, m_result.lossMax,
                      {{QStringLiteral("min_loss_half"), s.minLossHalf,
                        tr("The lr at the minimum of the smoothed loss, divided by 2: the rule of thumb "
                           "“select a twice smaller learning rate”.")},
                       {QStringLiteral("steepest"), s.steepest,
                        tr("Where the smoothed loss falls fastest against log(lr).")},
                       {QStringLiteral("valley"), s.valley,
                        tr("Two thirds of the way down the longest sustained descent before the minimum.")}});
    m_status->setText(tr("%1 batches of %2%3, %4 repeat(s). Suggestions: min_loss_half %5, steepest %6, valley %7. "
                         "Click a marker or a Use button to set the learning rate.")
                          .arg(m_result.lr.size()).arg(m_result.plannedBatches)
                          .arg(m_result.stoppedEarly ? tr(" (stopped early: the loss diverged)") : QString())
                          .arg(m_result.losses.size())
                          .arg(lrText(s.minLossHalf), lrText(s.steepest), lrText(s.valley)));
    // The minimum at the top of the range: the loss was still falling, and min_loss_half is
    // only the range's end halved, not a property of the model.
    if (!m_result.stoppedEarly && !m_result.lr.empty() && std::isfinite(s.minLossHalf)
        && std::abs(s.minLossHalf * 2 - m_result.lr.back()) <= 1e-9 * m_result.lr.back())
        m_status->setText(m_status->text() + QStringLiteral(" ")
                          + tr("The loss was still falling at the end of the range (%1): widen the range upwards "
                               "before trusting min_loss_half.")
                                .arg(lrText(m_result.lr.back())));
    m_hasResult = true;
    updateUseButtons();
    return true;
}

double LrFinderPanel::suggestion(const QString &name) const
{
    if (!m_hasResult)
        return NAN;
    const auto &s = m_result.suggestions;
    return name == QLatin1String("min_loss_half") ? s.minLossHalf
           : name == QLatin1String("steepest")    ? s.steepest
           : name == QLatin1String("valley")      ? s.valley
                                                  : NAN;
}

bool LrFinderPanel::canUse(const QString &name) const { return m_use.contains(name) && m_use[name]->isEnabled(); }

void LrFinderPanel::updateUseButtons()
{
    for (auto it = m_use.begin(); it != m_use.end(); ++it) {
        const double lr = suggestion(it.key());
        it.value()->setEnabled(std::isfinite(lr));
        it.value()->setToolTip(!m_hasResult          ? tr("Run the LR range test first.")
                               : std::isfinite(lr) ? tr("Set the learning rate to %1").arg(QLocale().toString(lr, 'g', 4))
                                                   : tr("This test gave no such suggestion."));
    }
}

QJsonObject LrFinderPanel::saveState() const
{
    return {{QStringLiteral("repeats"), m_repeats->value()},
            {QStringLiteral("batches"), m_batches->value()},
            {QStringLiteral("lrMin"), m_lrMin->text()},
            {QStringLiteral("lrMax"), m_lrMax->text()}};
}

void LrFinderPanel::restoreState(const QJsonObject &state)
{
    if (state.isEmpty())
        return;
    m_repeats->setValue(state.value(QStringLiteral("repeats")).toInt(m_repeats->value()));
    m_batches->setValue(state.value(QStringLiteral("batches")).toInt(m_batches->value()));
    m_lrMin->setText(state.value(QStringLiteral("lrMin")).toString(m_lrMin->text()));
    m_lrMax->setText(state.value(QStringLiteral("lrMax")).toString(m_lrMax->text()));
}

bool LrFinderPanel::useSuggestion(const QString &name)
{
    const double lr = suggestion(name);
    if (!std::isfinite(lr))
        return false;
    m_training->configForm()->setLearningRate(lr);
    m_status->setText(tr("Learning rate set to %1 (%2).").arg(QLocale().toString(lr, 'g', 4)).arg(name));
    return true;
}

bool LrFinderPanel::compareLrAndHalf(QString *error)
{
    const core::TrainConfig c = m_training->configForm()->config();
    if (!(c.lr > 0)) {
        *error = tr("Set a learning rate first.");
        return false;
    }
    if (!m_training->startTraining(error))
        return false;
    m_training->configForm()->setLearningRate(c.lr / 2);
    const bool ok = m_training->startTraining(error) != 0;
    m_training->configForm()->setLearningRate(c.lr);
    if (ok)
        m_status->setText(tr("Started runs with lr %1 and %2; they overlay on the training curves.")
                              .arg(QLocale().toString(c.lr, 'g', 4)).arg(QLocale().toString(c.lr / 2, 'g', 4)));
    return ok;
}

} // namespace wb::app
