// File → Export All Plots as the app runs it: a background job with progress and Cancel that
// leaves nothing half-written behind and keeps the window answering (issue 34).
#include "exportwait.h"
#include "jobmanager.h"
#include "jobspanel.h"
#include "clirun.h"
#include "mainwindow.h"
#include "plotexportjob.h"
#include "sessiondocument.h"
#include "trainingpage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace wb;

namespace {

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class tst_PlotExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_session = m_dir.filePath("s.wbs");
        for (const char *seed : {"1", "2", "3"})
            QVERIFY(cliSucceeds({"train", "--session", m_session, "--data", WB_TEST_SHARED_DATA "/mnist10k", "--model", "lenet5",
                         "--epochs", "1", "--train-limit", "300", "--test-limit", "200", "--seed", seed}));
        QVERIFY(cliSucceeds({"evaluate", "--session", m_session, "--run", "1"}));
    }

    // The export runs as a job: Export returns at once (no file yet), the job shows progress in
    // the Jobs panel, and the window keeps answering while the plots are written.
    void runsInTheBackgroundAndTheWindowAnswers()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(m_session));
        const QString out = m_dir.filePath("all");
        QString error;
        QElapsedTimer clock;
        clock.start();
        QPointer<app::Job> job = w.startExportAll(out, &error);
        QVERIFY2(job, qPrintable(error));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(filesIn(out).isEmpty()); // nothing was drawn on the way in
        QVERIFY(w.jobs()->jobs().contains(job.data()));
        qint64 last = clock.elapsed(), longestGap = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        tick.start(5);
        QSignalSpy done(w.plotExport(), &app::PlotExportJob::finished);
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(2).toString()));
        QVERIFY(w.plotExport()->report().files.size() >= 3 * 4 + 2 * 2 + 10); // runs, both charts, the evaluation
        QCOMPARE(filesIn(out).size(), w.plotExport()->report().files.size());
        for (const char *name : {"training-loss.png", "run-3-accuracy.png", "confusion-1.png", "class-histogram.png"})
            QVERIFY2(QFile::exists(QDir(out).filePath(name)), name);
        QCOMPARE(job->progress(), 1.0);
        // One plot is drawn at a time on the window's thread; between two the window answers.
        qInfo("longest pause of the event loop during the export: %lld ms", longestGap);
        QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
    }

    // Cancel in the Jobs panel: the export stops between two plots and removes what it wrote,
    // and the folder it made.
    void cancelRemovesWhatItWrote()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(m_session));
        const QString out = m_dir.filePath("cancelled/plots");
        QString error;
        app::Job *job = w.startExportAll(out, &error);
        QVERIFY2(job, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(filesIn(out).size() >= 4, 60000);
        QSignalSpy done(w.plotExport(), &app::PlotExportJob::finished);
        job->cancel();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QCOMPARE(done.first().at(1).toBool(), true); // cancelled, not failed
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(QFileInfo::exists(m_dir.filePath("cancelled"))); // what was there before stays
    }

    // The Jobs panel selects a new job and shows it whole: its Cancel button stops the export
    // just started, not an old finished job that happened to be selected (a user's walkthrough).
    void jobsPanelCancelActsOnTheNewJob()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(m_session));
        QString error;
        QVERIFY2(exportAllAndWait(w, m_dir.filePath("panel-first"), &error), qPrintable(error)); // an old job
        auto *panel = w.findChild<app::JobsPanel *>();
        QVERIFY(panel);
        auto *view = panel->findChild<QTableView *>();
        QPushButton *cancel = nullptr;
        for (auto *b : panel->findChildren<QPushButton *>())
            if (b->text() == "Cancel")
                cancel = b;
        QVERIFY(view && cancel);
        view->selectRow(0); // an old, finished job selected
        app::Job *job = w.startExportAll(m_dir.filePath("panel"), &error);
        QVERIFY2(job, qPrintable(error));
        const int row = int(w.jobs()->jobs().indexOf(job));
        QVERIFY(row > 0);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->selectionModel()->selectedRows().first().row(), row);
        QSignalSpy done(w.plotExport(), &app::PlotExportJob::finished);
        cancel->click();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(1).toBool(), true); // cancelled
    }

    // A file that cannot be written (here a folder in its place; a full disk the same): the export
    // fails with the file's name, removes the files it wrote and keeps the user's folder.
    void aFailedExportSaysWhichFileAndLeavesNothing()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(m_session));
        const QString out = m_dir.filePath("blocked");
        QVERIFY(QDir().mkpath(out + "/run-2-loss.png"));
        QFile mine(out + "/notes.txt");
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write("mine") == 4);
        mine.close();
        QString error;
        QVERIFY(!exportAllAndWait(w, out, &error));
        QVERIFY2(error.contains("run-2-loss.png") && error.contains("removed"), qPrintable(error));
        QCOMPARE(filesIn(out), QStringList{"notes.txt"});
        QVERIFY(w.plotExport()->report().files.isEmpty());
    }

    // `workbench --export-all` (no window) that cannot write a file fails with exit 1, names
    // the file and removes what it wrote.
    void headlessExportFailsCleanly()
    {
        const QString out = m_dir.filePath("headless");
        QVERIFY(QDir().mkpath(out + "/run-2-loss.png"));
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        app.setProcessEnvironment(env);
        app.start(WB_TEST_BIN_DIR "/workbench", {"--open", m_session, "--export-all", out});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitCode(), 1);
        QVERIFY2(app.readAllStandardError().contains("run-2-loss.png"), "the file is named");
        QVERIFY2(filesIn(out).isEmpty(), qPrintable(filesIn(out).join(", ")));
    }

    // A run the user hid on the Training page is not exported (and the report says so).
    void hiddenRunsAreLeftOut()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(m_session));
        w.trainingPage()->showRun(2, false);
        const QString out = m_dir.filePath("visible");
        QString error;
        QVERIFY2(exportAllAndWait(w, out, &error), qPrintable(error));
        QVERIFY(QFile::exists(out + "/run-1-loss.png") && QFile::exists(out + "/run-3-loss.png"));
        QVERIFY(!QFile::exists(out + "/run-2-loss.png") && !QFile::exists(out + "/run-2-accuracy.png"));
        QFile all(out + "/training-loss.csv");
        QVERIFY(all.open(QIODevice::ReadOnly));
        const QByteArray csv = all.readAll();
        QVERIFY2(!csv.contains("\n#2 ") && csv.contains("\n#3 "), csv.left(300).constData());
        QVERIFY2(error.contains("Run 2 is hidden"), qPrintable(error));
    }
};

QTEST_MAIN(tst_PlotExport)
#include "tst_plotexport.moc"
