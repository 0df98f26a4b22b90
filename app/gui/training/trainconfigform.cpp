#include "trainconfigform.h"

#include "wb/device.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace wb::app {

TrainConfigForm::TrainConfigForm(QWidget *parent) : QWidget(parent)
{
    m_optimizer = new QComboBox;
    m_optimizer->addItems({QStringLiteral("sgd"), QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("radam"),
                           QStringLiteral("ranger")});
    m_optimizer->setToolTip(tr("radam: Adam with the variance of its adaptive rate rectified and decoupled weight "
                               "decay; ranger: radam with lookahead (every k steps the weights move α of the way "
                               "back towards a slow copy)."));
    // No validator: one would silently drop the "-" of "-0.1" (and a spin box would clamp 0 to
    // 1); what the user typed stays, and problem() says what is wrong with it.
    m_lr = new QLineEdit;
    m_momentum = new QDoubleSpinBox;
    m_momentum->setRange(0, 0.999);
    m_momentum->setDecimals(3);
    m_momentum->setSingleStep(0.05);
    m_nesterov = new QCheckBox(tr("Nesterov"));
    m_beta2 = new QDoubleSpinBox;
    m_beta2->setRange(0, 0.9999);
    m_beta2->setDecimals(4);
    m_beta2->setSingleStep(0.001);
    m_eps = new QLineEdit;
    m_lookaheadSteps = new QSpinBox;
    m_lookaheadSteps->setRange(1, 1000);
    m_lookaheadAlpha = new QDoubleSpinBox;
    m_lookaheadAlpha->setRange(0.01, 1);
    m_lookaheadAlpha->setSingleStep(0.05);
    m_decayNormBias = new QCheckBox(tr("also on norm layers and biases"));
    m_decayNormBias->setToolTip(tr("Untick to apply no weight decay to batch-norm scales and shifts and to biases."));
    m_flatFraction = new QDoubleSpinBox;
    m_flatFraction->setRange(0, 0.99);
    m_flatFraction->setSingleStep(0.01);
    m_flatFraction->setToolTip(tr("flat, then cosine: the share of the steps at the full learning rate."));
    m_weightDecay = new QDoubleSpinBox;
    m_weightDecay->setRange(0, 1);
    m_weightDecay->setDecimals(6);
    m_weightDecay->setSingleStep(1e-4);
    m_schedule = new QComboBox;
    m_schedule->addItem(tr("constant"), QStringLiteral("constant"));
    m_schedule->addItem(tr("step (÷10 at 50% and 75%)"), QStringLiteral("step"));
    m_schedule->addItem(tr("one-cycle"), QStringLiteral("onecycle"));
    m_schedule->addItem(tr("flat, then cosine"), QStringLiteral("flatcos"));
    m_labelSmoothing = new QDoubleSpinBox;
    m_labelSmoothing->setRange(0, 0.99);
    m_labelSmoothing->setDecimals(3);
    m_labelSmoothing->setSingleStep(0.05);
    m_crop = new QCheckBox(tr("Random resized crop"));
    m_crop->setToolTip(tr("Every training image, every epoch: a random crop (aspect 3/4 to 4/3) resized back to the "
                          "image size. Seeded; off for digits, where position matters little and crops cut strokes."));
    m_cropArea = new QDoubleSpinBox;
    m_cropArea->setRange(0.05, 1);
    m_cropArea->setDecimals(2);
    m_cropArea->setSingleStep(0.05);
    m_cropArea->setPrefix(tr("min area "));
    m_cropArea->setToolTip(tr("The smallest crop, as a share of the image area (0.35 in the fastai Imagenette study)."));
    m_flip = new QCheckBox(tr("Horizontal flip"));
    m_flip->setToolTip(tr("Mirror half of the training images (not for digits or text: a mirrored 3 is no digit)."));
    m_ttaFlip = new QCheckBox(tr("Test-time flip"));
    m_ttaFlip->setToolTip(tr("Evaluate every image plain and mirrored and average the two predicted distributions."));
    m_epochs = new QSpinBox;
    m_epochs->setRange(0, 100000);
    m_batchSize = new QSpinBox;
    m_batchSize->setRange(0, 1 << 20);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000000);
    m_device = new QComboBox;
    m_device->addItem(tr("automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    for (int i = 0; i < core::cudaDeviceCount(); ++i)
        m_device->addItem(QStringLiteral("cuda:%1").arg(i), QStringLiteral("cuda:%1").arg(i));

    auto pair = [](QWidget *a, QWidget *b) {
        auto *w = new QWidget;
        auto *row = new QHBoxLayout(w);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(a);
        row->addWidget(b);
        return w;
    };
    auto *form = new QFormLayout(this);
    form->addRow(tr("Optimizer:"), m_optimizer);
    form->addRow(tr("Learning rate:"), m_lr);
    form->addRow(tr("Momentum / β1:"), m_momentum);
    form->addRow(QString(), m_nesterov);
    form->addRow(tr("β2 / ε:"), pair(m_beta2, m_eps));
    form->addRow(tr("Lookahead k / α:"), pair(m_lookaheadSteps, m_lookaheadAlpha));
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(QString(), m_decayNormBias);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(tr("Flat fraction:"), m_flatFraction);
    form->addRow(tr("Label smoothing:"), m_labelSmoothing);
    form->addRow(tr("Augmentation:"), pair(m_crop, m_cropArea));
    form->addRow(QString(), m_flip);
    form->addRow(tr("Evaluation:"), m_ttaFlip);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batchSize);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Device:"), m_device);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(m_problem);

    core::TrainConfig defaults;
    defaults.optimizer = "adam";
    defaults.lr = 0.001;
    setConfig(defaults);
    for (auto *combo : {m_optimizer, m_schedule, m_device})
        connect(combo, &QComboBox::currentIndexChanged, this, &TrainConfigForm::changed);
    connect(m_lr, &QLineEdit::textChanged, this, &TrainConfigForm::changed);
    connect(m_eps, &QLineEdit::textChanged, this, &TrainConfigForm::changed);
    for (auto *spin : {m_epochs, m_batchSize})
        connect(spin, &QSpinBox::valueChanged, this, &TrainConfigForm::changed);
    connect(this, &TrainConfigForm::changed, this, [this] { m_problem->setText(problem()); });
    connect(m_optimizer, &QComboBox::currentTextChanged, this, &TrainConfigForm::updateEnabled);
    connect(m_schedule, &QComboBox::currentIndexChanged, this, &TrainConfigForm::updateEnabled);
    connect(m_crop, &QCheckBox::toggled, this, &TrainConfigForm::updateEnabled);
}

