#include "plotexportjob.h"

#include "jobmanager.h"
#include "wb/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace wb::app {

namespace {

/// One plot drawn on the GUI thread for the worker that waits for it.
struct RenderCall
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    RenderedPlot plot;
};

/// Asks the GUI thread (through `context`'s event queue) to draw `item`, and waits for it —
/// polling `job`'s cancel flag, so a window that closes (and never draws it) cannot hang the
/// worker. Returns false when cancelled first.
bool renderOnGuiThread(QObject *context, const PlotItem &item, Job &job, RenderedPlot &out)
{
    auto call = std::make_shared<RenderCall>();
    QMetaObject::invokeMethod(
        context,
        [call, item] {
            RenderedPlot plot = renderPlot(item);
            std::lock_guard<std::mutex> lock(call->mutex);
            call->plot = std::move(plot);
            call->finished = true;
            call->done.notify_all();
        },
        Qt::QueuedConnection);
    std::unique_lock<std::mutex> lock(call->mutex);
    while (!call->finished) {
        if (job.isCancelRequested())
            return false;
        call->done.wait_for(lock, std::chrono::milliseconds(50));
    }
    out = std::move(call->plot);
    return true;
}

/// What the worker hands back to the GUI thread.
struct Outcome
{
    ExportReport report;
    bool madeFolder = false;
};

} // namespace

PlotExportJob::PlotExportJob(JobManager *jobs, QObject *parent) : QObject(parent), m_jobs(jobs) {}

PlotExportJob::~PlotExportJob()
{
    if (m_job)
        m_job->cancel(); // its worker stops waiting for a plot this object would have drawn
}

Job *PlotExportJob::start(const QString &sessionPath, const QString &dir,
                          std::shared_ptr<const core::DatasetPair> data, double smoothing, QString *error)
{
    if (m_job) {
        *error = tr("An export is running already; wait for it or cancel it in the Jobs panel.");
        return nullptr;
    }
    auto outcome = std::make_shared<Outcome>();
    QPointer<QObject> context(this);
    const std::string path = sessionPath.toStdString();
    m_job = m_jobs->start(
        tr("Export all plots to %1").arg(QFileInfo(dir).fileName().isEmpty() ? dir : QFileInfo(dir).fileName()),
        [outcome, context, path, dir, data, smoothing](Job &job) {
            job.setProgress(0.0, tr("Reading the session").toStdString());
            const core::Session session(path, core::Session::Mode::ReadOnly);
            QStringList warnings;
            // The page's dataset when it is loaded; else the session's, as `workbench --export-all` does.
            const auto dataset = data ? data : exportDataset(session, warnings);
            if (job.isCancelRequested())
                return;
            const auto plan = exportPlan(session, dataset.get(), smoothing, warnings, [&job] {
                return job.isCancelRequested();
            });
            outcome->report.warnings = warnings;
            if (job.isCancelRequested())
                return;
            outcome->madeFolder = !QFileInfo::exists(dir);
            if (!QDir().mkpath(dir) || !QFileInfo(dir).isDir())
                throw std::runtime_error(tr("Cannot create the folder %1.").arg(dir).toStdString());
            const QDir out(dir);
            for (std::size_t i = 0; i < plan.size(); ++i) {
                job.setProgress(0.1 + 0.9 * double(i) / double(plan.size()),
                                tr("Plot %1 of %2: %3").arg(i + 1).arg(plan.size()).arg(plan[i].name).toStdString());
                RenderedPlot plot;
                if (!context || !renderOnGuiThread(context, plan[i], job, plot))
                    return; // cancelled
                QString error;
                if (!writeRenderedPlot(plot, out, plan[i].name, outcome->report, &error))
                    throw std::runtime_error(error.toStdString());
            }
            job.setProgress(1.0, tr("%n file(s) written", nullptr, int(outcome->report.files.size())).toStdString());
        },
        JobManager::Io);
    connect(m_job, &Job::finished, this, [this, outcome, dir] {
        Job *job = m_job;
        m_job = nullptr;
        m_report = outcome->report;
        const bool ok = job->state() == Job::State::Finished;
        const bool cancelled = job->state() == Job::State::Cancelled;
        QString message;
        if (ok) {
            message = tr("%n file(s) written to %1", nullptr, int(m_report.files.size())).arg(dir);
            if (!m_report.warnings.isEmpty())
                message += QStringLiteral(" (") + m_report.warnings.join(QStringLiteral("; ")) + QStringLiteral(")");
        } else {
            removeExported(m_report, dir, outcome->madeFolder); // nothing half-written stays behind
            QString reason = job->error();
            if (!reason.endsWith(QLatin1Char('.')))
                reason += QLatin1Char('.');
            message = cancelled ? tr("Export cancelled; the files it had written were removed.")
                                : tr("Export failed: %1 The files it had written were removed.").arg(reason);
        }
        Q_EMIT finished(ok, cancelled, message);
    });
    return m_job;
}

} // namespace wb::app
