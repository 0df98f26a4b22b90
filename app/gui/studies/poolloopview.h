#pragma once

#include "wb/activeloop.h"
#include "wb/activestudy.h"

#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace wb::widgets {
class BandChart;
}

namespace wb::app {

class DatasetPage;
class Job;
class JobManager;
class SessionDocument;
class TrainingPage;

/// The real active-learning loop on the user's own unlabelled pool (a tab of the Active-learning
/// page): "Label next…" scores a pool and lists the picks (a sortable table with thumbnails,
/// scores and the predicted classes), Export list… / Copy to folder… hand them to annotators,
/// "Add labels…" brings the labels back (a CSV or a labelled folder) and retrains; a chart of the
/// accuracy after each round next to the simulated study's curves.
class PoolLoopView : public QWidget
{
    Q_OBJECT

public:
    /// The network a new loop round trains: spec and name, or false with why.
    using ModelChoice = std::function<bool(core::ModelSpec &spec, std::string &name, QString *error)>;
    PoolLoopView(SessionDocument *document, JobManager *jobs, DatasetPage *data, TrainingPage *training,
                 ModelChoice modelChoice, std::function<std::string()> loadedFingerprint, QWidget *parent = nullptr);
    ~PoolLoopView() override;

    /// Reads the session's loop again and shows it.
    void refresh();
    /// The simulated study shown on the page (its median curves are drawn for comparison when it
    /// ran on the loop's dataset).
    void setStudy(const core::ActiveStudyResult *result, const std::string &fingerprint);

    /// The steps, also for tests: pick with the dialog's choices, add labels, export.
    bool labelNext(const QString &pool, std::int64_t runId, const std::string &strategy, std::size_t count,
                   int perClassCap, bool discardPending, QString *error);
    bool addLabels(const QString &csvOrFolder, QString *error);
    bool exportList(const QString &csvPath, QString *error);
    bool copyToFolder(const QString &folder, QString *error);

    const std::optional<core::ActiveLoop> &loop() const { return m_loop; }
    QTableWidget *table() const { return m_table; }
    widgets::BandChart *chart() const { return m_chart; }
    QString statusText() const;
    bool busy() const { return m_job != nullptr; }

Q_SIGNALS:
    /// A step ended (true: it worked); the session holds its result.
    void stepFinished(bool ok);

private:
    void openLabelNext();
    void openAddLabels(bool folder);
    void fillChart();
    void fillTable();
    void loadThumbnails();
    void setStatus(const QString &richText);
    const core::LoopRound *shownRound() const;
    bool startJob(const QString &title, std::function<QString(Job &)> work, QString *error);

    SessionDocument *m_document;
    JobManager *m_jobs;
    DatasetPage *m_data;
    TrainingPage *m_training;
    ModelChoice m_modelChoice;
    std::function<std::string()> m_loadedFingerprint;
    QPushButton *m_labelNext, *m_addLabels, *m_export, *m_copy;
    QLabel *m_status;
    widgets::BandChart *m_chart;
    QTableWidget *m_table;
    std::optional<core::ActiveLoop> m_loop;
    const core::ActiveStudyResult *m_study = nullptr;
    std::string m_studyFingerprint;
    Job *m_job = nullptr;
    QString m_lastPool;
    QFutureWatcher<QList<QImage>> m_thumbnails;
};

} // namespace wb::app
