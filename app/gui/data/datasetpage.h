#pragma once

#include "wb/imagefolder.h"

#include "wb/dataconfig.h"
#include "wb/dataset.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace wb::widgets {
class HistogramChart;
class ImageGrid;
} // namespace wb::widgets

namespace wb::app {

class JobManager;
class Job;

/// Pick and preview a dataset: Fashion-MNIST, an IDX folder or an image folder, loaded as
/// a background job; class examples, a pageable grid of random samples, the class
/// histogram, counts, shape, per-channel statistics and the train/validation/test split.
class DatasetPage : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetPage(JobManager *jobs, QWidget *parent = nullptr);

    std::shared_ptr<const core::DatasetPair> data() const { return m_data; }
    /// The dataset name/path and split settings as the training run records them.
    core::DataConfig dataConfig() const;
    QString datasetName() const;
    /// How image folders were read for the loaded data (size, channels).
    core::ImageFolderOptions imageOptions() const { return m_loadedFolder; }

    /// Starts loading `nameOrDir` ("fashion-mnist" or a folder) in the background.
    void load(const QString &nameOrDir);
    bool isLoading() const { return m_loading; }
    /// The dataset of the latest load request (loading, loaded, or failed).
    QString requestedName() const { return m_requestedName; }

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

    widgets::HistogramChart *histogram() const { return m_histogram; }

Q_SIGNALS:
    void dataChanged();
    void loadFailed(const QString &message);

private:
    QWidget *buildSourceBox();
    QWidget *buildSplitBox();
    QWidget *buildPreview();
    void showData();
    void showSamplesPage();
    void updateSplitSummary();
    void browse();

    JobManager *m_jobs;
    std::shared_ptr<const core::DatasetPair> m_data;
    core::ImageFolderOptions m_loadedFolder;
    QString m_loadedName, m_requestedName;
    int m_loadGeneration = 0; ///< of the latest load request; older loads finishing are ignored
    bool m_loading = false;
    int m_page = 0;

    QComboBox *m_source;
    QLineEdit *m_path;
    QPushButton *m_browse, *m_load;
    QSpinBox *m_imageSize;
    QComboBox *m_imageChannels;
    QDoubleSpinBox *m_valFraction;
    QSpinBox *m_seed, *m_trainLimit, *m_testLimit;
    QCheckBox *m_stratified;
    QLabel *m_summary, *m_splitSummary, *m_pageLabel;
    widgets::ImageGrid *m_examples, *m_samples;
    widgets::HistogramChart *m_histogram;
};

} // namespace wb::app
