#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/imagefolder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <stb_image_write.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace wb::core;

class tst_ImageFolder : public QObject
{
    Q_OBJECT

private:
    static void writePng(const QString &path, int w, int h, int comp, std::uint8_t value)
    {
        std::vector<std::uint8_t> px(std::size_t(w * h * comp), value);
        QVERIFY(stbi_write_png(qPrintable(path), w, h, comp, px.data(), w * comp));
    }

private Q_SLOTS:
    void readsClassesAndReportsBadFiles()
    {
        QTemporaryDir dir;
        QDir root(dir.path());
        root.mkpath("cats");
        root.mkpath("dogs");
        writePng(root.filePath("cats/a.png"), 10, 12, 1, 200);
        writePng(root.filePath("cats/b.png"), 28, 28, 1, 100);
        writePng(root.filePath("dogs/c.png"), 5, 5, 1, 50);
        std::ofstream(root.filePath("dogs/broken.png").toStdString()) << "not a png at all";
        std::ofstream(root.filePath("dogs/notes.txt").toStdString()) << "ignored";

        std::vector<SkippedFile> skipped;
        const ImageDataset d = readImageFolder(dir.path().toStdString(), {1, 28, 28}, skipped);
        QCOMPARE(d.size(), std::size_t(3));
        QCOMPARE(d.classNames, (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(d.labels, (std::vector<std::int64_t>{0, 0, 1}));
        QCOMPARE(d.channels, 1);
        QCOMPARE(d.height, 28);
        // A uniform image stays uniform after resizing.
        QCOMPARE(int(d.image(0)[0]), 200);
        QCOMPARE(int(d.image(2)[27 * 28 + 27]), 50);
        QCOMPARE(skipped.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(skipped[0].path).endsWith("broken.png"));
    }

    void autoChannelsPicksRgb()
    {
        QTemporaryDir dir;
        QDir root(dir.path());
        root.mkpath("a");
        root.mkpath("b");
        writePng(root.filePath("a/x.png"), 8, 8, 3, 30);
        writePng(root.filePath("b/y.png"), 8, 8, 1, 60);
        std::vector<SkippedFile> skipped;
        const ImageDataset d = readImageFolder(dir.path().toStdString(), {0, 8, 8}, skipped);
        QCOMPARE(d.channels, 3);
        QCOMPARE(d.pixels.size(), std::size_t(2 * 3 * 64));
        QCOMPARE(int(d.image(1)[2 * 64]), 60); // gray expanded to all three planes
    }

    void trainTestFolders()
    {
        QTemporaryDir dir;
        QDir root(dir.path());
        for (const char *p : {"train/a", "train/b", "test/b"})
            root.mkpath(p);
        writePng(root.filePath("train/a/1.png"), 4, 4, 1, 1);
        writePng(root.filePath("train/b/2.png"), 4, 4, 1, 2);
        writePng(root.filePath("test/b/3.png"), 4, 4, 1, 3);
        std::vector<SkippedFile> skipped;
        const DatasetPair d = loadDataset(dir.path().toStdString(), {0, 4, 4}, skipped);
        QCOMPARE(d.train.size(), std::size_t(2));
        QCOMPARE(d.test.size(), std::size_t(1));
        QCOMPARE(d.test.labels[0], std::int64_t(1)); // "b" is class 1 of the train set
    }

    void noReadableImage()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("only");
        std::ofstream(QDir(dir.path()).filePath("only/bad.jpg").toStdString()) << "xx";
        std::vector<SkippedFile> skipped;
        try {
            readImageFolder(dir.path().toStdString(), {}, skipped);
            QFAIL("expected BadData");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::BadData));
        }
        QCOMPARE(skipped.size(), std::size_t(1));
    }

    // A folder that is neither layout: the message names both (IDX and image folders).
    void neitherLayoutNamesBoth()
    {
        QTemporaryDir dir;
        std::ofstream(QDir(dir.path()).filePath("notes.txt").toStdString()) << "not images";
        std::vector<SkippedFile> skipped;
        try {
            loadDataset(dir.path().toStdString(), {}, skipped);
            QFAIL("expected BadData");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::BadData));
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith(dir.path()) && m.contains("not a dataset") && m.contains("train-images-idx3-ubyte")
                         && m.contains("root/<class>/*.png"),
                     qPrintable(m));
        }
    }

    // Issue 13: hostile folders. A symbolic link loop and a dangling link are skipped with
    // their reason, never a raw filesystem error; a class folder whose name is not UTF-8
    // gets a name JSON and terminals accept; a tiny PNG declaring 20,000 x 20,000 pixels
    // is refused before it is decoded.
    void hostileFoldersAndImages()
    {
        QTemporaryDir dir;
        QDir root(dir.path());
        const std::string badName = std::string("caf\xC3") + "\xFF" + "\x1B[31m"; // invalid UTF-8, ESC
        QVERIFY(root.mkpath("ok"));
        QVERIFY(::mkdir((dir.path().toStdString() + "/" + badName).c_str(), 0755) == 0);
        writePng(root.filePath("ok/a.png"), 6, 6, 1, 10);
        const std::vector<std::uint8_t> px(36, 20);
        QVERIFY(stbi_write_png((dir.path().toStdString() + "/" + badName + "/b.png").c_str(), 6, 6, 1, px.data(), 6));
        QVERIFY(::symlink("loop", root.filePath("loop").toUtf8().constData()) == 0);      // a class-level loop
        QVERIFY(::symlink("x.png", root.filePath("ok/x.png").toUtf8().constData()) == 0); // an image-level loop
        QVERIFY(::symlink("/nonexistent/y.png", root.filePath("ok/y.png").toUtf8().constData()) == 0);
        // 20,000 x 20,000 gray PNG header: IHDR only, a few dozen bytes on disk.
        {
            const unsigned char header[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                            0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 0, 0, 0, 0, 0x1B, 0x8F, 0x3B, 0x1C};
            std::ofstream(root.filePath("ok/huge.png").toStdString(), std::ios::binary)
                .write(reinterpret_cast<const char *>(header), sizeof header);
        }
        // A 3 x 3 PNG whose second IDAT chunk claims 1.4 GB (stb reserved 2 GB for it; fuzzing).
        QFile bomb(QFINDTESTDATA("../../fuzz/corpus/image/regression-png-chunk-claims-1.4gb"));
        QVERIFY(bomb.open(QIODevice::ReadOnly));
        {
            QFile out(root.filePath("ok/claims.png"));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bomb.readAll().mid(1)); // its first byte is the fuzzer's size selector
        }
        std::vector<SkippedFile> skipped;
        const ImageDataset ds = readImageFolder(dir.path().toStdString(), {1, 6, 6}, skipped);
        QCOMPARE(ds.size(), std::size_t(2));
        QCOMPARE(ds.classNames.size(), std::size_t(2));
        QCOMPARE(ds.classNames[0], std::string("caf\\xC3\\xFF\\x1B[31m"));
        QCOMPARE(ds.classNames[1], std::string("ok"));
        QString reasons;
        for (const auto &s : skipped)
            reasons += QString::fromStdString(s.path + ": " + s.reason + "\n");
        QCOMPARE(skipped.size(), std::size_t(5));
        QVERIFY2(reasons.contains("claims.png: damaged PNG: a chunk claims 1409286188 bytes"), qPrintable(reasons));
        QVERIFY2(reasons.contains("loop: Too many levels of symbolic links"), qPrintable(reasons));
        QVERIFY2(reasons.contains("x.png: Too many levels of symbolic links"), qPrintable(reasons));
        QVERIFY2(reasons.contains("y.png: No such file or directory"), qPrintable(reasons));
        QVERIFY2(reasons.contains("huge.png: 20000 x 20000 pixels (381 megapixels) exceeds the limit of 64 megapixels"),
                 qPrintable(reasons));
        std::error_code ec; // QTemporaryDir cannot remove a folder whose name is not UTF-8
        std::filesystem::remove_all(dir.path().toStdString() + "/" + badName, ec);
    }

    void classNamesFileIsCleaned()
    {
        QTemporaryDir dir;
        const QString src = QStringLiteral(WB_TEST_SHARED_DATA "/mnist10k");
        for (const char *f : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"})
            QVERIFY(QFile::copy(src + "/" + f, dir.filePath(f)));
        std::ofstream names(dir.filePath("classes.txt").toStdString(), std::ios::binary);
        names << "zero\none\xFF\ntwo\x07\n";
        for (int k = 3; k < 10; ++k)
            names << "d" << k << "\n";
        names.close();
        std::vector<SkippedFile> skipped;
        const DatasetPair pair = loadDataset(dir.path().toStdString(), {}, skipped);
        QCOMPARE(pair.train.classNames[1], std::string("one\\xFF"));
        QCOMPARE(pair.train.classNames[2], std::string("two\\x07"));
    }
};

QTEST_GUILESS_MAIN(tst_ImageFolder)
#include "tst_imagefolder.moc"
