#pragma once

#include "wb/history.h"
#include "wb/session.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSlider;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace wb::widgets {
class TrainingChart;
}

namespace wb::app {

class ArchitecturePage;
class DatasetPage;
class Job;
class JobManager;
class LiveBuffer;
class LrFinderPanel;
class RunActions;
class SessionDocument;
class TrainConfigForm;

/// Configure and start training, watch it live: loss and accuracy charts (per-batch raw,
/// debiased EWA with a smoothing slider, per-epoch validation), every run of the session
/// overlaid and togglable, and the epoch table of the selected run.
class TrainingPage : public QWidget
{
    Q_OBJECT

public:
    TrainingPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                 ArchitecturePage *architecture, QWidget *parent = nullptr);

    /// Creates a run in the session and starts it as a job; returns the run id (0 on error,
    /// with `error` set).
    std::int64_t startTraining(QString *error);
    /// The page's status line (rich text), e.g. how the last run ended.
    QString statusText() const;
    /// Why nothing can be trained now (no dataset loaded, an invalid architecture, with
    /// `checkForm` a value of the form that is wrong), or empty.
    QString notReadyReason(bool checkForm = true) const;
    /// Continues run `runId` from its last checkpoint as a job (a cancelled, interrupted or
    /// failed run; the dataset it was trained on must be loaded); false with `error` set.
    bool resumeRun(std::int64_t runId, QString *error);
    /// Puts run `runId`'s training settings into the form (its architecture goes to the
    /// Architecture page); false with `error` set.
    bool useRunSettings(std::int64_t runId, QString *error);
    /// Runs get the shared context menu.
    void setRunActions(RunActions *actions);
    /// Whether run `runId` is trained (or queued) by a job of this page.
    bool isLive(std::int64_t runId) const;
    void cancelTraining();
    /// Re-reads the session's runs into the list and the charts.
    void reloadRuns();
    void setSmoothing(double q);
    double smoothing() const;
    void showRun(std::int64_t runId, bool visible);

    widgets::TrainingChart *lossChart() const { return m_loss; }
    widgets::TrainingChart *accuracyChart() const { return m_accuracy; }
    TrainConfigForm *configForm() const { return m_form; }
    LrFinderPanel *lrFinder() const { return m_lrFinder; }

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void trainingFinished(std::int64_t runId, const QString &status);

private:
    QWidget *buildControls();
    QWidget *buildCurves();
    struct Live
    {
        std::shared_ptr<LiveBuffer> buffer;
        QPointer<Job> job;
        std::int64_t stepsPerEpoch = 1;
    };
    /// Starts the job that trains (or with `resume` continues) run `runId`.
    void launch(std::int64_t runId, bool resume, std::int64_t stepsPerEpoch);
    /// Replaces run `runId`'s curves with its stored history (up to `lastEpoch` when > 0).
    void plotStoredRun(const core::RunRecord &run, int lastEpoch = 0);
    /// After a rename or delete: labels follow, deleted runs leave the list and the charts.
    void refreshRunNames();
    void drain();
    void addRunItem(const core::RunRecord &run);
    void updateRunItem(QTreeWidgetItem *item, const core::RunRecord &run);
    void showEpochTable(std::int64_t runId);
    void updateButtons();
    QTreeWidgetItem *itemFor(std::int64_t runId) const;

    SessionDocument *m_document;
    JobManager *m_jobs;
    DatasetPage *m_data;
    ArchitecturePage *m_architecture;
    TrainConfigForm *m_form;
    QPushButton *m_train, *m_cancel;
    QLabel *m_smoothingLabel, *m_status;
    QSlider *m_smoothing;
    widgets::TrainingChart *m_loss, *m_accuracy;
    QTreeWidget *m_runs;
    QTableWidget *m_epochs;
    QHash<std::int64_t, Live> m_live;
    LrFinderPanel *m_lrFinder;
    QTabWidget *m_rightTabs;
    QTimer m_drain;
    RunActions *m_runActions = nullptr;
};

/// Puts a run's stored history on `chart`, in the chart's metric: batch i of b in epoch e at
/// x = e−1 + (i+1)/b, and each epoch's validation value at x = e. Shared by the Training page
/// and the plot export.
void setStoredRun(widgets::TrainingChart &chart, const core::RunRecord &run, const core::History &history);

} // namespace wb::app
