#pragma once

#include "wb/learningcurve.h"
#include "wb/sufficiency.h"
#include "wb/sufficiencystudy.h"

#include "studypage.h"

#include <QJsonObject>
#include <QPointer>

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
class SufficiencyStudyForm;
class TrainingPage;

/// The data-sufficiency study: configure and run it as a background job, then read the
/// learning curve (mean ± std per step, power-law fit continued to 4·L, bootstrap bands,
/// asymptote) and drag the target-accuracy slider to see how many samples are needed.
/// Studies are stored in the session and shown again on reopen.
class SufficiencyPage : public StudyPage
{
    Q_OBJECT

public:
    SufficiencyPage(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                    ArchitecturePage *architecture, TrainingPage *training, QWidget *parent = nullptr);

    bool startStudy(QString *error) override;
    std::int64_t shownStudy() const override;
    void showStudy(std::int64_t id = 0) override;
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
    /// An analysis (fit, bands, warnings) is on screen.
    void analysisShown();

private:
    void showStudyError(const QString &message) override;
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

    DatasetPage *m_data;
    ArchitecturePage *m_architecture;
    TrainingPage *m_training;

    SufficiencyStudyForm *m_form;
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
