#include "layertypedelegate.h"

#include "wb/modelspec.h"

#include <QComboBox>

namespace wb::widgets {

QWidget *LayerTypeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const auto &type : core::layerTypes())
        combo->addItem(QString::fromStdString(type));
    return combo;
}

void LayerTypeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentText(index.data(Qt::EditRole).toString());
}

void LayerTypeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
}

} // namespace wb::widgets
