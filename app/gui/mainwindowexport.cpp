// MainWindow's exports (File menu, context menus): every plot, and reports of studies and runs,
// each as a background job. Split from mainwindow.cpp by responsibility.
#include "mainwindow.h"

#include "datasetpage.h"
#include "job.h"
#include "jobmanager.h"
#include "plotexportjob.h"
#include "reportoutput.h"
#include "sessiondocument.h"
#include "statusnames.h"
#include "trainingpage.h"
#include "wb/errors.h"
#include "wb/report.h"
#include "wb/session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QStatusBar>

#include <algorithm>

namespace wb::app {

Job *MainWindow::startExportAll(const QString &dir, QString *error)
{
    if (!m_document->isOpen()) {
        *error = tr("No session is open.");
        return nullptr;
    }
    saveState(); // the export draws the pages as they are now (e.g. the sufficiency target, hidden runs)
    Job *job = m_plotExport->start(m_document->path(), dir, m_datasetPage->data(), m_trainingPage->smoothing(), error);
    if (job)
        statusBar()->showMessage(tr("Exporting all plots to %1… (progress and Cancel in the Jobs panel)").arg(dir));
    return job;
}

Job *MainWindow::startExportReport(qint64 study, const QString &path, bool pdf, QString *error, qint64 run)
{
    if (!m_document->isOpen()) {
        *error = tr("No session is open.");
        return nullptr;
    }
    ReportRequest request;
    request.sessionPath = m_document->path();
    request.sessionName = m_document->isUntitled() ? tr("an untitled session (not saved)") : m_document->path();
    request.study = study;
    request.run = run;
    request.output = path;
    request.pdf = pdf;
    Job *job = m_jobs->start(tr("Report to %1").arg(QFileInfo(path).fileName()), [request](Job &job) {
        job.setProgress(0.05, {});
        QString failure;
        if (!writeReport(request, &failure))
            throw core::Error(core::ErrorCode::Io, failure.toStdString());
        job.setProgress(1, {});
    }, JobManager::Io);
    connect(job, &Job::finished, this, [this, job, path] {
        if (job->state() == Job::State::Finished)
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 15000);
        else if (job->state() == Job::State::Failed)
            showError(tr("Export Report"), job->error());
    });
    return job;
}

void MainWindow::exportRunReportInteractive(qint64 run) { askAndExportReport(0, run); }

void MainWindow::exportReportInteractive(qint64 study)
{
    if (!m_document->isOpen())
        return;
    if (study == 0) {
        QStringList names;
        QList<qint64> ids;
        try {
            for (const core::StudyRecord &s : m_document->session().studies())
                if (std::find(core::reportableStudyTypes().begin(), core::reportableStudyTypes().end(), s.type)
                    != core::reportableStudyTypes().end()) {
                    names << tr("#%1 %2 (%3)").arg(s.id).arg(QString::fromStdString(s.name), studyStatusText(s.status));
                    ids << s.id;
                }
        } catch (const core::Error &e) {
            showError(tr("Export Report"), QString::fromUtf8(e.what()));
            return;
        }
        if (ids.isEmpty()) {
            showError(tr("Export Report"), tr("The session has no study yet: run one on the Sufficiency, Scaling, Active learning or "
                                              "Variance page, then report on it."));
            return;
        }
        if (ids.size() > 1)
            names << tr("All of them, one after another");
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Export Report"), tr("Report on:"), names, 0, false, &ok);
        if (!ok)
            return;
        const qsizetype index = names.indexOf(chosen);
        study = index < ids.size() ? ids[index] : 0;
    }
    askAndExportReport(study, 0);
}

void MainWindow::askAndExportReport(qint64 study, qint64 run)
{
    const QString htmlFilter = tr("HTML report, self-contained (*.html)"), pdfFilter = tr("PDF report (*.pdf)");
    QString filter = htmlFilter;
    const QString name = run > 0    ? QStringLiteral("run-%1-report.html").arg(run)
                         : study > 0 ? QStringLiteral("study-%1-report.html").arg(study)
                                     : QStringLiteral("report.html");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), name,
                                                      htmlFilter + QStringLiteral(";;") + pdfFilter, &filter);
    if (path.isEmpty())
        return;
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) || filter == pdfFilter;
    QString error;
    if (!startExportReport(study, path, pdf, &error, run))
        showError(tr("Export Report"), error);
}

} // namespace wb::app
