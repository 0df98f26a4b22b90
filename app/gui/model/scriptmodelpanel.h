#pragma once

#include "wb/modelspec.h"
#include "wb/scriptmodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace wb::app {

/// A user's TorchScript model on the Architecture page: its module tree with each
/// submodule's type and parameters (trainable/frozen) and a tick box to freeze it, the output
/// of a dry forward pass, where its features come from, the initialisation, a new head and
/// the input normalisation. Changes are emitted as options; the page checks them.
class ScriptModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ScriptModelPanel(QWidget *parent = nullptr);

    /// Shows `spec` (a script spec) as `report` describes it.
    void setModel(const core::ModelSpec &spec, const core::ScriptModelReport &report);
    /// A problem with the current options (shown on the panel; empty clears it).
    void setProblem(const QString &message);
    /// The options shown (init, freeze prefixes, new head, normalisation).
    core::ScriptModel options() const;
    void setBusy(bool busy);

Q_SIGNALS:
    void optionsChanged();
    void closeRequested();

private:
    void fillTree(const core::ScriptModelReport &report, const std::vector<std::string> &frozen);
    QLabel *m_title, *m_summary, *m_problem;
    QTreeWidget *m_tree;
    QComboBox *m_init, *m_norm;
    QCheckBox *m_newHead;
    bool m_filling = false;
};

} // namespace wb::app
