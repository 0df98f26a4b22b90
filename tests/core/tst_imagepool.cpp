// An unlabelled pool of image files (a folder or a list file) and the labels coming back from
// annotators (a CSV, a picks file with its label column filled in, a labelled folder).
#include "wb/activeloop.h"
#include "wb/errors.h"
#include "wb/imagepool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace wb::core;

class tst_ImagePool : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    void write(const QString &name, const QByteArray &text)
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_dir.filePath(name)).path()));
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    }
    std::string at(const QString &name) const { return QDir::cleanPath(m_dir.filePath(name)).toStdString(); }

private Q_SLOTS:
    void aFolderIsSearchedRecursivelyAndSorted()
    {
        write("pool/b/2.png", "x");
        write("pool/a/1.PNG", "x");
        write("pool/notes.txt", "x");
        write("pool/.cache/3.png", "x"); // hidden: a tool's cache
        const ImagePool pool = listImagePool(at("pool"));
        QCOMPARE(pool.paths, (std::vector<std::string>{at("pool/a/1.PNG"), at("pool/b/2.png")}));
        QVERIFY_THROWS_EXCEPTION(Error, listImagePool(at("nowhere")));
        write("empty/readme.txt", "x");
        QVERIFY_THROWS_EXCEPTION(Error, listImagePool(at("empty")));
    }

    void aListFileNamesPathsRelativeToItself()
    {
        write("list/img/1.png", "x");
        write("list/files.txt", "# the pool\nimg/1.png\r\n\nimg/1.png\nimg/missing.png\n");
        const ImagePool pool = listImagePool(at("list/files.txt"));
        QCOMPARE(pool.paths, (std::vector<std::string>{at("list/img/1.png")})); // listed twice: once
        QCOMPARE(pool.skipped.size(), std::size_t(1));
        QCOMPARE(pool.skipped[0].reason, std::string("no such file"));
    }

    void labelsFromCsvHeaderAndFolder()
    {
        write("labels.csv", "path,label\nimg/1.png,cat\n\"img/a,b.png\", dog \n");
        auto e = readLabels(at("labels.csv"));
        QCOMPARE(e.size(), std::size_t(2));
        QCOMPARE(e[0].path, at("img/1.png"));
        QCOMPARE(e[0].label, std::string("cat"));
        QCOMPARE(e[0].line, 2);
        QCOMPARE(e[1].path, at("img/a,b.png"));
        QCOMPARE(e[1].label, std::string("dog"));
        // A picks file with its label column filled in for some rows.
        write("picks.csv", "rank,path,label,predicted\n1,/p/a.png,7,1\n2,/p/b.png,,3\n");
        std::size_t unlabelled = 0;
        e = readLabels(at("picks.csv"), &unlabelled);
        QCOMPARE(e.size(), std::size_t(1));
        QCOMPARE(e[0].path, std::string("/p/a.png"));
        QCOMPARE(e[0].label, std::string("7"));
        QCOMPARE(unlabelled, std::size_t(1));
        write("bad.csv", "just-a-path\n");
        try {
            readLabels(at("bad.csv"));
            QFAIL("accepted a line without a label");
        } catch (const Error &err) {
            QVERIFY(QString(err.what()).contains("line 1"));
        }
        write("folder/3/x.png", "x");
        write("folder/7/y.png", "x");
        e = readLabels(at("folder"));
        QCOMPARE(e.size(), std::size_t(2));
        QCOMPARE(e[0].label, std::string("3"));
        QCOMPARE(e[1].path, at("folder/7/y.png"));
    }

    void aHashIsFnv1a()
    {
        // FNV-1a 64 of "a" (the published test vector).
        QCOMPARE(hashHex(contentHash("a", 1)), std::string("af63dc4c8601ec8c"));
    }
};

QTEST_GUILESS_MAIN(tst_ImagePool)
#include "tst_imagepool.moc"
