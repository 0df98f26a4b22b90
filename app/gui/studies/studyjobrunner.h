#pragma once

#include "wb/study.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <functional>

class QComboBox;
class QTimer;

namespace wb::core {
class Session;
}

namespace wb::app {

class Job;
class JobManager;
class SessionDocument;
class SlurmSettingsForm;

/// What the study pages (Sufficiency, Scaling) share: one stored study at a time run as a
/// background job that writes the session, its committed cells announced while it runs,
/// the checks before a resume, and the submission as a Slurm job array.
class StudyJobRunner : public QObject
{
    Q_OBJECT

public:
    StudyJobRunner(SessionDocument *document, JobManager *jobs, QObject *parent = nullptr);

    bool isRunning() const { return !m_job.isNull(); }
    /// The stored study the running job works on (0: none).
    std::int64_t runningStudy() const { return m_job ? m_study : 0; }
    /// Runs `work` on stored study `id` as a job titled `title`.
    void start(std::int64_t id, const QString &title, std::function<void(Job &)> work);
    /// Resumes stored study `id` here (its missing and failed cells); false with `error` set
    /// when a job runs already, the study is complete or runs in another process. `unit`
    /// names its cells in the job title ("runs", "cells").
    bool resume(std::int64_t id, const QString &unit, QString *error);
    void cancel();
    /// Creates a study with `create` and submits it as one Slurm job array with the form's
    /// settings (the session must be saved, workbench-cli beside the app); `message` says what
    /// was submitted. A study that could not be submitted is kept, marked cancelled.
    bool submit(const SlurmSettingsForm &form, const std::function<std::int64_t(core::Session &)> &create,
                std::int64_t *id, QString *message, QString *error);
    /// "Study 3 complete: 5 of 5 runs in 12.3 s."
    QString finishedText(std::int64_t id, const QString &unit) const;
    /// How the job on study `id` ended, as the pages' studyFinished signal says it:
    /// "completed", "failed" (when `error` is set), else the study's status ("cancelled", ...).
    QString outcome(std::int64_t id, const QString &error) const;

    /// The id of the session's latest study of `type` (0: none).
    static std::int64_t latestStudy(const core::Session &session, const std::string &type);
    /// Whether a study in `status` has cells left to run here (interrupted, cancelled, failed).
    static bool resumable(core::StudyStatus status);

    /// Fills `combo` with the session's studies of `type` ("#3 name — status, k/N unit"),
    /// keeping the current choice.
    static void fillStudies(QComboBox *combo, const core::Session &session, const std::string &type,
                            const QString &unit);

Q_SIGNALS:
    /// The running study `id` committed cells (polled every 1.5 s).
    void cellsCommitted(std::int64_t id);
    /// The job on study `id` ended; `error` is set when it failed.
    void finished(std::int64_t id, const QString &error);

private:
    void poll();

    SessionDocument *m_document;
    JobManager *m_jobs;
    QPointer<Job> m_job;
    std::int64_t m_study = 0;
    int m_cellsSeen = -1;
    QTimer *m_timer;
};

} // namespace wb::app
