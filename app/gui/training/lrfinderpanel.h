#pragma once

#include "wb/lrfinder.h"

#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace wb::widgets {
class LrFinderChart;
}

namespace wb::app {

class ArchitecturePage;
class DatasetPage;
class Job;
class JobManager;
class SessionDocument;
class TrainingPage;

/// The LR range test on the training page: runs it with the current model, data and
/// optimiser as a background job, plots loss against lr with the suggestions, sets the
/// learning rate from a suggestion, and starts "lr and lr/2" to compare on the training
/// charts. Results are stored in the session (kind "lr-find") and shown again on reopen.
class LrFinderPanel : public QWidget
{
    Q_OBJECT

public:
    LrFinderPanel(SessionDocument *document, JobManager *jobs, DatasetPage *data,
                  ArchitecturePage *architecture, TrainingPage *training, QWidget *parent = nullptr);

    bool startLrFind(QString *error);
    /// Shows stored result `id` (the latest when 0); false when there is none.
    bool showResult(std::int64_t id = 0);
    /// Sets the training form's learning rate to a suggestion ("min_loss_half", ...).
    bool useSuggestion(const QString &name);
    /// Starts two training runs, with the form's lr and with lr/2.
    bool compareLrAndHalf(QString *error);
    widgets::LrFinderChart *chart() const { return m_chart; }
    const core::LrFindResult &result() const { return m_result; }
    /// Whether the Use buttons are enabled (only with a result whose suggestion is finite).
    bool canUse(const QString &name) const;

    /// The range, batches and repeats, stored with the Training page's state.
    QJsonObject saveState() const;
    void restoreState(const QJsonObject &state);

Q_SIGNALS:
    void finished(bool ok);

private:
    void updateUseButtons();
    /// The value of suggestion `name` of the shown result (NaN without one).
    double suggestion(const QString &name) const;

    SessionDocument *m_document;
    JobManager *m_jobs;
    DatasetPage *m_data;
    ArchitecturePage *m_architecture;
    TrainingPage *m_training;
    QPointer<Job> m_job;
    widgets::LrFinderChart *m_chart;
    QSpinBox *m_repeats, *m_batches;
    QLineEdit *m_lrMin, *m_lrMax;
    QPushButton *m_find;
    QMap<QString, QPushButton *> m_use;
    QLabel *m_status;
    core::LrFindResult m_result;
    bool m_hasResult = false;
};

} // namespace wb::app
