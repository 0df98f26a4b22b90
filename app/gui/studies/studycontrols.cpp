#include "studycontrols.h"

#include "statustext.h"
#include "job.h"
#include "studyjobrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace wb::app {

StudyControls::StudyControls(SessionDocument *document, JobManager *jobs, std::string type, Texts texts,
                             QObject *parent)
    : QObject(parent), m_document(document), m_type(std::move(type)), m_texts(std::move(texts))
{
    run = new QPushButton(m_texts.run);
    run->setToolTip(m_texts.runTip);
    cancel = new QPushButton(tr("Cancel"));
    cancel->setEnabled(false);
    resume = new QPushButton(tr("Resume"));
    resume->setEnabled(false);
    resume->setToolTip(m_texts.resumeTip);
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(run);
    m_buttons->addWidget(cancel);
    m_buttons->addWidget(resume);
    status = new QLabel(m_texts.intro);
    status->setWordWrap(true);
    studies = new QComboBox;
    runner = new StudyJobRunner(document, jobs, this);
    connect(run, &QPushButton::clicked, this, &StudyControls::runRequested);
    connect(cancel, &QPushButton::clicked, runner, &StudyJobRunner::cancel);
    connect(resume, &QPushButton::clicked, this, [this] { Q_EMIT resumeRequested(selected()); });
    connect(studies, &QComboBox::activated, this, [this] { Q_EMIT studyChosen(selected()); });
    connect(runner, &StudyJobRunner::cellsCommitted, this,
            [this](std::int64_t id) { Q_EMIT cellsCommitted(id, selected() == id); });
    connect(runner, &StudyJobRunner::finished, this, &StudyControls::jobEnded);
}

std::int64_t StudyControls::selected() const { return studies->currentData().toLongLong(); }

void StudyControls::reload(const core::Session &session)
{
    StudyJobRunner::fillStudies(studies, session, m_type, m_texts.unit);
}

void StudyControls::shown(std::int64_t id, core::StudyStatus s)
{
    studies->setCurrentIndex(studies->findData(qlonglong(id)));
    resume->setEnabled(!runner->isRunning() && StudyJobRunner::resumable(s));
}

void StudyControls::jobStarted()
{
    run->setEnabled(false);
    resume->setEnabled(false);
    cancel->setEnabled(true);
    status->setText(m_texts.running);
}

QString StudyControls::jobFinished(std::int64_t id, const QString &error)
{
    run->setEnabled(true);
    cancel->setEnabled(false);
    status->setText(error.isEmpty() ? runner->finishedText(id, m_texts.unit)
                                    : errorText(tr("The study stopped: %1").arg(error)));
    return runner->outcome(id, error);
}

} // namespace wb::app