namespace {

// A number as the user typed it: in the interface's locale (German "0,01") or as C writes it
// ("0.01", "1e-3"); group separators are refused in both, so "1,000" never becomes 1000.
double typedNumber(const QString &text, bool *ok)
{
    QLocale ui;
    ui.setNumberOptions(QLocale::RejectGroupSeparator | QLocale::OmitGroupSeparator);
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator | QLocale::OmitGroupSeparator);
    const double v = ui.toDouble(text.trimmed(), ok);
    return *ok ? v : c.toDouble(text.trimmed(), ok);
}

// A number for a field the user may edit, in the interface's locale without grouping.
QString shownNumber(double v, int precision)
{
    QLocale ui;
    ui.setNumberOptions(QLocale::OmitGroupSeparator);
    return ui.toString(v, 'g', precision).replace(QLatin1Char('E'), QLatin1Char('e')); // "1e-08", not German "1E-08"
}

} // namespace

core::TrainConfig TrainConfigForm::config() const
{
    core::TrainConfig c;
    c.optimizer = m_optimizer->currentText().toStdString();
    bool ok = false;
    c.lr = typedNumber(m_lr->text(), &ok);
    if (!ok)
        c.lr = -1; // core refuses it with a message naming the field
    c.momentum = m_momentum->value();
    c.nesterov = m_nesterov->isChecked() && c.optimizer == "sgd";
    c.beta2 = m_beta2->value();
    c.eps = typedNumber(m_eps->text(), &ok);
    if (!ok)
        c.eps = -1; // refused by core, naming the field
    c.lookaheadSteps = m_lookaheadSteps->value();
    c.lookaheadAlpha = m_lookaheadAlpha->value();
    c.weightDecay = m_weightDecay->value();
    c.decayNormAndBias = m_decayNormBias->isChecked();
    c.schedule = m_schedule->currentData().toString().toStdString();
    c.flatFraction = m_flatFraction->value();
    c.labelSmoothing = m_labelSmoothing->value();
    c.augmentCrop = m_crop->isChecked();
    c.cropAreaMin = m_cropArea->value();
    c.augmentFlip = m_flip->isChecked();
    c.testTimeFlip = m_ttaFlip->isChecked();
    c.epochs = m_epochs->value();
    c.batchSize = m_batchSize->value();
    c.seed = std::uint64_t(m_seed->value());
    c.device = m_device->currentData().toString().toStdString();
    return c;
}

