#pragma once

#include "wb/dataset.h"
#include "wb/evaluation.h"

#include <QJsonObject>
#include <QStringList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLayout;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace wb::widgets {
class ConfusionMatrixView;
class EmbeddingView;
class HistogramChart;
class ImageGrid;
class RejectChart;
class ReliabilityChart;
} // namespace wb::widgets

namespace wb::app {

class DatasetPage;
class Job;
class JobManager;
class EmbeddingPanel;
class SessionDocument;
class TsneSettingsForm;

/// Evaluation of a finished run at any saved epoch on its test set: metrics and per-class
/// accuracy, the confusion matrix (counts / row- / column-normalised) with clickable cells
/// opening a gallery, the most confused pairs, top losses, reject-option curves with a
/// draggable threshold that switches every view of the confusion tab to the accepted subset, the reliability
/// diagram with ECE, and a t-SNE (or instant PCA) of the penultimate features.
class EvaluationPage : public QWidget
{
    Q_OBJECT

public:
    EvaluationPage(SessionDocument *document, JobManager *jobs, DatasetPage *data, QWidget *parent = nullptr);

    void reloadRuns();
    /// Evaluates run `runId` at `epoch` (0 = last) as a background job.
    bool evaluate(std::int64_t runId, int epoch, QString *error);
    /// Shows run `runId`'s last stored evaluation (without recomputing); false without one.
    bool showStored(std::int64_t runId);
    bool startTsne(QString *error);
    void showPca();
    /// Applies a confidence threshold: the matrix, metrics, per-class bars, most confused pairs
    /// and top losses show the accepted subset (all images when negative).
    void setThreshold(double threshold);
    /// Shows the gallery of test images with this true and predicted class.
    void showCell(int truth, int predicted);
    void showTopLosses();

    const core::Evaluation *evaluation() const { return m_eval.get(); }
    widgets::ConfusionMatrixView *confusion() const { return m_confusion; }
    widgets::ImageGrid *gallery() const { return m_gallery; }
    widgets::EmbeddingView *embedding() const;
    TsneSettingsForm *tsneSettings() const;
    QString metricsText() const;

    QJsonObject saveState() const;
    /// The reject threshold (-1: all accepted) and what the Reject tab says of it.
    double threshold() const { return m_threshold; }
    QString rejectInfoText() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void evaluated(bool ok);
    void embeddingReady(bool ok);

private:
    QLayout *buildTopRow();
    QWidget *buildConfusionTab();
    QWidget *buildRejectTab();
    QWidget *buildEmbeddingTab();
    /// Shows `eval` of run `runId` on every tab, with `status` above them; `data` (none when
    /// the dataset page holds another dataset) gives its images. The evaluate job and a stored
    /// evaluation end here alike.
    void present(std::shared_ptr<const core::Evaluation> eval, std::shared_ptr<const core::DatasetPair> data,
                 std::int64_t runId, const QString &status);
    /// The result tabs in place of the "choose a run" hint.
    void showTabs();
    /// A stored evaluation shown before the dataset page held its dataset (the app opens a
    /// session and loads its data in the background) gets its images once it does.
    void adoptLoadedData();
    /// Per-class bars and most confused pairs of `subset` (all images, or the accepted ones).
    void showSubset(const core::EvalResult &subset);
    /// Fills the gallery with the test images at `positions` (into the evaluation).
    void showGallery(const std::vector<std::size_t> &positions, const QString &title,
                     const std::function<QString(std::size_t)> &caption);
    QStringList classNames() const;

    SessionDocument *m_document;
    JobManager *m_jobs;
    DatasetPage *m_dataPage;
    QPointer<Job> m_job;
    std::shared_ptr<const core::Evaluation> m_eval;
    std::shared_ptr<const core::DatasetPair> m_data;
    std::int64_t m_runId = 0;
    QString m_evalSession; ///< the session `m_runId` belongs to
    double m_threshold = -1;
    /// The threshold of the session's page state, applied when its run and epoch are shown.
    struct SavedThreshold
    {
        std::int64_t run = 0;
        int epoch = 0;
        double value = -1;
    } m_savedThreshold;
    QLabel *m_rejectInfo = nullptr;
    QStringList m_classNames; ///< of a stored evaluation shown without its data

    QComboBox *m_runs, *m_mode;
    QSpinBox *m_epoch;
    QDoubleSpinBox *m_beta;
    EmbeddingPanel *m_embeddingPanel;
    QPushButton *m_evaluate;
    QLabel *m_metrics, *m_galleryTitle, *m_status, *m_hint;
    QListWidget *m_confused;
    QTabWidget *m_tabs;
    widgets::ConfusionMatrixView *m_confusion;
    widgets::HistogramChart *m_perClass;
    widgets::ImageGrid *m_gallery;
    widgets::RejectChart *m_rejectA, *m_rejectB;
    widgets::ReliabilityChart *m_reliability;
};

} // namespace wb::app
