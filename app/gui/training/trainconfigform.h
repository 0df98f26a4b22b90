#pragma once

#include "wb/trainconfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace wb::app {

/// Form for a core::TrainConfig: optimiser, lr, momentum, β2/ε, lookahead, weight decay (and
/// whether norm layers and biases get it), schedule and its flat fraction, label smoothing,
/// epochs, batch size, seed and device. config() validates nothing; core does.
class TrainConfigForm : public QWidget
{
    Q_OBJECT

public:
    explicit TrainConfigForm(QWidget *parent = nullptr);
    core::TrainConfig config() const;
    void setConfig(const core::TrainConfig &config);
    void setLearningRate(double lr);
    /// What is wrong with the values as typed ("Learning rate -0.1 must be above 0 …"), shown
    /// under the form; empty when they are fine.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QComboBox *m_optimizer, *m_schedule, *m_device;
    QLineEdit *m_lr, *m_eps;
    QDoubleSpinBox *m_momentum, *m_weightDecay, *m_labelSmoothing, *m_beta2, *m_lookaheadAlpha, *m_flatFraction,
        *m_cropArea;
    QCheckBox *m_nesterov, *m_decayNormBias, *m_crop, *m_flip, *m_ttaFlip;
    QSpinBox *m_epochs, *m_batchSize, *m_seed, *m_lookaheadSteps;
    QLabel *m_problem;
};

} // namespace wb::app
