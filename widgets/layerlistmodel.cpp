#include "layerlistmodel.h"

#include <QLocale>

#include <QBrush>
#include <QColor>
#include <QRegularExpression>

#include <cmath>

namespace wb::widgets {

LayerListModel::LayerListModel(QObject *parent) : QAbstractTableModel(parent) { recheck(); }

void LayerListModel::setSpec(const core::ModelSpec &spec)
{
    beginResetModel();
    m_spec = spec;
    recheck();
    endResetModel();
    Q_EMIT specChanged();
}

void LayerListModel::setInput(const std::array<int, 3> &input, int classes)
{
    core::ModelSpec spec = m_spec;
    spec.input = input;
    spec.classes = classes;
    setSpec(spec);
}

void LayerListModel::insertLayer(int row, const core::LayerSpec &layer)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_spec.layers.insert(m_spec.layers.begin() + row, layer);
    endInsertRows();
    recheck();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT specChanged();
}

void LayerListModel::removeLayer(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_spec.layers.erase(m_spec.layers.begin() + row);
    endRemoveRows();
    recheck();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT specChanged();
}

int LayerListModel::moveLayer(int from, int delta)
{
    const int to = from + delta;
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || delta == 0)
        return from;
    // beginMoveRows wants the destination *before* which the row lands.
    beginMoveRows({}, from, from, {}, delta > 0 ? to + 1 : to);
    std::swap(m_spec.layers[std::size_t(from)], m_spec.layers[std::size_t(to)]);
    endMoveRows();
    recheck();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT specChanged();
    return to;
}

void LayerListModel::recheck() { m_check = core::checkShapes(m_spec); }

QString LayerListModel::paramsText(const core::LayerSpec &layer)
{
    QStringList parts;
    for (const auto &[key, value] : layer.params)
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(key)).arg(value, 0, 'g', 8);
    return parts.join(QLatin1Char(' '));
}

bool LayerListModel::parseParams(const QString &text, std::map<std::string, double> &out,
                                 QString *error)
{
    out.clear();
    const auto tokens = text.split(QRegularExpression(QStringLiteral("[\\s,;]+")),
                                   Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const int eq = token.indexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? token.mid(eq + 1).toDouble(&ok) : 0.0;
        if (eq <= 0 || !ok || !std::isfinite(v)) {
            if (error)
                *error = tr("'%1' is not of the form name=number").arg(token);
            return false;
        }
        out[token.left(eq).trimmed().toStdString()] = v;
    }
    return true;
}

int LayerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spec.layers.size());
}

int LayerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = std::size_t(index.row());
    const core::LayerSpec &layer = m_spec.layers[row];
    const bool inferred = row < m_check.report.layers.size();
    const bool faulty = m_check.errorLayer == index.row();
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case TypeColumn: return QString::fromStdString(layer.type);
        case ParamsColumn: return paramsText(layer);
        case OutputColumn: {
            if (!inferred)
                return faulty ? tr("error") : QString();
            QStringList dims;
            for (auto d : m_check.report.layers[row].output)
                dims << QString::number(d);
            return QStringLiteral("[%1]").arg(dims.join(QLatin1Char(',')));
        }
        case CountColumn:
            // Grouped in the interface's locale ("48.120" in German; views print a bare number as "48120").
            return inferred ? QVariant(QLocale().toString(qlonglong(m_check.report.layers[row].parameters))) : QVariant();
        }
    }
    if (role == Qt::ToolTipRole && faulty)
        return QString::fromStdString(m_check.message);
    if (role == Qt::BackgroundRole && faulty)
        return QBrush(QColor(255, 205, 205));
    if (role == Qt::ForegroundRole && !inferred && !faulty)
        return QBrush(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() == CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

bool LayerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    core::LayerSpec &layer = m_spec.layers[std::size_t(index.row())];
    if (index.column() == TypeColumn) {
        const std::string type = value.toString().trimmed().toStdString();
        if (type == layer.type)
            return false;
        layer.type = type;
        layer.params.clear(); // the old type's parameters rarely fit the new one
    } else if (index.column() == ParamsColumn) {
        std::map<std::string, double> params;
        QString error;
        if (!parseParams(value.toString(), params, &error)) {
            Q_EMIT editRejected(tr("Layer %1: %2").arg(index.row() + 1).arg(error));
            return false;
        }
        layer.params = params;
    } else {
        return false;
    }
    recheck();
    Q_EMIT dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT specChanged();
    return true;
}

QVariant LayerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case TypeColumn: return tr("Layer");
    case ParamsColumn: return tr("Parameters");
    case OutputColumn: return tr("Output shape");
    case CountColumn: return tr("Weights");
    }
    return {};
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == TypeColumn || index.column() == ParamsColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace wb::widgets
