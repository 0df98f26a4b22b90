// The main window across starts: an untitled session a dead workbench left is offered and
// recovered; the window comes back at its size and fits the screen (issue 34).
#include "mainwindow.h"
#include "sessiondocument.h"
#include "sessiontree.h"
#include "wb/session.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>

using namespace wb;

class tst_SessionWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    // The session tree names a dataset folder by its last part, and by as many parents as it
    // takes when two folders end alike; a registered name stays as it is (issue 34).
    void datasetsHaveShortNamesInTheTree()
    {
        QCOMPARE(app::shortDatasetName("/work/shared/data/mnist10k", {"/work/shared/data/mnist10k"}), QString("mnist10k"));
        QCOMPARE(app::shortDatasetName("fashion-mnist", {"fashion-mnist", "/a/b/mnist10k"}), QString("fashion-mnist"));
        const QStringList two{"/home/u/photos/train", "/home/u/scans/train/", "/home/u/scans/val"};
        QCOMPARE(app::shortDatasetName("/home/u/photos/train", two), QString("photos/train"));
        QCOMPARE(app::shortDatasetName("/home/u/scans/train/", two), QString("scans/train"));
        QCOMPARE(app::shortDatasetName("/home/u/scans/val", two), QString("val"));
        QCOMPARE(app::shortDatasetName("/x/train", {"/x/train", "/x/train"}), QString("train")); // the same folder twice
    }

    // An untitled session whose workbench died (kill -9) is offered on the next start and can be
    // continued and saved; one left empty is cleaned up; a running workbench's own is never offered.
    void untitledSessionOfADeadWorkbenchIsRecovered()
    {
        const QString folder = app::SessionDocument::untitledFolder();
        QVERIFY(QDir().mkpath(folder));
        pid_t dead = 4194000; // a pid no process has: kill(pid, 0) says so
        while (::kill(dead, 0) == 0 || errno == EPERM)
            --dead;
        const QString orphan = QStringLiteral("%1/untitled-%2-1.wbs").arg(folder).arg(dead);
        const QString empty = QStringLiteral("%1/untitled-%2-2.wbs").arg(folder).arg(dead);
        {
            core::Session left(orphan.toStdString(), core::Session::Mode::Create); // what the user made
            core::ResultRecord r;
            r.kind = "lr-find";
            r.name = "an LR range test";
            r.created = core::utcNow();
            r.payloadJson = "{}";
            left.addResult(r);
            core::Session nothing(empty.toStdString(), core::Session::Mode::Create);
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.recoverableSessions().contains(orphan)); // (other leftovers of this machine may be there too)
        QVERIFY(!QFile::exists(empty));                    // nothing in it: deleted
        QVERIFY(w.recoverSession(orphan));
        QVERIFY(w.document()->isUntitled());
        QCOMPARE(w.document()->session().results("lr-find").size(), std::size_t(1));
        QVERIFY(!QFile::exists(orphan)); // taken over under this process's name
        const QString taken = w.document()->path();
        QVERIFY(!w.recoverableSessions().contains(taken)); // its own is not offered
        QVERIFY(w.saveSessionAs(m_dir.filePath("recovered.wbs")));
        QVERIFY(!QFile::exists(taken)); // saved: the untitled file is gone
        QCOMPARE(core::Session(m_dir.filePath("recovered.wbs").toStdString(), core::Session::Mode::ReadOnly)
                     .results("lr-find")
                     .size(),
                 std::size_t(1));
    }

    // The window comes back at exactly the size it was closed at — not a frame's width larger on
    // every reopen — and never larger than the screen.
    void windowSizeComesBackExactlyAndFitsTheScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        const QSize chosen = available.size() - QSize(120, 150);
        {
            app::MainWindow w;
            w.setInteractive(false);
            w.resize(chosen);
            QVERIFY(w.close());
        }
        for (int reopen = 0; reopen < 3; ++reopen) {
            app::MainWindow w;
            w.setInteractive(false);
            QCOMPARE(w.size(), chosen);
            QVERIFY(w.close());
        }
        QSettings().setValue(QStringLiteral("window/size"), QSize(5000, 4000)); // from a bigger screen
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.width() <= available.width() && w.height() <= available.height());
        QVERIFY(w.close());
    }
};

QTEST_MAIN(tst_SessionWindow)
#include "tst_sessionwindow.moc"
