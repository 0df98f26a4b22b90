#include "slurmsettingsform.h"

#include "wb/slurm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace wb::app {

SlurmSettingsForm::SlurmSettingsForm(QWidget *parent) : QWidget(parent), m_available(core::slurmAvailable())
{
    m_runOn = new QComboBox;
    m_runOn->addItem(tr("This computer"));
    m_runOn->addItem(tr("Slurm cluster"));
    if (!m_available) {
        if (auto *model = qobject_cast<QStandardItemModel *>(m_runOn->model()))
            model->item(1)->setEnabled(false);
        m_runOn->setItemData(1, tr("sbatch is not on PATH: start the workbench on a Slurm login node"), Qt::ToolTipRole);
    }
    m_partition = new QLineEdit;
    m_partition->setPlaceholderText(tr("cluster default"));
    m_time = new QLineEdit;
    m_time->setPlaceholderText(tr("e.g. 02:00:00"));
    m_gres = new QLineEdit;
    m_gres->setPlaceholderText(tr("e.g. gpu:1"));
    m_extra = new QLineEdit;
    m_extra->setPlaceholderText(tr("e.g. --account=lab --qos=short"));
    m_cpus = new QSpinBox;
    m_cpus->setRange(1, 256);
    m_cellsPerTask = new QSpinBox;
    m_cellsPerTask->setRange(1, 10000);
    m_cellsPerTask->setToolTip(tr("Runs packed into one array task: Slurm spends 1–3 s starting each task."));
    m_box = new QGroupBox(tr("Slurm job array"));
    auto *form = new QFormLayout(m_box);
    form->addRow(tr("Partition:"), m_partition);
    form->addRow(tr("Time per task:"), m_time);
    form->addRow(tr("CPUs per task:"), m_cpus);
    form->addRow(tr("Runs per task:"), m_cellsPerTask);
    form->addRow(tr("GRES:"), m_gres);
    form->addRow(tr("More sbatch options:"), m_extra);
    m_box->setVisible(false);
    auto *runOnRow = new QFormLayout;
    runOnRow->addRow(tr("Run on:"), m_runOn);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(runOnRow);
    layout->addWidget(m_box);
    connect(m_runOn, &QComboBox::currentIndexChanged, this, [this](int i) { m_box->setVisible(i == 1); });
}

bool SlurmSettingsForm::onSlurm() const { return m_runOn->currentIndex() == 1; }

void SlurmSettingsForm::setOnSlurm(bool slurm) { m_runOn->setCurrentIndex(slurm && m_available ? 1 : 0); }

core::SlurmOptions SlurmSettingsForm::options() const
{
    core::SlurmOptions o;
    o.partition = m_partition->text().trimmed().toStdString();
    o.time = m_time->text().trimmed().toStdString();
    o.gres = m_gres->text().trimmed().toStdString();
    o.cpusPerTask = m_cpus->value();
    o.cellsPerTask = m_cellsPerTask->value();
    for (const QString &arg : m_extra->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        o.sbatchArgs.push_back(arg.toStdString());
    return o;
}

QJsonObject SlurmSettingsForm::saveState() const
{
    return {{QStringLiteral("slurm"), onSlurm()},          {QStringLiteral("partition"), m_partition->text()},
            {QStringLiteral("time"), m_time->text()},      {QStringLiteral("gres"), m_gres->text()},
            {QStringLiteral("sbatch"), m_extra->text()},   {QStringLiteral("cpus"), m_cpus->value()},
            {QStringLiteral("cellsPerTask"), m_cellsPerTask->value()}};
}

void SlurmSettingsForm::restoreState(const QJsonObject &s)
{
    m_partition->setText(s.value(QStringLiteral("partition")).toString());
    m_time->setText(s.value(QStringLiteral("time")).toString());
    m_gres->setText(s.value(QStringLiteral("gres")).toString());
    m_extra->setText(s.value(QStringLiteral("sbatch")).toString());
    m_cpus->setValue(s.value(QStringLiteral("cpus")).toInt(1));
    m_cellsPerTask->setValue(s.value(QStringLiteral("cellsPerTask")).toInt(1));
    setOnSlurm(s.value(QStringLiteral("slurm")).toBool());
}

} // namespace wb::app
