// MainWindow's crash recovery: untitled sessions a dead workbench left are offered on start,
// continued, or deleted after a confirmation. Split from mainwindow.cpp by responsibility.
#include "mainwindow.h"

#include "sessiondocument.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace wb::app {

QStringList MainWindow::recoverableSessions() const { return SessionDocument::orphanedUntitled(); }

bool MainWindow::recoverSession(const QString &path)
{
    if (!readyToSwitch(tr("Recover Session")) || !maybeSaveUntitled(tr("Recover Session")))
        return false;
    QString error;
    if (!m_document->recover(path, &error)) {
        showError(tr("Recover Session"), error);
        return false;
    }
    statusBar()->showMessage(tr("Recovered the untitled session; save it with Save Session As."), 15000);
    return true;
}

bool MainWindow::offerRecovery()
{
    const QStringList sessions = recoverableSessions();
    if (sessions.isEmpty() || !m_interactive)
        return false;
    QString what;
    try {
        const core::Session newest(sessions.front().toStdString(), core::Session::Mode::ReadOnly);
        what = tr("The newest holds %1 run(s), %2 study(ies) and %3 other result(s); it was last changed %4.")
                   .arg(newest.runs().size())
                   .arg(newest.studies().size())
                   .arg(newest.results().size())
                   .arg(QLocale().toString(QFileInfo(sessions.front()).lastModified(), QLocale::ShortFormat));
    } catch (const core::Error &e) {
        what = tr("The newest cannot be read: %1").arg(QString::fromUtf8(e.what()));
    }
    QMessageBox box(QMessageBox::Question, tr("Recover Session"),
                    tr("The workbench ended without saving %1 untitled session(s).").arg(sessions.size()) + QLatin1Char(' ')
                        + what,
                    QMessageBox::NoButton, this);
    QPushButton *recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard…"), QMessageBox::DestructiveRole);
    box.addButton(tr("Not Now"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover)
        return recoverSession(sessions.front());
    if (box.clickedButton() == discard
        && QMessageBox::warning(this, tr("Recover Session"),
                                tr("Delete the %1 untitled session(s) for good? Their runs and studies are lost.")
                                    .arg(sessions.size()),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               == QMessageBox::Yes)
        for (const QString &path : sessions)
            SessionDocument::removeSessionFiles(path);
    return false;
}

} // namespace wb::app
