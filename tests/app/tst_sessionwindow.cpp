// The main window across starts: an untitled session a dead workbench left is offered and
// recovered; the window comes back at its size and fits the screen (issue 34).
#include "mainwindow.h"
#include "sessiondocument.h"
#include "sessiontree.h"
#include "wb/session.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QScreen>
#include <QSysInfo>
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

    // The same folder registered again with more labels (the active loop's rounds) is told apart
    // in the tree by its training images; it read "mnist10k" three times (issue 34).
    void sameDatasetWithMoreLabelsIsToldApart()
    {
        const QString path = m_dir.filePath("loop.wbs");
        {
            core::Session s(path.toStdString(), core::Session::Mode::Create);
            for (int extra : {0, 50}) {
                core::DatasetRecord d;
                d.name = d.path = "/data/mnist10k";
                d.fingerprint = "f" + std::to_string(extra);
                d.trainCount = 8000 + extra;
                d.testCount = 2000;
                d.classNames = {"0", "1"};
                s.addDataset(d);
            }
            core::DatasetRecord other;
            other.name = other.path = "/data/fashion";
            other.fingerprint = "g";
            other.trainCount = 10;
            other.classNames = {"a", "b"};
            s.addDataset(other);
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QStringList shown;
        const QTreeWidgetItem *datasets = w.sessionTree()->topLevelItem(0);
        for (int i = 0; i < datasets->childCount(); ++i)
            shown << datasets->child(i)->text(0);
        QCOMPARE(shown, QStringList({"mnist10k (8,000 train)", "mnist10k (8,050 train)", "fashion"}));
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

    // A session open in another running workbench is recognised (the app asks before opening it
    // twice); its own window's session and one a crashed workbench left marked are not.
    void aSessionOpenInAnotherWorkbenchIsRecognised()
    {
        const QString path = m_dir.filePath("shared.wbs");
        core::Session(path.toStdString(), core::Session::Mode::Create);
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QCOMPARE(app::SessionDocument::openElsewhere(path), qint64(0)); // this process's own
        QVERIFY(QFile::exists(app::SessionDocument::openMarkerPath(path)));
        QVERIFY(w.newSession());
        QVERIFY(!QFile::exists(app::SessionDocument::openMarkerPath(path))); // left: unmarked
        // Another workbench: a live process that holds the marker (QLockFile's format).
        QProcess other;
        other.start("sleep", {"60"});
        QVERIFY(other.waitForStarted());
        auto mark = [&](qint64 pid) {
            QFile f(app::SessionDocument::openMarkerPath(path));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("%1\nsleep\n%2\n").arg(pid).arg(QSysInfo::machineHostName()).toUtf8());
        };
        mark(other.processId());
        QCOMPARE(app::SessionDocument::openElsewhere(path), other.processId());
        other.kill();
        other.waitForFinished();
        QCOMPARE(app::SessionDocument::openElsewhere(path), qint64(0)); // it died: stale, not reported
        QVERIFY(w.openSession(path));
        QFile::remove(app::SessionDocument::openMarkerPath(path));
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
