// Fault injection for sessions (issue 13). workbench-cli is killed with SIGKILL at every named
// fault point (WB_FAULT, core/src/util/faultpoint.h: between writing and committing, between
// committing and cleaning up) of session creation, training, studies and schema migration, and
// at moments spread over a training run; the disk fills (a small tmpfs) during epoch commits
// and during a study. Every case must leave a session that opens and passes SQLite's integrity
// check, whose finished work is intact, and that resumes to the numbers of an uninterrupted run.
//
// The small disk is a tmpfs in a private mount namespace of this test (root, or an unprivileged
// user namespace); where neither is allowed, a file-size limit (RLIMIT_FSIZE) on the child
// process stands in for it, so the case is never skipped (WB_FAULTS_FILE_LIMIT=1 forces that).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "clitest.h"

#include <sqlite3.h>

#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace clitest;

namespace {

bool g_mountNamespace = false; // set in main() before Qt starts any thread

bool writeFile(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size());
    ::close(fd);
    return ok;
}

// A private mount namespace, so that the test may mount a small tmpfs that nobody else sees.
bool enterMountNamespace()
{
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWNS) != 0) {
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return false;
        writeFile("/proc/self/setgroups", "deny");
        if (!writeFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1")
            || !writeFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
            return false;
    }
    return mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

// SQLite's own verdict on a session file ("ok" when intact).
QString integrity(const QString &session)
{
    sqlite3 *db = nullptr;
    QString verdict = "cannot be opened";
    if (sqlite3_open_v2(session.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *q = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
            verdict = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q, 0)));
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return verdict;
}

