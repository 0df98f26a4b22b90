#include "studypage.h"

#include "job.h"
#include "sessiondocument.h"
#include "slurmsettingsform.h"
#include "statustext.h"
#include "studyjobrunner.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/studyengine.h"

#include <QComboBox>
#include <QGroupBox>
#include <QScrollBar>
#include <QScrollArea>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb::app {

StudyPage::StudyPage(SessionDocument *document, JobManager *jobs, std::string type, const StudyControls::Texts &texts,
                     QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs),
      m_controls(new StudyControls(document, jobs, std::move(type), texts, this)), m_slurm(new SlurmSettingsForm)
{
    connect(m_controls, &StudyControls::runRequested, this, [this] {
        QString error;
        if (!startStudy(&error))
            m_controls->status->setText(errorText(error));
    });
    connect(m_controls, &StudyControls::resumeRequested, this, [this](std::int64_t id) {
        QString error;
        if (!resumeStudy(id, &error))
            m_controls->status->setText(errorText(error));
    });
    connect(m_controls, &StudyControls::studyChosen, this, [this](std::int64_t id) { showStudy(id); });
    connect(m_controls, &StudyControls::cellsCommitted, this, [this](std::int64_t id, bool isShown) {
        reloadStudies(); // the list shows k/N of every study
        if (isShown)
            showStudy(id);
    });
    connect(m_controls, &StudyControls::jobEnded, this, &StudyPage::onStudyFinished);
}

QWidget *StudyPage::scrollableColumn(QWidget *column, bool resultsPane)
{
    auto *area = new QScrollArea;
    area->setWidget(column);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    if (!resultsPane) {
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setMinimumWidth(column->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
    }
    return area;
}

QVBoxLayout *StudyPage::addControls(QWidget *column, const QString &title, QLayout *form, const QString &storedTitle)
{
    auto *box = new QGroupBox(title);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_slurm);
    boxLayout->addLayout(m_controls->buttons());
    boxLayout->addWidget(m_controls->status);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(box);
    columnLayout->addWidget(new QLabel(storedTitle));
    columnLayout->addWidget(m_controls->studies);
    return columnLayout;
}

bool StudyPage::launchStudy(const CreateStudy &create, const QString &title, MakePlan plan, int workers,
                            QString *error)
{
    std::int64_t id = 0;
    if (m_slurm->onSlurm()) {
        QString message;
        if (!m_controls->runner->submit(*m_slurm, create, &id, &message, error))
            return false;
        m_controls->status->setText(message); // the window collects its cells
        reloadStudies();
        showStudy(id);
        return true;
    }
    try {
        id = create(m_document->session());
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_document->notifyContentChanged();
    const std::string path = m_document->path().toStdString();
    m_controls->runner->start(id, title, [path, id, plan = std::move(plan), workers](Job &job) {
        core::Session session(path, core::Session::Mode::ReadWrite);
        std::unique_ptr<core::StudyPlan> built;
        try {
            built = plan();
        } catch (const core::Error &e) { // before the engine runs: the study must not stay "running"
            session.setStudyStatus(id, core::StudyStatus::Failed, "", e.what());
            throw;
        }
        core::runStoredStudy(session, id, *built, workers, job);
    });
    onJobStarted(id);
    return true;
}

bool StudyPage::resumeStudy(std::int64_t id, QString *error)
{
    if (!m_controls->runner->resume(id, m_controls->unit(), error))
        return false;
    onJobStarted(id);
    return true;
}

void StudyPage::reloadStudies()
{
    if (!m_document->isOpen()) {
        m_controls->studies->clear();
        return;
    }
    try {
        m_controls->reload(m_document->session());
    } catch (const core::Error &e) {
        showStudyError(QString::fromUtf8(e.what()));
    }
}

void StudyPage::cancelStudy() { m_controls->runner->cancel(); }

QStringList StudyPage::storedStudyTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_controls->studies->count(); ++i)
        texts << m_controls->studies->itemText(i);
    return texts;
}

std::int64_t StudyPage::runningStudy() const { return m_controls->runner->runningStudy(); }

void StudyPage::onJobStarted(std::int64_t id)
{
    m_controls->jobStarted();
    reloadStudies();
    showStudy(id);
}

void StudyPage::onStudyFinished(std::int64_t id, const QString &error)
{
    const QString outcome = m_controls->jobFinished(id, error);
    reloadStudies();
    showStudy(id);
    Q_EMIT studyFinished(outcome);
}

} // namespace wb::app
