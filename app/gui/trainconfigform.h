#pragma once

#include "wb/trainconfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace wb::app {

/// Form for a core::TrainConfig: optimiser, lr, momentum, weight decay, schedule, label
/// smoothing, epochs, batch size, seed and device. config() validates nothing; core does.
class TrainConfigForm : public QWidget
{
    Q_OBJECT

public:
    explicit TrainConfigForm(QWidget *parent = nullptr);
    core::TrainConfig config() const;
    void setConfig(const core::TrainConfig &config);
    void setLearningRate(double lr);

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_optimizer, *m_schedule, *m_device;
    QLineEdit *m_lr;
    QDoubleSpinBox *m_momentum, *m_weightDecay, *m_labelSmoothing;
    QCheckBox *m_nesterov;
    QSpinBox *m_epochs, *m_batchSize, *m_seed;
};

} // namespace wb::app
