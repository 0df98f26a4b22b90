#include "studyjobrunner.h"
#include "statusnames.h"

#include "jobmanager.h"
#include "sessiondocument.h"
#include "slurmsettingsform.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/studyengine.h"
#include "wb/studyfolder.h"

#include <QLocale>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

namespace wb::app {

StudyJobRunner::StudyJobRunner(SessionDocument *document, JobManager *jobs, QObject *parent)
    : QObject(parent), m_document(document), m_jobs(jobs)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(1500);
    connect(m_timer, &QTimer::timeout, this, &StudyJobRunner::poll);
}

void StudyJobRunner::start(std::int64_t id, const QString &title, std::function<void(Job &)> work)
{
    m_job = m_jobs->start(title, std::move(work));
    m_job->setWritesSession(true);
    m_study = id;
    m_cellsSeen = -1;
    connect(m_job, &Job::finished, this, [this, id] {
        Job *job = m_job;
        m_job = nullptr;
        m_timer->stop();
        m_document->notifyContentChanged();
        Q_EMIT finished(id, job && job->state() == Job::State::Failed ? job->error() : QString());
    });
    m_timer->start();
}

bool StudyJobRunner::resume(std::int64_t id, const QString &unit, QString *error)
{
    if (m_job) {
        *error = tr("A study is already running.");
        return false;
    }
    core::StudyRecord study;
    try {
        study = m_document->session().study(id);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    if (study.status == core::StudyStatus::Complete) {
        *error = tr("Study %1 is already complete.").arg(id);
        return false;
    }
    if (study.status == core::StudyStatus::Running && study.owner != core::thisProcessOwner()) {
        *error = tr("Study %1 is running in another process (%2).").arg(id).arg(QString::fromStdString(study.owner));
        return false;
    }
    const std::string path = m_document->path().toStdString();
    start(id, tr("Resume study %1 (%2 of %3 %4 left)").arg(id).arg(study.cellCount - study.cellsDone).arg(study.cellCount).arg(unit),
          [path, id](Job &job) {
              core::Session session(path, core::Session::Mode::ReadWrite);
              core::resumeStudy(session, id, 0, job);
          });
    return true;
}

void StudyJobRunner::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool StudyJobRunner::submit(const SlurmSettingsForm &form, const std::function<std::int64_t(core::Session &)> &create,
                            std::int64_t *id, QString *message, QString *error)
{
    if (m_document->isUntitled()) {
        *error = tr("Save the session first (File ▸ Save As): the study folder is written beside it, "
                    "where the cluster's nodes read it.");
        return false;
    }
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/workbench-cli");
    if (!QFileInfo(cli).isExecutable()) {
        *error = tr("%1 is missing: the array tasks run workbench-cli.").arg(cli);
        return false;
    }
    core::Session &session = m_document->session();
    *id = 0;
    try {
        *id = create(session);
        const core::StudySubmission sub = core::submitStudy(session, *id, form.options(), false, false, cli.toStdString());
        *message = tr("Study %1 submitted as Slurm job %2 (%3 array tasks). Its cells appear here as the tasks "
                      "finish (collected every 10 s while the session is open).")
                       .arg(*id)
                       .arg(QString::fromStdString(sub.jobId))
                       .arg(sub.tasks);
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        if (*id > 0) {
            try {
                session.setStudyStatus(*id, core::StudyStatus::Cancelled, "", "not submitted: " + std::string(e.what()));
            } catch (const core::Error &) {
            }
        }
        m_document->notifyContentChanged();
        return false;
    }
    m_document->notifyContentChanged();
    return true;
}

QString StudyJobRunner::finishedText(std::int64_t id, const QString &unit) const
{
    try {
        const core::StudyRecord s = m_document->session().study(id);
        return tr("Study %1 %2: %3 of %4 %5 in %6 s.")
            .arg(id)
            .arg(studyStatusText(s.status))
            .arg(s.cellsDone)
            .arg(s.cellCount)
            .arg(unit)
            .arg(QLocale().toString(s.wallSeconds, 'f', 1));
    } catch (const core::Error &e) {
        return QString::fromUtf8(e.what());
    }
}

QString StudyJobRunner::outcome(std::int64_t id, const QString &error) const
{
    if (!error.isEmpty())
        return QStringLiteral("failed");
    try {
        const core::StudyStatus status = m_document->session().study(id).status;
        return status == core::StudyStatus::Complete ? QStringLiteral("completed")
                                                     : QString::fromLatin1(core::studyStatusName(status));
    } catch (const core::Error &) {
        return QStringLiteral("failed");
    }
}

void StudyJobRunner::fillStudies(QComboBox *combo, const core::Session &session, const std::string &type,
                                 const QString &unit)
{
    const QSignalBlocker block(combo);
    const qlonglong current = combo->currentData().toLongLong();
    combo->clear();
    for (const auto &s : session.studies())
        if (s.type == type)
            combo->addItem(tr("#%1 %2 — %3, %4/%5 %6")
                               .arg(s.id)
                               .arg(QString::fromStdString(s.name))
                               .arg(studyStatusText(s.status))
                               .arg(s.cellsDone)
                               .arg(s.cellCount)
                               .arg(unit),
                           qlonglong(s.id));
    const int index = combo->findData(current);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

void StudyJobRunner::poll()
{
    if (!m_job || !m_document->isOpen())
        return;
    try {
        const core::StudyRecord s = m_document->session().study(m_study);
        if (s.cellsDone != m_cellsSeen) {
            m_cellsSeen = s.cellsDone;
            Q_EMIT cellsCommitted(m_study);
        }
    } catch (const core::Error &) {
        // Busy for a moment: the next tick tries again.
    }
}

std::int64_t StudyJobRunner::latestStudy(const core::Session &session, const std::string &type)
{
    std::int64_t id = 0;
    for (const auto &s : session.studies())
        if (s.type == type)
            id = s.id; // oldest first
    return id;
}

bool StudyJobRunner::resumable(core::StudyStatus status)
{
    return status == core::StudyStatus::Interrupted || status == core::StudyStatus::Cancelled
           || status == core::StudyStatus::Failed;
}

} // namespace wb::app
