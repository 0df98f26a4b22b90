#pragma once

#include "wb/dataset.h"
#include "wb/evaluation.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QPushButton;

namespace wb::widgets {
class EmbeddingView;
}

namespace wb::app {

class Job;
class JobManager;
class SessionDocument;
class TsneSettingsForm;

/// The "Features" tab of the evaluation page: t-SNE of an evaluation's penultimate-layer
/// features as a background job (settings in a TsneSettingsForm, the result stored in the
/// session as kind "tsne" with its settings), or an instant PCA; scatter coloured by true
/// class, misclassified points ringed on request, hover shows the test image.
class EmbeddingPanel : public QWidget
{
    Q_OBJECT

public:
    EmbeddingPanel(SessionDocument *document, JobManager *jobs, QWidget *parent = nullptr);

    /// The evaluation to embed (of run `runId`, its test images in `data`); shows the
    /// session's stored t-SNE of that run and epoch, if any.
    void setEvaluation(std::shared_ptr<const core::Evaluation> eval, std::shared_ptr<const core::DatasetPair> data,
                       std::int64_t runId, const QStringList &classNames);
    bool startTsne(QString *error);
    void showPca();
    bool busy() const { return !m_job.isNull(); }

    widgets::EmbeddingView *view() const { return m_view; }
    TsneSettingsForm *settings() const { return m_settings; }

Q_SIGNALS:
    void embeddingReady(bool ok);
    void statusMessage(const QString &text);

private:
    void showStored();

    SessionDocument *m_document;
    JobManager *m_jobs;
    QPointer<Job> m_job;
    std::shared_ptr<const core::Evaluation> m_eval;
    std::shared_ptr<const core::DatasetPair> m_data;
    std::int64_t m_runId = 0;
    QStringList m_classes;

    widgets::EmbeddingView *m_view;
    TsneSettingsForm *m_settings;
    QPushButton *m_tsne;
    QCheckBox *m_highlight;
};

} // namespace wb::app
