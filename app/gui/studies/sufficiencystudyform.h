#pragma once

#include "wb/sufficiency.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace wb::app {

/// The settings of a data-sufficiency study: L, T, runs R, substeps S or explicit sizes,
/// epochs per step, warm/fresh mode and the extra metrics. config() reads them (core
/// validates); the seed comes from the dataset page.
class SufficiencyStudyForm : public QWidget
{
    Q_OBJECT

public:
    explicit SufficiencyStudyForm(QWidget *parent = nullptr);

    /// Fills everything but the seed; false with a message for unreadable explicit sizes.
    bool config(core::SufficiencyConfig &config, QString *error) const;
    int epochs() const;
    void setOptions(std::int64_t trainSize, std::int64_t testSize, int runs, int substeps, int epochs);

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

private:
    QSpinBox *m_trainSize, *m_testSize, *m_runs, *m_substeps, *m_epochs;
    QLineEdit *m_steps;
    QComboBox *m_mode;
    QCheckBox *m_loss, *m_smoothed;
};

} // namespace wb::app
