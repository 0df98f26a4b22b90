// Studies on a real Slurm (scripts/slurm-local.sh start; SLURM_CONF set): submitted as a job
// array, collected, and equal to the same study run here; a task cancelled mid-cell is
// resubmitted with --retry-failed. Skipped without Slurm unless WB_REQUIRE_SLURM=1 (CI).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "clitest.h"

using namespace clitest;

class tst_Slurm : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QStringList study(const QString &session, const QString &runs, const QString &trainSize)
    {
        return {"sufficiency", "run", "--data", kMnist, "--model", "lenet5", "--train-size", trainSize,
                "--test-size", "200", "--runs", runs, "--substeps", "3", "--epochs", "2", "--optimizer", "adam",
                "--lr", "0.003", "--batch-size", "32", "--seed", "9", "--metrics", "accuracy,loss",
                "--session", session, "--json"};
    }

    // Polls `study status` until no cell is running or pending and Slurm lists no task of the
    // job as pending, running or completing (a task's cell file is written before the task
    // exits); returns the last status.
    static QJsonObject waitForJob(const QString &session, const QString &job)
    {
        QElapsedTimer t;
        t.start();
        QJsonObject s;
        while (t.elapsed() < 600000) {
            s = cli({"study", "status", "--session", session, "--study", "1", "--json"}).json();
            if (s["running"].toInt() == 0 && s["pending"].toInt() == 0 && !anyTaskLive(job))
                break;
            QThread::msleep(500);
        }
        return s;
    }

    static bool anyTaskLive(const QString &job)
    {
        for (const QString &state : taskStates(job))
            if (state == QLatin1String("PENDING") || state == QLatin1String("RUNNING")
                || state == QLatin1String("COMPLETING") || state == QLatin1String("CONFIGURING")
                || state == QLatin1String("SUSPENDED") || state == QLatin1String("REQUEUED"))
                return true;
        return false;
    }

    static QMap<int, QString> taskStates(const QString &job)
    {
        QMap<int, QString> out;
        const Result r = run("squeue", {"-h", "-r", "-t", "all", "-j", job, "-o", "%K %T"});
        for (const QByteArray &line : r.out.split('\n'))
            if (const auto parts = line.trimmed().split(' '); parts.size() == 2)
                out[parts[0].toInt()] = QString::fromLatin1(parts[1]);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const bool required = qEnvironmentVariable("WB_REQUIRE_SLURM") == QLatin1String("1");
        const bool present = !QStandardPaths::findExecutable("sbatch").isEmpty()
                             && run("sinfo", {"-h", "-o", "%T"}).code == 0;
        if (!present && required)
            QFAIL("WB_REQUIRE_SLURM=1 but no Slurm answers (scripts/slurm-local.sh start; export SLURM_CONF=...)");
        if (!present)
            QSKIP("no Slurm here: scripts/slurm-local.sh start, export SLURM_CONF=..., then run again");
    }

    void jobArrayEqualsRunningHere()
    {
        const Result local = cli(study(path("local.wbs"), "5", "1500"));
        QCOMPARE(local.code, 0);
        const QString session = path("array.wbs");
        QStringList args = study(session, "5", "1500");
        args << "--slurm" << "--cells-per-task" << "2";
        const Result submitted = cli(args);
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        QCOMPARE(submitted.json()["tasks"].toInt(), 3);
        const QString job = submitted.json()["job_id"].toString();
        QVERIFY(!job.isEmpty());
        const QJsonObject s = waitForJob(session, job);
        QCOMPARE(s["finished_not_collected"].toInt(), 5);
        QCOMPARE(s["status"].toString(), QString("submitted"));
        const Result collect = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(collect.code, 0);
        QCOMPARE(collect.json()["merged"].toInt(), 5);
        QVERIFY(collect.json()["complete"].toBool());
        // Collecting again changes nothing.
        QCOMPARE(cli({"study", "collect", "--session", session, "--study", "1", "--json"}).json()["merged"].toInt(), 0);
        const Result shown = cli({"study", "show", "--session", session, "--study", "1", "--json"});
        QCOMPARE(shown.json()["study_status"].toString(), QString("complete"));
        QCOMPARE(shown.json()["metrics"], local.json()["metrics"]);
        QCOMPARE(shown.json()["fit"], local.json()["fit"]);
    }

    void gridStudyAsAJobArray()
    {
        // The scaling grid through the same engine: its cells from a job array equal a run here.
        const QStringList grid = {"grid", "run", "--data", kMnist, "--model", "cnn", "--widths", "2,3,4",
                                  "--fraction-steps", "3", "--train-size", "600", "--test-size", "200",
                                  "--batch-size", "32", "--seed", "4", "--resamples", "20", "--json"};
        const Result local = cli(grid + QStringList{"--session", path("grid-local.wbs")});
        QVERIFY2(local.code == 0 || local.code == 1, local.err.constData());
        const QString session = path("grid-array.wbs");
        const Result submitted = cli(grid + QStringList{"--session", session, "--slurm", "--cells-per-task", "4"});
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        QCOMPARE(submitted.json()["tasks"].toInt(), 3);
        waitForJob(session, submitted.json()["job_id"].toString());
        const Result collect = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(collect.json()["merged"].toInt(), 9);
        const Result shown = cli({"grid", "show", "--session", session, "--study", "1", "--resamples", "20", "--json"});
        QCOMPARE(shown.json()["study_status"].toString(), QString("complete"));
        auto withoutSeconds = [](QJsonArray cells) {
            for (auto &&c : cells) {
                QJsonObject o = c.toObject();
                o.remove("seconds");
                c = o;
            }
            return cells;
        };
        QCOMPARE(withoutSeconds(shown.json()["cells"].toArray()), withoutSeconds(local.json()["cells"].toArray()));
        QCOMPARE(shown.json()["fit"], local.json()["fit"]);
    }

    void activeStudyAsAJobArray()
    {
        // An active-learning study through the same engine: its trials (cells) from a job
        // array — the picks and accuracies of every round — equal a run here.
        const QStringList active = {"active", "run", "--data", kMnist, "--model", "lenet5", "--strategies",
                                    "uniform,margin,coreset", "--initial", "20", "--budget", "20", "--max-labels", "60",
                                    "--trials", "2", "--steps-per-round", "20", "--batch-size", "16", "--train-limit",
                                    "600", "--test-limit", "200", "--baseline-seeds", "1", "--json"};
        const Result local = cli(active + QStringList{"--session", path("active-local.wbs")});
        QVERIFY2(local.code == 0, local.err.constData());
        const QString session = path("active-array.wbs");
        const Result submitted = cli(active + QStringList{"--session", session, "--slurm", "--cells-per-task", "3"});
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        QCOMPARE(submitted.json()["tasks"].toInt(), 3);
        waitForJob(session, submitted.json()["job_id"].toString());
        const Result collect = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(collect.json()["merged"].toInt(), 7);
        const Result shown = cli({"active", "show", "--session", session, "--study", "1", "--json"});
        QCOMPARE(shown.code, 0);
        QCOMPARE(shown.json()["study_status"].toString(), QString("complete"));
        QCOMPARE(shown.json()["strategies"], local.json()["strategies"]);
        QCOMPARE(shown.json()["baseline"].toObject()["median"], local.json()["baseline"].toObject()["median"]);
    }

    void varianceStudyAsAJobArray()
    {
        // A comparison's repeats (cells) from a job array: every metric of every repeat equals
        // a run here, and so do the difference and the verdict.
        QFile setup(path("b.json"));
        QVERIFY(setup.open(QIODevice::WriteOnly));
        setup.write(R"({"optimizer": "sgd", "lr": 0.05, "name": "sgd"})");
        setup.close();
        const QStringList compare = {"compare", "--data", kMnist, "--model", "mlp", "--train-limit", "500",
                                     "--test-limit", "200", "--epochs", "1", "--optimizer", "adam", "--lr", "0.003",
                                     "--runs", "2", "--val-per-class", "10", "--b", path("b.json"), "--json"};
        const Result local = cli(compare + QStringList{"--session", path("variance-local.wbs")});
        QVERIFY2(local.code == 0, local.err.constData());
        const QString session = path("variance-array.wbs");
        const Result submitted = cli(compare + QStringList{"--session", session, "--slurm", "--cells-per-task", "2"});
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        QCOMPARE(submitted.json()["tasks"].toInt(), 2);
        waitForJob(session, submitted.json()["job_id"].toString());
        const Result collect = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(collect.json()["merged"].toInt(), 4);
        const Result shown = cli({"repeat", "show", "--session", session, "--study", "1", "--json"});
        QCOMPARE(shown.code, 0);
        QCOMPARE(shown.json()["study_status"].toString(), QString("complete"));
        for (const char *setupKey : {"a", "b"})
            for (int r = 0; r < 2; ++r)
                QCOMPARE(shown.json()[setupKey].toObject()["runs"].toArray()[r].toObject()["metrics"],
                         local.json()[setupKey].toObject()["runs"].toArray()[r].toObject()["metrics"]);
        QCOMPARE(shown.json()["difference"], local.json()["difference"]);
        QCOMPARE(shown.json()["verdict"], local.json()["verdict"]);
    }

    void cancelledTaskIsRetried()
    {
        const QString session = path("retry.wbs");
        QStringList args = study(session, "3", "4000");
        args << "--slurm";
        const Result submitted = cli(args);
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        const QString job = submitted.json()["job_id"].toString();
        // Task 1 (cell 1) is cancelled while it trains.
        QElapsedTimer t;
        t.start();
        while (taskStates(job).value(1) != QLatin1String("RUNNING") && t.elapsed() < 120000)
            QThread::msleep(100);
        QCOMPARE(taskStates(job).value(1), QString("RUNNING"));
        QThread::msleep(500);
        QCOMPARE(run("scancel", {job + "_1"}).code, 0);
        QJsonObject s = waitForJob(session, job);
        QCOMPARE(s["failed"].toInt(), 1); // its task ended without the cell
        QCOMPARE(s["finished_not_collected"].toInt(), 2);
        // Submitting again without --retry-failed is refused; with it, only cell 1 goes.
        const Result again = cli({"study", "submit", "--session", session, "--study", "1", "--slurm"});
        QCOMPARE(again.code, 2);
        QVERIFY2(again.err.contains("--retry-failed"), again.err.constData());
        const Result retry = cli({"study", "submit", "--session", session, "--study", "1", "--slurm",
                                  "--retry-failed", "--json"});
        QVERIFY2(retry.code == 0, retry.err.constData());
        QCOMPARE(retry.json()["cells"].toArray(), QJsonArray({1}));
        waitForJob(session, retry.json()["job_id"].toString());
        const Result collect = cli({"study", "collect", "--session", session, "--study", "1", "--json"});
        QCOMPARE(collect.json()["merged"].toInt(), 1); // the other two came with the submission
        QVERIFY(collect.json()["complete"].toBool());
        const Result local = cli(study(path("retry-local.wbs"), "3", "4000"));
        const Result shown = cli({"study", "show", "--session", session, "--study", "1", "--json"});
        QCOMPARE(shown.json()["metrics"], local.json()["metrics"]);
    }
};

QTEST_GUILESS_MAIN(tst_Slurm)
#include "tst_slurm.moc"
