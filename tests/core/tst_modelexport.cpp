// Export of trained runs (wb/modelexport.h): PyTorch code + weights and ONNX, checked against
// the workbench's own logits by Debian's python3-torch and python3-onnx (tests/export/check_export.py,
// which also holds an independent NumPy interpreter of the ONNX graph), and the refusals.
#include "export/exportmodel.h"
#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/evaluation.h"
#include "wb/experiment.h"
#include "wb/modelexport.h"
#include "wb/progress.h"
#include "wb/session.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace wb::core;

namespace {

// Every layer type the spec has, with the options that change the arithmetic: a convolution
// without bias, padded max and average pools (the average counting the padding), residual
// blocks with a strided projection, an average-pool shortcut on an odd size (ceil mode) with
// Mish, an identity shortcut, an adaptive pool to a size that does not divide its input, and
// every activation.
const char *const kEveryLayer =
    "{\"input\": [1, 28, 28], \"classes\": 10, \"layers\": [\n"
    "  {\"type\": \"conv2d\", \"out\": 8, \"kernel\": 3, \"padding\": 1, \"bias\": 0},\n"
    "  {\"type\": \"batchnorm2d\"},\n"
    "  {\"type\": \"leakyrelu\", \"slope\": 0.1},\n"
    "  {\"type\": \"maxpool2d\", \"kernel\": 3, \"stride\": 2, \"padding\": 1},\n"
    "  {\"type\": \"residual\", \"out\": 12, \"stride\": 2},\n"
    "  {\"type\": \"residual\", \"out\": 16, \"stride\": 2, \"avgdown\": 1, \"mish\": 1},\n"
    "  {\"type\": \"residual\", \"out\": 16},\n"
    "  {\"type\": \"avgpool2d\", \"kernel\": 2, \"stride\": 1, \"padding\": 1},\n"
    "  {\"type\": \"gelu\"},\n"
    "  {\"type\": \"adaptiveavgpool2d\", \"output\": 3},\n"
    "  {\"type\": \"relu\"},\n"
    "  {\"type\": \"mish\"},\n"
    "  {\"type\": \"flatten\"},\n"
    "  {\"type\": \"dropout\", \"p\": 0.2},\n"
    "  {\"type\": \"linear\", \"out\": 32, \"bias\": 0},\n"
    "  {\"type\": \"batchnorm1d\"},\n"
    "  {\"type\": \"tanh\"},\n"
    "  {\"type\": \"linear\", \"out\": 24},\n"
    "  {\"type\": \"sigmoid\"},\n"
    "  {\"type\": \"linear\", \"out\": 10}\n"
    "]}";

QString pythonScript()
{
    return QStringLiteral(WB_TEST_DATA_DIR "/../export/check_export.py");
}

} // namespace

class tst_ModelExport : public QObject
{
    Q_OBJECT

    DatasetPair m_data;
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
    std::int64_t m_lenet = 0;

    std::int64_t train(const std::string &name, const ModelSpec &spec, int epochs = 1)
    {
        TrainConfig c;
        c.optimizer = "adam";
        c.lr = 0.003;
        c.epochs = epochs;
        c.batchSize = 32;
        c.device = "cpu";
        DataConfig dc;
        dc.trainLimit = 640;
        dc.testLimit = 200;
        const auto id = createRecordedRun(*m_session, m_data, "mnist10k", name, spec, c, dc, name);
        CancelFlagSink sink;
        trainRecordedRun(*m_session, id, m_data, sink);
        return id;
    }

    /// images.u8, logits.f32 (the workbench's evaluation of the run) and ref.json for the checker.
    QString writeReference(std::int64_t runId, const QString &name)
    {
        const Evaluation e = evaluateRun(*m_session, runId, 0, m_data);
        const QString dir = m_dir.filePath(name + "-ref");
        QDir().mkpath(dir);
        QFile images(dir + "/images.u8"), logits(dir + "/logits.f32"), ref(dir + "/ref.json");
        const std::size_t pixels = std::size_t(m_data.test.channels) * m_data.test.height * m_data.test.width;
        if (!images.open(QIODevice::WriteOnly) || !logits.open(QIODevice::WriteOnly) || !ref.open(QIODevice::WriteOnly))
            return {};
        for (auto i : e.testIndices)
            images.write(reinterpret_cast<const char *>(m_data.test.pixels.data() + i * pixels), qint64(pixels));
        logits.write(reinterpret_cast<const char *>(e.logits.data()), qint64(e.logits.size() * sizeof(float)));
        QJsonArray classes;
        for (const auto &c : m_session->dataset(m_session->run(runId).datasetId).classNames)
            classes.append(QString::fromStdString(c));
        ref.write(QJsonDocument(QJsonObject{{"input", QJsonArray{m_data.test.channels, m_data.test.height, m_data.test.width}},
                                            {"classes", classes}})
                      .toJson());
        return dir;
    }

