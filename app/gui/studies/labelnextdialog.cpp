#include "labelnextdialog.h"

#include "formwidgets.h"
#include "statustext.h"
#include "wb/poolpick.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wb::app {

LabelNextDialog::LabelNextDialog(const std::vector<Network> &networks, const QString &pool,
                                 const std::string &advisedStrategy, const QString &advice, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Label next"));
    m_pool = new QLineEdit(pool);
    m_pool->setPlaceholderText(tr("a folder of unlabelled images, or a text file of their paths"));
    auto *folder = new QPushButton(tr("Folder…"));
    auto *list = new QPushButton(tr("List file…"));
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Unlabelled images"), m_pool->text());
        if (!dir.isEmpty())
            m_pool->setText(dir);
    });
    connect(list, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("List of unlabelled images"), m_pool->text(),
                                                          tr("Text files (*.txt *.lst);;All files (*)"));
        if (!file.isEmpty())
            m_pool->setText(file);
    });
    auto *poolRow = new QHBoxLayout;
    poolRow->addWidget(m_pool, 1);
    poolRow->addWidget(folder);
    poolRow->addWidget(list);

    m_network = new QComboBox;
    for (const auto &n : networks)
        m_network->addItem(n.text, qlonglong(n.runId));
    m_network->setToolTip(tr("The network that scores the pool. A new one is trained on every labelled image first "
                             "(the dataset's and those added in earlier rounds)."));
    m_strategy = new QComboBox;
    for (const auto &name : core::poolStrategyNames())
        m_strategy->addItem(QString::fromStdString(name));
    m_strategy->setCurrentText(QString::fromStdString(advisedStrategy.empty() ? "margin" : advisedStrategy));
    auto *adviceLabel = new QLabel(advice.isEmpty() ? tr("No active-learning study of this dataset in the session: "
                                                         "margin is the usual first choice.")
                                                    : tr("Pre-selected from the session's study: %1").arg(advice));
    adviceLabel->setWordWrap(true);
    m_count = makeSpinBox(1, 10000000, 100);
    m_cap = makeSpinBox(0, 10000000, 0, tr("no cap"));
    m_cap->setToolTip(tr("At most this many picks per predicted class, so that one confusing class does not take "
                         "the whole budget."));
    m_problem = new QLabel;
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Pool:"), poolRow);
    form->addRow(tr("Network:"), m_network);
    form->addRow(tr("Strategy:"), m_strategy);
    form->addRow(QString(), adviceLabel);
    form->addRow(tr("Images to pick:"), m_count);
    form->addRow(tr("Per class at most:"), m_cap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Pick"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

QString LabelNextDialog::pool() const { return m_pool->text().trimmed(); }
std::int64_t LabelNextDialog::runId() const { return m_network->currentData().toLongLong(); }
std::string LabelNextDialog::strategy() const { return m_strategy->currentText().toStdString(); }
std::size_t LabelNextDialog::count() const { return std::size_t(m_count->value()); }
int LabelNextDialog::perClassCap() const { return m_cap->value(); }

void LabelNextDialog::accept()
{
    if (pool().isEmpty() || !QFileInfo::exists(pool())) {
        m_problem->setText(errorText(pool().isEmpty() ? tr("Choose the folder (or list file) of unlabelled images.")
                                                      : tr("%1 does not exist.").arg(pool())));
        return;
    }
    QDialog::accept();
}

} // namespace wb::app
