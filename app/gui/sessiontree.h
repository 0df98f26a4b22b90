#pragma once

#include <QTreeWidget>

namespace wb::app {

class SessionDocument;

/// Dock tree of what the session holds: datasets, models, runs (with status and test
/// accuracy) and study results. Activating a run asks to show it.
class SessionTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SessionTree(SessionDocument *document, QWidget *parent = nullptr);
    void refresh();

Q_SIGNALS:
    void runActivated(qint64 runId);

private:
    SessionDocument *m_document;
};

} // namespace wb::app
