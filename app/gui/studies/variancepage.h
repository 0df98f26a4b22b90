#pragma once

#include "wb/variancestudy.h"

#include "studypage.h"

#include <QJsonObject>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace wb::widgets {
class BandChart;
class StripChart;
}

namespace wb::app {

class ArchitecturePage;
class DatasetPage;
class JobManager;
class SessionDocument;
class SlurmSettingsForm;
class StudyControls;
class TrainingPage;

/// The variance study: one setup trained N times with different seeds (repeat), or two
/// compared with the same seeds (A/B). A setup is the Training page's model and settings or
/// a stored run's. Views: every repeat of a metric per setup (strip and box plot with mean and
/// 95% interval), the noise and bias of the smoothed accuracy against β, the accuracy's
/// spread against the number of evaluation images, a table of every metric and the verdict.
class VariancePage : public StudyPage
{
    Q_OBJECT

public:
    VariancePage(SessionDocument *document, JobManager *jobs, DatasetPage *data, ArchitecturePage *architecture,
                 TrainingPage *training, QWidget *parent = nullptr);

    bool startStudy(QString *error) override;
    std::int64_t shownStudy() const override;
    void reloadStudies() override;
    void showStudy(std::int64_t id = 0) override;
    /// The form: setups by run id (0 = the Training page's settings, −1 for B = none).
    void setSetups(std::int64_t runA, std::int64_t runB);
    void setProtocol(int runs, int valPerClass, int trainImages, int testImages);
    /// The metric the strip plot and the verdict are about.
    void setMetric(const QString &metric);

    widgets::StripChart *stripChart() const { return m_strip; }
    widgets::BandChart *betaNoiseChart() const { return m_betaNoise; }
    widgets::BandChart *betaBiasChart() const { return m_betaBias; }
    widgets::BandChart *validationSizeChart() const { return m_valSize; }
    QTableWidget *table() const { return m_table; }
    QString verdictText() const;
    QString statusText() const;

    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

    /// A metric's key ("smoothed_accuracy@3") as the interface names it.
    static QString metricLabel(const std::string &key);

private:
    void showStudyError(const QString &message) override;
    QWidget *buildSetupPane();
    QWidget *buildResultsPane();
    void fillSetupChoices();
    bool setupFromChoice(const QComboBox *combo, const QString &name, core::VarianceSetup *setup, QString *error) const;
    void showViews();
    void fillTable();

    DatasetPage *m_data;
    ArchitecturePage *m_architecture;
    TrainingPage *m_training;

    QComboBox *m_setupA, *m_setupB, *m_metric;
    QSpinBox *m_runs, *m_valPerClass, *m_trainImages, *m_testImages;
    QLineEdit *m_betas;
    QCheckBox *m_resplit;
    QLabel *m_summary, *m_verdict;
    QTabWidget *m_tabs;
    widgets::StripChart *m_strip;
    widgets::BandChart *m_betaNoise, *m_betaBias, *m_valSize;
    QTableWidget *m_table;

    core::VarianceStudyResult m_result;
    bool m_hasStudy = false;
};

} // namespace wb::app
