#pragma once

#include "wb/learningcurve.h"
#include "wb/sufficiency.h"
#include "wb/sufficiencystudy.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;

namespace wb::widgets {
class LearningCurveChart;
}

namespace wb::app {

class ArchitecturePage;
class DatasetPage;
class Job;
class JobManager;
class SessionDocument;
class SlurmSettingsForm;
class StudyControls;
class SufficiencyStudyForm;
class TrainingPage;

/// The data-sufficiency study: configure and run it as a background job, then read the
/// learning curve (mean ± std per step, power-law fit continued to 4·L, bootstrap bands,
/// asymptote) and drag the target-accuracy slider to see how many samples are needed.
/// Studies are stored in the session and shown again on reopen.
class SufficiencyPage : public QWidget
{
    Q_OBJECT

public:
    SufficiencyPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                    ArchitecturePage *architecture, TrainingPage *training, QWidget *parent = nullptr);

    /// Starts a study with the page's settings; false with `error` set when it cannot start.
    bool startStudy(QString *error);
    void cancelStudy();
    /// Runs the missing runs of stored study `id` (interrupted, cancelled or failed); false
    /// with `error` set when it cannot start.
    bool resumeStudy(std::int64_t id, QString *error);
    /// The stored study the running job works on (0: none).
    /// The stored study shown (0: none).
    std::int64_t shownStudy() const;
    std::int64_t runningStudy() const;
    /// Re-reads the stored studies of the session.
    void reloadStudies();
    /// Shows stored study `id` (the latest when 0).
    void showStudy(std::int64_t id = 0);
    void setTarget(double target);
    double target() const;
    /// The text next to the slider, e.g. "≈ 3327 samples needed (95%: 1292–115932)".
    QString neededText() const;
    /// The curve family choice the projections come from (core::curveChoices()).
    QString family() const;
    widgets::LearningCurveChart *chart() const { return m_chart; }
    SlurmSettingsForm *runOnForm() const { return m_slurm; }
    void setStudyOptions(std::int64_t trainSize, std::int64_t testSize, int runs, int substeps, int epochs);

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

    /// Waits (running the event loop) until the newest analysis is shown; false on timeout.
    bool waitForAnalysis(int timeoutMs = 30000);

Q_SIGNALS:
    void studyFinished(const QString &status);
    /// An analysis (fit, bands, warnings) is on screen.
    void analysisShown();

private:
    bool submitStudy(const core::SufficiencyStudySetup &setup, const core::DatasetPair &data, QString *error);
    void startJob(std::int64_t id, const QString &title, std::function<void(Job &)> work);
    void onJobStarted(std::int64_t id);
    void onStudyFinished(std::int64_t id, const QString &error);
    QWidget *buildStudyPane();
    QWidget *buildResultsPane();
    struct AnalysisOutcome
    {
        core::SufficiencyAnalysis analysis;
        QString error;
    };
    void analyze();
    void showAnalysis(const AnalysisOutcome &outcome);
    void updateTarget();
    void updateProjection();

    SessionDocument *m_document;
    JobManager *m_jobs;
    DatasetPage *m_data;
    ArchitecturePage *m_architecture;
    TrainingPage *m_training;
    StudyControls *m_controls;

    SufficiencyStudyForm *m_form;
    SlurmSettingsForm *m_slurm;
    QLineEdit *m_project;
    QComboBox *m_metric, *m_family;
    QString m_shownStatus;   // e.g. "interrupted, 3 of 5 runs"
    QLabel *m_fitLabel, *m_needed;
    QSlider *m_slider;
    QDoubleSpinBox *m_targetSpin;
    QTableWidget *m_table;
    widgets::LearningCurveChart *m_chart;

    core::SufficiencyResult m_result;
    core::SufficiencyConfig m_config;
    core::SufficiencyAnalysis m_analysis;
    int m_analysisGeneration = 0, m_shownGeneration = 0;
    bool m_hasStudy = false;
};

} // namespace wb::app
