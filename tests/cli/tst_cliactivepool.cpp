// Active learning on a real unlabelled pool, end to end through workbench-cli: 100 labelled MNIST
// digits, the next 3,000 as a pool of PNG files whose labels only this test's annotator knows,
// three rounds of pick -> annotate -> add, margin against uniform; and the refusals.
#include "clitest.h"

#include "wb/datasetloader.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace clitest;

namespace {
constexpr int kPool = 3000;
}

class tst_CliActivePool : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pool;
    std::map<QString, int> m_truth; // the annotator's knowledge: pool file -> digit
    std::map<QString, double> m_final;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The common options of a loop's network and data.
    static QStringList recipe()
    {
        return {"--data", kMnist, "--train-limit", "100", "--test-limit", "1000", "--limit-mode", "first",
                "--val-fraction", "0", "--model", "lenet5", "--epochs", "12", "--batch-size", "32", "--lr", "0.003",
                "--seed", "3"};
    }

    // Labels the picks of a picks file as the annotator would: the true digit of each file.
    void annotate(const QString &picks, const QString &labelled, int leaveOut = 0)
    {
        QFile in(picks), out(labelled);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("rank,path,label,predicted,p_predicted,second,p_second,score,file_hash"));
        out.write("path,label\n");
        int n = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].isEmpty())
                continue;
            const QString file = QString::fromUtf8(lines[i].split(',')[1]);
            QVERIFY2(m_truth.count(file), qPrintable(file));
            if (n++ < leaveOut)
                continue;
            out.write(file.toUtf8() + "," + QByteArray::number(m_truth[file]) + "\n");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::vector<wb::core::SkippedFile> skipped;
        const auto data = wb::core::loadDataset(kMnist.toStdString(), {}, skipped);
        m_pool = path("pool");
        QVERIFY(QDir().mkpath(m_pool + "/batch-a") && QDir().mkpath(m_pool + "/batch-b"));
        for (int i = 100; i < 100 + kPool; ++i) { // the first 100 are the labelled set
            const QString file = QStringLiteral("%1/batch-%2/img%3.png").arg(m_pool).arg(i % 2 ? 'b' : 'a').arg(i, 5, 10, QLatin1Char('0'));
            QVERIFY(stbi_write_png(qPrintable(file), 28, 28, 1, data.train.image(std::size_t(i)), 28));
            m_truth[file] = int(data.train.labels[std::size_t(i)]);
        }
    }

    void threeRoundsOfPickAnnotateAdd_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::newRow("uniform") << "uniform";
        QTest::newRow("margin") << "margin";
    }

    void threeRoundsOfPickAnnotateAdd()
    {
        QFETCH(QString, strategy);
        const QString session = path(strategy + ".wbs");
        QSet<QString> picked;
        std::vector<double> accuracy;
        for (int round = 1; round <= 3; ++round) {
            const QString picks = path(QStringLiteral("%1-%2.csv").arg(strategy).arg(round));
            QStringList args = {"active", "pick", "--session", session, "--pool", m_pool, "--strategy", strategy,
                                "--count", "100", "--output", picks, "--json"};
            if (round == 1)
                args += recipe(); // trains on the 100 labelled digits first; later rounds use add's retrained run
            const Result r = cli(args);
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonObject j = r.json();
            QCOMPARE(j["round"].toInt(), round);
            QCOMPARE(j["labelled"].toInt(), 100 * round);
            QCOMPARE(j["pool_images"].toInt(), kPool);
            QCOMPARE(j["already_labelled"].toInt(), 100 * (round - 1)); // the labelled picks are recognised by content
            QCOMPARE(j["scored"].toInt(), kPool - 100 * (round - 1));
            if (round == 1)
                accuracy.push_back(j["run_test_accuracy"].toDouble());
            const QJsonArray list = j["picks"].toArray();
            QCOMPARE(list.size(), 100);
            for (const auto &p : list) {
                const QString file = p.toObject()["path"].toString();
                QVERIFY2(!picked.contains(file), qPrintable(file + " picked twice"));
                QVERIFY(m_truth.count(file));
                picked.insert(file);
            }
            if (strategy == "margin") { // ranked: the smallest gap between the two most probable classes first
                const double first = list.first().toObject()["p_predicted"].toDouble() - list.first().toObject()["p_second"].toDouble();
                const double last = list.last().toObject()["p_predicted"].toDouble() - list.last().toObject()["p_second"].toDouble();
                QVERIFY(first <= last + 1e-6);
            }
            const QString labelled = path(QStringLiteral("%1-%2-labelled.csv").arg(strategy).arg(round));
            annotate(picks, labelled);
            const Result add = cli({"active", "add", "--session", session, "--labels", labelled, "--json"});
            QVERIFY2(add.code == 0, add.err.constData());
            QCOMPARE(add.json()["added"].toInt(), 100);
            QCOMPARE(add.json()["labelled"].toInt(), 100 * (round + 1));
            accuracy.push_back(add.json()["test_accuracy"].toDouble());
        }
        // Reopened: the rounds, the labels and the accuracy after each are in the session.
        const Result rounds = cli({"active", "rounds", "--session", session, "--json"});
        QCOMPARE(rounds.code, 0);
        const QJsonObject j = rounds.json();
        QCOMPARE(j["labels"].toInt(), 300);
        QCOMPARE(j["rounds"].toArray().size(), 3);
        QCOMPARE(j["models"].toArray().size(), 4);
        for (int k = 0; k < 4; ++k) {
            const QJsonObject m = j["models"].toArray()[k].toObject();
            QCOMPARE(m["labelled"].toInt(), 100 * (k + 1));
            QCOMPARE(m["test_accuracy"].toDouble(), accuracy[std::size_t(k)]);
        }
        // 300 more labels help whatever picked them (a real threshold, not a rounding).
        QVERIFY2(accuracy.back() > accuracy.front() + 0.05,
                 qPrintable(QStringLiteral("%1 -> %2").arg(accuracy.front()).arg(accuracy.back())));
        // A loop run is a run like any other: evaluate reloads its data (dataset + pool labels).
        const Result eval = cli({"evaluate", "--session", session, "--run", QString::number(j["models"].toArray()[3].toObject()["run"].toInt()), "--json"});
        QVERIFY2(eval.code == 0, eval.err.constData());
        QCOMPARE(eval.json()["test_accuracy"].toDouble(), accuracy.back());
        m_final[strategy] = accuracy.back();
        qInfo("%s: test accuracy %.3f (100 labels) -> %.3f (400 labels)", qPrintable(strategy), accuracy.front(),
              accuracy.back());
    }

    void marginIsAtLeastAsGoodAsUniform()
    {
        QVERIFY(m_final.count("margin") && m_final.count("uniform"));
        QVERIFY2(m_final["margin"] >= m_final["uniform"],
                 qPrintable(QStringLiteral("margin %1, uniform %2").arg(m_final["margin"]).arg(m_final["uniform"])));
    }

    void refusalsSayWhatIsWrong()
    {
        const QString session = path("refusals.wbs");
        // A pool with no readable image names the file and why.
        QVERIFY(QDir().mkpath(path("garbage")));
        QFile bad(path("garbage/x.png"));
        QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("not a png") > 0);
        bad.close();
        QStringList base = QStringList{"active", "pick", "--session", session, "--count", "5"} + recipe();
        Result r = cli(QStringList{"active", "pick", "--session", session, "--count", "1", "--pool", path("garbage")}
                       + recipe());
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("no readable image") && r.err.contains("x.png"), r.err.constData());
        r = cli(base + QStringList{"--pool", path("nowhere")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("no such folder or list file"), r.err.constData());
        // Counts of 0 and beyond the pool.
        r = cli(QStringList{"active", "pick", "--session", session, "--count", "0", "--pool", m_pool} + recipe());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("at least one"), r.err.constData());
        r = cli(QStringList{"active", "pick", "--session", session, "--count", "5000", "--pool", m_pool} + recipe());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("has only 3000"), r.err.constData());
        // A pool of the labelled images themselves: said so.
        QVERIFY(QDir().mkpath(path("labelled-again")));
        std::vector<wb::core::SkippedFile> skipped;
        const auto data = wb::core::loadDataset(kMnist.toStdString(), {}, skipped);
        for (int i = 0; i < 100; ++i)
            QVERIFY(stbi_write_png(qPrintable(path(QStringLiteral("labelled-again/%1.png").arg(i))), 28, 28, 1,
                                   data.train.image(std::size_t(i)), 28));
        r = cli(base + QStringList{"--pool", path("labelled-again")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("already labelled") && r.err.contains("labelled dataset itself"), r.err.constData());

        // A small pool whose files change after the pick.
        QVERIFY(QDir().mkpath(path("small")));
        int n = 0;
        for (const auto &[file, label] : m_truth)
            if (n++ < 20)
                QVERIFY(QFile::copy(file, path("small/") + QFileInfo(file).fileName()));
        r = cli(base + QStringList{"--pool", path("small"), "--strategy", "entropy", "--output", path("small.csv"),
                                   "--copy-to", path("for-annotators"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray picks = r.json()["picks"].toArray();
        QCOMPARE(picks.size(), 5);
        QCOMPARE(QDir(path("for-annotators")).entryList(QDir::Files).size(), 5);
        QVERIFY(QDir(path("for-annotators")).entryList(QDir::Files).first().startsWith("0001_"));
        auto pickPath = [&](int k) { return picks[k].toObject()["path"].toString(); };
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        };
        // Not a pick, an unknown class, a path twice: refused by line, nothing added.
        write("notpicked.csv", "path,label\n" + path("garbage/x.png").toUtf8() + ",3\n");
        r = cli({"active", "add", "--session", session, "--labels", path("notpicked.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("line 2") && r.err.contains("not one of round 1's 5 picks"), r.err.constData());
        write("unknown.csv", pickPath(0).toUtf8() + ",cat\n");
        r = cli({"active", "add", "--session", session, "--labels", path("unknown.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("class 'cat' is not a class"), r.err.constData());
        write("twice.csv", pickPath(0).toUtf8() + ",1\n" + pickPath(0).toUtf8() + ",2\n");
        r = cli({"active", "add", "--session", session, "--labels", path("twice.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("labelled twice"), r.err.constData());
        // Picking again while the picks wait for labels is refused.
        r = cli(base + QStringList{"--pool", path("small")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("wait for labels"), r.err.constData());
        // One pick vanished, one changed: both reported and skipped, the others added — the
        // renamed copies from --copy-to are recognised by their content.
        QVERIFY(QFile::remove(pickPath(0)));
        QVERIFY(QFile::remove(pickPath(1)) && QFile::copy(path("garbage/x.png"), pickPath(1)));
        QByteArray labels = "path,label\n";
        for (int k = 0; k < 5; ++k)
            labels += (k < 2 ? pickPath(k).toUtf8()
                             : path("for-annotators/") .toUtf8() + QDir(path("for-annotators")).entryList(QDir::Files)[k].toUtf8())
                      + ",7\n";
        write("labels.csv", labels);
        r = cli({"active", "add", "--session", session, "--labels", path("labels.csv"), "--no-retrain", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json()["added"].toInt(), 3);
        QCOMPARE(r.json()["skipped"].toArray().size(), 2);
        QVERIFY2(r.err.contains("vanished") && r.err.contains("changed since it was scored"), r.err.constData());
        // A run trained on another dataset's classes cannot score this loop's pool.
        r = cli({"train", "--session", session, "--data", "fashion-mnist", "--train-limit", "200", "--test-limit",
                 "100", "--epochs", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString fashionRun = QString::number(r.json()["run_id"].toInt());
        r = cli({"active", "pick", "--session", session, "--run", fashionRun, "--pool", m_pool, "--count", "5"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("not the loop's dataset's"), r.err.constData());
        // A first pick with --run and another --data: refused, not silently the run's dataset.
        const QString other = path("other.wbs");
        r = cli({"train", "--session", other, "--data", "fashion-mnist", "--train-limit", "200", "--test-limit", "100",
                 "--epochs", "1", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"active", "pick", "--session", other, "--run", "1", "--data", kMnist, "--pool", m_pool, "--count", "5"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("run 1 was trained on fashion-mnist"), r.err.constData());
    }

    void aKilledPickLeavesNoFile()
    {
        QProcess p;
        const QString out = path("killed/picks.csv");
        QVERIFY(QDir().mkpath(path("killed")));
        QStringList args = QStringList{"active", "pick", "--session", path("killed.wbs"), "--pool", m_pool, "--count",
                                       "10", "--output", out} + recipe();
        args[args.indexOf("12")] = "500"; // epochs: still training when killed
        p.start(kCli, args);
        QVERIFY(p.waitForStarted());
        QTest::qWait(2500);
        p.kill();
        QVERIFY(p.waitForFinished());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(path("killed")).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CliActivePool)
#include "tst_cliactivepool.moc"
