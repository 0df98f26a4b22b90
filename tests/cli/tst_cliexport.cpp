// End-to-end tests of `workbench-cli export` (issue 18): both formats of a trained run, the
// refusals with their exit codes, nothing left behind. The exported models themselves are
// checked against torch and ONNX in tst_modelexport.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "clitest.h"

using namespace clitest;

class tst_CliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList smallTrain(const QString &session) const
    {
        return {"train", "--data", kMnist, "--model", "lenet5", "--train-limit", "600",
                "--test-limit", "300", "--epochs", "2", "--batch-size", "32", "--optimizer", "adam",
                "--lr", "0.003", "--session", session};
    }

private Q_SLOTS:
    // `export`: both formats of a trained run (checked against torch and ONNX in tst_modelexport),
    // and the refusals with their exit codes; nothing is left behind by a refused export.
    void exportFormatsAndRefusals()
    {
        const QString session = path("export.wbs");
        QCOMPARE(cli(smallTrain(session)).code, 0);
        const Result pt = cli({"export", "--session", session, "--run", "1", "--format", "pytorch", "--output",
                               path("exported/pt"), "--json"});
        QCOMPARE(pt.code, 0);
        const QJsonObject o = pt.json();
        QCOMPARE(o["epoch"].toInt(), 2);
        QCOMPARE(o["files"].toArray(), (QJsonArray{"model.py", "weights.pt", "README.txt"}));
        QCOMPARE(o["classes"].toArray().size(), 10);
        QCOMPARE(o["input"].toArray(), (QJsonArray{1, 28, 28}));
        QVERIFY(QFile::exists(path("exported/pt/weights.pt")));
        const Result onnx = cli({"export", "--session", session, "--run", "1", "--epoch", "1", "--format", "onnx",
                                 "--output", path("exported/onnx")});
        QCOMPARE(onnx.code, 0);
        QVERIFY(onnx.out.contains("exported run 1 (epoch 1"));
        QVERIFY(QFile::exists(path("exported/onnx/model.onnx")));

        // An existing folder is not replaced unless asked.
        const Result again = cli({"export", "--session", session, "--run", "1", "--format", "onnx", "--output",
                                  path("exported/onnx")});
        QCOMPARE(again.code, 2);
        QVERIFY2(again.err.contains("exists and is not empty") && again.err.contains("--overwrite"), qPrintable(again.err));
        QCOMPARE(cli({"export", "--session", session, "--run", "1", "--format", "onnx", "--output", path("exported/onnx"),
                      "--overwrite"}).code, 0);
        const Result epoch = cli({"export", "--session", session, "--run", "1", "--epoch", "7", "--format", "pytorch",
                                  "--output", path("exported/e7")});
        QCOMPARE(epoch.code, 2);
        QVERIFY2(epoch.err.contains("run 1 has no checkpoint for epoch 7 (it has epochs 1, 2)"), qPrintable(epoch.err));
        const Result run = cli({"export", "--session", session, "--run", "5", "--format", "pytorch", "--output",
                                path("exported/r5")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("5"), qPrintable(run.err));
        const Result format = cli({"export", "--session", session, "--run", "1", "--format", "keras", "--output",
                                   path("exported/k")});
        QCOMPARE(format.code, 2);
        QVERIFY(format.err.contains("--format"));
        // Unwritable: a file where the parent folder should be.
        QFile file(path("exported/afile"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Result notFolder = cli({"export", "--session", session, "--run", "1", "--format", "pytorch", "--output",
                                      path("exported/afile/pt")});
        QCOMPARE(notFolder.code, 2);
        QVERIFY2(notFolder.err.contains("afile: exists and is not a folder"), qPrintable(notFolder.err));
        const Result io = cli({"export", "--session", session, "--run", "1", "--format", "pytorch", "--output",
                               "/proc/self/wb-export"});
        QCOMPARE(io.code, 1);
        QVERIFY2(io.err.contains("cannot create a folder there"), qPrintable(io.err));
        const Result negative = cli({"export", "--session", session, "--run", "1", "--epoch", "-1", "--format", "onnx",
                                     "--output", path("exported/neg")});
        QCOMPARE(negative.code, 2);
        QVERIFY2(negative.err.contains("expected a whole number >= 0"), qPrintable(negative.err));
        QCOMPARE(QDir(path("exported")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{"afile", "onnx", "pt"}));
    }
};

QTEST_GUILESS_MAIN(tst_CliExport)
#include "tst_cliexport.moc"
