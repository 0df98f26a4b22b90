#pragma once

#include "wb/modelspec.h"

#include <QAbstractTableModel>

namespace wb::widgets {

/// Editable table of a network's layers over a core::ModelSpec: type, parameters (as
/// "key=value" text), inferred output shape and parameter count per row. Rows that do not
/// fit are marked with the core's message; valid() tells whether the spec can be trained.
class LayerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TypeColumn, ParamsColumn, OutputColumn, CountColumn, ColumnCount };

    explicit LayerListModel(QObject *parent = nullptr);

    void setSpec(const core::ModelSpec &spec);
    const core::ModelSpec &spec() const { return m_spec; }
    const core::ShapeCheck &check() const { return m_check; }
    bool valid() const { return m_check.ok(); }

    void insertLayer(int row, const core::LayerSpec &layer);
    void removeLayer(int row);
    /// Moves the layer at `from` by `delta` rows (−1 up, +1 down); returns its new row.
    int moveLayer(int from, int delta);
    void setInput(const std::array<int, 3> &input, int classes);

    /// "out=6 kernel=5" ⇄ params; parse errors name the token.
    static QString paramsText(const core::LayerSpec &layer);
    static bool parseParams(const QString &text, std::map<std::string, double> &out,
                            QString *error);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    /// The spec changed (by an edit or a set); check() is up to date.
    void specChanged();
    /// An edit was refused (e.g. unparsable parameters); the message says why.
    void editRejected(const QString &message);

private:
    void recheck();

    core::ModelSpec m_spec;
    core::ShapeCheck m_check;
};

} // namespace wb::widgets
