#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/imagefolder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <stb_image_write.h>

#include <fstream>

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
};

QTEST_GUILESS_MAIN(tst_ImageFolder)
#include "tst_imagefolder.moc"
