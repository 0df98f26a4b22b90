#pragma once

#include <QMainWindow>
#include <QMessageBox>

#include <array>
#include <string>

class QLabel;
class QTimer;
class QMenu;
class QTabWidget;
class QAction;

namespace wb::app {

class ArchitecturePage;
class RunActions;
class GuideBar;
struct GuideState;
class DatasetPage;
class Job;
class JobManager;
class PlotExportJob;
class SessionDocument;
class SessionTree;
class ScalingPage;
class ActiveLearningPage;
class VariancePage;
class SufficiencyPage;
class StudyPage;
class EvaluationPage;
class TrainingPage;

/// The workbench window: session tree and jobs docks, one page per activity (dataset,
/// architecture, training), menus, status bar with the compute device and running jobs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a session file, showing a dialog on failure; returns success.
    bool openSession(const QString &path);
    bool newSession();
    bool saveSessionAs(const QString &path);
    /// File → Save: an untitled session asks for a place (Save As); a saved one is written
    /// as it changes, so Save only stores the page layout. Returns false when not saved.
    bool save();
    /// Whether quitting or switching would lose work: an untitled session holding runs,
    /// studies or results.
    bool hasUnsavedWork() const;
    /// File → Export All Plots into `dir` as a background job (progress and Cancel in the Jobs
    /// panel); the page state is saved first, so the files show the pages as they are. Returns
    /// the job, or nullptr with `error` set. The end is said in the status bar (a failure in a dialog).
    Job *startExportAll(const QString &dir, QString *error);
    /// Writes the report of `study` (0: every study a report is written for) to `path` as PDF
    /// or HTML, as a background job; the status bar says where it went (or why not).
    Job *startExportReport(qint64 study, const QString &path, bool pdf, QString *error, qint64 run = 0);
    /// A run's context menu → Export Report…: asks where.
    void exportRunReportInteractive(qint64 run);
    /// Asks where (HTML or PDF) and starts the report of `study` or `run`.
    void askAndExportReport(qint64 study, qint64 run);
    /// File → Export Report…: asks which study (when `study` is 0) and where.
    void exportReportInteractive(qint64 study);
    PlotExportJob *plotExport() const { return m_plotExport; }

    SessionDocument *document() const { return m_document; }
    JobManager *jobs() const { return m_jobs; }
    DatasetPage *datasetPage() const { return m_datasetPage; }
    ArchitecturePage *architecturePage() const { return m_architecturePage; }
    TrainingPage *trainingPage() const { return m_trainingPage; }
    SufficiencyPage *sufficiencyPage() const { return m_sufficiencyPage; }
    ScalingPage *scalingPage() const { return m_scalingPage; }
    ActiveLearningPage *activePage() const { return m_activePage; }
    VariancePage *variancePage() const { return m_variancePage; }
    EvaluationPage *evaluationPage() const { return m_evaluationPage; }
    SessionTree *sessionTree() const { return m_tree; }
    RunActions *runActions() const { return m_runActions; }
    GuideBar *guideBar() const { return m_guide; }
    /// The snapshot the hints are made from.
    GuideState guideState() const;
    QTabWidget *pages() const { return m_pages; }
    /// Shows the tab holding `page` (each page sits in its own scroll area), and the page shown.
    void showPage(QWidget *page);
    QWidget *currentPage() const;
    /// Edit → Undo / Redo: the Architecture page's network history, named by the change.
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    /// Untitled sessions a workbench that died left with work (newest first).
    QStringList recoverableSessions() const;
    /// Continues in one of them as the untitled session (Save As keeps it).
    bool recoverSession(const QString &path);
    /// At start: offers the newest recoverable session (Recover / Discard… / Not now); true
    /// when one was recovered. Does nothing when there is none or dialogs are off.
    bool offerRecovery();

    /// Whether dialogs may be shown (false in tests and headless use: errors go to stderr).
    void setInteractive(bool interactive) { m_interactive = interactive; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateEditActions();
    void restoreWindowSize();
    void onDocumentOpened();
    void saveState();
    /// Saves the page state; false (with a message) while jobs write to the session.
    bool readyToSwitch(const QString &title);
    /// Asks whether to save an untitled session with work first; false when the user cancels.
    bool maybeSaveUntitled(const QString &title);
    /// The question itself: Save, Discard or Cancel (Discard when there is nothing to lose).
    QMessageBox::StandardButton askToSaveUntitled(const QString &title);
    /// Asks for a file and saves the session there; false when cancelled or failed.
    bool saveAsInteractive();
    void updateTitle();
    void updateRecentMenu();
    void showError(const QString &title, const QString &message);
    /// Cancels a study: the page's job when it runs it, else the stored status (a process
    /// running it elsewhere stops within seconds; an interrupted one is marked cancelled).
    void cancelStudy(qint64 id);
    std::array<StudyPage *, 4> studyPages() const;
    /// The page of stored study `id`'s type (the Sufficiency page when it cannot be read).
    StudyPage *studyPageOf(qint64 id) const;
    /// The study pages re-read their studies (cells merged, a study changed).
    void reloadStudyPages();
public:
    /// Merges finished cell files of studies submitted to Slurm (every 10 s and on open);
    /// returns the cells merged.
    int collectSubmittedStudies();

private:
    void about();
    void showGettingStarted();
    void updateGuide();
    /// Lists the loaded dataset in the session (a job) and marks it in the tree.
    void registerLoadedDataset();

    SessionDocument *m_document;
    JobManager *m_jobs;
    PlotExportJob *m_plotExport = nullptr;
    DatasetPage *m_datasetPage;
    ArchitecturePage *m_architecturePage;
    TrainingPage *m_trainingPage;
    SufficiencyPage *m_sufficiencyPage;
    ScalingPage *m_scalingPage;
    ActiveLearningPage *m_activePage;
    VariancePage *m_variancePage;
    EvaluationPage *m_evaluationPage;
    SessionTree *m_tree;
    RunActions *m_runActions;
    QAction *m_undoAction = nullptr, *m_redoAction = nullptr;
    GuideBar *m_guide;
    QTimer *m_collectTimer;
    int pageIndex(QWidget *page) const;
    QTabWidget *m_pages;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_deviceLabel, *m_jobsLabel;
    bool m_interactive = true;
};

} // namespace wb::app
