#pragma once

#include "wb/modelspec.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLayout;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QSpinBox;
class QTableView;

namespace wb::widgets {
class LayerListModel;
}

namespace wb::app {

class ScriptModelPanel;

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
    /// Whether the network is the user's TorchScript model (Open PyTorch model…).
    bool isScriptModel() const { return m_script.has_value(); }
    /// Reads a TorchScript file in the background and shows it (its problems on the page).
    void openScriptModel(const QString &path);
    /// Whether a TorchScript model is being read or checked.
    bool isCheckingScript() const { return m_checking > 0; }
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
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    /// What undo / redo would change back / again ("" when nothing), for the Edit menu.
    QString undoText() const { return m_undo.isEmpty() ? QString() : m_undo.last().change; }
    QString redoText() const { return m_redo.isEmpty() ? QString() : m_redo.last().change; }

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void specChanged();
    /// The undo or redo history changed.
    void historyChanged();
    /// A TorchScript model was read and checked (or refused: `error`).
    void scriptChecked(const QString &error);

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
        QString change; ///< what changed from this state to the next, e.g. "layer 3 (conv)"
    };
    /// Pushes the spec shown before this change onto the undo stack.
    void recordHistory();
    void restoreSnapshot(const Snapshot &snapshot);
    /// Checks a script spec (from a file when `path` is set) with the panel's options for the
    /// current input in the background; the newest request wins.
    void checkScript(const QString &path, const core::ModelSpec &spec, const core::ScriptModel &options);
    void leaveScriptModel();

    widgets::LayerListModel *m_model;
    QTableView *m_table;
    QComboBox *m_preset, *m_newType;
    QSpinBox *m_width;
    QLabel *m_status, *m_inputLabel;
    QStackedWidget *m_stack;
    QPushButton *m_openScript;
    ScriptModelPanel *m_scriptPanel;
    std::optional<core::ModelSpec> m_script; ///< the user's TorchScript model, when shown
    bool m_scriptValid = false;
    int m_checking = 0, m_checkSerial = 0;
    QPlainTextEdit *m_json;
    QTimer m_parseDelay;
    QString m_modelName = QStringLiteral("lenet5");
    bool m_syncing = false;
    QList<Snapshot> m_undo, m_redo;
    QString m_shownJson, m_shownName;
    bool m_restoringHistory = false;
};

} // namespace wb::app
