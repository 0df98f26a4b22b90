// End-to-end tests of workbench-cli: real processes, real data, exit codes and JSON.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include "clitest.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <csignal>

#include <unistd.h>

using namespace clitest;

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList smallTrain(const QString &session, const QString &lr = "0.003") const
    {
        return {"train", "--data", kMnist, "--model", "lenet5", "--train-limit", "600",
                "--test-limit", "300", "--epochs", "2", "--batch-size", "32", "--optimizer", "adam",
                "--lr", lr, "--session", session};
    }

private Q_SLOTS:
    // A run refused by a check made after it was recorded (here: no GPU 99 for --device
    // cuda:99) ends as failed with the reason, instead of staying "created" for ever (issue 13).
    void runRefusedBeforeTrainingIsMarkedFailed()
    {
        const QString session = path("refused.wbs");
        const Result r = cli({"train", "--data", kMnist, "--model", "linear", "--train-limit", "100", "--device", "cuda:99",
                              "--session", session});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("cuda:99") || r.err.contains("no CUDA GPU"), r.err.constData());
        const Result list = cli({"runs", "--session", session, "--json"});
        QCOMPARE(list.code, 0);
        const QJsonObject run = list.json()["runs"].toArray().at(0).toObject();
        QCOMPARE(run["status"].toString(), QString("failed"));
        QVERIFY(run["message"].toString().contains("CUDA"));
    }

    // A session in a folder this user cannot write (another user's, or read-only media) is read
    // as the README says — runs, evaluate (not stored, said) — instead of "attempt to write a
    // readonly database"; with changes still in its -wal it is refused, named (issue 34).
    void readOnlySessionOfAnotherUserIsRead()
    {
        QStringList runner; // as another user: root is never refused a write
        if (::geteuid() == 0) {
            if (!QFile::exists("/usr/bin/setpriv"))
                QSKIP("running as root without setpriv: cannot act as another user");
            runner = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", kCli};
        } else {
            runner = {kCli};
        }
        const auto as = [&runner](const QStringList &args) {
            return run(runner.first(), runner.mid(1) + args);
        };
        if (as({"--version"}).code != 0) // e.g. a build folder under /root, closed to other users
            QSKIP("another user cannot run this build's workbench-cli (its folder is private)");
        const QString made = path("ro-made.wbs");
        QCOMPARE(cli({"train", "--data", kMnist, "--model", "linear", "--train-limit", "200", "--test-limit", "100",
                      "--epochs", "1", "--session", made}).code, 0);
        const QString folder = path("ro");
        QVERIFY(QDir().mkpath(folder));
        const QString session = folder + "/s.wbs";
        QVERIFY(QFile::copy(made, session));
        const auto open = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOwner
                          | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(m_dir.path(), open | QFileDevice::WriteOwner));
        QVERIFY(QFile::setPermissions(session, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(folder, open));
        const Result list = as({"runs", "--session", session});
        QVERIFY2(list.code == 0 && list.out.contains("completed"), list.err.constData());
        const Result eval = as({"evaluate", "--session", session, "--run", "1"});
        QVERIFY2(eval.code == 0 && eval.out.contains("accuracy"), eval.err.constData());
        QVERIFY2(eval.err.contains("not stored"), eval.err.constData());
        // Changes still in the -wal: refused with the reason, never an older session shown silently.
        QVERIFY(QFile::setPermissions(folder, open | QFileDevice::WriteOwner));
        QFile wal(session + "-wal");
        QVERIFY(wal.open(QIODevice::WriteOnly) && wal.write(QByteArray(4096, 'x')) == 4096);
        wal.close();
        QVERIFY(QFile::setPermissions(session + "-wal", QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(folder, open));
        const Result stale = as({"runs", "--session", session});
        QCOMPARE(stale.code, 1);
        QVERIFY2(stale.err.contains("latest changes are still in"), stale.err.constData());
        QVERIFY(QFile::setPermissions(folder, open | QFileDevice::WriteOwner)); // the temporary folder can go
    }

    // Limits beyond the data are refused before anything is written (issue 34): no run, no session.
    void limitsBeyondTheDataLeaveNoRun()
    {
        const QString session = path("limits.wbs");
        for (const char *option : {"--train-limit", "--test-limit"}) {
            const Result r = cli({"train", "--data", kMnist, "--model", "linear", option, "20000", "--session", session});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("exceeds the"), r.err.constData());
            QVERIFY(!QFile::exists(session));
        }
        // A folder named like a spec file is said to be a folder.
        QVERIFY(QDir().mkpath(path("dir.json")));
        const Result r = cli({"train", "--data", kMnist, "--model", path("dir.json"), "--session", session});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("a folder, not a JSON spec file"), r.err.constData());
    }

    void versionAndHelp()
    {
        const Result v = cli({"--version"});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.contains("workbench-cli"));
        const Result h = cli({"train", "--help"});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains("--label-smoothing"));
    }

    void modelTable()
    {
        const Result r = cli({"model", "--model", "lenet5", "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()["parameters"].toInteger(), 61706);
        QCOMPARE(r.json()["layers"].toArray().size(), 12);
        const Result t = cli({"model", "--model", "cnn", "--width", "8", "--input", "3,32,32"});
        QCOMPARE(t.code, 0);
        QVERIFY(t.out.contains("total parameters"));
    }

    void badSpecExitsThree()
    {
        QFile f(path("bad.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"input":[1,28,28],"classes":10,"layers":[{"type":"flatten"},
                   {"type":"linear","in":100,"out":10}]})");
        f.close();
        const Result r = cli({"model", "--model", path("bad.json")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("layer 2 (linear): expects 100 inputs, receives 784"));
        const Result t = cli({"train", "--data", kMnist, "--model", path("bad.json"), "--session",
                              path("never.wbs")});
        QCOMPARE(t.code, 3);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << QStringList{};
        QTest::newRow("no session") << QStringList{"train", "--data", kMnist};
        QTest::newRow("unknown flag") << QStringList{"runs", "--session", "x", "--bogus"};
        QTest::newRow("bad optimizer")
            << QStringList{"train", "--optimizer", "rmsprop", "--session", path("u.wbs")};
        QTest::newRow("bad lr") << QStringList{"train", "--lr", "-1", "--session", path("u.wbs")};
        QTest::newRow("unknown preset") << QStringList{"model", "--model", "vgg99"};
        QTest::newRow("bad input") << QStringList{"model", "--model", "mlp", "--input", "1,28"};
        QTest::newRow("bad device")
            << QStringList{"train", "--data", kMnist, "--device", "tpu", "--train-limit", "100",
                           "--session", path("dev.wbs")};
        // More threads than cores made a small training 60x slower: refused.
        QTest::newRow("threads beyond the cores")
            << QStringList{"train", "--data", kMnist, "--threads", "1000", "--session", path("t.wbs")};
        QTest::newRow("negative threads")
            << QStringList{"train", "--data", kMnist, "--threads", "-1", "--session", path("t.wbs")};
        QTest::newRow("t-SNE threads beyond the cores")
            << QStringList{"tsne", "--session", path("t.wbs"), "--run", "1", "--threads", "1000"};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const Result r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        if (args.contains("--threads"))
            QVERIFY2(r.err.contains("expected 0 (automatic) or 1 to"), qPrintable(r.err));
    }

    // One name for one concept: the image limits are --train-limit/--test-limit in every command,
    // --train-size/--test-size an alias; an unknown option is named, with the nearest known one.
    void unknownOptionsAreNamedWithASuggestion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << QStringList{"train", "--data", kMnist, "--epoch", "2", "--session", path("u.wbs")}
                              << "unknown option --epoch for train; did you mean --epochs?";
        QTest::newRow("with a value") << QStringList{"sufficiency", "run", "--data", kMnist, "--runz=3", "--session",
                                                     path("u.wbs")}
                                      << "unknown option --runz for sufficiency run; did you mean --runs?";
        QTest::newRow("nothing near") << QStringList{"runs", "--session", "x", "--completely-different"}
                                      << "unknown option --completely-different for runs\n";
        QTest::newRow("stray value") << QStringList{"runs", "--session", "x", "500"}
                                     << "unexpected value '500' for runs";
    }
    void unknownOptionsAreNamedWithASuggestion()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(!r.err.contains("not expected"));
    }

    void imageLimitsHaveOneNameEverywhere()
    {
        // train takes --train-size as --train-limit; sufficiency run takes --train-limit as --train-size.
        const QString session = path("alias.wbs");
        Result r = cli({"train", "--data", kMnist, "--train-size", "120", "--test-size", "50", "--epochs", "1",
                        "--session", session, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"show", "--session", session, "--run", "1", "--json"});
        QVERIFY(r.out.contains("\"train_limit\":120") && r.out.contains("\"test_limit\":50"));
        r = cli({"sufficiency", "run", "--data", kMnist, "--train-limit", "5000000", "--session", session});
        QCOMPARE(r.code, 2); // accepted as the name of L, then refused for its value, not as unknown
        QVERIFY2(!r.err.contains("unknown option"), r.err.constData());
    }

    void badDataExitsThree()
    {
        const Result missing = cli({"train", "--data", path("nowhere"), "--session", path("d.wbs")});
        QCOMPARE(missing.code, 3);
        QVERIFY(missing.err.contains("not a directory"));
        QDir(m_dir.path()).mkpath("corrupt");
        QFile f(path("corrupt/train-images-idx3-ubyte"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x00\x00\x08\x03\x00\x00\x00\x05", 8));
        f.close();
        QFile l(path("corrupt/train-labels-idx1-ubyte"));
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.close();
        const Result corrupt = cli({"train", "--data", path("corrupt"), "--session", path("d.wbs")});
        QCOMPARE(corrupt.code, 3);
        QVERIFY(corrupt.err.contains("train-images-idx3-ubyte"));
    }

    void trainJsonRunsShow()
    {
        const QString session = path("train.wbs");
        const Result r = cli(smallTrain(session) << "--json");
        QCOMPARE(r.code, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY2(doc.isObject(), r.out.constData()); // stdout is exactly one JSON object
        const QJsonObject o = doc.object();
        for (const char *key : {"run_id", "status", "epochs", "test_accuracy", "test_loss",
                                "val_accuracy", "val_loss", "train_seconds", "device", "parameters"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o["status"].toString(), QString("completed"));
        QCOMPARE(o["epochs"].toInt(), 2);
        QCOMPARE(o["device"].toString(), QString("cpu"));
        QVERIFY(o["test_accuracy"].toDouble() > 0.6);
        QVERIFY(o["val_accuracy"].toDouble() > 0.5);

        const Result runs = cli({"runs", "--session", session, "--json"});
        QCOMPARE(runs.code, 0);
        QCOMPARE(runs.json()["runs"].toArray().size(), 1);
        const Result show = cli({"show", "--session", session, "--run", "1", "--json"});
        QCOMPARE(show.code, 0);
        const QJsonObject h = show.json()["history"].toObject();
        QCOMPARE(h["epochs"].toArray().size(), 2);
        QCOMPARE(h["batches"].toObject()["loss"].toArray().size(), 2 * 17); // 540/32 -> 17
        QCOMPARE(show.json()["config"].toObject()["optimizer"].toString(), QString("adam"));
        const Result plain = cli({"show", "--session", session, "--run", "1"});
        QCOMPARE(plain.code, 0);
        QVERIFY(plain.out.contains("train_loss"));
        QCOMPARE(cli({"show", "--session", session, "--run", "5"}).code, 2);
        // A completed run cannot be resumed.
        QCOMPARE(cli({"resume", "--session", session, "--run", "1"}).code, 2);
        // A damaged stored config is named, not reported in the JSON library's words (issue 34).
        QVERIFY(QFile::copy(session, path("damaged.wbs")));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path("damaged.wbs").toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE runs SET config_json='{bad'", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        const Result damaged = cli({"show", "--session", path("damaged.wbs"), "--run", "1", "--json"});
        QCOMPARE(damaged.code, 1);
        QVERIFY2(damaged.err.contains("run 1's stored training config is damaged") && !damaged.err.contains("json.exception"),
                 damaged.err.constData());
    }

    void divergenceExitsOneWithJson()
    {
        const QStringList args = {"train", "--data", kMnist, "--train-limit", "600", "--epochs", "2",
                                  "--optimizer", "sgd", "--lr", "1000", "--session",
                                  path("div.wbs"), "--json"};
        const Result r = cli(args);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json()["status"].toString(), QString("diverged"));
        const Result runs = cli({"runs", "--session", path("div.wbs"), "--json"});
        QCOMPARE(runs.json()["runs"].toArray()[0].toObject()["status"].toString(),
                 QString("diverged"));
    }

    void interruptThenResume()
    {
        const QString session = path("int.wbs");
        QStringList args = smallTrain(session);
        args.replace(args.indexOf("2", 0), "40"); // --epochs 40: long enough to interrupt
        QProcess p;
        p.start(kCli, args);
        QVERIFY(p.waitForStarted());
        // Wait until at least one epoch is committed, then press Ctrl-C.
        QByteArray err;
        QElapsedTimer t;
        t.start();
        while (!err.contains("epoch 2/40") && t.elapsed() < 120000) {
            p.waitForReadyRead(200);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("epoch 2/40"), err.constData());
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("workbench-cli resume"), err.constData());
        const Result runs = cli({"runs", "--session", session, "--json"});
        const QJsonObject run = runs.json()["runs"].toArray()[0].toObject();
        QCOMPARE(run["status"].toString(), QString("cancelled"));
        QVERIFY(run["epochs"].toInt() >= 1);
        const Result resumed = cli({"resume", "--session", session, "--run", "1", "--json"});
        QCOMPARE(resumed.code, 0);
        QCOMPARE(resumed.json()["status"].toString(), QString("completed"));
        QCOMPARE(resumed.json()["epochs"].toInt(), 40);
    }

    void openMpWaitPolicyIsSetBeforeLibgompLoads_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("expectSpin");
        QTest::newRow("nothing set: the program sets GOMP_SPINCOUNT") << QString() << true;
        QTest::newRow("the user's OMP_WAIT_POLICY wins") << QString("OMP_WAIT_POLICY=PASSIVE") << false;
    }
    void openMpWaitPolicyIsSetBeforeLibgompLoads()
    {
        // libgomp reads its environment before main(): the program re-executes itself with
        // GOMP_SPINCOUNT set (same pid). The environment of the running image shows it.
        QFETCH(QString, preset);
        QFETCH(bool, expectSpin);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("OMP_WAIT_POLICY");
        env.remove("GOMP_SPINCOUNT");
        if (!preset.isEmpty())
            env.insert(preset.section('=', 0, 0), preset.section('=', 1));
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList args = smallTrain(path("omp.wbs"));
        args[args.indexOf("--epochs") + 1] = "4"; // long enough to look at the running image
        p.start(kCli, args);
        QVERIFY(p.waitForStarted());
        QFile environ(QString("/proc/%1/environ").arg(p.processId()));
        bool sawSpin = false, sawName = false;
        for (int i = 0; i < 100 && p.state() == QProcess::Running && !(sawSpin && sawName); ++i) {
            QTest::qWait(50);
            if (environ.open(QIODevice::ReadOnly)) {
                sawSpin = environ.readAll().split('\0').contains("GOMP_SPINCOUNT=3000");
                environ.close();
            }
            QFile comm(QString("/proc/%1/comm").arg(p.processId()));
            if (comm.open(QIODevice::ReadOnly))
                sawName = comm.readAll().trimmed() == "workbench-cli"; // not "exe"
        }
        QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(sawSpin, expectSpin);
        QVERIFY(sawName);
    }

    // grid fit end to end: a CSV with extra columns, seeds and a flops column; the answers
    // follow from the fitted law (checked here by its own formulas, not by the code).
    void gridFitOfACsv()
    {
        QFile csv(path("cells.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("width,seed,samples,params,loss,flops\n");
        for (double n : {2e3, 8e3, 3.2e4, 1.28e5})
            for (double d : {200.0, 800.0, 3200.0, 12800.0})
                for (double noise : {-0.01, 0.01}) {
                    const double loss = (0.3 + 30 * std::pow(n, -0.5) + 8 * std::pow(d, -0.3)) * (1 + noise);
                    csv.write(QString("w,%1,%2,%3,%4,%5\n").arg(noise).arg(d).arg(n).arg(loss, 0, 'g', 12).arg(5 * n)
                                  .toUtf8());
                }
        csv.close();
        const Result r = cli({"grid", "fit", "--input", path("cells.csv"), "--predict", "2.56e5:25600", "--compute",
                              "1e12", "--resamples", "50", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o["points"].toInt(), 32);
        QCOMPARE(o["cells"].toInt(), 16);
        QVERIFY2(std::abs(o["alpha"].toDouble() - 0.5) < 0.05, qPrintable(QString::number(o["alpha"].toDouble())));
        QVERIFY2(std::abs(o["beta"].toDouble() - 0.3) < 0.05, qPrintable(QString::number(o["beta"].toDouble())));
        QCOMPARE(o["flops_per_param_sample"].toDouble(), 15.0); // 3 x forward / N
        const auto law = [&](double n, double d) {
            return o["E"].toDouble() + o["A"].toDouble() * std::pow(n, -o["alpha"].toDouble())
                   + o["B"].toDouble() * std::pow(d, -o["beta"].toDouble());
        };
        const QJsonObject p = o["predictions"].toArray()[0].toObject();
        QVERIFY(std::abs(p["loss"].toDouble() - law(2.56e5, 25600)) < 1e-9);
        QVERIFY(p["ci"].toArray()[0].toDouble() <= p["loss"].toDouble() + 1e-3);
        const QJsonObject c = o["compute_optimal"].toArray()[0].toObject();
        QVERIFY(std::abs(c["params"].toDouble() * c["samples"].toDouble() * 15 / 1e12 - 1) < 1e-9);
        QVERIFY(std::abs(c["beyond_grid"].toDouble()
                         - std::max({c["params"].toDouble() / 1.28e5, c["samples"].toDouble() / 12800, 1.0}))
                < 1e-9);
        QCOMPARE(p["beyond_grid"].toDouble(), 2.0); // 2.56e5 of 1.28e5 parameters, 25600 of 12800 samples
        QVERIFY(law(c["params"].toDouble(), c["samples"].toDouble()) < law(2 * c["params"].toDouble(), c["samples"].toDouble() / 2));
        QVERIFY(law(c["params"].toDouble(), c["samples"].toDouble()) < law(c["params"].toDouble() / 2, c["samples"].toDouble() * 2));
        const QJsonArray sat = o["saturation"].toArray();
        QCOMPARE(sat.size(), 5); // the four data sizes and the predicted one
        for (const auto &v : sat) {
            const double d = v.toObject()["samples"].toDouble(), n = v.toObject()["params"].toDouble();
            const double gain = (law(n, d) - law(2 * n, d)) / law(n, d);
            QVERIFY2(std::abs(gain - 0.01) < 1e-6, qPrintable(QString::number(gain)));
        }
        QVERIFY(o["ci"].toObject()["alpha"].toArray().size() == 2);
        // Below the grid counts as outside too; a tolerance no doubling reaches has no size.
        const Result below = cli({"grid", "fit", "--input", path("cells.csv"), "--predict", "1000:100", "--tolerance",
                                  "0.5", "--resamples", "10", "--json"});
        QCOMPARE(below.code, 0);
        QCOMPARE(below.json()["predictions"].toArray()[0].toObject()["beyond_grid"].toDouble(), 2.0);
        const QJsonObject none = below.json()["saturation"].toArray()[0].toObject();
        QVERIFY(none["params"].isNull());
        QVERIFY(none["reason"].toString().contains("never lowers the loss by that much"));
        // A spreadsheet's UTF-8 byte-order mark and quoted fields are read as they are meant.
        QFile bom(path("bom.csv"));
        QVERIFY(bom.open(QIODevice::WriteOnly));
        QFile plain(path("cells.csv"));
        QVERIFY(plain.open(QIODevice::ReadOnly));
        bom.write("\xef\xbb\xbf" + plain.readAll().replace("w,", "\"w, quoted\","));
        bom.close();
        const Result withBom = cli({"grid", "fit", "--input", path("bom.csv"), "--resamples", "50", "--json"});
        QVERIFY2(withBom.code == 0, withBom.err.constData());
        QCOMPARE(withBom.json()["alpha"].toDouble(), o["alpha"].toDouble());
        // The text form says the same.
        const Result text = cli({"grid", "fit", "--input", path("cells.csv"), "--resamples", "20"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("fitted to 16 cells (32 rows, 4 model sizes x 4 data sizes)"));
    }

    void gridRunShowAndFitOfAStudy()
    {
        // 3 widths x 3 fractions of 300 MNIST digits, equal steps: every cell measured, the law
        // fitted to them, the same numbers from grid show, grid fit --session and study show.
        const QString session = path("grid.wbsession");
        const Result r = cli({"grid", "run", "--data", kMnist, "--model", "cnn", "--widths", "2,3,4", "--fraction-steps",
                              "3", "--train-size", "300", "--test-size", "200", "--batch-size", "32", "--seed", "5",
                              "--resamples", "20", "--session", session, "--json"});
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData()); // 1: a law the 9 cells cannot determine
        const QJsonObject o = r.json();
        QCOMPARE(o["study_status"].toString(), QString("complete"));
        QCOMPARE(o["cell_count"].toInt(), 9);
        const QJsonArray cells = o["cells"].toArray();
        QCOMPARE(cells.size(), 9);
        QSet<int> samples;
        for (const auto &v : cells) {
            const QJsonObject c = v.toObject();
            samples.insert(c["samples"].toInt());
            QCOMPARE(c["steps"].toInt(), 10); // ceil(300 / 32) for every cell: equal steps
            QVERIFY(c["test_accuracy"].toDouble() >= 0 && c["test_accuracy"].toDouble() <= 1);
            QVERIFY(c["train_loss"].toDouble() > 0);
            QVERIFY(c["flops"].toDouble() > c["params"].toDouble()); // a conv reuses its weights
            QCOMPARE(c["train_flops"].toDouble(), 3 * c["flops"].toDouble() * 300);
        }
        QCOMPARE(samples, (QSet<int>{300, 150, 75}));
        QCOMPARE(o["grid"].toObject()["budget"].toString(), QString("steps"));
        const QJsonObject fit = o["fit"].toObject();
        QVERIFY(fit.contains("alpha") || fit.contains("error"));
        const QString id = QString::number(o["study_id"].toInt());
        const Result show = cli({"grid", "show", "--session", session, "--study", id, "--resamples", "20", "--json"});
        QCOMPARE(show.code, r.code);
        QCOMPARE(show.json()["cells"].toArray(), cells);
        QCOMPARE(show.json()["fit"].toObject(), fit);
        const Result text = cli({"grid", "show", "--session", session, "--study", id, "--resamples", "20"});
        QVERIFY(text.out.contains("test loss (rows: width and parameters, columns: training images)"));
        QVERIFY(text.out.contains("budget: equal steps"));
        const Result viaStudy = cli({"study", "show", "--session", session, "--study", id});
        QCOMPARE(viaStudy.code, 0);
        QVERIFY(viaStudy.out.contains("9 of 9 cells done"));
        if (fit.contains("alpha")) {
            const Result refit = cli({"grid", "fit", "--session", session, "--study", id, "--resamples", "20",
                                      "--json"});
            QCOMPARE(refit.code, 0);
            QCOMPARE(refit.json()["alpha"].toDouble(), fit["alpha"].toDouble());
            QCOMPARE(refit.json()["cells"].toInt(), 9);
        }
        // one source of cells at a time
        const Result both = cli({"grid", "fit", "--session", session, "--study", id, "--input", path("x.csv")});
        QCOMPARE(both.code, 2);
    }

    // Active learning end to end on real digits: margin sampling beats random sampling at the
    // final budget (median of 5 trials; measured 0.92 vs 0.89, its 25% quantile above uniform's
    // 75%), both stay under the full-data baseline, and show / study show agree.
    // repeat run: every metric's summary over paired seeds; compare: a setup file over the
    // command line, a difference far beyond the noise called real, the run's own config as B.
    void repeatAndCompare()
    {
        const QStringList data = {"--data", kMnist, "--model", "lenet5", "--train-limit", "1500", "--test-limit",
                                  "500", "--epochs", "1", "--batch-size", "32", "--optimizer", "adam"};
        const Result r = cli(QStringList{"repeat", "run"} + data
                             + QStringList{"--lr", "0.003", "--runs", "3", "--val-per-class", "20", "--session",
                                           path("repeat.wbs"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o["runs"].toArray().size(), 3);
        const QJsonObject run0 = o["runs"].toArray()[0].toObject();
        QVERIFY(run0["seed"].toDouble() > 0);
        QCOMPARE(run0["eval_images"].toInt(), 200);
        QCOMPARE(run0["train_images"].toInt(), 1300);
        const QJsonObject summary = o["summary"].toObject();
        for (const char *m : {"accuracy", "loss", "smoothed_accuracy@1", "smoothed_accuracy@3", "smoothed_accuracy@10"}) {
            const QJsonObject s = summary[m].toObject();
            QVERIFY2(s["ci95"].toArray().size() == 2 && s["std"].toDouble() >= 0, m);
            QVERIFY(s["ci95"].toArray()[0].toDouble() <= s["mean"].toDouble());
        }
        QVERIFY(summary["accuracy"].toObject()["mean"].toDouble() > 0.8); // lenet5, 1,300 digits, one epoch of Adam
        QVERIFY(!o["lowest_noise"].toString().isEmpty());

        // B: a learning rate 1000x too small barely trains: a real difference at 95%.
        QFile f(path("slow.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"lr": 3e-6, "name": "tiny-lr"})");
        f.close();
        const Result c = cli(QStringList{"compare"} + data
                             + QStringList{"--lr", "0.003", "--runs", "3", "--b", path("slow.json"), "--session",
                                           path("compare.wbs"), "--json"});
        QVERIFY2(c.code == 0, c.err.constData());
        const QJsonObject j = c.json();
        QCOMPARE(j["metric"].toString(), QString("accuracy"));
        QCOMPARE(j["b"].toObject()["name"].toString(), QString("tiny-lr"));
        QCOMPARE(j["b"].toObject()["train_config"].toObject()["lr"].toDouble(), 3e-6);
        // Paired: repeat k of A and B share the seed.
        QCOMPARE(j["a"].toObject()["runs"].toArray()[1].toObject()["seed"],
                 j["b"].toObject()["runs"].toArray()[1].toObject()["seed"]);
        const QJsonObject d = j["difference"].toObject();
        QVERIFY2(d["mean"].toDouble() < -0.3, qPrintable(QString::number(d["mean"].toDouble())));
        QVERIFY(d["ci95"].toArray()[1].toDouble() < 0);
        QVERIFY(d["p_value"].toDouble() < 0.05);
        QCOMPARE(d["test"].toString(), QString("paired t")); // shared seeds: the paired design decides
        QCOMPARE(d["p_value"].toDouble(), d["paired_p_value"].toDouble());
        QVERIFY(d.contains("welch_p_value") && d.contains("welch_ci95"));
        QVERIFY(j["min_detectable"].toDouble() > 0);
        QVERIFY2(j["verdict"].toString().startsWith("A is better by"), qPrintable(j["verdict"].toString()));
        QVERIFY(j["verdict"].toString().contains("real at 95%"));

        // A setup file naming something that is not a training flag: named, exit 3 (bad input data, as a missing file), no session.
        QFile bad(path("bad-setup.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"train-limit": 100})");
        bad.close();
        const Result b = cli(QStringList{"compare"} + data
                             + QStringList{"--runs", "2", "--b", path("bad-setup.json"), "--session", path("bad.wbs")});
        QCOMPARE(b.code, 3);
        QVERIFY2(b.err.contains("'train-limit' is not a training flag"), b.err.constData());
        QVERIFY(!QFile::exists(path("bad.wbs")));
    }

    void activeRunMarginBeatsUniform()
    {
        const QString session = path("active.wbsession");
        const Result r = cli({"active", "run", "--data", kMnist, "--strategies", "uniform,margin", "--model", "lenet5",
                              "--initial", "50", "--budget", "50", "--max-labels", "400", "--trials", "5",
                              "--steps-per-round", "150", "--batch-size", "32", "--baseline-seeds", "1",
                              "--test-limit", "1000", "--levels", "0.8,0.9,0.999", "--session", session, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o["study_status"].toString(), QString("complete"));
        QCOMPARE(o["cell_count"].toInt(), 11);
        QCOMPARE(o["steps_per_round"].toInt(), 150);
        QJsonArray labels;
        for (int n = 50; n <= 400; n += 50)
            labels.append(n);
        QCOMPARE(o["labels"].toArray(), labels);
        const QJsonObject strategies = o["strategies"].toObject();
        const QJsonObject uniform = strategies["uniform"].toObject(), margin = strategies["margin"].toObject();
        for (const QJsonObject &s : {uniform, margin}) {
            QCOMPARE(s["accuracy"].toArray().size(), 5);
            QCOMPARE(s["accuracy"].toArray()[0].toArray().size(), 8);
            QCOMPARE(s["picked"].toArray()[0].toArray().size(), 7);
            QCOMPARE(s["picked"].toArray()[0].toArray()[0].toArray().size(), 50);
            const QJsonArray needed = s["needed"].toArray();
            QCOMPARE(needed.size(), 3);
            QCOMPARE(needed[2].toObject()["reached"].toInt(), 0); // 99.9% on 400 digits: censored
            QVERIFY(needed[2].toObject()["median"].isNull());
            QCOMPARE(needed[0].toObject()["trials"].toInt(), 5);
            int picks = 0;
            for (const auto &c : s["picked_class_counts"].toArray())
                picks += c.toInt();
            QCOMPARE(picks, 5 * 350);
        }
        // Round 0 is shared: the same initial images and weights for both strategies.
        QCOMPARE(uniform["accuracy"].toArray()[2].toArray()[0], margin["accuracy"].toArray()[2].toArray()[0]);
        const double u = uniform["median"].toArray()[7].toDouble(), m = margin["median"].toArray()[7].toDouble();
        const double base = o["baseline"].toObject()["median"].toDouble();
        QVERIFY2(m >= u, qPrintable(QString("margin %1, uniform %2").arg(m).arg(u)));
        QVERIFY2(u > 0.75 && base > m + 0.02, qPrintable(QString("uniform %1, margin %2, baseline %3").arg(u).arg(m).arg(base)));
        QVERIFY(margin["aulc"].toDouble() >= uniform["aulc"].toDouble() - 0.01);

        const QString id = QString::number(o["study_id"].toInt());
        const Result show = cli({"active", "show", "--session", session, "--study", id, "--levels", "0.8,0.9,0.999",
                                 "--json"});
        QCOMPARE(show.code, 0);
        QCOMPARE(show.json()["strategies"].toObject(), strategies);
        const Result text = cli({"study", "show", "--session", session, "--study", id});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("labels needed to reach a test accuracy"));
        QVERIFY(text.out.contains("150 steps per round for every strategy"));
        QVERIFY(text.out.contains("> 400 (0/5)"));
        // bald needs dropout: refused before anything is written
        const Result bald = cli({"active", "run", "--data", kMnist, "--strategies", "bald", "--model", "lenet5",
                                 "--max-labels", "200", "--session", path("bald.wbsession")});
        QCOMPARE(bald.code, 2);
        QVERIFY2(bald.err.contains("lenet5-dropout"), bald.err.constData());
        QVERIFY(!QFile::exists(path("bald.wbsession")));
    }

    void evaluateAndTsne()
    {
        const QString session = path("eval.wbs");
        QCOMPARE(cli(smallTrain(session)).code, 0);
        const Result r = cli({"evaluate", "--session", session, "--run", "1", "--tsne", "--tsne-perplexity", "20",
                              "--features", path("features.csv"), "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        for (const char *key : {"test_accuracy", "test_loss", "smoothed_accuracy", "per_class_accuracy", "confusion",
                                "most_confused", "ece", "reject", "tsne"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o["confusion"].toArray().size(), 10);
        qint64 total = 0;
        for (const auto &row : o["confusion"].toArray())
            for (const auto &v : row.toArray())
                total += v.toInteger();
        QCOMPARE(total, 300); // --test-limit 300
        const QJsonObject reject = o["reject"].toObject();
        QCOMPARE(reject["threshold"].toArray().size(), reject["errors"].toArray().size());
        QCOMPARE(o["tsne"].toObject()["points"].toArray().size(), 600);
        // Stored in the session as the run's last evaluation, with its t-SNE, as the app does.
        QCOMPARE(o["stored"].toBool(), true);
        auto count = [&](const char *kind) {
            sqlite3 *db = nullptr;
            int n = -1;
            if (sqlite3_open_v2(session.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
                const std::string sql = std::string("SELECT count(*) FROM results WHERE run_id=1 AND kind='") + kind + "'";
                sqlite3_exec(db, sql.c_str(), [](void *out, int, char **v, char **) {
                    *static_cast<int *>(out) = std::atoi(v[0]);
                    return 0;
                }, &n, nullptr);
            }
            sqlite3_close(db);
            return n;
        };
        QCOMPARE(count("evaluation"), 1);
        QCOMPARE(count("tsne"), 1);
        QCOMPARE(cli({"evaluate", "--session", session, "--run", "1", "--json"}).code, 0);
        QCOMPARE(count("evaluation"), 1); // the last one replaces the older
        // The features file feeds `tsne` directly.
        const Result t = cli({"tsne", "--input", path("features.csv"), "--output", path("coords.csv"),
                              "--perplexity", "10", "--iterations", "300", "--json"});
        QCOMPARE(t.code, 0);
        QCOMPARE(t.json()["points"].toInt(), 300);
        QCOMPARE(t.json()["method"].toString(), "barnes-hut"); // auto, for 300 points
        const Result f = cli({"tsne", "--input", path("features.csv"), "--output", path("coords.csv"),
                              "--perplexity", "10", "--iterations", "300", "--method", "fft", "--json"});
        QCOMPARE(f.code, 0);
        QCOMPARE(f.json()["method"].toString(), "fft");
        const Result m = cli({"tsne", "--input", path("features.csv"), "--output", path("o.csv"), "--method", "exact"});
        QCOMPARE(m.code, 2);
        QVERIFY(m.err.contains("--method"));
        QFile coords(path("coords.csv"));
        QVERIFY(coords.open(QIODevice::ReadOnly));
        QCOMPARE(coords.readAll().count('\n'), 301); // header + one line per point
        QFile bad(path("bad.csv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("1,2\n3,x\n");
        bad.close();
        const Result b = cli({"tsne", "--input", path("bad.csv"), "--output", path("o.csv")});
        QCOMPARE(b.code, 3);
        QVERIFY(b.err.contains("bad.csv:2"));
    }

    void corruptSessionUntouched()
    {
        QFile f(path("junk.wbs"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2048, 'j'));
        f.close();
        const Result r = cli(smallTrain(path("junk.wbs")));
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("junk.wbs"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(2048, 'j'));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
