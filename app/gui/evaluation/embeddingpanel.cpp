#include "embeddingpanel.h"
#include "statustext.h"

#include "embeddingview.h"
#include "imagegrid.h"
#include "jobmanager.h"
#include "sessiondocument.h"
#include "tsnesettingsform.h"
#include "wb/errors.h"
#include "wb/evaluation.h"
#include "wb/session.h"
#include "wb/tsne.h"

#include <QLocale>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>


namespace wb::app {

EmbeddingPanel::EmbeddingPanel(SessionDocument *document, JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs)
{
    m_view = new widgets::EmbeddingView;
    m_view->setEmptyHint(tr("Press t-SNE (or PCA, instant) to map the test images' features: one point per image, coloured by its class."));
    m_tsne = new QPushButton(tr("t-SNE"));
    auto *pca = new QPushButton(tr("PCA (instant)"));
    m_settings = new TsneSettingsForm;
    m_highlight = new QCheckBox(tr("ring misclassified"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_tsne);
    row->addWidget(m_settings);
    row->addWidget(pca);
    row->addWidget(m_highlight);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);

    connect(m_tsne, &QPushButton::clicked, this, [this] {
        QString error;
        if (!startTsne(&error))
            Q_EMIT statusMessage(errorText(error));
    });
    connect(pca, &QPushButton::clicked, this, &EmbeddingPanel::showPca);
    connect(m_highlight, &QCheckBox::toggled, m_view, &widgets::EmbeddingView::setHighlightErrors);
}

void EmbeddingPanel::setEvaluation(std::shared_ptr<const core::Evaluation> eval,
                                   std::shared_ptr<const core::DatasetPair> data, std::int64_t runId,
                                   const QStringList &classNames)
{
    m_eval = std::move(eval);
    m_data = std::move(data);
    m_runId = runId;
    m_classes = classNames;
    const auto shownEval = m_eval;
    const auto shownData = m_data;
    m_view->setImageProvider([shownEval, shownData](std::size_t i) {
        return shownEval && shownData && i < shownEval->testIndices.size()
                           && shownEval->testIndices[i] < shownData->test.size() // a stored index may be damaged
                   ? widgets::toQImage(shownData->test, shownEval->testIndices[i])
                   : QImage();
    });
    showStored();
}

// The newest stored t-SNE of this run and epoch, if any.
void EmbeddingPanel::showStored()
{
    if (!m_eval || !m_document->isOpen())
        return;
    const auto points = core::storedTsnePoints(m_document->session(), m_runId, m_eval->epoch, m_eval->labels.size());
    if (!points.empty())
        m_view->setEmbedding(points, m_eval->labels, m_eval->predicted, m_classes);
}

bool EmbeddingPanel::startTsne(QString *error)
{
    if (!m_eval) {
        *error = tr("Evaluate a run first.");
        return false;
    }
    if (!m_eval->featuresProblem.empty()) {
        *error = tr("No features to embed: %1").arg(QString::fromStdString(m_eval->featuresProblem));
        return false;
    }
    if (m_eval->features.empty()) {
        *error = tr("The t-SNE needs the run's features: press Evaluate (a stored evaluation keeps none).");
        return false;
    }
    if (m_job) {
        *error = tr("A t-SNE is already running.");
        return false;
    }
    auto eval = m_eval;
    auto result = std::make_shared<core::TsneResult>();
    const core::TsneOptions options = m_settings->options(eval->labels.size());
    m_job = m_jobs->start(tr("t-SNE of run %1").arg(m_runId), [eval, result, options](Job &job) {
        *result = core::tsne(eval->features, eval->labels.size(), std::size_t(eval->featureDim), options, &job);
    }, JobManager::Io);
    m_tsne->setEnabled(false);
    const std::int64_t runId = m_runId;
    const QString sessionPath = m_document->path();
    connect(m_job, &Job::finished, this, [this, eval, result, runId, options, sessionPath] {
        Job *job = m_job;
        m_job = nullptr;
        m_tsne->setEnabled(true);
        if (m_document->path() != sessionPath) { // another session was opened meanwhile: not its run
            Q_EMIT embeddingReady(false);
            return;
        }
        if (job->state() != Job::State::Finished || result->cancelled) {
            Q_EMIT statusMessage(job->state() == Job::State::Failed ? tr("t-SNE failed: %1").arg(job->error())
                                                                    : tr("t-SNE cancelled."));
            Q_EMIT embeddingReady(false);
            return;
        }
        QString notStored;
        try {
            core::storeTsne(m_document->session(), runId, eval->epoch, *result, options);
        } catch (const core::Error &e) { // e.g. the run was deleted meanwhile: shown, not stored
            notStored = QString::fromUtf8(e.what());
        }
        m_document->notifyContentChanged();
        if (eval == m_eval) // not replaced by another evaluation meanwhile
            m_view->setEmbedding(result->embedding, eval->labels, eval->predicted, m_classes);
        if (!notStored.isEmpty())
            Q_EMIT statusMessage(errorText(tr("The t-SNE was not stored: %1").arg(notStored)));
        else
            Q_EMIT statusMessage(tr("t-SNE (%1): KL %2 after %3 s (stored in the session).")
                                 .arg(QString::fromLatin1(core::tsneMethodName(result->method)))
                                 .arg(QLocale().toString(result->kl, 'f', 4))
                                 .arg(QLocale().toString(result->seconds, 'f', 1)));
        Q_EMIT embeddingReady(true);
    });
    return true;
}

void EmbeddingPanel::showPca()
{
    if (m_eval && !m_eval->featuresProblem.empty()) {
        Q_EMIT statusMessage(errorText(tr("No features to embed: %1").arg(QString::fromStdString(m_eval->featuresProblem))));
        return;
    }
    if (!m_eval || m_eval->features.empty()) {
        Q_EMIT statusMessage(errorText(m_eval ? tr("PCA needs the run's features: press Evaluate (a stored evaluation "
                                                   "keeps none).")
                                              : tr("Evaluate a run first.")));
        return;
    }
    m_view->setEmbedding(core::pca2(m_eval->features, m_eval->labels.size(), std::size_t(m_eval->featureDim)),
                         m_eval->labels, m_eval->predicted, m_classes);
    Q_EMIT statusMessage(tr("PCA of run %1's features at epoch %2: a linear projection, instant; t-SNE separates "
                            "clusters better.")
                             .arg(m_runId)
                             .arg(m_eval->epoch));
}

} // namespace wb::app
