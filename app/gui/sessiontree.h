#pragma once

#include <QTreeWidget>

namespace wb::app {

class SessionDocument;

/// The session's contents: datasets, models, runs, studies (type, status, k/N cells) and other
/// results. A study's context menu offers Resume, Cancel, Collect (cells of a Slurm job), Rename,
/// Delete and Export cells.
class SessionTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SessionTree(SessionDocument *document, QWidget *parent = nullptr);
    void refresh();

    /// Study actions of the context menu that need no dialog (tests call them directly).
    bool renameStudy(qint64 id, const QString &name, QString *error);
    bool deleteStudy(qint64 id, QString *error);
    bool exportStudyCells(qint64 id, const QString &path, QString *error);

Q_SIGNALS:
    void runActivated(qint64 runId);
    void studyActivated(qint64 studyId);
    void studyResumeRequested(qint64 studyId);
    void studyCancelRequested(qint64 studyId);
    void studyCollectRequested(qint64 studyId);

private:
    void showStudyMenu(QTreeWidgetItem *item, const QPoint &globalPos);

    SessionDocument *m_document;
};

} // namespace wb::app
