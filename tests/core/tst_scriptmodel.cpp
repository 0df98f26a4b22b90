// A user's TorchScript model: reading and refusing files, scratch initialisation, freezing,
// a new head, seeded reproducibility on several threads, the spec's JSON, and an export that
// Python's torch.jit.load runs to the same logits. The model files are written at test time
// by tests/scriptmodels/make_models.py with Debian's python3-torch.
#include "model/tensorio.h"
#include "util/sha256.h"

#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/modelexport.h"
#include "wb/network.h"
#include "wb/progress.h"
#include "wb/scriptmodel.h"
#include "wb/session.h"
#include "wb/trainer.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <thread>

using namespace wb::core;

namespace {

QString python() { return QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::map<std::string, torch::Tensor> stateOf(const std::string &bytes)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto &[name, t] : wb::core::detail::readTensors(bytes))
        out[name] = t;
    return out;
}

} // namespace

class tst_ScriptModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DatasetPair m_mnist;
    TrainData m_data;

    std::string file(const char *name) const { return (m_dir.path() + "/" + name).toStdString(); }
    ModelSpec import(const char *name, ScriptModel options = {}) const
    {
        return importScriptModel(file(name), options, {1, 28, 28}, 10);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(python(), {WB_SOURCE_DIR "/tests/scriptmodels/make_models.py", m_dir.path()});
        QVERIFY2(p.waitForFinished(300000) && p.exitCode() == 0, p.readAll().constData());
        std::vector<SkippedFile> skipped;
        m_mnist = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        DataConfig dc;
        dc.trainLimit = 2000;
        dc.testLimit = 1000;
        dc.valFraction = 0;
        const DataSelection sel = selectData(m_mnist, dc);
        m_data = {&m_mnist.train, sel.train, sel.validation, &m_mnist.test, sel.test};
    }

    // FIPS 180-4 / RFC 4648 test vectors, not values this code computed.
    void sha256AndBase64KnownVectors()
    {
        QCOMPARE(wb::core::detail::sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(wb::core::detail::sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(wb::core::detail::sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
        QCOMPARE(wb::core::detail::base64Encode("foobar"), std::string("Zm9vYmFy"));
        QCOMPARE(wb::core::detail::base64Encode("fooba"), std::string("Zm9vYmE="));
        QCOMPARE(wb::core::detail::base64Encode("foob"), std::string("Zm9vYg=="));
        std::string back;
        QVERIFY(wb::core::detail::base64Decode("Zm9vYg==", back));
        QCOMPARE(back, std::string("foob"));
        QVERIFY(!wb::core::detail::base64Decode("Zm9v!g==", back));
    }

    // The same LeNet-5 written in PyTorch: as many parameters as the built-in lenet5, and
    // trained the same way it learns the digits as well (within noise).
    void scriptedLeNetLearnsLikeTheBuiltIn()
    {
        const ModelSpec script = import("lenet.pt");
        const ModelSpec builtIn = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        QCOMPARE(inferShapes(script).totalParameters, inferShapes(builtIn).totalParameters);
        const ScriptModelReport report = inspectScriptModel(script);
        QCOMPARE(report.output, (std::vector<std::int64_t>{2, 10}));
        QCOMPARE(report.featureDim, std::int64_t(84));
        QCOMPARE(QString::fromStdString(report.features), QString("its features(x) method"));
        TrainConfig c;
        c.epochs = 3;
        c.optimizer = "adam";
        c.lr = 2e-3;
        c.seed = 7;
        CancelFlagSink sink;
        const TrainResult a = train(script, c, m_data, sink);
        const TrainResult b = train(builtIn, c, m_data, sink);
        QCOMPARE(a.status, RunStatus::Completed);
        QVERIFY2(a.test->accuracy > 0.88, std::to_string(a.test->accuracy).c_str());
        QVERIFY2(std::abs(a.test->accuracy - b.test->accuracy) < 0.04,
                 (std::to_string(a.test->accuracy) + " vs " + std::to_string(b.test->accuracy)).c_str());
    }

    // --init scratch: Conv/Linear weights U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as PyTorch draws
    // them, batch norm reset, a pure function of the seed.
    void scratchInitialisationIsSeeded()
    {
        const ModelSpec spec = import("smallres.pt", [] { ScriptModel o; o.newHead = true; return o; }());
        const auto a = stateOf(Network(spec, 1).saveState());
        const auto b = stateOf(Network(spec, 1).saveState());
        const auto c = stateOf(Network(spec, 2).saveState());
        QVERIFY(a.count("script:layer2:conv1:weight"));
        for (const auto &[name, t] : a)
            QVERIFY2(torch::equal(t, b.at(name)), name.c_str());
        const auto w = a.at("script:layer2:conv1:weight"); // [16, 8, 3, 3]: fan_in 72
        QVERIFY(!torch::equal(w, c.at("script:layer2:conv1:weight")));
        const double bound = 1.0 / std::sqrt(72.0);
        QVERIFY(w.abs().max().item<double>() <= bound);
        QVERIFY(std::abs(w.std().item<double>() - bound / std::sqrt(3.0)) < 0.1 * bound / std::sqrt(3.0));
        QVERIFY(torch::equal(a.at("script:layer2:bn1:weight"), torch::ones({16})));
        QVERIFY(torch::equal(a.at("script:layer2:bn1:running_var"), torch::ones({16})));
        QCOMPARE(a.at("script:fc:weight").size(0), std::int64_t(10)); // the new head
    }

    // Fine-tuning: frozen parameters and the running statistics of frozen batch norms end as
    // they started (the file's), the rest trains.
    void frozenPartsStayAsInTheFile()
    {
        ScriptModel o;
        o.init = "file";
        o.newHead = true;
        o.freeze = {"stem", "layer1"};
        const ModelSpec spec = import("smallres.pt", o);
        QCOMPARE(inferShapes(spec).totalParameters, inspectScriptModel(spec).trainable);
        QVERIFY(inspectScriptModel(spec).trainable < inspectScriptModel(spec).parameters);
        const auto before = stateOf(Network(spec, 3).saveState());
        TrainConfig c;
        c.epochs = 1;
        c.seed = 3;
        TrainData d = m_data;
        d.trainIndices.resize(600);
        d.keepFinalState = true;
        CancelFlagSink sink;
        const TrainResult r = train(spec, c, d, sink);
        QCOMPARE(r.status, RunStatus::Completed);
        const auto after = stateOf(r.finalState);
        for (const char *frozen : {"script:stem:0:weight", "script:stem:1:running_mean", "script:stem:1:running_var",
                                   "script:layer1:bn2:weight", "script:layer1:bn2:running_mean"})
            QVERIFY2(torch::equal(before.at(frozen), after.at(frozen)), frozen);
        for (const char *trained : {"script:fc:weight", "script:layer3:conv1:weight", "script:layer3:bn1:running_mean"})
            QVERIFY2(!torch::equal(before.at(trained), after.at(trained)), trained);
    }

    // A module with dropout draws from LibTorch's one generator: runs on two threads at once
    // must give exactly what they give one after the other.
    void stochasticModelIsReproducibleOnThreads()
    {
        const ModelSpec spec = import("smallres.pt", [] { ScriptModel o; o.newHead = true; return o; }());
        QVERIFY(inspectScriptModel(spec).stochastic);
        TrainConfig c;
        c.epochs = 1;
        TrainData d = m_data;
        d.trainIndices.resize(256);
        d.testIndices.resize(200);
        auto run = [&](std::uint64_t seed) {
            TrainConfig cs = c;
            cs.seed = seed;
            CancelFlagSink sink;
            return train(spec, cs, d, sink);
        };
        const TrainResult a1 = run(11), b1 = run(12);
        TrainResult a2, b2;
        std::thread ta([&] { a2 = run(11); });
        std::thread tb([&] { b2 = run(12); });
        ta.join();
        tb.join();
        QCOMPARE(a1.history.batches.size(), a2.history.batches.size());
        for (std::size_t i = 0; i < a1.history.batches.size(); ++i) {
            QCOMPARE(a1.history.batches[i].loss, a2.history.batches[i].loss); // bit-identical
            QCOMPARE(b1.history.batches[i].loss, b2.history.batches[i].loss);
        }
        QVERIFY(a1.history.batches.back().loss != b1.history.batches.back().loss);
    }

    // The spec carries the file; a damaged copy is named, not loaded.
    void specJsonCarriesTheFile()
    {
        ScriptModel o;
        o.init = "file";
        o.freeze = {"conv1"};
        const ModelSpec spec = import("lenet.pt", o);
        const std::string json = toJson(spec);
        const ModelSpec back = parseModelSpec(json);
        QVERIFY(back.isScript());
        QCOMPARE(back.script->bytes, spec.script->bytes);
        QCOMPARE(back.script->sha256, wb::core::detail::sha256Hex(spec.script->bytes));
        QCOMPARE(back.script->freeze, o.freeze);
        QCOMPARE(back.script->init, std::string("file"));
        std::string damaged = json;
        const auto at = damaged.find("\"bytes_base64\": \"") + 400;
        damaged[at] = damaged[at] == 'A' ? 'B' : 'A';
        try {
            parseModelSpec(damaged, "session");
            QFAIL("a damaged model file was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("lenet.pt carried here is damaged"), e.what());
        }
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("expected");
        QTest::newRow("checkpoint") << "checkpoint.pt" << "" << "checkpoint written by torch.save";
        QTest::newRow("legacy pickle") << "legacy.pt" << "" << "a Python pickle";
        QTest::newRow("onnx") << "model.onnx" << "" << "an ONNX model";
        QTest::newRow("unknown operator") << "unknown_op.pt" << "" << "operator aten::wb_missing_op";
        QTest::newRow("output not [N,K]") << "bad_output.pt" << "" << "returns [2, 10, 1] for 2 images";
        QTest::newRow("NaN") << "nan.pt" << "" << "NaN or infinite logits";
        QTest::newRow("wrong channels") << "three_channels.pt" << "" << "to have 3 channels, but got 1";
        QTest::newRow("garbage") << "garbage.pt" << "" << "not a TorchScript archive";
        QTest::newRow("truncated") << "truncated.pt" << "" << "truncated";
        QTest::newRow("1000 classes") << "smallres.pt" << "" << "outputs 1000 classes, the dataset has 10: give --new-head";
        QTest::newRow("freeze matches nothing") << "lenet.pt" << "freeze:conv9" << "--freeze conv9 matches no parameter";
        QTest::newRow("all frozen") << "lenet.pt" << "freeze:conv1,conv2,fc1,fc2,fc3" << "no parameter is left to train";
        QTest::newRow("integer logits") << "int_logits.pt" << "" << "returns Long logits; expected float logits";
        QTest::newRow("detached logits") << "detached.pt" << "" << "do not depend on the parameters that train";
        QTest::newRow("right only for 2 images") << "rows_for_two.pt" << "" << "returns [1, 10] for 3 images but [2, 10] for 2";
        QTest::newRow("tensor shorter than its shape") << "short_tensor.pt" << "" << "the tensor conv1.weight is damaged";
        QTest::newRow("new head, forward still fails") << "three_channels.pt" << "head" << "to have 3 channels";
    }

    void badFilesAreNamed()
    {
        QFETCH(QString, file);
        QFETCH(QString, options);
        QFETCH(QString, expected);
        ScriptModel o;
        if (options.startsWith("freeze:"))
            for (const auto &p : options.mid(7).split(','))
                o.freeze.push_back(p.toStdString());
        o.newHead = options == "head";
        try {
            import(file.toUtf8().constData(), o);
            QFAIL("accepted");
        } catch (const Error &e) {
            QCOMPARE(e.code(), ErrorCode::BadSpec);
            QVERIFY2(QString(e.what()).contains(expected), e.what());
            QVERIFY2(QString(e.what()).startsWith(file), e.what()); // names the file
            QVERIFY2(!QString(e.what()).contains("frame #"), e.what()); // no LibTorch stack trace
        }
    }

    // Penultimate features: the features method, else the input of the last nn.Linear when
    // the logits are that layer's output, else a reason.
    void featuresComeFromWhereTheySay()
    {
        QCOMPARE(inspectScriptModel(import("smallres.pt", [] { ScriptModel o; o.newHead = true; return o; }())).features,
                 std::string("the input of its last nn.Linear (fc)"));
        const auto nofeat = inspectScriptModel(import("nofeat.pt"));
        QCOMPARE(nofeat.featureDim, std::int64_t(0));
        QVERIFY2(QString::fromStdString(nofeat.features).contains("something follows its last nn.Linear (fc2)"),
                 nofeat.features.c_str());
        QVERIFY(inspectScriptModel(import("lenet_traced.pt")).traced);
        QVERIFY(!inspectScriptModel(import("lenet.pt")).traced);
    }

    // The export of a run of a TorchScript model: Python's torch.jit.load gives the logits the
    // workbench computes.
    void exportRunsInPythonToTheSameLogits()
    {
        const QString sessionPath = m_dir.path() + "/export.wbs";
        Session session(sessionPath.toStdString(), Session::Mode::Create);
        ScriptModel o;
        o.init = "file";
        o.newHead = true;
        o.freeze = {"stem"};
        const ModelSpec spec = import("smallres.pt", o);
        TrainConfig c;
        c.epochs = 1;
        DataConfig dc;
        dc.dataset = WB_TEST_SHARED_DATA "/mnist10k";
        dc.trainLimit = 300;
        dc.testLimit = 64;
        dc.valFraction = 0;
        const auto id = createRecordedRun(session, m_mnist, "mnist10k", "smallres", spec, c, dc);
        CancelFlagSink sink;
        trainRecordedRun(session, id, m_mnist, sink);
        ExportOptions eo;
        eo.runId = id;
        eo.output = (m_dir.path() + "/exported").toStdString();
        const ExportResult r = exportRun(session, eo);
        QCOMPARE(r.files, (std::vector<std::string>{"model.pt", "README.txt"}));
        Network net(spec, 0);
        net.loadState(session.checkpoint(id)->model);
        std::vector<std::size_t> idx(64);
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        const std::vector<float> logits = net.logits(m_mnist.test, idx);
        QFile images(m_dir.path() + "/images.u8"), expected(m_dir.path() + "/logits.f32");
        QVERIFY(images.open(QIODevice::WriteOnly) && expected.open(QIODevice::WriteOnly));
        images.write(reinterpret_cast<const char *>(m_mnist.test.pixels.data()), 64 * 28 * 28);
        expected.write(reinterpret_cast<const char *>(logits.data()), qint64(logits.size() * sizeof(float)));
        images.close();
        expected.close();
        const QString check = QString(R"(
import sys, numpy as np, torch
d = sys.argv[1]
net = torch.jit.load(d + "/exported/model.pt").eval()
x = torch.from_numpy(np.fromfile(d + "/images.u8", dtype=np.uint8).reshape(64, 1, 28, 28).astype(np.float32) / 255)
want = np.fromfile(d + "/logits.f32", dtype=np.float32).reshape(64, 10)
got = net.predict(x).detach().numpy()
err = float(np.abs(got - want).max())
print("max difference", err)
sys.exit(0 if err < 1e-4 and (got.argmax(1) == want.argmax(1)).all() else 1)
)");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(python(), {"-c", check, m_dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
    }
};

QTEST_GUILESS_MAIN(tst_ScriptModel)
#include "tst_scriptmodel.moc"
