#pragma once

#include "wb/activestudy.h"

#include "studypage.h"

#include <QJsonObject>

#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace wb::widgets {
class BandChart;
class HeatmapChart;
class ImageGrid;
}

namespace wb::app {

class ArchitecturePage;

class DatasetPage;
class Job;
class JobManager;
class PoolLoopView;
class SessionDocument;
class SlurmSettingsForm;
class StudyControls;
class TrainingPage;

/// The active-learning study: strategies compared over rounds of train → test → score the
/// unlabelled pool → label the top images, every trial with a shared initial labelled set and
/// initial weights and every round with the same steps; run as a background job (or a Slurm
/// job array) whose trials fill in the views as they finish. Views: accuracy against labels
/// (median, interquartile band, trials, full-data baseline), labels needed per accuracy level
/// (censored levels marked), a table with the area under each learning curve, the classes
/// each strategy picked, and a gallery of one round's picks with their scores.
class ActiveLearningPage : public StudyPage
{
    Q_OBJECT

public:
    /// `architecture` (optional): its network is offered as a model besides the presets.
    ActiveLearningPage(SessionDocument *document, JobManager *jobs, DatasetPage *data, TrainingPage *training,
                       ArchitecturePage *architecture = nullptr, QWidget *parent = nullptr);

    bool startStudy(QString *error) override;
    std::int64_t shownStudy() const override;
    void showStudy(std::int64_t id = 0) override;
    /// The protocol form.
    void setProtocol(const QString &model, const QStringList &strategies, int initial, int budget, int maxLabels,
                     int trials, int stepsPerRound, int baselineSeeds, int poolSize, int testSize);
    /// The gallery: round `round` (1-based) of trial `trial` (1-based) of `strategy`.
    void showPicks(const QString &strategy, int trial, int round);

    widgets::BandChart *accuracyChart() const { return m_accuracy; }
    widgets::BandChart *neededChart() const { return m_needed; }
    widgets::HeatmapChart *classChart() const { return m_classes; }
    widgets::ImageGrid *gallery() const { return m_gallery; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    /// The tab of the real loop on the user's own unlabelled pool.
    PoolLoopView *poolLoop() const { return m_poolLoop; }
    /// The network of the Model field for images of the loaded dataset, or false with why.
    bool chooseNetwork(core::ModelSpec &spec, std::string &name, QString *error) const;

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

private:
    void showStudyError(const QString &message) override;
    QWidget *buildProtocolPane();
    QWidget *buildResultsPane();
    void showViews();
    void fillTable();
    void fillGalleryChoices();
    void updateGallery();
    const std::string &loadedFingerprint();

    DatasetPage *m_data;
    TrainingPage *m_training;

    ArchitecturePage *m_architecture = nullptr;
    QComboBox *m_model, *m_pickStrategy;
    std::map<std::string, QCheckBox *> m_strategies;
    QSpinBox *m_initial, *m_budget, *m_maxLabels, *m_trials, *m_steps, *m_passes, *m_baselineSeeds, *m_poolSize,
        *m_testSize, *m_pickTrial, *m_pickRound;
    QLabel *m_summary, *m_galleryNote;
    QTabWidget *m_tabs;
    widgets::BandChart *m_accuracy, *m_needed;
    widgets::HeatmapChart *m_classes;
    widgets::ImageGrid *m_gallery;
    QTableWidget *m_table;
    PoolLoopView *m_poolLoop = nullptr;

    core::ActiveStudyResult m_result;
    bool m_hasStudy = false;
    QStringList m_classNames;          ///< of the shown study's dataset
    std::string m_studyFingerprint;    ///< of the shown study's dataset
    std::weak_ptr<const core::DatasetPair> m_fingerprinted; ///< the dataset m_loadedFingerprint is of
    std::string m_loadedFingerprint;
};

} // namespace wb::app
