// An unlabelled pool of image files (a folder or a list file) and the labels coming back from
// annotators (a CSV, a picks file with its label column filled in, a labelled folder).
#include "wb/activeloop.h"
#include "wb/errors.h"
#include "wb/imagepool.h"
#include "wb/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <fstream>

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

    void namesThatCannotRoundTripAreSkippedAndSaid()
    {
        write("odd/ok.png", "x");
        write("odd/line\nbreak.png", "x");
        write(QString::fromLatin1("odd/") + QString::fromUtf8("\xC3\xA9t\xC3\xA9.png"), "x"); // UTF-8: fine
        const std::string bad = at("odd") + "/latin\xE9.png"; // not UTF-8
        std::ofstream(bad) << "x"; // the raw bytes: Qt would recode the name as UTF-8
        const ImagePool pool = listImagePool(at("odd"));
        QCOMPARE(pool.paths.size(), std::size_t(2));
        QCOMPARE(pool.skipped.size(), std::size_t(2));
        for (const auto &s : pool.skipped) {
            QVERIFY(QString::fromStdString(s.reason).contains("rename the file"));
            QVERIFY(s.path.find('\n') == std::string::npos && s.path.find('\xE9') == std::string::npos); // shown escaped
        }
        std::remove(bad.c_str()); // QTemporaryDir cannot name it to remove it
        // A byte-order mark before the first path of a list; one image is not a pool.
        write("bom/files.txt", "\xEF\xBB\xBFok.png\n");
        write("bom/ok.png", "x");
        QCOMPARE(listImagePool(at("bom/files.txt")).paths, (std::vector<std::string>{at("bom/ok.png")}));
        QVERIFY_THROWS_EXCEPTION(Error, listImagePool(at("bom/ok.png")));
    }

    void labelsMatchPicksOnlyAsMeant()
    {
        // A loop whose pending round picked two files; classes named by numbers.
        write("picked/a.png", "aaa");
        write("picked/b.png", "bbb");
        ActiveLoop loop;
        loop.classNames = {"1", "2", "3"};
        loop.channels = 1;
        loop.height = loop.width = 28;
        LoopRound round;
        round.index = 1;
        for (const char *f : {"picked/a.png", "picked/b.png"}) {
            QFile file(m_dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            round.picks.push_back({at(f), hashHex(contentHash(bytes.data(), std::size_t(bytes.size()))), 0, 0, 1, 0.5, 0.4});
        }
        loop.rounds.push_back(round);
        // "0" is no class here (the classes are named 1, 2, 3): refused, never taken as index 0.
        write("l0.csv", "\xEF\xBB\xBFpath,label\npicked/a.png,0\n"); // a spreadsheet's BOM, too
        try {
            matchLabels(loop, readLabels(at("l0.csv")));
            QFAIL("label 0 accepted");
        } catch (const Error &e) {
            QVERIFY2(QString(e.what()).contains("class '0' is not a class"), e.what());
        }
        // The files are not images: both are reported as undecodable and skipped, nothing added.
        write("l2.csv", "picked/a.png,2\npicked/b.png,3\n");
        const AddedLabels added = matchLabels(loop, readLabels(at("l2.csv")));
        QCOMPARE(added.added.size(), std::size_t(0));
        QCOMPARE(added.skipped.size(), std::size_t(2));
    }

    void picksGoOnlyWhereAFileCanBe()
    {
        write("out/existing.csv", "old");
        QVERIFY(QFile::link(m_dir.filePath("out/existing.csv"), m_dir.filePath("out/link.csv")));
        QCOMPARE(checkPicksOutput(at("out/link.csv")), at("out/existing.csv")); // written through the link
        QCOMPARE(checkPicksOutput(at("out/new.csv")), at("out/new.csv"));
        QVERIFY_THROWS_EXCEPTION(Error, checkPicksOutput(at("out")));            // a folder
        QVERIFY_THROWS_EXCEPTION(Error, checkPicksOutput(at("nowhere/x.csv")));  // no such folder
        QVERIFY_THROWS_EXCEPTION(Error, checkPicksOutput("/dev/full"));          // a device
        LoopRound round;
        round.picks.push_back({at("out/existing.csv"), "", 0, 0, 1, 0.5, 0.4});
        writePicksCsv(at("out/link.csv"), round, {"a", "b"});
        QVERIFY(QFileInfo(m_dir.filePath("out/link.csv")).isSymLink());
        QFile written(m_dir.filePath("out/existing.csv"));
        QVERIFY(written.open(QIODevice::ReadOnly) && written.readAll().startsWith("rank,path,label"));
    }

    void twoWritersCannotLoseARound()
    {
        // Two processes read the loop, both pick: the second save is refused, not merged away.
        Session session(at("loop.wbs"), Session::Mode::Create);
        ActiveLoop loop;
        loop.datasetName = "d";
        loop.classNames = {"a", "b"};
        loop.channels = 1;
        loop.height = loop.width = 2;
        loop.specJson = "{}";
        loop.trainJson = "{}";
        saveActiveLoop(session, loop);
        auto first = loadActiveLoop(session), second = loadActiveLoop(session);
        QVERIFY(first && second);
        first->rounds.push_back(LoopRound{});
        first->rounds.back().index = 1;
        second->rounds.push_back(LoopRound{});
        second->rounds.back().index = 1;
        saveActiveLoop(session, *first);
        saveActiveLoop(session, *first); // its own state again: fine
        QVERIFY_THROWS_EXCEPTION(Error, saveActiveLoop(session, *second));
        QCOMPARE(loadActiveLoop(session)->rounds.size(), std::size_t(1));
    }

    void aHashIsFnv1a()
    {
        // FNV-1a 64 of "a" (the published test vector).
        QCOMPARE(hashHex(contentHash("a", 1)), std::string("af63dc4c8601ec8c"));
    }
};

QTEST_GUILESS_MAIN(tst_ImagePool)
#include "tst_imagepool.moc"
