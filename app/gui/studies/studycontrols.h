#pragma once

#include "wb/study.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <string>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace wb::core {
class Session;
}

namespace wb::app {

class JobManager;
class SessionDocument;
class StudyJobRunner;

/// What every study page (Sufficiency, Scaling, Active learning, Variance) has beside its
/// form: Run / Cancel / Resume, a status line, the stored studies of its type and the runner
/// of its jobs, built and wired once. The page connects the requests to its own start, resume
/// and show, and reports its job's start and end back.
class StudyControls : public QObject
{
    Q_OBJECT

public:
    struct Texts
    {
        QString run;        ///< the Run button ("Run grid")
        QString runTip;     ///< its tooltip
        QString resumeTip;  ///< the Resume button's tooltip
        QString intro;      ///< the status line before anything ran
        QString unit;       ///< the cells in words ("runs", "cells", "trials")
        QString running;    ///< the status line while a job runs
    };
    StudyControls(SessionDocument *document, JobManager *jobs, std::string type, Texts texts, QObject *parent);

    QPushButton *run, *cancel, *resume;
    QLabel *status;
    QComboBox *studies;
    StudyJobRunner *runner;

    /// Run, Cancel and Resume in a row (to be put into the page's layout once).
    QHBoxLayout *buttons() const { return m_buttons; }
    /// The cells in words ("runs", "cells", "trials").
    const QString &unit() const { return m_texts.unit; }
    /// The study chosen in the stored-studies list (0: none).
    std::int64_t selected() const;
    /// Refills the stored-studies list from `session` (keeps the choice); throws core::Error.
    void reload(const core::Session &session);
    /// Marks `id` as the study shown: chosen in the list, Resume enabled when it has cells
    /// left to run here and no job runs.
    void shown(std::int64_t id, core::StudyStatus status);
    /// The page's job for `id` started (buttons, status line).
    void jobStarted();
    /// The job ended: buttons back, the status line says how; returns the outcome
    /// ("completed", "failed", "cancelled", ...) for the page's finished signal.
    QString jobFinished(std::int64_t id, const QString &error);

Q_SIGNALS:
    void runRequested();
    void resumeRequested(std::int64_t id);
    void studyChosen(std::int64_t id);
    /// The running job committed cells of `id`; `isShown` when it is the study chosen.
    void cellsCommitted(std::int64_t id, bool isShown);
    void jobEnded(std::int64_t id, const QString &error);

private:
    SessionDocument *m_document;
    std::string m_type;
    Texts m_texts;
    QHBoxLayout *m_buttons;
};

} // namespace wb::app
