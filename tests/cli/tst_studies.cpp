// Studies end to end through workbench-cli: kill -9 at several points, resume, and the final
// numbers equal an uninterrupted run's; list/show/cancel/export; bad input refused.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include "clitest.h"

#include <sqlite3.h>

#include <csignal>
#include <string>

using namespace clitest;

namespace {

// Rows of a session's table as another reader sees them (-1: no such table yet).
int rows(const QString &session, const char *table)
{
    sqlite3 *db = nullptr;
    int n = -1;
    if (sqlite3_open_v2(session.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 1000);
        sqlite3_stmt *q = nullptr;
        if (sqlite3_prepare_v2(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str(), -1, &q, nullptr) == SQLITE_OK
            && sqlite3_step(q) == SQLITE_ROW)
            n = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return n;
}
int committedCells(const QString &session) { return rows(session, "study_cells"); }
} // namespace

class tst_Studies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QStringList study(const QString &session, const QString &data = kMnist)
    {
        return {"sufficiency", "run", "--data", data, "--model", "lenet5", "--train-size", "1500",
                "--test-size", "200", "--runs", "5", "--substeps", "3", "--epochs", "2", "--optimizer", "adam",
                "--lr", "0.003", "--batch-size", "32", "--seed", "5", "--workers", "2",
                "--metrics", "accuracy,loss", "--session", session, "--json"};
    }

    // Starts a study, kills it with SIGKILL once `cells` cells are committed (0: as soon as the
    // study exists) and returns how many were committed when it died.
    int killAfter(const QStringList &args, const QString &session, int cells)
    {
        QProcess p;
        p.start(kCli, args);
        if (!p.waitForStarted())
            return -1;
        QElapsedTimer t;
        t.start();
        while ((rows(session, "studies") < 1 || committedCells(session) < cells) && t.elapsed() < 120000
               && p.state() == QProcess::Running)
            QThread::msleep(20);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(30000);
        return committedCells(session);
    }

private Q_SLOTS:
    void killNineThenResumeEqualsUninterrupted()
    {
        const Result full = cli(study(path("full.wbs")));
        QCOMPARE(full.code, 0);
        const QJsonObject reference = full.json();
        QCOMPARE(reference["cells_done"].toInt(), 5);
        for (int at : {0, 1, 3}) {
            const QString session = path(QString("killed%1.wbs").arg(at));
            const int committed = killAfter(study(session), session, at);
            QVERIFY2(committed >= at && committed < 5, qPrintable(QString::number(committed)));
            const Result list = cli({"study", "list", "--session", session, "--json"});
            QCOMPARE(list.code, 0);
            const QJsonObject s = QJsonDocument::fromJson(list.out).array().at(0).toObject();
            QCOMPARE(s["status"].toString(), QString("interrupted"));
            QCOMPARE(s["cells_done"].toInt(), committed);
            QCOMPARE(s["cells"].toInt(), 5);
            const Result resumed = cli({"study", "resume", "--session", session, "--study", "1", "--json"});
            QVERIFY2(resumed.code == 0, resumed.err.constData());
            const QJsonObject r = resumed.json();
            QCOMPARE(r["study_status"].toString(), QString("complete"));
            QCOMPARE(r["metrics"], reference["metrics"]); // bit for bit: JSON numbers round-trip
            QCOMPARE(r["fit"], reference["fit"]);
        }
    }

