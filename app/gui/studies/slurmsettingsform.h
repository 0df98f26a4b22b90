#pragma once

#include "wb/studyfolder.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace wb::app {

/// "Run on: this computer | Slurm cluster" and, for Slurm, the job array's settings. The
/// Slurm choice is enabled only when `sbatch` is on PATH.
class SlurmSettingsForm : public QWidget
{
    Q_OBJECT

public:
    explicit SlurmSettingsForm(QWidget *parent = nullptr);

    bool onSlurm() const;
    void setOnSlurm(bool slurm);
    core::SlurmOptions options() const;
    /// Whether the Slurm choice is offered (sbatch found), and why not otherwise.
    bool slurmAvailable() const { return m_available; }

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

private:
    QComboBox *m_runOn;
    QGroupBox *m_box;
    QLineEdit *m_partition, *m_time, *m_gres, *m_extra;
    QSpinBox *m_cpus, *m_cellsPerTask;
    bool m_available = false;
};

} // namespace wb::app
