#include "jobspanel.h"

#include "jobmanager.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>

namespace wb::app {

namespace {
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data().toInt();
        bar.text = QStringLiteral("%1%").arg(bar.progress);
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};
} // namespace

JobsPanel::JobsPanel(JobManager *jobs, QWidget *parent) : QWidget(parent), m_jobs(jobs)
{
    m_view = new QTableView;
    m_view->setModel(jobs);
    m_view->setItemDelegateForColumn(JobManager::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(JobManager::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(JobManager::TitleColumn, 260);
    auto *cancel = new QPushButton(tr("Cancel"));
    auto *cancelAll = new QPushButton(tr("Cancel all"));
    auto *clear = new QPushButton(tr("Clear finished"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(cancelAll);
    buttons->addWidget(clear);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, [this] {
        const auto rows = m_view->selectionModel()->selectedRows();
        const auto all = m_jobs->jobs();
        for (const auto &row : rows)
            if (row.row() < all.size())
                all[row.row()]->cancel();
    });
    connect(cancelAll, &QPushButton::clicked, m_jobs, &JobManager::cancelAll);
    // A new job is shown whole, not left half hidden below the finished ones, and selected: Cancel
    // acts on it (it acted on an old, finished job that happened to be selected).
    connect(jobs, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        m_view->selectRow(last);
        m_view->scrollTo(m_jobs->index(last, 0), QAbstractItemView::PositionAtBottom);
    });
    connect(clear, &QPushButton::clicked, m_jobs, &JobManager::clearFinished);
}

} // namespace wb::app
