#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/network.h"

#include <QtTest>

using namespace wb::core;

class tst_ModelSpec : public QObject
{
    Q_OBJECT

private:
    static QString specError(const std::string &json)
    {
        try {
            inferShapes(parseModelSpec(json));
        } catch (const Error &e) {
            if (e.code() != ErrorCode::BadSpec)
                return "wrong code: " + QString::fromStdString(e.what());
            return QString::fromStdString(e.what());
        }
        return "no error";
    }

private Q_SLOTS:
    void presets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::addColumn<qint64>("features");
        for (const auto &p : presetNames()) {
            const QString n = QString::fromStdString(p);
            QTest::newRow(qPrintable(n + " 1x28")) << n << 0 << 1 << 28 << qint64(-1);
            QTest::newRow(qPrintable(n + " 3x32")) << n << 0 << 3 << 32 << qint64(-1);
        }
        QTest::newRow("cnn width 8") << "cnn" << 8 << 1 << 28 << qint64(32);
        QTest::newRow("mlp width 64") << "mlp" << 64 << 1 << 28 << qint64(32);
        QTest::newRow("resnet18 width 8") << "resnet18" << 8 << 3 << 32 << qint64(64);
    }
    void presets()
    {
        QFETCH(QString, name);
        QFETCH(int, width);
        QFETCH(int, channels);
        QFETCH(int, size);
        QFETCH(qint64, features);
        const ModelSpec spec = presetSpec(name.toStdString(), width, {channels, size, size}, 10);
        const ShapeReport r = inferShapes(spec);
        QCOMPARE(r.layers.back().output, (std::vector<std::int64_t>{10}));
        if (features >= 0)
            QCOMPARE(r.featureDim, features);
        // The analytic count must equal what LibTorch allocates for the same layers.
        const Network net(spec, 1);
        QCOMPARE(r.totalParameters, net.parameterCount());
        // The JSON form round-trips.
        QCOMPARE(toJson(parseModelSpec(toJson(spec))), toJson(spec));
    }

    void handCountedPresets()
    {
        // LeNet-5 (28x28, pad 2): 156 + 2416 + 48120 + 10164 + 850, counted by hand.
        QCOMPARE(inferShapes(presetSpec("lenet5", 0, {1, 28, 28}, 10)).totalParameters,
                 qint64(61706));
        // tutorial-cnn: conv 1→6 k5 (156), 6→16 k5 (2416), 6400→120 (768120), 120→84, 84→10.
        const ShapeReport t = inferShapes(presetSpec("tutorial-cnn", 0, {1, 28, 28}, 10));
        QCOMPARE(t.totalParameters, qint64(156 + 2416 + 768120 + 10164 + 850));
        QCOMPARE(t.layers[4].output, (std::vector<std::int64_t>{6400}));
        QCOMPARE(t.featureDim, qint64(84));
        QCOMPARE(inferShapes(presetSpec("linear", 0, {1, 28, 28}, 10)).totalParameters,
                 qint64(7850));
        // xresnet18 on 128 px colour images: 11,200,874 parameters, as the same network written
        // independently in Python's torch.nn counts them (3-conv stem 32-32-64, max pool, average-pool
        // shortcuts with a 1x1 conv where the channels change); the first stage at 32 px, the
        // last at 4 px.
        const ShapeReport x = inferShapes(presetSpec("xresnet18", 0, {3, 128, 128}, 10));
        QCOMPARE(x.totalParameters, qint64(11200874));
        QCOMPARE(x.layers[9].output, (std::vector<std::int64_t>{64, 32, 32}));
        QCOMPARE(x.layers[17].output, (std::vector<std::int64_t>{512, 4, 4}));
        // Small images keep their size in the stem (no stride, no max pool).
        const ShapeReport small = inferShapes(presetSpec("xresnet18", 0, {1, 28, 28}, 10));
        QCOMPARE(small.layers[9].output, (std::vector<std::int64_t>{64, 28, 28}));
        // A residual flag other than 0 or 1 is refused, naming it.
        ModelSpec bad = presetSpec("xresnet18", 8, {1, 28, 28}, 10);
        bad.layers[9].params["mish"] = 2;
        QVERIFY_THROWS_EXCEPTION(Error, inferShapes(bad));
    }

    void featuresHaveFeatureDim()
    {
        const ModelSpec spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        const Network net(spec, 3);
        ImageDataset d;
        d.channels = 1;
        d.height = d.width = 28;
        d.pixels.assign(5 * 784, 128);
        d.labels.assign(5, 0);
        d.classNames.assign(10, "c");
        std::int64_t dim = 0;
        const auto f = net.features(d, {}, &dim);
        QCOMPARE(dim, qint64(84));
        QCOMPARE(f.size(), std::size_t(5 * 84));
        QCOMPARE(net.logits(d, {0, 1}).size(), std::size_t(20));
    }

    void brokenSpecs_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("linear inputs")
            << R"({"input":[1,28,28],"classes":10,"layers":[{"type":"conv2d","out":16,"kernel":5},
                 {"type":"relu"},{"type":"maxpool2d","kernel":2},{"type":"flatten"},
                 {"type":"linear","in":6400,"out":10}]})"
            << "layer 5 (linear): expects 6400 inputs, receives 2304";
        QTest::newRow("missing flatten")
            << R"({"input":[1,28,28],"classes":10,"layers":[{"type":"linear","out":10}]})"
            << "layer 1 (linear): expects a flat input, receives [1,28,28] (add a flatten";
        QTest::newRow("kernel too big")
            << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"conv2d","out":2,"kernel":5}]})"
            << "layer 1 (conv2d): kernel 5 does not fit the height 4";
        QTest::newRow("unknown type")
            << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"conv3d"}]})"
            << "layer 1 (conv3d): unknown layer type";
        QTest::newRow("unknown param")
            << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"flatten","dim":2}]})"
            << "layer 1 (flatten): unknown parameter 'dim'";
        QTest::newRow("missing out")
            << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"flatten"},{"type":"linear"}]})"
            << "layer 2 (linear): needs 'out'";
        QTest::newRow("fractional")
            << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"flatten"},{"type":"linear","out":2.5}]})"
            << "layer 2 (linear): 'out' must be an integer";
        QTest::newRow("wrong class count")
            << R"({"input":[1,4,4],"classes":3,"layers":[{"type":"flatten"},{"type":"linear","out":2}]})"
            << "outputs [2], expected [3]";
        QTest::newRow("bn channels")
            << R"({"input":[3,4,4],"classes":2,"layers":[{"type":"batchnorm2d","features":4},
                 {"type":"flatten"},{"type":"linear","out":2}]})"
            << "layer 1 (batchnorm2d): expects 4 features, receives 3";
        QTest::newRow("bad json") << R"({"input":[1,4,4],)" << "invalid JSON";
        QTest::newRow("bad input") << R"({"input":[1,4],"layers":[]})" << "'input' must be [C, H, W]";
        QTest::newRow("no layers") << R"({"input":[1,4,4],"classes":2,"layers":[]})"
                                   << "the network has no layers";
        QTest::newRow("dropout p") << R"({"input":[1,4,4],"classes":2,"layers":[{"type":"dropout","p":1.5},
                 {"type":"flatten"},{"type":"linear","out":2}]})"
                                   << "layer 1 (dropout): 'p' must be in [0, 1)";
    }
    void brokenSpecs()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const QString got = specError(json.toStdString());
        if (!got.contains(message))
            QFAIL(qPrintable("expected '" + message + "' in: " + got));
    }

    // A syntax error names its line and column and shows a line break as \n, not "<U+000A>".
    void syntaxErrorIsReadable()
    {
        try {
            parseModelSpec("{\n  \"classes\": tru\n}", "JSON");
            QFAIL("expected BadSpec");
        } catch (const Error &e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith("JSON: invalid JSON (parse error at line "), qPrintable(m));
            QVERIFY2(!m.contains("<U+") && m.contains("tru\\n'") && m.contains("line 3"), qPrintable(m));
        }
    }

    void everyLayerTypeBuilds()
    {
        const std::string json = R"({"input":[3,16,16],"classes":4,"layers":[
            {"type":"conv2d","out":8,"kernel":3,"padding":1},{"type":"batchnorm2d"},
            {"type":"leakyrelu","slope":0.1},{"type":"residual","out":8},
            {"type":"residual","out":16,"stride":2},{"type":"maxpool2d","kernel":2},
            {"type":"avgpool2d","kernel":2,"stride":1},{"type":"gelu"},{"type":"mish"},
            {"type":"adaptiveavgpool2d","output":2},{"type":"flatten"},{"type":"dropout","p":0.2},
            {"type":"linear","out":12},{"type":"batchnorm1d"},{"type":"tanh"},{"type":"sigmoid"},
            {"type":"relu"},{"type":"linear","in":12,"out":4}]})";
        const ModelSpec spec = parseModelSpec(json);
        const ShapeReport r = inferShapes(spec);
        QCOMPARE(r.layers[4].output, (std::vector<std::int64_t>{16, 8, 8}));
        QCOMPARE(r.layers[6].output, (std::vector<std::int64_t>{16, 3, 3}));
        QCOMPARE(r.featureDim, qint64(12));
        QCOMPARE(Network(spec, 1).parameterCount(), r.totalParameters);
        QCOMPARE(int(layerTypes().size()), 16);
    }

    void partialCheckMarksTheLayer()
    {
        ModelSpec spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        spec.layers[7].params["in"] = 300; // the first linear layer really receives 400
        const ShapeCheck c = checkShapes(spec);
        QVERIFY(!c.ok());
        QCOMPARE(c.errorLayer, 7);
        QCOMPARE(c.report.layers.size(), std::size_t(7)); // shapes up to the faulty layer
        QCOMPARE(c.report.layers[6].output, (std::vector<std::int64_t>{400}));
        spec.layers[7].params.erase("in");
        spec.classes = 5; // now only the final output is wrong: a whole-network problem
        const ShapeCheck d = checkShapes(spec);
        QCOMPARE(d.errorLayer, -1);
        QVERIFY(QString::fromStdString(d.message).contains("expected [5]"));
        QVERIFY(checkShapes(presetSpec("mlp", 0, {1, 28, 28}, 10)).ok());
    }

    void presetErrors()
    {
        QVERIFY_THROWS_EXCEPTION(Error, presetSpec("vgg", 0, {1, 28, 28}, 10));
        QVERIFY_THROWS_EXCEPTION(Error, presetSpec("linear", 32, {1, 28, 28}, 10));
    }
};

QTEST_GUILESS_MAIN(tst_ModelSpec)
#include "tst_modelspec.moc"
