#include "sufficiencystudyform.h"

#include "formwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace wb::app {

namespace {
QSpinBox *spin(int lo, int hi, int value, const QString &special = {}) { return makeSpinBox(lo, hi, value, special); }

const QString kTrainSize = QStringLiteral("trainSize"), kTestSize = QStringLiteral("testSize"),
              kRuns = QStringLiteral("runs"), kSubsteps = QStringLiteral("substeps"), kEpochs = QStringLiteral("epochs"),
              kSteps = QStringLiteral("steps"), kMode = QStringLiteral("mode"), kLoss = QStringLiteral("loss"),
              kSmoothed = QStringLiteral("smoothed");
} // namespace

SufficiencyStudyForm::SufficiencyStudyForm(QWidget *parent) : QWidget(parent)
{
    m_trainSize = spin(0, 100000000, 2000, tr("all"));
    m_testSize = spin(0, 100000000, 1000, tr("all"));
    m_runs = spin(1, 100, 5);
    m_substeps = spin(2, 50, 10);
    m_epochs = spin(1, 1000, 10);
    m_steps = new QLineEdit;
    m_steps->setPlaceholderText(tr("optional: 100, 200, 500, …"));
    m_mode = new QComboBox;
    m_mode->addItem(tr("warm start (compatible)"), QStringLiteral("warm"));
    m_mode->addItem(tr("fresh weights per step"), QStringLiteral("fresh"));
    m_loss = new QCheckBox(tr("also test loss"));
    m_smoothed = new QCheckBox(tr("also smoothed accuracy"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Training set size L:"), m_trainSize);
    form->addRow(tr("Test images T:"), m_testSize);
    form->addRow(tr("Runs R:"), m_runs);
    form->addRow(tr("Substeps S:"), m_substeps);
    form->addRow(tr("Explicit sizes:"), m_steps);
    form->addRow(tr("Epochs per step:"), m_epochs);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(QString(), m_loss);
    form->addRow(QString(), m_smoothed);
}

bool SufficiencyStudyForm::config(core::SufficiencyConfig &sc, QString *error) const
{
    sc.trainSize = m_trainSize->value();
    sc.testSize = m_testSize->value();
    sc.runs = m_runs->value();
    sc.substeps = m_substeps->value();
    sc.mode = m_mode->currentData().toString().toStdString();
    if (m_loss->isChecked())
        sc.metrics.push_back("loss");
    if (m_smoothed->isChecked())
        sc.metrics.push_back("smoothed_accuracy");
    sc.steps.clear();
    for (const QString &part : m_steps->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong n = part.trimmed().toLongLong(&ok);
        if (!ok) {
            *error = tr("Explicit sizes: '%1' is not a number.").arg(part.trimmed());
            return false;
        }
        sc.steps.push_back(n);
    }
    return true;
}

int SufficiencyStudyForm::epochs() const
{
    return m_epochs->value();
}

void SufficiencyStudyForm::setOptions(std::int64_t trainSize, std::int64_t testSize, int runs, int substeps, int epochs)
{
    m_trainSize->setValue(int(trainSize));
    m_testSize->setValue(int(testSize));
    m_runs->setValue(runs);
    m_substeps->setValue(substeps);
    m_epochs->setValue(epochs);
}

QJsonObject SufficiencyStudyForm::saveState() const
{
    return {{kTrainSize, m_trainSize->value()}, {kTestSize, m_testSize->value()}, {kRuns, m_runs->value()},
            {kSubsteps, m_substeps->value()},   {kEpochs, m_epochs->value()},     {kSteps, m_steps->text()},
            {kMode, m_mode->currentData().toString()}, {kLoss, m_loss->isChecked()},
            {kSmoothed, m_smoothed->isChecked()}};
}

void SufficiencyStudyForm::restoreState(const QJsonObject &s)
{
    setOptions(s.value(kTrainSize).toInt(2000), s.value(kTestSize).toInt(1000), s.value(kRuns).toInt(5),
               s.value(kSubsteps).toInt(10), s.value(kEpochs).toInt(10));
    m_steps->setText(s.value(kSteps).toString());
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(s.value(kMode).toString(QStringLiteral("warm")))));
    m_loss->setChecked(s.value(kLoss).toBool(false));
    m_smoothed->setChecked(s.value(kSmoothed).toBool(false));
}

} // namespace wb::app
