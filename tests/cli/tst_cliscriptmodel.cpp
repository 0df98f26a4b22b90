// Your own PyTorch model through workbench-cli: the model command (parameters and profiled
// FLOPs against a hand count), a sufficiency study killed with SIGKILL and resumed to the same
// numbers as an uninterrupted one and as a Slurm-style array task run by hand, a repeat study,
// and a grid whose model axis is a family of files. Model files are made at test time by
// tests/scriptmodels/make_models.py with Debian's python3-torch.
#include "clitest.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;

class tst_CliScriptModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.path() + "/" + name; }

    // A small sufficiency study of the scripted small ResNet (batch norm, dropout: random draws).
    QStringList study(const QString &session) const
    {
        return {"sufficiency", "run", "--session", session, "--data", kMnist, "--model-file", path("smallres.pt"),
                "--new-head", "--train-size", "300", "--test-size", "200", "--steps", "60,150,300", "--runs", "2",
                "--epochs", "1", "--seed", "5", "--json"};
    }

    static QJsonArray cells(const QString &session)
    {
        const Result shown = cli({"study", "show", "--session", session, "--study", "1", "--json"});
        return shown.json()["metrics"].toObject()["accuracy"].toObject()["runs"].toArray(); // per run, per size
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
                {WB_SOURCE_DIR "/tests/scriptmodels/make_models.py", m_dir.path()});
        QVERIFY2(p.waitForFinished(300000) && p.exitCode() == 0, p.readAll().constData());
    }

    // LeNet-5's parameters and forward FLOPs counted by hand: conv1 6·28·28·25 = 117,600 and
    // conv2 16·10·10·150 = 240,000 multiply-accumulates, the linear layers 400·120 + 120·84 +
    // 84·10 = 58,920; 2 FLOPs each: 833,040 (the profiler counts convolutions and matrix products).
    void modelCommandCountsParametersAndFlops()
    {
        const Result r = cli({"model", "--model-file", path("lenet.pt"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        QCOMPARE(j["parameters"].toInteger(), 61706);
        QCOMPARE(j["trainable"].toInteger(), 61706);
        QCOMPARE(j["forward_flops"].toInteger(), 833040);
        QCOMPARE(j["feature_dim"].toInt(), 84);
        const Result frozen = cli({"model", "--model-file", path("lenet.pt"), "--freeze", "conv1,conv2", "--json"});
        QCOMPARE(frozen.json()["trainable"].toInteger(), 61706 - 156 - 2416);
    }

    // Killed with SIGKILL after its first committed cell, resumed: the same numbers as a study
    // that ran through (cells are pure functions of the seed, the model file travels along).
    void killedStudyResumesToTheSameNumbers()
    {
        const Result whole = cli(study(path("whole.wbs")));
        QVERIFY2(whole.code == 0, whole.err.constData());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("WB_FAULT", "cell-committed:1");
        p.setProcessEnvironment(env);
        p.start(kCli, study(path("killed.wbs")));
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QFile::rename(path("smallres.pt"), path("smallres-moved.pt")); // the session does not need it
        const Result resumed = cli({"study", "resume", "--session", path("killed.wbs"), "--study", "1", "--json"});
        QFile::rename(path("smallres-moved.pt"), path("smallres.pt"));
        QVERIFY2(resumed.code == 0, resumed.err.constData());
        const QJsonArray a = cells(path("whole.wbs")), b = cells(path("killed.wbs"));
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0].toArray().size(), 3);
        QCOMPARE(a, b);
    }

    // The same study as a job-array task run by hand (what sbatch runs), merged back.
    void arrayTaskGivesTheSameNumbers()
    {
        QStringList args = study(path("array.wbs"));
        args << "--slurm" << "--no-submit" << "--cells-per-task" << "2";
        const Result created = cli(args);
        QVERIFY2(created.code == 0, created.err.constData());
        const QString plan = created.json()["plan"].toString();
        const Result work = cli({"study", "work", "--plan", plan, "--task", "0"});
        QVERIFY2(work.code == 0, work.err.constData());
        const Result collected = cli({"study", "collect", "--session", path("array.wbs"), "--study", "1", "--json"});
        QVERIFY2(collected.code == 0, collected.err.constData());
        QCOMPARE(cells(path("array.wbs")), cells(path("whole.wbs")));
    }

    // A fine-tuned repeat study (frozen body, file's weights) runs and reports.
    void repeatStudyOfAFineTunedModel()
    {
        const Result r = cli({"repeat", "run", "--session", path("repeat.wbs"), "--data", kMnist, "--model-file",
                              path("smallres.pt"), "--init", "file", "--new-head", "--train-only", "fc", "--runs", "2",
                              "--train-limit", "200", "--test-limit", "100", "--epochs", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    // A grid whose model axis is the user's files: smallest first, parameters from the files.
    void gridOfModelFiles()
    {
        const Result r = cli({"grid", "run", "--session", path("grid.wbs"), "--data", kMnist, "--model-files",
                              path("lenet.pt") + "," + path("smallres.pt") + "," + path("nofeat.pt"), "--new-head",
                              "--fractions", "1,0.5,0.25",
                              "--train-size", "400", "--test-size", "200", "--epochs", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject j = r.json();
        const QJsonArray files = j["model_files"].toArray();
        QCOMPARE(files.size(), 3); // smallest first: 19,810 < 25,450 < 61,706 parameters
        QCOMPARE(files[0].toObject()["file"].toString(), QString("smallres.pt"));
        QCOMPARE(files[1].toObject()["file"].toString(), QString("nofeat.pt"));
        QCOMPARE(files[2].toObject()["file"].toString(), QString("lenet.pt"));
        QSet<qint64> params;
        for (const auto &c : j["cells"].toArray())
            params.insert(c.toObject()["params"].toInteger());
        QCOMPARE(params, (QSet<qint64>{19810, 25450, 61706}));
        QVERIFY2(!j["fit"].toObject().contains("error"), r.out.constData());
        const Result one = cli({"grid", "run", "--session", path("grid1.wbs"), "--data", kMnist, "--model-files",
                                path("lenet.pt")});
        QCOMPARE(one.code, 2);
        QVERIFY(one.err.contains("at least 2 files"));
    }
};

QTEST_GUILESS_MAIN(tst_CliScriptModel)
#include "tst_cliscriptmodel.moc"
