#include "tsnesettingsform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>

namespace wb::app {

namespace {
const QString kPerplexity = QStringLiteral("perplexity"), kIterations = QStringLiteral("iterations"),
              kExaggeration = QStringLiteral("exaggeration"), kLearningRate = QStringLiteral("learningRate"),
              kSeed = QStringLiteral("seed"), kMethod = QStringLiteral("method");
}

TsneSettingsForm::TsneSettingsForm(QWidget *parent) : QWidget(parent)
{
    const core::TsneOptions defaults;
    m_perplexity = new QDoubleSpinBox;
    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(defaults.perplexity);
    m_perplexity->setToolTip(tr("Effective number of neighbours per point (at most (points − 1)/3)."));
    m_iterations = new QSpinBox;
    m_iterations->setRange(50, 10000);
    m_iterations->setSingleStep(250);
    m_iterations->setValue(defaults.iterations);
    m_exaggeration = new QDoubleSpinBox;
    m_exaggeration->setRange(1, 100);
    m_exaggeration->setValue(defaults.earlyExaggeration);
    m_exaggeration->setToolTip(tr("Early exaggeration of the attractive forces during the first %1 iterations.")
                                   .arg(defaults.exaggerationIterations));
    m_learningRate = new QDoubleSpinBox;
    m_learningRate->setRange(0, 100000);
    m_learningRate->setDecimals(0);
    m_learningRate->setSingleStep(50);
    m_learningRate->setSpecialValueText(tr("auto"));
    m_learningRate->setValue(defaults.learningRate);
    m_learningRate->setToolTip(tr("auto: max(points / exaggeration / 4, 50), as scikit-learn."));
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000);
    m_seed->setValue(int(defaults.seed));
    m_method = new QComboBox;
    m_method->addItem(tr("auto"), int(core::TsneMethod::Auto));
    m_method->addItem(tr("Barnes–Hut"), int(core::TsneMethod::BarnesHut));
    m_method->addItem(tr("FFT interpolation"), int(core::TsneMethod::Fft));
    m_method->setToolTip(tr("How the repulsive forces are computed. auto: Barnes–Hut below %L1 points "
                            "(faster there), FFT interpolation from then on.")
                             .arg(qulonglong(core::kTsneFftFromPoints)));

    // Two rows of three: one row of six was 900 px wide and made the Evaluation page scroll
    // sideways on a laptop.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    int placed = 0;
    auto add = [layout, &placed](const QString &label, QWidget *field) {
        auto *l = new QLabel(label);
        l->setBuddy(field);
        layout->addWidget(l, placed / 3, 2 * (placed % 3));
        layout->addWidget(field, placed / 3, 2 * (placed % 3) + 1);
        ++placed;
    };
    add(tr("&Perplexity"), m_perplexity);
    add(tr("Ite&rations"), m_iterations);
    add(tr("E&xaggeration"), m_exaggeration);
    add(tr("&Learning rate"), m_learningRate);
    add(tr("See&d"), m_seed);
    add(tr("&Method"), m_method);
    layout->setColumnStretch(6, 1);
}

core::TsneOptions TsneSettingsForm::options(std::size_t points) const
{
    core::TsneOptions o;
    o.perplexity = std::min(m_perplexity->value(), core::maxTsnePerplexity(points));
    o.iterations = m_iterations->value();
    o.exaggerationIterations = std::min(o.exaggerationIterations, o.iterations);
    o.earlyExaggeration = m_exaggeration->value();
    o.learningRate = m_learningRate->value();
    o.seed = std::uint64_t(m_seed->value());
    o.method = core::TsneMethod(m_method->currentData().toInt());
    return o;
}

QJsonObject TsneSettingsForm::saveState() const
{
    return {{kPerplexity, m_perplexity->value()}, {kIterations, m_iterations->value()},
            {kExaggeration, m_exaggeration->value()}, {kLearningRate, m_learningRate->value()},
            {kSeed, m_seed->value()}, {kMethod, QString::fromLatin1(core::tsneMethodName(
                                                   core::TsneMethod(m_method->currentData().toInt())))}};
}

void TsneSettingsForm::restoreState(const QJsonObject &s)
{
    const core::TsneOptions defaults;
    m_perplexity->setValue(s.value(kPerplexity).toDouble(defaults.perplexity));
    m_iterations->setValue(s.value(kIterations).toInt(defaults.iterations));
    m_exaggeration->setValue(s.value(kExaggeration).toDouble(defaults.earlyExaggeration));
    m_learningRate->setValue(s.value(kLearningRate).toDouble(defaults.learningRate));
    m_seed->setValue(s.value(kSeed).toInt(int(defaults.seed)));
    core::TsneMethod method = core::TsneMethod::Auto;
    core::parseTsneMethod(s.value(kMethod).toString().toStdString(), method);
    m_method->setCurrentIndex(std::max(0, m_method->findData(int(method))));
}

} // namespace wb::app
