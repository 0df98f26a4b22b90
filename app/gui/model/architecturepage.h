#pragma once

#include "wb/modelspec.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLayout;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace wb::widgets {
class LayerListModel;
}

namespace wb::app {

/// The architecture editor: a layer table (add, remove, reorder, edit type and parameters)
/// with every row's output shape and weight count, presets with a width, the JSON spec
/// kept in sync both ways, and import/export of spec files. An invalid stack is marked
/// at the offending row with the core's message.
class ArchitecturePage : public QWidget
{
    Q_OBJECT

public:
    explicit ArchitecturePage(QWidget *parent = nullptr);

    core::ModelSpec spec() const;
    bool isValid() const;
    /// Name recorded with runs: the preset, or "custom".
    QString modelName() const { return m_modelName; }
    widgets::LayerListModel *model() const { return m_model; }

    /// Input shape and class count follow the loaded dataset.
    void setInput(const std::array<int, 3> &input, int classes);
    void applyPreset(const QString &name, int width);
    bool importSpec(const QString &path, QString *error);
    bool exportSpec(const QString &path, QString *error) const;

    /// Undoes / redoes the last change of the network (table, preset, JSON, import);
    /// false when there is nothing to undo / redo.
    bool undo();
    bool redo();

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void specChanged();

private:
    QWidget *buildTableSide();
    QLayout *buildPresetRow();
    QLayout *buildEditRow();
    QWidget *buildJsonSide();
    void modelToText();
    void textToModel();
    void updateStatus();
    struct Snapshot
    {
        QString json, modelName;
    };
    /// Pushes the spec shown before this change onto the undo stack.
    void recordHistory();
    void restoreSnapshot(const Snapshot &snapshot);

    widgets::LayerListModel *m_model;
    QTableView *m_table;
    QComboBox *m_preset, *m_newType;
    QSpinBox *m_width;
    QLabel *m_status, *m_inputLabel;
    QPlainTextEdit *m_json;
    QTimer m_parseDelay;
    QString m_modelName = QStringLiteral("lenet5");
    bool m_syncing = false;
    QList<Snapshot> m_undo, m_redo;
    QString m_shownJson, m_shownName;
    bool m_restoringHistory = false;
};

} // namespace wb::app
