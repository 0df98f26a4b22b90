#include "runactions.h"

#include "sessiondocument.h"
#include "statusnames.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>

namespace wb::app {

QString runLabel(const core::RunRecord &run)
{
    return QStringLiteral("#%1 %2").arg(run.id).arg(QString::fromStdString(run.name));
}

RunActions::RunActions(SessionDocument *document, QObject *parent) : QObject(parent), m_document(document) {}

bool RunActions::canResume(std::int64_t runId) const
{
    if (busy(runId))
        return false;
    try {
        const auto status = m_document->session().run(runId).status;
        return status == core::RunStatus::Cancelled || status == core::RunStatus::Interrupted
               || status == core::RunStatus::Failed || status == core::RunStatus::Created;
    } catch (const core::Error &) {
        return false;
    }
}

void RunActions::showMenu(std::int64_t runId, const QPoint &globalPos, QWidget *parent)
{
    core::RunRecord run;
    try {
        run = m_document->session().run(runId);
    } catch (const core::Error &) {
        return; // deleted meanwhile: no menu
    }
    QMenu menu(parent);
    QAction *resume = menu.addAction(tr("Resume training"));
    resume->setEnabled(canResume(runId));
    resume->setToolTip(tr("Continue from the last finished epoch (cancelled, interrupted or failed runs)."));
    QAction *evaluate = menu.addAction(tr("Evaluate"));
    evaluate->setEnabled(run.epochsDone > 0);
    QAction *duplicate = menu.addAction(tr("Use these settings"));
    duplicate->setToolTip(tr("Copy the run's architecture and training settings into the Architecture and "
                             "Training pages, to train it again or vary it."));
    QAction *exportModel = menu.addAction(tr("Export Model…"));
    exportModel->setEnabled(run.epochsDone > 0);
    exportModel->setToolTip(tr("Write the trained network for PyTorch (model.py + weights.pt) or ONNX (model.onnx), "
                               "to use it outside the workbench."));
    QAction *report = menu.addAction(tr("Export Report…"));
    report->setToolTip(tr("One HTML or PDF file with the run's curves, final metrics and stored evaluation, to share."));
    menu.addSeparator();
    QAction *rename = menu.addAction(tr("Rename…"));
    QAction *remove = menu.addAction(tr("Delete…"));
    remove->setEnabled(run.status != core::RunStatus::Running && !busy(runId));
    menu.setToolTipsVisible(true);
    QAction *chosen = menu.exec(globalPos);
    QString error;
    if (chosen == resume)
        Q_EMIT resumeRequested(runId);
    else if (chosen == evaluate)
        Q_EMIT evaluateRequested(runId);
    else if (chosen == duplicate)
        Q_EMIT duplicateRequested(runId);
    else if (chosen == exportModel)
        Q_EMIT exportRequested(runId);
    else if (chosen == report)
        Q_EMIT reportRequested(runId);
    else if (chosen == rename) {
        bool ok = false;
        const QString name = QInputDialog::getText(parent, tr("Rename run"), tr("Name of run #%1:").arg(runId),
                                                   QLineEdit::Normal, QString::fromStdString(run.name), &ok);
        if (ok && !this->rename(runId, name, &error))
            QMessageBox::warning(parent, tr("Rename run"), error);
    } else if (chosen == remove) {
        const auto answer = QMessageBox::question(
            parent, tr("Delete run"),
            tr("Delete run %1 with its %n epoch(s) of history and checkpoints? This cannot be undone.", nullptr,
               run.epochsDone)
                .arg(runLabel(run)));
        if (answer == QMessageBox::Yes && !this->remove(runId, &error))
            QMessageBox::warning(parent, tr("Delete run"), error);
    }
}

bool RunActions::rename(std::int64_t runId, const QString &name, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = tr("A run needs a name.");
        return false;
    }
    try {
        m_document->session().renameRun(runId, name.trimmed().toStdString());
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    Q_EMIT runsChanged();
    m_document->notifyContentChanged();
    return true;
}

bool RunActions::remove(std::int64_t runId, QString *error)
{
    if (busy(runId)) { // queued or starting: its stored status may still say "created"
        *error = tr("Run %1 is being trained; cancel it before deleting it.").arg(runId);
        return false;
    }
    try {
        m_document->session().deleteRun(runId);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    Q_EMIT runsChanged();
    m_document->notifyContentChanged();
    return true;
}

} // namespace wb::app
