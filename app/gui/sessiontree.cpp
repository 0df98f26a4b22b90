#include "sessiontree.h"

#include "sessiondocument.h"
#include "wb/errors.h"

#include <cmath>

namespace wb::app {

SessionTree::SessionTree(SessionDocument *document, QWidget *parent)
    : QTreeWidget(parent), m_document(document)
{
    setHeaderLabels({tr("Session"), tr("Details")});
    setColumnWidth(0, 200);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariant id = item->data(0, Qt::UserRole);
        if (id.isValid())
            Q_EMIT runActivated(id.toLongLong());
    });
}

void SessionTree::refresh()
{
    clear();
    if (!m_document->isOpen())
        return;
    auto *datasets = new QTreeWidgetItem(this, {tr("Datasets")});
    auto *models = new QTreeWidgetItem(this, {tr("Models")});
    auto *runs = new QTreeWidgetItem(this, {tr("Runs")});
    auto *studies = new QTreeWidgetItem(this, {tr("Studies")});
    try {
        core::Session &s = m_document->session();
        for (const auto &d : s.datasets())
            new QTreeWidgetItem(datasets, {QString::fromStdString(d.name),
                                           tr("%1 train / %2 test, %3 classes").arg(d.trainCount).arg(d.testCount)
                                               .arg(d.classNames.size())});
        for (const auto &a : s.architectures())
            new QTreeWidgetItem(models, {QString::fromStdString(a.name), tr("#%1").arg(a.id)});
        for (const auto &r : s.runs()) {
            QString details = QString::fromLatin1(core::runStatusName(r.status));
            if (std::isfinite(r.testAccuracy))
                details += tr(", test accuracy %1").arg(r.testAccuracy, 0, 'f', 4);
            auto *item = new QTreeWidgetItem(runs, {QStringLiteral("#%1 %2").arg(r.id).arg(QString::fromStdString(r.name)), details});
            item->setData(0, Qt::UserRole, qlonglong(r.id));
            item->setToolTip(0, QString::fromStdString(r.message));
        }
        for (const auto &res : s.results())
            new QTreeWidgetItem(studies, {QString::fromStdString(res.name), QString::fromStdString(res.kind)});
    } catch (const core::Error &e) {
        new QTreeWidgetItem(this, {tr("Error"), QString::fromUtf8(e.what())});
    }
    expandAll();
}

} // namespace wb::app
