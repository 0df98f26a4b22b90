#include "scriptmodelpanel.h"
#include "statustext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>
#include <map>

namespace wb::app {

namespace {
enum Column { NameColumn, TypeColumn, ParamsColumn, TrainableColumn };
constexpr int kPathRole = Qt::UserRole + 1;
} // namespace

ScriptModelPanel::ScriptModelPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel;
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Module (tick to freeze)"), tr("Type"), tr("Parameters"), tr("Trainable")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    for (int c : {TypeColumn, ParamsColumn, TrainableColumn})
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);

    m_init = new QComboBox;
    m_init->addItem(tr("from scratch (re-initialised, seeded per run)"), QStringLiteral("scratch"));
    m_init->addItem(tr("the weights in the file (fine-tuning)"), QStringLiteral("file"));
    m_norm = new QComboBox;
    m_norm->addItem(tr("training split's mean and std"), QStringLiteral("dataset"));
    m_norm->addItem(tr("ImageNet statistics (pretrained backbones)"), QStringLiteral("imagenet"));
    m_norm->addItem(tr("none (pixels / 255)"), QStringLiteral("none"));
    m_newHead = new QCheckBox(tr("New head: a freshly initialised last nn.Linear with the dataset's classes"));
    auto *close = new QPushButton(tr("Back to the layer editor"));

    auto *form = new QFormLayout;
    form->addRow(tr("Initial weights:"), m_init);
    form->addRow(tr("Input normalisation:"), m_norm);
    form->addRow(QString(), m_newHead);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_problem);

    connect(close, &QPushButton::clicked, this, &ScriptModelPanel::closeRequested);
    for (auto *combo : {m_init, m_norm})
        connect(combo, &QComboBox::activated, this, &ScriptModelPanel::optionsChanged);
    connect(m_newHead, &QCheckBox::toggled, this, &ScriptModelPanel::optionsChanged);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (!m_filling && column == NameColumn)
            Q_EMIT optionsChanged();
    });
}

void ScriptModelPanel::setModel(const core::ModelSpec &spec, const core::ScriptModelReport &r)
{
    const auto &m = *spec.script;
    m_title->setText(tr("<b>%1</b> — your PyTorch model (TorchScript, SHA-256 %2…)")
                         .arg(QString::fromStdString(m.fileName).toHtmlEscaped(),
                              QString::fromStdString(m.sha256.substr(0, 12))));
    QStringList shape;
    for (auto d : r.output)
        shape << QString::number(d);
    QString summary = tr("%1 parameters, %2 trainable, %3 frozen. A dry forward pass on two images %4×%5×%6 gives [%7].")
                          .arg(QLocale().toString(qlonglong(r.parameters)), QLocale().toString(qlonglong(r.trainable)),
                               QLocale().toString(qlonglong(r.parameters - r.trainable)))
                          .arg(spec.input[0])
                          .arg(spec.input[1])
                          .arg(spec.input[2])
                          .arg(shape.join(QStringLiteral(", ")));
    summary += QLatin1Char(' ')
               + (r.featureDim > 0 ? tr("Features for t-SNE and core-set: %1, %2 dimensions.")
                                         .arg(QString::fromStdString(r.features))
                                         .arg(r.featureDim)
                                   : tr("No features for t-SNE and core-set: %1.").arg(QString::fromStdString(r.features)));
    if (r.stochastic)
        summary += QLatin1Char(' ') + tr("Its dropout is seeded per run.");
    for (const auto &w : r.warnings)
        summary += QStringLiteral("<br>") + warningText(QString::fromStdString(w));
    m_summary->setText(summary);
    m_filling = true;
    m_init->setCurrentIndex(m_init->findData(QString::fromStdString(m.init)));
    m_norm->setCurrentIndex(m_norm->findData(QString::fromStdString(m.inputNorm)));
    m_newHead->setChecked(m.newHead);
    m_filling = false;
    fillTree(r, m.freeze);
    setProblem({});
}

void ScriptModelPanel::fillTree(const core::ScriptModelReport &r, const std::vector<std::string> &frozen)
{
    m_filling = true;
    m_tree->clear();
    // Parameters of a module and everything under it, and which of them train.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;
    for (const auto &row : r.modules)
        for (const auto &other : r.modules) {
            const bool under = row.name.empty() || other.name == row.name
                               || other.name.rfind(row.name + ".", 0) == 0;
            if (under) {
                totals[row.name].first += other.parameters;
                totals[row.name].second += other.trainable;
            }
        }
    std::map<std::string, QTreeWidgetItem *> items;
    for (const auto &row : r.modules) {
        QTreeWidgetItem *item;
        if (row.name.empty()) {
            item = new QTreeWidgetItem(m_tree);
        } else {
            const auto dot = row.name.rfind('.');
            const std::string parent = dot == std::string::npos ? std::string() : row.name.substr(0, dot);
            item = new QTreeWidgetItem(items.count(parent) ? items[parent] : m_tree->invisibleRootItem());
        }
        items[row.name] = item;
        const auto [params, trainable] = totals[row.name];
        item->setText(NameColumn, row.name.empty() ? tr("(the model)") : QString::fromStdString(row.name.substr(row.name.rfind('.') + 1)));
        item->setData(NameColumn, kPathRole, QString::fromStdString(row.name));
        item->setText(TypeColumn, QString::fromStdString(row.type));
        item->setText(ParamsColumn, QLocale().toString(qlonglong(params)));
        item->setText(TrainableColumn, QLocale().toString(qlonglong(trainable)));
        item->setTextAlignment(ParamsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(TrainableColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (!row.name.empty() && params > 0) {
            bool ticked = false;
            for (const auto &p : frozen)
                ticked = ticked || p == row.name;
            item->setCheckState(NameColumn, ticked ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(NameColumn, tr("Freeze %1: its parameters keep their values, its batch norms stay in evaluation mode")
                                             .arg(QString::fromStdString(row.name)));
        }
    }
    m_tree->expandToDepth(0);
    m_filling = false;
}

core::ScriptModel ScriptModelPanel::options() const
{
    core::ScriptModel o;
    o.init = m_init->currentData().toString().toStdString();
    o.inputNorm = m_norm->currentData().toString().toStdString();
    o.newHead = m_newHead->isChecked();
    // Ticked modules whose ancestors are not ticked: the shortest prefixes.
    std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        for (int i = 0; i < item->childCount(); ++i) {
            QTreeWidgetItem *child = item->child(i);
            if (child->data(NameColumn, Qt::CheckStateRole).isValid() && child->checkState(NameColumn) == Qt::Checked)
                o.freeze.push_back(child->data(NameColumn, kPathRole).toString().toStdString());
            else
                walk(child);
        }
    };
    walk(m_tree->invisibleRootItem());
    return o;
}

void ScriptModelPanel::setProblem(const QString &message)
{
    m_problem->setText(message.isEmpty() ? QString() : errorText(message));
}

void ScriptModelPanel::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_tree, m_init, m_norm, m_newHead})
        w->setEnabled(!busy);
    if (busy)
        m_problem->setText(tr("Checking the model…"));
}

} // namespace wb::app