    ExportResult exportTo(std::int64_t runId, ExportFormat format, const QString &folder, int epoch = 0,
                          bool overwrite = false)
    {
        ExportOptions o;
        o.runId = runId;
        o.epoch = epoch;
        o.format = format;
        o.output = folder.toStdString();
        o.overwrite = overwrite;
        return exportRun(*m_session, o);
    }

    static QString errorOf(const std::function<void()> &f, ErrorCode expected)
    {
        try {
            f();
        } catch (const Error &e) {
            if (e.code() != expected)
                return QStringLiteral("wrong code: ") + e.what();
            return QString::fromUtf8(e.what());
        }
        return QStringLiteral("no error");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::vector<SkippedFile> skipped;
        m_data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        m_session = std::make_unique<Session>(m_dir.filePath("export.wbs").toStdString(), Session::Mode::Create);
        m_lenet = train("lenet5", presetSpec("lenet5", 0, {1, 28, 28}, 10), 2);
    }

    void pythonAndOnnxGiveTheWorkbenchLogits_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("lenet5") << "lenet5";
        QTest::newRow("cnn (batch norm)") << "cnn";
        QTest::newRow("resnet18 width 8") << "resnet18";
        QTest::newRow("every layer type") << "every-layer";
    }

    void pythonAndOnnxGiveTheWorkbenchLogits()
    {
        QFETCH(QString, name);
        std::int64_t id = m_lenet;
        if (name == "cnn")
            id = train("cnn", presetSpec("cnn", 8, {1, 28, 28}, 10));
        else if (name == "resnet18")
            id = train("resnet18", presetSpec("resnet18", 8, {1, 28, 28}, 10));
        else if (name == "every-layer")
            id = train("every-layer", parseModelSpec(kEveryLayer));
        const QString ref = writeReference(id, name);
        QVERIFY(!ref.isEmpty());
        const QString pt = m_dir.filePath(name + "-pytorch"), onnx = m_dir.filePath(name + "-onnx");
        const ExportResult r = exportTo(id, ExportFormat::PyTorch, pt);
        QCOMPARE(r.folder, pt.toStdString());
        QCOMPARE(r.files, (std::vector<std::string>{"model.py", "weights.pt", "README.txt"}));
        QCOMPARE(QDir(pt).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{"README.txt", "model.py", "weights.pt"}));
        exportTo(id, ExportFormat::Onnx, onnx);
        QCOMPARE(QDir(onnx).entryList(QDir::Files | QDir::Hidden, QDir::Name), (QStringList{"README.txt", "model.onnx"}));
        // nothing but the two exports next to them (no temporary folders left)
        QVERIFY(QDir(m_dir.path()).entryList({".wb*"}, QDir::AllEntries | QDir::Hidden).isEmpty());

        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        // Debian's interpreter, where python3-torch and python3-onnx are (not a virtualenv's)
        const QString interpreter = QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        python.start(interpreter, {pythonScript(), ref, "--pytorch", pt, "--onnx", onnx});
        QVERIFY2(python.waitForFinished(600000), "the checker did not finish");
        const QByteArray out = python.readAll();
        qInfo().noquote() << out;
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0, out.constData());
        QVERIFY(out.contains("check_export: OK"));
    }

    void modelSourceHasEveryLayer()
    {
        detail::ExportInfo info;
        info.spec = parseModelSpec(kEveryLayer);
        info.classNames = {"zero \"0\"", "one", "2", "3", "4", "5", "6", "7", "8", "nine\n9"};
        const QString py = QString::fromStdString(detail::pythonModelSource(info));
        for (const char *code : {"nn.Conv2d(1, 8, 3, stride=1, padding=1, bias=False)", "nn.BatchNorm2d(8)",
                                 "nn.LeakyReLU(0.1)", "nn.MaxPool2d(3, stride=2, padding=1)",
                                 "ResidualBlock(8, 12, stride=2, mish=False, avg_down=False)",
                                 "ResidualBlock(12, 16, stride=2, mish=True, avg_down=True)",
                                 "ResidualBlock(16, 16, stride=1, mish=False, avg_down=False)",
                                 "nn.AvgPool2d(2, stride=1, padding=1)", "nn.GELU()", "nn.AdaptiveAvgPool2d((3, 3))",
                                 "nn.ReLU()", "nn.Mish()", "nn.Flatten()", "nn.Dropout(0.2)",
                                 "nn.Linear(144, 32, bias=False)", "nn.BatchNorm1d(32)", "nn.Tanh()",
                                 "nn.Linear(32, 24, bias=True)", "nn.Sigmoid()", "nn.Linear(24, 10, bias=True)",
                                 // class names are Python string literals, whatever they hold
                                 "CLASSES = [\"zero \\\"0\\\"\", \"one\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"nine\\n9\"]"})
            QVERIFY2(py.contains(QString::fromUtf8(code)), code);
        QCOMPARE(py.count("nn.Sequential("), 1);
        QCOMPARE(QString::fromStdString(detail::pythonStateName("4.conv1.weight")), QString("layers.4.conv1.weight"));
        QCOMPARE(QString::fromStdString(detail::pythonStateName("input_mean")), QString("input_mean"));
        // lenet5 has no residual block: its model.py carries no ResidualBlock class
        info.spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        QVERIFY(!QString::fromStdString(detail::pythonModelSource(info)).contains("ResidualBlock"));
    }

    void readmeSaysInputAndClasses()
    {
        const QString pt = m_dir.filePath("readme-pt");
        exportTo(m_lenet, ExportFormat::PyTorch, pt, 1);
        QFile f(pt + "/README.txt");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains("weights after epoch 1"));
        QVERIFY(text.contains("net = model.load(\"weights.pt\")"));
        QVERIFY(text.contains("float32 [N, 1, 28, 28], values in [0, 1]"));
        QVERIFY(text.contains("  9: 9\n"));
    }

    void refusesARunWithoutCheckpoint()
    {
        TrainConfig c;
        const auto id = createRecordedRun(*m_session, m_data, "mnist10k", "lenet5", presetSpec("lenet5", 0, {1, 28, 28}, 10),
                                          c, DataConfig{}, "never trained");
        const QString out = m_dir.filePath("none");
        const QString message = errorOf([&] { exportTo(id, ExportFormat::PyTorch, out); }, ErrorCode::InvalidArgument);
        QVERIFY2(message.contains("run " + QString::number(id) + " has no checkpoint to export (status created)"),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(errorOf([&] { exportTo(99999, ExportFormat::PyTorch, out); }, ErrorCode::InvalidArgument)
                    .contains("99999"));
    }

    void refusesAnEpochWithoutCheckpoint()
    {
        const QString out = m_dir.filePath("epoch9");
        const QString message = errorOf([&] { exportTo(m_lenet, ExportFormat::Onnx, out, 9); }, ErrorCode::InvalidArgument);
        QVERIFY2(message.contains("has no checkpoint for epoch 9 (it has epochs 1, 2)"), qPrintable(message));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(exportTo(m_lenet, ExportFormat::Onnx, out, 1).epoch, 1);
    }

    void refusesAnUnwritablePlaceAndLeavesNothing()
    {
        // /proc takes no new folders, also for root: the write fails, named, nothing is left
        const QString message = errorOf([&] { exportTo(m_lenet, ExportFormat::PyTorch, "/proc/self/wb-export"); },
                                        ErrorCode::Io);
        QVERIFY2(message.contains("/proc/self: cannot create a folder there"), qPrintable(message));
        // a regular file where the folder, or a folder above it, should be
        QFile file(m_dir.filePath("plain-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(errorOf([&] { exportTo(m_lenet, ExportFormat::PyTorch, file.fileName() + "/out/deeper"); },
                        ErrorCode::InvalidArgument)
                    .endsWith("plain-file: exists and is not a folder"));
        QVERIFY(errorOf([&] { exportTo(m_lenet, ExportFormat::PyTorch, file.fileName()); }, ErrorCode::InvalidArgument)
                    .contains("exists and is not a folder"));
        QVERIFY(errorOf([&] { exportTo(m_lenet, ExportFormat::PyTorch, ""); }, ErrorCode::InvalidArgument)
                    .contains("no output folder"));
        // a name as long as a file system allows (255 bytes) fits: the temporary folder's name is short
        const QString longName = m_dir.filePath(QString(255, QChar('n')));
        QCOMPARE(exportTo(m_lenet, ExportFormat::Onnx, longName).files.size(), std::size_t(2));
        QVERIFY(QDir(m_dir.path()).entryList({".wb*"}, QDir::AllEntries | QDir::Hidden).isEmpty());
    }

    void replacesAnEarlierExportOnlyWhenAsked()
    {
        const QString out = m_dir.filePath("kept");
        exportTo(m_lenet, ExportFormat::PyTorch, out);
        const QString message = errorOf([&] { exportTo(m_lenet, ExportFormat::Onnx, out); }, ErrorCode::InvalidArgument);
        QVERIFY2(message.contains("exists and is not empty"), qPrintable(message));
        QVERIFY(QFileInfo::exists(out + "/model.py"));
        // Replaced as a whole: the PyTorch files are gone, only the ONNX export is there.
        QDir().mkpath(out + "/__pycache__"); // left by `import model`
        exportTo(m_lenet, ExportFormat::Onnx, out, 0, true);
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{"README.txt", "model.onnx"}));
        QVERIFY(QDir(m_dir.path()).entryList({".wb*"}, QDir::AllEntries | QDir::Hidden).isEmpty());
        // A folder with anything an export does not write is never replaced, even when asked.
        QFile mine(out + "/mine.txt");
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("the user's");
        mine.close();
        const QString refused = errorOf([&] { exportTo(m_lenet, ExportFormat::PyTorch, out, 0, true); },
                                        ErrorCode::InvalidArgument);
        QVERIFY2(refused.contains("holds 'mine.txt', which no export writes"), qPrintable(refused));
        QCOMPARE(QString::fromStdString(exportOutputProblem(out.toStdString(), true)), refused);
        QVERIFY(exportOutputProblem(m_dir.filePath("new/sub").toStdString(), false).empty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath("new"))); // checking creates nothing
        QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), (QStringList{"README.txt", "mine.txt", "model.onnx"}));
        // an empty folder is simply used
        const QString empty = m_dir.filePath("empty");
        QDir().mkpath(empty);
        QCOMPARE(exportTo(m_lenet, ExportFormat::Onnx, empty).files.size(), std::size_t(2));
    }

    void aCheckpointThatDoesNotFitWritesNothing()
    {
        const auto checkpoint = m_session->checkpoint(m_lenet);
        QVERIFY(checkpoint);
        const ModelSpec other = presetSpec("lenet5", 12, {1, 28, 28}, 10);
        try {
            detail::torchStateDict(other, checkpoint->model);
            QFAIL("a checkpoint of another shape was exported");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::Runtime));
            QVERIFY(QString(e.what()).contains("the saved weights do not fit this network: "));
        }
        QVERIFY_THROWS_EXCEPTION(Error, detail::checkpointArrays(other, checkpoint->model));
        QVERIFY_THROWS_EXCEPTION(Error, detail::checkpointArrays(other, "garbage"));
    }

    void formatNames()
    {
        QCOMPARE(int(parseExportFormat("onnx")), int(ExportFormat::Onnx));
        QCOMPARE(int(parseExportFormat("pytorch")), int(ExportFormat::PyTorch));
        QVERIFY(errorOf([] { parseExportFormat("tf"); }, ErrorCode::InvalidArgument).contains("expected pytorch or onnx"));
        QVERIFY(onnxExportAvailable());
    }
};

QTEST_GUILESS_MAIN(tst_ModelExport)
#include "tst_modelexport.moc"