// workbench-cli with the environment variable WB_FAULT set (empty: unset) and, when
// fileSizeLimit > 0, the size of every file it writes limited (the stand-in for a full disk).
Result cliWith(const QStringList &args, const QString &fault, qint64 fileSizeLimit = 0)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!fault.isEmpty())
        env.insert("WB_FAULT", fault);
    p.setProcessEnvironment(env);
    if (fileSizeLimit > 0)
        p.setChildProcessModifier([fileSizeLimit] {
            ::signal(SIGXFSZ, SIG_IGN); // writes fail with EFBIG instead of killing the process
            const rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    p.start(kCli, args);
    if (!p.waitForFinished(300000))
        p.kill();
    const bool crashed = p.exitStatus() != QProcess::NormalExit;
    return {crashed ? -1 : p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QByteArray describe(const Result &r)
{
    return "exit " + QByteArray::number(r.code) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_small;          // the small disk: a tmpfs, or "" when file-size limits stand in
    QJsonObject m_trainRef;   // an uninterrupted run of train()
    QJsonObject m_studyRef;   // an uninterrupted run of study()
    qint64 m_trainBytes = 0;  // the size of the reference training session
    qint64 m_trainMs = 0;     // its wall time

    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QStringList train(const QString &session)
    {
        return {"train", "--data", kMnist, "--model", "lenet5", "--train-limit", "1200", "--test-limit", "300",
                "--epochs", "4", "--batch-size", "32", "--optimizer", "adam", "--lr", "0.002", "--seed", "11",
                "--session", session, "--json"};
    }
    static QStringList study(const QString &session)
    {
        return {"sufficiency", "run", "--data", kMnist, "--model", "lenet5", "--train-size", "800",
                "--test-size", "200", "--runs", "6", "--substeps", "3", "--epochs", "1", "--optimizer", "adam",
                "--lr", "0.003", "--batch-size", "32", "--seed", "4", "--workers", "2", "--metrics", "accuracy,loss",
                "--session", session, "--json"};
    }

    // The session opens, is intact, and its run 1 (when it exists) resumes to the reference.
    void checkTrainingRecovers(const QString &session, const QString &what)
    {
        if (!QFileInfo::exists(session)) { // died before the session existed: no half-made file
            const Result again = cli(train(session));
            QVERIFY2(again.code == 0, qPrintable(what + ": " + describe(again)));
            QVERIFY2(again.json()["test_accuracy"] == m_trainRef["test_accuracy"], qPrintable(what));
            return;
        }
        QCOMPARE(integrity(session), QString("ok"));
        const Result list = cli({"runs", "--session", session, "--json"});
        QVERIFY2(list.code == 0, qPrintable(what + ": " + describe(list)));
        const QJsonArray runs = QJsonDocument::fromJson(list.out).object()["runs"].toArray();
        QJsonObject done;
        if (runs.isEmpty()) { // died before the run existed: the same session takes it again
            const Result again = cli(train(session));
            QVERIFY2(again.code == 0, qPrintable(what + ": " + describe(again)));
            done = again.json();
        } else {
            QCOMPARE(runs.size(), 1);
            const QString status = runs.at(0).toObject()["status"].toString();
            if (status == "completed") {
                done = runs.at(0).toObject();
            } else {
                QVERIFY2(status == "interrupted" || status == "failed",
                         qPrintable(what + ": status " + status));
                const Result resumed = cli({"resume", "--session", session, "--run", "1", "--json"});
                QVERIFY2(resumed.code == 0, qPrintable(what + ": " + describe(resumed)));
                done = resumed.json();
            }
        }
        QCOMPARE(integrity(session), QString("ok"));
        QVERIFY2(done["test_accuracy"] == m_trainRef["test_accuracy"] && done["test_loss"] == m_trainRef["test_loss"],
                 qPrintable(what + ": " + QJsonDocument(done).toJson(QJsonDocument::Compact)));
    }

    void checkStudyRecovers(const QString &session, const QString &what)
    {
        if (!QFileInfo::exists(session)) {
            const Result again = cli(study(session));
            QVERIFY2(again.code == 0, qPrintable(what + ": " + describe(again)));
            QVERIFY2(again.json()["metrics"] == m_studyRef["metrics"], qPrintable(what));
            return;
        }
        QCOMPARE(integrity(session), QString("ok"));
        const Result list = cli({"study", "list", "--session", session, "--json"});
        QVERIFY2(list.code == 0, qPrintable(what + ": " + describe(list)));
        const QJsonArray studies = QJsonDocument::fromJson(list.out).array();
        QJsonObject done;
        if (studies.isEmpty()) {
            const Result again = cli(study(session));
            QVERIFY2(again.code == 0, qPrintable(what + ": " + describe(again)));
            done = again.json();
        } else {
            QCOMPARE(studies.size(), 1);
            QVERIFY2(studies.at(0).toObject()["status"].toString() != "running", qPrintable(what));
            const Result resumed = cli({"study", "resume", "--session", session, "--study", "1", "--json"});
            QVERIFY2(resumed.code == 0, qPrintable(what + ": " + describe(resumed)));
            done = resumed.json();
        }
        QCOMPARE(done["study_status"].toString(), QString("complete"));
        QVERIFY2(done["metrics"] == m_studyRef["metrics"], qPrintable(what));
    }

    // A tmpfs of `bytes` at `m_small` (mounted again: a full disk that the user then empties).
    bool mountSmall(qint64 bytes)
    {
        ::umount2(m_small.toUtf8().constData(), MNT_DETACH);
        const QByteArray options = "size=" + QByteArray::number(bytes);
        return ::mount("tmpfs", m_small.toUtf8().constData(), "tmpfs", 0, options.constData()) == 0;
    }
    bool growSmall(qint64 bytes)
    {
        const QByteArray options = "size=" + QByteArray::number(bytes);
        return ::mount("tmpfs", m_small.toUtf8().constData(), "tmpfs", MS_REMOUNT, options.constData()) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QElapsedTimer t;
        t.start();
        const Result ref = cli(train(path("train-ref.wbs")));
        m_trainMs = t.elapsed();
        QVERIFY2(ref.code == 0, describe(ref));
        m_trainRef = ref.json();
        m_trainBytes = QFileInfo(path("train-ref.wbs")).size() + QFileInfo(path("train-ref.wbs-wal")).size();
        const Result sref = cli(study(path("study-ref.wbs")));
        QVERIFY2(sref.code == 0, describe(sref));
        m_studyRef = sref.json();
        QCOMPARE(m_studyRef["cells_done"].toInt(), 6);
        if (g_mountNamespace) {
            m_small = path("small");
            QVERIFY(QDir().mkpath(m_small));
            if (!mountSmall(1 << 20))
                m_small.clear();
        }
        qInfo("small disk: %s", m_small.isEmpty() ? "file-size limit (mounts are not allowed here)"
                                                  : "tmpfs in a private mount namespace");
    }

    void killedAtAFaultPointOfTraining_data()
    {
        QTest::addColumn<QString>("fault");
        for (const char *f : {"create-before-commit", "create-before-link", "run-created", "run-started", "epoch-before-commit:1", "epoch-committed:1",
                              "epoch-before-commit:3", "epoch-committed:4", "run-before-finish"})
            QTest::newRow(f) << QString(f);
    }
    void killedAtAFaultPointOfTraining()
    {
        QFETCH(QString, fault);
        const QString session = path("train-" + QString(fault).replace(':', '-') + ".wbs");
        const Result killed = cliWith(train(session), fault);
        QVERIFY2(killed.code == -1, qPrintable("the fault point was not reached: " + describe(killed)));
        checkTrainingRecovers(session, fault);
    }

    void killedAtSpreadMomentsOfTraining()
    {
        // Seven moments over the reference's wall time, wherever they fall (start-up, data
        // loading, a batch, a commit): the property holds at any of them.
        for (int k = 1; k <= 7; ++k) {
            const QString session = path(QString("train-at-%1.wbs").arg(k));
            QProcess p;
            p.start(kCli, train(session));
            QVERIFY(p.waitForStarted());
            QThread::msleep(m_trainMs * k / 8);
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished(30000);
            checkTrainingRecovers(session, QString("killed at %1/8").arg(k));
        }
    }

    void killedAtAFaultPointOfAStudy_data()
    {
        QTest::addColumn<QString>("fault");
        for (const char *f : {"cell-before-commit:1", "cell-committed:1", "cell-before-commit:3", "cell-committed:6"})
            QTest::newRow(f) << QString(f);
    }
    void killedAtAFaultPointOfAStudy()
    {
        QFETCH(QString, fault);
        const QString session = path("study-" + QString(fault).replace(':', '-') + ".wbs");
        const Result killed = cliWith(study(session), fault);
        QVERIFY2(killed.code == -1, qPrintable("the fault point was not reached: " + describe(killed)));
        checkStudyRecovers(session, fault);
    }

    void killedDuringMigration_data()
    {
        QTest::addColumn<QString>("fault");
        for (const char *f : {"migration-backup-written", "migration-before-commit", "migration-committed"})
            QTest::newRow(f) << QString(f);
    }
    void killedDuringMigration()
    {
        QFETCH(QString, fault);
        const QString fixture = QStringLiteral(WB_TEST_DATA_DIR "/session-v1.wbs");
        const QString reference = path("v1-reference.wbs"), session = path("v1-" + fault + ".wbs");
        for (const QString &p : {reference, session}) {
            QFile::remove(p);
            QVERIFY(QFile::copy(fixture, p));
            QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
        }
        // Training into a v1 session migrates it first.
        const Result killed = cliWith(train(session), fault);
        QVERIFY2(killed.code == -1, qPrintable("the fault point was not reached: " + describe(killed)));
        QCOMPARE(integrity(session), QString("ok"));
        // Whatever the moment, the file reads as the same runs and studies as an intact migration.
        QVERIFY(cli(train(reference)).code == 0);
        QVERIFY(cli(train(session)).code == 0);
        for (const QStringList &cmd : {QStringList{"runs"}, QStringList{"study", "list"}}) {
            const Result a = cli(cmd + QStringList{"--session", reference, "--json"});
            const Result b = cli(cmd + QStringList{"--session", session, "--json"});
            QVERIFY2(a.code == 0 && b.code == 0, describe(b));
            const auto rows = [](const QByteArray &out) {
                const QJsonDocument d = QJsonDocument::fromJson(out);
                return d.isArray() ? d.array() : d.object()["runs"].toArray();
            };
            QJsonArray ra = rows(a.out), rb = rows(b.out);
            QCOMPARE(rb.size(), ra.size());
            for (int i = 0; i < ra.size(); ++i) {
                QJsonObject x = ra[i].toObject(), y = rb[i].toObject();
                for (const char *volatileKey : {"started", "finished", "created", "train_seconds", "seconds"}) {
                    x.remove(volatileKey);
                    y.remove(volatileKey);
                }
                QCOMPARE(y, x);
            }
        }
        QCOMPARE(integrity(session), QString("ok"));
    }

    void fullDiskDuringTraining()
    {
        const qint64 room = m_trainBytes / 2; // the first epochs fit, the run does not
        QString session;
        Result full;
        if (!m_small.isEmpty()) {
            QVERIFY(mountSmall(room));
            session = m_small + "/train.wbs";
            full = cli(train(session));
        } else {
            session = path("train-limited.wbs");
            full = cliWith(train(session), {}, room);
        }
        QVERIFY2(full.code > 0, describe(full)); // an error exit, not a crash
        QVERIFY2(full.err.contains("full") || full.err.contains("cannot be written") || full.err.contains("disk"),
                 describe(full));
        QCOMPARE(integrity(session), QString("ok"));
        const Result list = cli({"runs", "--session", session, "--json"});
        QVERIFY2(list.code == 0, describe(list));
        const QJsonObject run = QJsonDocument::fromJson(list.out).object()["runs"].toArray().at(0).toObject();
        QVERIFY2(run["epochs"].toInt() >= 1 && run["epochs"].toInt() < 4,
                 QJsonDocument(run).toJson(QJsonDocument::Compact).constData());
        // The user makes room; the run resumes to the uninterrupted numbers.
        if (!m_small.isEmpty())
            QVERIFY(growSmall(64 << 20));
        checkTrainingRecovers(session, "disk full during training");
    }

    void fullDiskDuringAStudy()
    {
        const qint64 studyBytes = QFileInfo(path("study-ref.wbs")).size() + QFileInfo(path("study-ref.wbs-wal")).size();
        QString session;
        Result full;
        if (!m_small.isEmpty()) {
            QVERIFY(mountSmall(studyBytes * 3 / 4)); // the first cells fit, the study does not
            session = m_small + "/study.wbs";
            full = cli(study(session));
        } else {
            session = path("study-limited.wbs");
            full = cliWith(study(session), {}, studyBytes * 3 / 4);
        }
        QVERIFY2(full.code > 0, describe(full));
        QVERIFY2(full.err.contains("full") || full.err.contains("cannot be written") || full.err.contains("disk"),
                 describe(full));
        if (!m_small.isEmpty())
            QVERIFY(growSmall(64 << 20));
        checkStudyRecovers(session, "disk full during a study");
    }

    // An export that runs out of room (the weights do not fit) fails with the reason and leaves
    // nothing behind: no half-written files and none of the folders it made (issue 34).
    void fullDiskDuringAnExport()
    {
        QString base;
        Result full;
        const auto exportTo = [](const QString &out) {
            return QStringList{"export", "--session", "", "--run", "1", "--format", "pytorch", "--output", out};
        };
        QStringList args = exportTo({});
        if (!m_small.isEmpty()) {
            QVERIFY(mountSmall(64 << 10)); // model.py fits, weights.pt (≈ 250 kB) does not
            base = m_small;
            args = exportTo(base + "/made/for/it/model");
            args[2] = path("train-ref.wbs");
            full = cli(args);
        } else {
            base = path("export-limited");
            QVERIFY(QDir().mkpath(base));
            args = exportTo(base + "/made/for/it/model");
            args[2] = path("train-ref.wbs");
            full = cliWith(args, {}, 64 << 10);
        }
        QVERIFY2(full.code > 0, describe(full));
        QVERIFY2(full.err.contains("cannot be written") || full.err.contains("full") || full.err.contains("space"),
                 describe(full));
        QVERIFY2(QDir(base).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(),
                 qPrintable(QDir(base).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(", ")));
        if (!m_small.isEmpty())
            QVERIFY(growSmall(64 << 20));
    }

    void cleanupTestCase()
    {
        if (!m_small.isEmpty())
            ::umount2(m_small.toUtf8().constData(), MNT_DETACH);
    }
};

int main(int argc, char **argv)
{
    // WB_FAULTS_FILE_LIMIT=1 tries the file-size stand-in where tmpfs would be used.
    g_mountNamespace = !qEnvironmentVariableIsSet("WB_FAULTS_FILE_LIMIT") && enterMountNamespace(); // before any thread exists
    QCoreApplication app(argc, argv);
    tst_Faults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faults.moc"
