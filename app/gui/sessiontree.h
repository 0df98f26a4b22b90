#pragma once

#include <QTreeWidget>

namespace wb::app {

class RunActions;
class SessionDocument;

/// The session's contents: datasets, models, runs, studies (type, status, k/N cells) and other
/// results. A run's context menu is RunActions'. A study's context menu offers Resume, Cancel, Collect (cells of a Slurm job), Rename,
/// Delete and Export cells.
class SessionTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SessionTree(SessionDocument *document, QWidget *parent = nullptr);
    void refresh();
    /// Runs get the shared run context menu (Resume, Evaluate, Use these settings, Rename, Delete).
    void setRunActions(RunActions *actions) { m_runActions = actions; }
    /// The loaded dataset (its resolved path) is shown in bold among the session's datasets.
    void setCurrentDataset(const QString &path);

    /// Study actions of the context menu that need no dialog (tests call them directly).
    bool renameStudy(qint64 id, const QString &name, QString *error);
    bool deleteStudy(qint64 id, QString *error);
    bool exportStudyCells(qint64 id, const QString &path, QString *error);

Q_SIGNALS:
    void runActivated(qint64 runId);
    /// A dataset of the session was double-clicked: load it (`name` as the user named it).
    void datasetActivated(const QString &name);
    void studyActivated(qint64 studyId);
    void studyResumeRequested(qint64 studyId);
    void studyCancelRequested(qint64 studyId);
    void studyCollectRequested(qint64 studyId);
    void studyReportRequested(qint64 studyId);
    /// A study was renamed: the study pages' lists show the new name.
    void studyRenamed(qint64 studyId);

private:
    void showStudyMenu(QTreeWidgetItem *item, const QPoint &globalPos);

    SessionDocument *m_document;
    RunActions *m_runActions = nullptr;
    QString m_currentDataset;
};

/// How the tree names a dataset: a folder by its last part ("mnist10k"), with as many parent
/// folders as it takes to tell it from the others in `all`; a registered name as it is.
QString shortDatasetName(const QString &name, const QStringList &all);

} // namespace wb::app
