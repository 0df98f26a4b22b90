#pragma once

#include "wb/gridstudy.h"
#include "wb/scalinglaw.h"

#include "studypage.h"

#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace wb::widgets {
class HeatmapChart;
class SeriesChart;
}

namespace wb::app {

class DatasetPage;
class TrainingPage;

/// The scaling study: a grid of model widths (growing by √2) × data fractions × seeds, run
/// as a background job (or a Slurm job array) whose cells fill in the heatmaps as they are
/// committed; marginal plots against model and data size, test loss against training
/// compute with its efficient frontier, and the fitted law L(N, D) = E + A/N^α + B/D^β with
/// its intervals, held-out check, iso-loss contours (only when the fit holds) and answers.
class ModelFamilyPicker;

class ScalingPage : public StudyPage
{
    Q_OBJECT

public:
    ScalingPage(SessionDocument *document, JobManager *jobs, DatasetPage *data, TrainingPage *training,
                QWidget *parent = nullptr);

    bool startStudy(QString *error) override;
    std::int64_t shownStudy() const override;
    void showStudy(std::int64_t id = 0) override;
    /// The grid form: model, base width, √2 steps, fraction steps, seeds, budget, epochs,
    /// training and test images (0 = all).
    void setGrid(const QString &model, int baseWidth, int widthSteps, int fractionSteps, int seeds,
                 const QString &budget, int epochs, int trainSize, int testSize);
    /// Shows `metric` ("test_loss", "test_accuracy", "train_loss", "train_accuracy", "gap",
    /// "test_smoothed_accuracy", "seconds").
    void setMetric(const QString &metric);
    widgets::HeatmapChart *heatmap() const { return m_heatmap; }
    widgets::SeriesChart *byModelSize() const { return m_byParams; }
    widgets::SeriesChart *byDataSize() const { return m_bySamples; }
    widgets::SeriesChart *computeChart() const { return m_compute; }
    QString fitText() const;
    /// Waits (running the event loop) until the newest fit is shown; false on timeout.
    bool waitForFit(int timeoutMs = 60000);

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void fitShown();

private:
    void showStudyError(const QString &message) override;
    QWidget *buildGridPane();
    QWidget *buildResultsPane();
    void updateWidthsPreview();
    void showViews();
    void fit();
    void showFit(const core::ScalingLawFit &fit, const QString &error, int generation);

    DatasetPage *m_data;
    TrainingPage *m_training;

    QComboBox *m_model, *m_budget, *m_metric;
    ModelFamilyPicker *m_family = nullptr;
    QSpinBox *m_baseWidth, *m_widthSteps, *m_fractionSteps, *m_seeds, *m_epochs, *m_trainSize, *m_testSize;
    QLabel *m_preview, *m_fitLabel;
    QTabWidget *m_tabs;
    widgets::HeatmapChart *m_heatmap;
    widgets::SeriesChart *m_byParams, *m_bySamples, *m_compute;

    core::GridStudyResult m_result;
    bool m_hasStudy = false;
    core::ScalingLawFit m_fit;
    bool m_hasFit = false;

public:
    /// The law fitted to the shown study (meaningful once fitText() shows one).
    const core::ScalingLawFit &shownFit() const { return m_fit; }

private:
    int m_fitGeneration = 0, m_shownFitGeneration = 0;
};

} // namespace wb::app