QString TrainConfigForm::problem() const
{
    QStringList problems;
    auto positive = [&](QLineEdit *edit, const QString &field, double max) {
        bool ok = false;
        const double v = typedNumber(edit->text(), &ok);
        if (!ok)
            problems << tr("%1 '%2' is not a number (write e.g. 0.001 or 1e-3).").arg(field, edit->text());
        else if (!(v > 0 && v <= max))
            problems << tr("%1 %2 must be above 0 and at most %3.").arg(field, edit->text()).arg(max);
    };
    positive(m_lr, tr("Learning rate"), 100.0);
    if (m_eps->isEnabled())
        positive(m_eps, tr("ε"), 1.0);
    if (m_epochs->value() < 1)
        problems << tr("Epochs must be at least 1.");
    if (m_batchSize->value() < 1)
        problems << tr("Batch size must be at least 1.");
    return problems.join(QLatin1Char(' '));
}

void TrainConfigForm::setLearningRate(double lr) { m_lr->setText(shownNumber(lr, 6)); }

void TrainConfigForm::setConfig(const core::TrainConfig &c)
{
    m_optimizer->setCurrentText(QString::fromStdString(c.optimizer));
    m_lr->setText(shownNumber(c.lr, 8));
    m_momentum->setValue(c.momentum);
    m_nesterov->setChecked(c.nesterov);
    m_beta2->setValue(c.beta2);
    m_eps->setText(shownNumber(c.eps, 6));
    m_lookaheadSteps->setValue(c.lookaheadSteps);
    m_lookaheadAlpha->setValue(c.lookaheadAlpha);
    m_weightDecay->setValue(c.weightDecay);
    m_decayNormBias->setChecked(c.decayNormAndBias);
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(QString::fromStdString(c.schedule))));
    m_flatFraction->setValue(c.flatFraction);
    m_labelSmoothing->setValue(c.labelSmoothing);
    m_crop->setChecked(c.augmentCrop);
    m_cropArea->setValue(c.cropAreaMin);
    m_flip->setChecked(c.augmentFlip);
    m_ttaFlip->setChecked(c.testTimeFlip);
    m_epochs->setValue(c.epochs);
    m_batchSize->setValue(c.batchSize);
    m_seed->setValue(int(c.seed));
    const int device = m_device->findData(QString::fromStdString(c.device));
    m_device->setCurrentIndex(device >= 0 ? device : 0);
    updateEnabled();
    m_problem->setText(problem());
}

// Only the settings the chosen optimizer and schedule use are editable.
void TrainConfigForm::updateEnabled()
{
    const QString o = m_optimizer->currentText();
    m_nesterov->setEnabled(o == QLatin1String("sgd"));
    m_beta2->setEnabled(o != QLatin1String("sgd"));
    m_eps->setEnabled(o != QLatin1String("sgd"));
    m_lookaheadSteps->setEnabled(o == QLatin1String("ranger"));
    m_lookaheadAlpha->setEnabled(o == QLatin1String("ranger"));
    m_flatFraction->setEnabled(m_schedule->currentData().toString() == QLatin1String("flatcos"));
    m_cropArea->setEnabled(m_crop->isChecked());
}

} // namespace wb::app
