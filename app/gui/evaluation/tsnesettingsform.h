#pragma once

#include "wb/tsne.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace wb::app {

/// One row of t-SNE settings: perplexity, iterations, early exaggeration, learning rate
/// (auto by default), seed and the repulsion method (auto / Barnes–Hut / FFT). options()
/// clamps the perplexity to what a given point count allows; core validates the rest.
class TsneSettingsForm : public QWidget
{
    Q_OBJECT

public:
    explicit TsneSettingsForm(QWidget *parent = nullptr);

    /// The options for an embedding of `points` points.
    core::TsneOptions options(std::size_t points) const;

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

private:
    QDoubleSpinBox *m_perplexity, *m_exaggeration, *m_learningRate;
    QSpinBox *m_iterations, *m_seed;
    QComboBox *m_method;
};

} // namespace wb::app
