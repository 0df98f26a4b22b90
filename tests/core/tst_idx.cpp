#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/idx.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace wb::core;

class tst_Idx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }
    void writeRaw(const std::string &p, const std::string &bytes) const
    {
        std::ofstream(p, std::ios::binary) << bytes;
    }
    static void expectBadData(const std::function<void()> &f, const char *fragment)
    {
        try {
            f();
            QFAIL("expected an Error(BadData)");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::BadData));
            const QString msg = QString::fromStdString(e.what());
            if (!msg.contains(QLatin1String(fragment)))
                QFAIL(qPrintable("message lacks '" + QString(fragment) + "': " + msg));
        }
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "a-idx3-ubyte";
        QTest::newRow("gzip") << "a-idx3-ubyte.gz";
    }
    void roundTrip()
    {
        QFETCH(QString, name);
        IdxArray a{{3, 2, 4}, {}};
        for (int i = 0; i < 24; ++i)
            a.data.push_back(std::uint8_t(i * 10));
        writeIdx(path(qPrintable(name)), a);
        const IdxArray b = readIdx(path(qPrintable(name)));
        QCOMPARE(b.dims, a.dims);
        QCOMPARE(b.data, a.data);
    }

    void datasetFromIdxFolder()
    {
        QTemporaryDir dir;
        const auto p = [&](const char *n) { return dir.filePath(n).toStdString(); };
        writeIdx(p("train-images-idx3-ubyte.gz"), {{4, 2, 2}, std::vector<std::uint8_t>(16, 7)});
        writeIdx(p("train-labels-idx1-ubyte.gz"), {{4}, {0, 1, 2, 1}});
        writeIdx(p("t10k-images-idx3-ubyte"), {{2, 2, 2}, std::vector<std::uint8_t>(8, 9)});
        writeIdx(p("t10k-labels-idx1-ubyte"), {{2}, {2, 0}});
        std::ofstream(p("classes.txt")) << "cat\ndog\nbird\n";
        std::vector<SkippedFile> skipped;
        const DatasetPair d = loadDataset(dir.path().toStdString(), {}, skipped);
        QCOMPARE(d.train.size(), std::size_t(4));
        QCOMPARE(d.test.size(), std::size_t(2));
        QCOMPARE(d.train.classNames, (std::vector<std::string>{"cat", "dog", "bird"}));
        QCOMPARE(d.test.labels, (std::vector<std::int64_t>{2, 0}));
        QCOMPARE(d.train.channels, 1);
        QCOMPARE(d.train.height, 2);
    }

    void realMnistSubset()
    {
        std::vector<SkippedFile> skipped;
        const DatasetPair d = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        QCOMPARE(d.train.size(), std::size_t(8000));
        QCOMPARE(d.test.size(), std::size_t(2000));
        QCOMPARE(d.train.height, 28);
        // Class counts over all 10,000 as documented in shared/data/mnist10k/README.md.
        std::vector<int> counts(10, 0);
        for (auto l : d.train.labels)
            ++counts[std::size_t(l)];
        for (auto l : d.test.labels)
            ++counts[std::size_t(l)];
        QCOMPARE(counts, (std::vector<int>{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}));
    }

    void badMagic()
    {
        writeRaw(path("magic"), std::string("\x01\x02\x08\x01\x00\x00\x00\x01\x05", 9));
        expectBadData([&] { readIdx(path("magic")); }, "bad magic");
    }
    void badType()
    {
        writeRaw(path("type"), std::string("\x00\x00\x0d\x01\x00\x00\x00\x01\x05", 9));
        expectBadData([&] { readIdx(path("type")); }, "element type");
    }
    void badRank()
    {
        writeRaw(path("rank"), std::string("\x00\x00\x08\x07", 4));
        expectBadData([&] { readIdx(path("rank")); }, "rank 7");
    }
    void truncatedPlain()
    {
        writeRaw(path("trunc"), std::string("\x00\x00\x08\x01\x00\x00\x00\x0a\x01\x02", 10));
        expectBadData([&] { readIdx(path("trunc")); }, "truncated");
    }
    void truncatedGzip()
    {
        IdxArray a{{100}, std::vector<std::uint8_t>(100, 1)};
        writeIdx(path("full.gz"), a);
        std::ifstream in(path("full.gz"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        writeRaw(path("cut.gz"), bytes.substr(0, bytes.size() / 2));
        expectBadData([&] { readIdx(path("cut.gz")); }, "");
    }
    void truncatedHeader()
    {
        writeRaw(path("hdr"), std::string("\x00\x00\x08\x03\x00\x00", 6));
        expectBadData([&] { readIdx(path("hdr")); }, "header truncated");
    }
    void hugeDims()
    {
        // 60000 x 100000 x 100000 bytes: refused from the header, nothing allocated.
        writeRaw(path("huge"), std::string("\x00\x00\x08\x03\x00\x00\xea\x60\x00\x01\x86\xa0"
                                           "\x00\x01\x86\xa0", 16));
        expectBadData([&] { readIdx(path("huge")); }, "exceeds");
    }
    void trailingData()
    {
        writeRaw(path("extra"), std::string("\x00\x00\x08\x01\x00\x00\x00\x01\x05\x06", 10));
        expectBadData([&] { readIdx(path("extra")); }, "beyond");
    }
    void countMismatch()
    {
        writeIdx(path("img"), {{3, 2, 2}, std::vector<std::uint8_t>(12, 0)});
        writeIdx(path("lbl"), {{2}, {0, 1}});
        expectBadData([&] { readIdxDataset(path("img"), path("lbl")); }, "2 labels");
    }
    void labelsWrongRank()
    {
        writeIdx(path("img2"), {{2, 2, 2}, std::vector<std::uint8_t>(8, 0)});
        writeIdx(path("lbl2"), {{2, 1}, {0, 1}});
        expectBadData([&] { readIdxDataset(path("img2"), path("lbl2")); }, "rank 1");
    }
    void missingFile() { expectBadData([&] { readIdx(path("nope")); }, "no such file"); }
    void missingDatasetDir()
    {
        std::vector<SkippedFile> skipped;
        expectBadData([&] { loadDataset(path("nodir"), {}, skipped); }, "not a directory");
    }
};

QTEST_GUILESS_MAIN(tst_Idx)
#include "tst_idx.moc"
