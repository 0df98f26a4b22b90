#pragma once

#include "studycontrols.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

class QLayout;
class QVBoxLayout;

namespace wb::core {
class Session;
class StudyPlan;
}

namespace wb::app {

class Job;
class JobManager;
class SessionDocument;
class SlurmSettingsForm;

/// What every study page (Sufficiency, Scaling, Active learning, Variance) is beside its own
/// form and views: the study controls and the Slurm settings, wired once. Run starts a study
/// (startStudy), Resume resumes one, choosing a stored study or a commit of the running one
/// shows it (showStudy), and the end of the page's job is said by studyFinished. A new study
/// type derives its page from it.
class StudyPage : public QWidget
{
    Q_OBJECT

public:
    /// Starts a study with the page's settings; false with `error` set when it cannot.
    virtual bool startStudy(QString *error) = 0;
    /// Runs the missing cells of stored study `id` here; false with `error` set when it cannot.
    bool resumeStudy(std::int64_t id, QString *error);
    /// The entries of the stored-studies list, as shown (tests).
    QStringList storedStudyTexts() const;
    void cancelStudy();
    /// The study the page's job runs (0: none).
    std::int64_t runningStudy() const;
    /// The study shown (0: none).
    virtual std::int64_t shownStudy() const = 0;
    /// Refills the list of stored studies of the page's type (a session that cannot be read
    /// is said by showStudyError).
    virtual void reloadStudies();
    /// Shows stored study `id` of the page's type (the latest when 0).
    virtual void showStudy(std::int64_t id = 0) = 0;

Q_SIGNALS:
    /// The page's job ended: "completed", "failed", "cancelled", ...
    void studyFinished(const QString &status);

protected:
    StudyPage(SessionDocument *document, JobManager *jobs, std::string type, const StudyControls::Texts &texts,
              QWidget *parent);

    /// `column` (the settings on the left) in a scroll area of its own: on a small screen it
    /// scrolls, its fields keep their height (a splitter does not pass a wrapped label's height on,
    /// so the column's form was squeezed to 8 px rows at 1366 × 768).
    /// The results pane the same way, free to scroll sideways too.
    static QWidget *scrollableColumn(QWidget *column, bool resultsPane = false);

    /// Says that the stored studies cannot be read, where the page says such things.
    virtual void showStudyError(const QString &message) = 0;
    /// Puts the controls into `column`: a box titled `title` holding `form` over the Slurm
    /// settings, the buttons and the status line, then the stored studies under `storedTitle`.
    /// The page adds what else the column shows.
    QVBoxLayout *addControls(QWidget *column, const QString &title, QLayout *form, const QString &storedTitle);

    using CreateStudy = std::function<std::int64_t(core::Session &)>;
    using MakePlan = std::function<std::unique_ptr<core::StudyPlan>()>;
    /// Creates a study with `create` and runs it: submitted as a Slurm job array when the
    /// settings say so, else as the page's job titled `title`, `workers` cells at a time, over
    /// `plan()` — built inside the job; a plan that cannot be built marks the study failed.
    /// False with `error` set when the study cannot be created.
    bool launchStudy(const CreateStudy &create, const QString &title, MakePlan plan, int workers, QString *error);

    SessionDocument *m_document;
    JobManager *m_jobs;
    StudyControls *m_controls;
    SlurmSettingsForm *m_slurm;

private:
    void onJobStarted(std::int64_t id);
    void onStudyFinished(std::int64_t id, const QString &error);
};

} // namespace wb::app