    void listShowCancelExport()
    {
        const QString session = path("full.wbs"); // made by the test above
        const Result show = cli({"study", "show", "--session", session, "--study", "1"});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.contains("complete, 5 of 5 cells done"));
        const Result csv = cli({"study", "export", "--session", session, "--study", "1", "--output", path("c.csv")});
        QCOMPARE(csv.code, 0);
        QFile f(path("c.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines[0].startsWith("cell,status,seconds"));
        QVERIFY(lines[1].startsWith("0,done,"));
        QVERIFY(lines[1].contains("\"{\"\"accuracy\"\":["));
        // Complete studies cannot be resumed or cancelled; unknown ids are named.
        Result r = cli({"study", "resume", "--session", session, "--study", "1"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("already complete"));
        r = cli({"study", "show", "--session", session, "--study", "9"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("study 9 does not exist"));
        // An interrupted study cancelled: it stays cancelled, and can still be resumed.
        const QString killed = path("cancel.wbs");
        killAfter(study(killed), killed, 1);
        r = cli({"study", "cancel", "--session", killed, "--study", "1", "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()["status"].toString(), QString("cancelled"));
        r = cli({"study", "resume", "--session", killed, "--study", "1", "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()["cells_done"].toInt(), 5);
    }

    void cancelStopsARunningStudyFromAnotherProcess()
    {
        const QString session = path("running.wbs");
        QStringList args = study(session);
        args[args.indexOf("--runs") + 1] = "40";
        QProcess p;
        p.start(kCli, args);
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (committedCells(session) < 1 && t.elapsed() < 120000)
            QThread::msleep(20);
        const Result c = cli({"study", "cancel", "--session", session, "--study", "1"});
        QCOMPARE(c.code, 0);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1); // not complete
        const Result list = cli({"study", "list", "--session", session, "--json"});
        const QJsonObject s = QJsonDocument::fromJson(list.out).array().at(0).toObject();
        QCOMPARE(s["status"].toString(), QString("cancelled"));
        QVERIFY(s["cells_done"].toInt() < 40);
    }

    // The folder of a study submitted with --no-submit: tasks run by hand (any array runner).
    void arrayTasksByHandAndBadInput()
    {
        const QString session = path("folder.wbs");
        QStringList args = study(session);
        args << "--slurm" << "--no-submit" << "--cells-per-task" << "2";
        const Result created = cli(args);
        QVERIFY2(created.code == 0, created.err.constData());
        const QString plan = created.json()["plan"].toString();
        const QString cells = QFileInfo(plan).dir().filePath("../cells");
        QCOMPARE(created.json()["tasks"].toInt(), 3);
        for (const QString task : {"0", "2"})
            QCOMPARE(cli({"study", "work", "--plan", plan, "--task", task}).code, 0);
        Result r = cli({"study", "work", "--plan", plan, "--task", "3"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("task 3 is outside 0..2"));
        // A task index from the environment must be one.
        QProcess bad;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", "1x");
        bad.setProcessEnvironment(env);
        bad.start(kCli, {"study", "work", "--plan", plan});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("$SLURM_ARRAY_TASK_ID is '1x'"));
        // A task run twice skips its finished cells.
        r = cli({"study", "work", "--plan", plan, "--task", "0"});
        QVERIFY(r.err.contains("2 already done"));

        // A truncated cell file and one of another study are refused; the rest is merged.
        QFile c4(cells + "/cell-000004.json");
        QVERIFY(c4.open(QIODevice::ReadOnly));
        const QByteArray whole = c4.readAll();
        c4.close();
        QFile truncated(cells + "/cell-000004.json");
        QVERIFY(truncated.open(QIODevice::WriteOnly | QIODevice::Truncate));
        truncated.write(whole.left(whole.size() / 2));
        truncated.close();
        QFile c0(cells + "/cell-000000.json");
        QVERIFY(c0.open(QIODevice::ReadOnly));
        QByteArray foreign = c0.readAll();
        c0.close();
        const QJsonObject o = QJsonDocument::fromJson(foreign).object();
        foreign.replace(o["study_fingerprint"].toString().toUtf8(), "0123456789abcdef");
        foreign.replace("\"cell\":0", "\"cell\":1");
        QFile c1(cells + "/cell-000001.json");
        QVERIFY(c1.open(QIODevice::WriteOnly));
        c1.write(foreign);
        c1.close();
        // Right study, wrong shape: two accuracies where the study has three steps.
        QJsonObject shape = QJsonDocument::fromJson(whole).object();
        QJsonObject result = shape["result"].toObject();
        result["accuracy"] = QJsonArray{0.5, 0.6};
        shape["result"] = result;
        shape["cell"] = 2;
        QFile c2(cells + "/cell-000002.json");
        QVERIFY(c2.open(QIODevice::WriteOnly));
        c2.write(QJsonDocument(shape).toJson());
        c2.close();
        // A mistyped format field (the app collects on its own every 10 s: it must not throw).
        QJsonObject typed = QJsonDocument::fromJson(whole).object();
        typed["format"] = "1";
        typed["cell"] = 3;
        QFile c3(cells + "/cell-000003.json");
        QVERIFY(c3.open(QIODevice::WriteOnly));
        c3.write(QJsonDocument(typed).toJson());
        c3.close();
        r = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(r.code, 3);
        QCOMPARE(r.json()["merged"].toInt(), 1); // cell 0 only
        QJsonArray rejected = r.json()["rejected"].toArray();
        QCOMPARE(rejected.size(), 4);
        QVERIFY(rejected[2].toObject()["reason"].toString().contains("field 'format' must be an integer"));
        rejected.removeAt(2);
        QVERIFY(rejected[0].toObject()["file"].toString().endsWith("cell-000001.json"));
        QVERIFY(rejected[0].toObject()["reason"].toString().contains("belongs to another study"));
        QVERIFY2(rejected[1].toObject()["reason"].toString().contains("'accuracy': expected an array of 3 values, got 2"),
                 qPrintable(rejected[1].toObject()["reason"].toString()));
        QVERIFY(rejected[2].toObject()["reason"].toString().contains("truncated"));
        const Result shown = cli({"study", "show", "--session", session, "--study", "1"});
        QCOMPARE(shown.code, 0);
        QVERIFY(shown.out.contains("submitted, 1 of 5 cells done"));
        const Result list = cli({"study", "list", "--session", session, "--json"});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().at(0).toObject()["cells_done"].toInt(), 1);

        // Plans that are not ours, or from a newer version, are refused before anything runs.
        QFile planFile(plan);
        QVERIFY(planFile.open(QIODevice::ReadOnly));
        QByteArray text = planFile.readAll();
        planFile.close();
        QFile newer(path("newer-plan.json"));
        QVERIFY(newer.open(QIODevice::WriteOnly));
        newer.write(text.replace("\"format\": 1", "\"format\": 99"));
        newer.close();
        r = cli({"study", "work", "--plan", path("newer-plan.json"), "--task", "0"});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("written by a newer Sufficiency Workbench"), r.err.constData());
        QFile junk(path("junk-plan.json"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"tasks\": ");
        junk.close();
        r = cli({"study", "work", "--plan", path("junk-plan.json"), "--task", "0"});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("not a study plan"));
    }

    void changedDatasetIsRefused()
    {
        // A copy of the data, changed after the study was interrupted: resume refuses it.
        const QString data = path("data");
        QVERIFY(QDir().mkpath(data));
        for (const QString &name : QDir(kMnist).entryList({"*-ubyte.gz"}))
            QVERIFY(QFile::copy(kMnist + "/" + name, data + "/" + name));
        const QString session = path("changed.wbs");
        killAfter(study(session, data), session, 1);
        // The test images replaced by the training images: another dataset under the same name.
        for (const QString kind : {"images-idx3", "labels-idx1"}) {
            const QString test = data + "/t10k-" + kind + "-ubyte.gz";
            QVERIFY(QFile::remove(test));
            QVERIFY(QFile::copy(kMnist + "/train-" + kind + "-ubyte.gz", test));
        }
        const int before = committedCells(session);
        const Result r = cli({"study", "resume", "--session", session, "--study", "1"});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("the dataset changed since study 1 was created"), r.err.constData());
        QCOMPARE(committedCells(session), before);
        // The same for an array task of a study folder written before the change.
        const Result sub = cli({"study", "submit", "--session", session, "--study", "1", "--no-submit", "--json"});
        QVERIFY2(sub.code == 0, sub.err.constData());
        const Result work = cli({"study", "work", "--plan", sub.json()["plan"].toString(), "--task", "0"});
        QCOMPARE(work.code, 3);
        QVERIFY2(work.err.contains("changed since the study was submitted"), work.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Studies)
#include "tst_studies.moc"
