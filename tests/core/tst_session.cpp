#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/network.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>

using namespace wb::core;

class tst_Session : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

    static void expectSessionError(const std::string &p, Session::Mode mode, const char *fragment)
    {
        try {
            Session s(p, mode);
            QFAIL("expected Error(Session)");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::Session));
            if (!QString(e.what()).contains(fragment))
                QFAIL(qPrintable(QString("message lacks '%1': %2").arg(fragment, e.what())));
        }
    }
    static QByteArray bytes(const std::string &p)
    {
        QFile f(QString::fromStdString(p));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void roundTrip()
    {
        const std::string p = path("round.wbs");
        std::int64_t runId = 0;
        {
            Session s(p, Session::Mode::Create);
            QCOMPARE(s.schemaVersion(), kSessionSchemaVersion);
            DatasetRecord d{0, "fashion-mnist", "/data/f", "abc", 100, 20, 1, 28, 28, {"a", "b"}};
            const auto dsId = s.addDataset(d);
            QCOMPARE(s.addDataset(d), dsId); // same content: reused
            const auto archId = s.addArchitecture("lenet5", "{\"layers\":[]}");
            RunRecord r;
            r.datasetId = dsId;
            r.architectureId = archId;
            r.name = "first";
            r.configJson = "{\"lr\":0.1}";
            r.dataJson = "{}";
            runId = s.createRun(r);
            s.setRunStarted(runId, "cpu", 1234);
            for (int e = 1; e <= 2; ++e) {
                std::vector<BatchRecord> batches;
                for (int b = 0; b < 3; ++b)
                    batches.push_back({(e - 1) * 3 + b, e, 1.0 / (b + e), 0.25 * b, 0.01});
                EpochRecord ep{e, 0.5 / e, 0.6, std::nan(""), 0.7, 0.65, 1.5, 0.01};
                s.appendEpoch(runId, ep, batches, {e, std::string("model\0bytes", 11), "opt"});
            }
            EvalResult test;
            test.loss = 0.3;
            test.accuracy = 0.9;
            test.smoothedAccuracy = 0.85;
            s.finishRun(runId, RunStatus::Completed, test, 3.5, "");
            s.addResult({0, "lr-find", runId, "probe", "", "{\"x\":1}"});
        }
        const Session s(p, Session::Mode::ReadOnly);
        const auto runs = s.runs();
        QCOMPARE(runs.size(), std::size_t(1));
        const RunRecord r = runs[0];
        QCOMPARE(r.name, std::string("first"));
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.device, std::string("cpu"));
        QCOMPARE(r.parameters, qint64(1234));
        QCOMPARE(r.epochsDone, 2);
        QCOMPARE(r.testAccuracy, 0.9);
        QCOMPARE(r.trainSeconds, 3.5);
        QCOMPARE(r.configJson, std::string("{\"lr\":0.1}"));
        QVERIFY(!r.started.empty() && !r.finished.empty());
        const History h = s.history(runId);
        QCOMPARE(h.batches.size(), std::size_t(6));
        QCOMPARE(h.batches[4].step, qint64(4));
        QCOMPARE(h.batches[4].loss, 1.0 / 3);
        QCOMPARE(h.epochs.size(), std::size_t(2));
        QVERIFY(std::isnan(h.epochs[0].valLoss)); // NaN survives (stored as NULL)
        QCOMPARE(h.epochs[1].trainLoss, 0.25);
        const auto cp = s.checkpoint(runId);
        QVERIFY(cp.has_value());
        QCOMPARE(cp->epoch, 2);
        QCOMPARE(cp->model, std::string("model\0bytes", 11));
        QCOMPARE(s.checkpoint(runId, 1)->epoch, 1);
        QVERIFY(!s.checkpoint(runId, 7).has_value());
        QCOMPARE(s.dataset(r.datasetId).classNames, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(s.results("lr-find").size(), std::size_t(1));
        QCOMPARE(s.results("lr-find")[0].payloadJson, std::string("{\"x\":1}"));
        QVERIFY_THROWS_EXCEPTION(Error, s.run(99));
    }

    void valuesAndCopies()
    {
        const std::string p = path("vals.wbs");
        Session s(p, Session::Mode::Create);
        QCOMPARE(s.value("ui.page", "none"), std::string("none"));
        s.setValue("ui.page", "{\"smoothing\":0.9}");
        s.setValue("ui.page", "{\"smoothing\":0.95}");
        QCOMPARE(s.value("ui.page"), std::string("{\"smoothing\":0.95}"));
        s.addArchitecture("a", "{}");
        s.saveCopy(path("copy.wbs"));
        QVERIFY_THROWS_EXCEPTION(Error, s.saveCopy(path("copy.wbs")));      // no silent overwrite
        QVERIFY_THROWS_EXCEPTION(Error, s.saveCopy(p, true));                // not onto itself
        { Session writable(path("copy.wbs"), Session::Mode::ReadWrite); } // copies open for writing
        const Session c(path("copy.wbs"), Session::Mode::ReadOnly);
        QCOMPARE(c.value("ui.page"), std::string("{\"smoothing\":0.95}"));
        QCOMPARE(c.architectures().size(), std::size_t(1));
        s.saveCopy(path("copy.wbs"), true);
    }

    void missingFile() { expectSessionError(path("none.wbs"), Session::Mode::ReadWrite, "no such"); }

    void corruptFileUntouched()
    {
        const std::string p = path("corrupt.wbs");
        QFile f(QString::fromStdString(p));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QByteArray before = bytes(p);
        expectSessionError(p, Session::Mode::Create, "cannot be opened as a session");
        QCOMPARE(bytes(p), before);
    }

    void foreignDatabaseUntouched()
    {
        const std::string p = path("foreign.db");
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(p.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = bytes(p);
        expectSessionError(p, Session::Mode::Create, "not a Sufficiency Workbench session");
        QCOMPARE(bytes(p), before);
    }

    void newerSchemaRefused()
    {
        const std::string p = path("newer.wbs");
        { Session s(p, Session::Mode::Create); }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(p.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        expectSessionError(p, Session::Mode::ReadWrite, "newer");
        expectSessionError(p, Session::Mode::ReadOnly, "schema version 99");
    }

    void readOnlyRefusesWrites()
    {
        const std::string p = path("ro.wbs");
        { Session s(p, Session::Mode::Create); }
        Session s(p, Session::Mode::ReadOnly);
        try {
            s.addArchitecture("x", "{}");
            QFAIL("expected a write to a read-only session to fail");
        } catch (const Error &e) {
            QCOMPARE(int(e.code()), int(ErrorCode::Session));
        }
    }

    // Checkpoints carry a checksum: a flipped byte is named, never loaded as weights.
    void damagedCheckpointIsNamed()
    {
        const std::string p = path("crc.wbs");
        Session s(p, Session::Mode::Create);
        RunRecord r;
        r.datasetId = s.addDataset({0, "d", "/d", "f", 1, 1, 1, 1, 1, {"a", "b"}});
        r.architectureId = s.addArchitecture("a", "{}");
        r.configJson = "{}";
        r.dataJson = "{}";
        const auto id = s.createRun(r);
        const Network net(presetSpec("lenet5", 0, {1, 28, 28}, 10), 1);
        EpochRecord e;
        e.epoch = 1;
        s.appendEpoch(id, e, {}, Checkpoint{1, net.saveState(), {}});
        QVERIFY(s.checkpoint(id).has_value());
        Network loaded(presetSpec("lenet5", 0, {1, 28, 28}, 10), 2);
        loaded.loadState(s.checkpoint(id)->model); // intact: loads
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(p.c_str(), &db), SQLITE_OK);
        // One byte in the middle of the weights flipped.
        sqlite3_stmt *q = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT model FROM checkpoints", -1, &q, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(q), SQLITE_ROW);
        std::string bytes(static_cast<const char *>(sqlite3_column_blob(q, 0)), std::size_t(sqlite3_column_bytes(q, 0)));
        sqlite3_finalize(q);
        bytes[5000] = char(bytes[5000] ^ 0x10);
        QCOMPARE(sqlite3_prepare_v2(db, "UPDATE checkpoints SET model=?", -1, &q, nullptr), SQLITE_OK);
        sqlite3_bind_blob(q, 1, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(q), SQLITE_DONE);
        sqlite3_finalize(q);
        sqlite3_close(db);
        try {
            s.checkpoint(id);
            QFAIL("a damaged checkpoint was read");
        } catch (const Error &err) {
            QVERIFY2(QString(err.what()).contains("damaged checkpoint of run 1 epoch 1 (weights: checksum mismatch)"),
                     err.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, loaded.loadState(bytes)); // and never loaded as weights
    }

    // One process trains a run at a time; a run whose process died reads as interrupted.
    void runLease()
    {
        Session s(path("lease.wbs"), Session::Mode::Create);
        RunRecord r;
        r.datasetId = s.addDataset({0, "d", "/d", "f", 1, 1, 1, 1, 1, {"a", "b"}});
        r.architectureId = s.addArchitecture("a", "{}");
        r.name = "leased";
        r.configJson = "{}";
        r.dataJson = "{}";
        const auto id = s.createRun(r);
        // Held from creation on: a process that dies while its data loads leaves an interrupted run.
        QCOMPARE(s.run(id).status, RunStatus::Created);
        QCOMPARE(s.run(id).owner, thisProcessOwner());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path("lease.wbs").c_str(), &db), SQLITE_OK);
        auto setOwner = [&](const std::string &owner) {
            const std::string sql = "UPDATE runs SET owner='" + owner + "' WHERE id=" + std::to_string(id);
            QCOMPARE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        };
        setOwner(hostName() + ":999999999"); // a dead process of this host
        QCOMPARE(s.run(id).status, RunStatus::Interrupted);
        setOwner(""); // a file from before creation owners: nobody to ask, still created
        QCOMPARE(s.run(id).status, RunStatus::Created);
        s.setRunStarted(id, "cpu", 1);
        QCOMPARE(s.run(id).status, RunStatus::Running);
        QCOMPARE(s.run(id).owner, thisProcessOwner());
        s.setRunStarted(id, "cpu", 1); // the same process again: fine
        setOwner("another-host.example:7"); // cannot be checked from here: assumed alive
        QCOMPARE(s.run(id).status, RunStatus::Running);
        QVERIFY_THROWS_EXCEPTION(Error, s.setRunStarted(id, "cpu", 1));
        // A status this build does not know (a newer one, or damage) is shown, not fatal.
        QCOMPARE(sqlite3_exec(db, "UPDATE runs SET status='levitating'", nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(s.runs().size(), std::size_t(1));
        QCOMPARE(s.run(id).status, RunStatus::Failed);
        QVERIFY(s.run(id).message.find("'levitating' is unknown") != std::string::npos);
        QCOMPARE(sqlite3_exec(db, "UPDATE runs SET status='running'", nullptr, nullptr, nullptr), SQLITE_OK);
        setOwner(hostName() + ":999999999"); // a dead process of this host
        QCOMPARE(s.run(id).status, RunStatus::Interrupted);
        s.setRunStarted(id, "cpu", 1); // taken over
        s.finishRun(id, RunStatus::Completed, std::nullopt, 1.0, "");
        QCOMPARE(s.run(id).owner, std::string());
        sqlite3_close(db);
    }

    void renameAndDeleteRuns()
    {
        const std::string p = path("edits.wbs");
        Session s(p, Session::Mode::Create);
        RunRecord r;
        r.datasetId = s.addDataset({0, "d", "/d", "f", 1, 1, 1, 1, 1, {"a", "b"}});
        r.architectureId = s.addArchitecture("a", "{}");
        r.name = "first";
        r.configJson = "{}";
        r.dataJson = "{}";
        const auto keep = s.createRun(r);
        const auto gone = s.createRun(r);
        for (const auto id : {keep, gone}) {
            s.setRunStarted(id, "cpu", 1);
            s.appendEpoch(id, EpochRecord{1, 0.5, 0.6, 0.5, 0.7, 0.65, 1.5, 0.01}, {{0, 1, 0.9, 0.5, 0.01}},
                          {1, "model", "opt"});
            s.addResult({0, "evaluation", id, "eval", "", "{}"});
        }
        QCOMPARE(s.runResults("evaluation", keep).size(), std::size_t(1)); // its own only
        QCOMPARE(s.runResults("evaluation", keep)[0].runId, keep);
        QVERIFY(s.runResults("tsne", keep).empty());
        s.renameRun(keep, "renamed \u00e9");
        QCOMPARE(s.run(keep).name, std::string("renamed \u00e9"));
        QVERIFY_THROWS_EXCEPTION(Error, s.renameRun(99, "x"));
        // A run being trained by this process is refused; its data stay.
        QVERIFY_THROWS_EXCEPTION(Error, s.deleteRun(gone));
        QVERIFY(s.checkpoint(gone).has_value());
        s.finishRun(gone, RunStatus::Cancelled, std::nullopt, 1.0, "");
        s.deleteRun(gone);
        QVERIFY_THROWS_EXCEPTION(Error, s.run(gone));
        QVERIFY(s.history(gone).batches.empty() && s.history(gone).epochs.empty());
        QVERIFY(!s.checkpoint(gone).has_value());
        QCOMPARE(s.results("evaluation").size(), std::size_t(1));
        QCOMPARE(s.results("evaluation")[0].runId, keep);
        // The other run is untouched.
        QCOMPARE(s.history(keep).batches.size(), std::size_t(1));
        QVERIFY(s.checkpoint(keep).has_value());
        QVERIFY_THROWS_EXCEPTION(Error, s.deleteRun(gone)); // already gone: named, not silent
        // The newest run was deleted: its id is not given out again.
        QCOMPARE(gone, keep + 1);
        const auto next = s.createRun(r);
        QCOMPARE(next, gone + 1);
        s.deleteRun(next);
        s.finishRun(keep, RunStatus::Completed, std::nullopt, 1.0, "");
        s.deleteRun(keep); // an older id does not lower the mark
        QCOMPARE(s.createRun(r), next + 1);
    }

    void studiesAndCells()
    {
        Session s(path("studies.wbs"), Session::Mode::Create);
        StudyRecord r;
        r.type = "sufficiency";
        r.name = "first";
        r.configJson = "{}";
        r.cellCount = 3;
        r.owner = thisProcessOwner();
        const auto id = s.createStudy(r);
        QCOMPARE(s.study(id).status, StudyStatus::Running); // this process is alive
        StudyCell failed{1, "failed", "{\"error\":\"boom\"}", 0.5, "h", "cpu", "a", "b"};
        QVERIFY(s.commitCell(id, failed));
        StudyCell done{1, "done", "{\"x\":1}", 1.5, "h", "cpu", "a", "b"};
        QVERIFY(s.commitCell(id, done));                    // a failed cell is replaced
        StudyCell again = done;
        again.resultJson = "{\"x\":2}";
        QVERIFY(!s.commitCell(id, again));                  // a done cell is kept
        QCOMPARE(s.studyCells(id).at(0).resultJson, std::string("{\"x\":1}"));
        StudyRecord read = s.study(id);
        QCOMPARE(read.cellsDone, 1);
        QCOMPARE(read.cellsFailed, 0);
        // A dead owner of this host: interrupted; another host's: cannot tell, still running.
        s.setStudyStatus(id, StudyStatus::Running, hostName() + ":999999999", "");
        QCOMPARE(s.study(id).status, StudyStatus::Interrupted);
        s.setStudyStatus(id, StudyStatus::Running, "another-host.example:1", "");
        QCOMPARE(s.study(id).status, StudyStatus::Running);
        QVERIFY(!s.claimStudy(id, thisProcessOwner())); // another host's process may still run it
        s.setStudyStatus(id, StudyStatus::Running, hostName() + ":999999999", "");
        QVERIFY(s.claimStudy(id, thisProcessOwner()));  // a dead one's study is taken over
        QCOMPARE(s.study(id).owner, thisProcessOwner());
        QVERIFY(s.claimStudy(id, thisProcessOwner()));  // and claiming it again is a no-op
        s.setStudyStatus(id, StudyStatus::Cancelled, "", "by the user");
        read = s.study(id);
        QCOMPARE(read.status, StudyStatus::Cancelled);
        QVERIFY(!read.finished.empty());
        s.renameStudy(id, "renamed");
        QCOMPARE(s.studies().at(0).name, std::string("renamed"));
        s.deleteStudy(id);
        QVERIFY(s.studies().empty());
        QVERIFY(s.studyCells(id).empty());
        QVERIFY_THROWS_EXCEPTION(Error, s.study(id));
    }

    // A file written by version 0.x (schema 1, made with workbench-cli: one training run and a
    // sufficiency study of 3 runs x 4 steps, accuracy/loss/per_class) is upgraded on open.
    void migratesVersion1()
    {
        const std::string p = path("v1.wbs");
        QVERIFY(QFile::copy(WB_TEST_DATA_DIR "/session-v1.wbs", QString::fromStdString(p)));
        QFile::setPermissions(QString::fromStdString(p), QFile::ReadOwner | QFile::WriteOwner);
        {
            Session ro(p, Session::Mode::ReadOnly); // read as it is
            QCOMPARE(ro.schemaVersion(), 1);
            QVERIFY(ro.studies().empty());
        }
        const QByteArray before = bytes(p);
        // The backup cannot be written (a folder is in the way): refused, the file unchanged.
        QVERIFY(QDir().mkpath(QString::fromStdString(p + ".v1-backup/x")));
        expectSessionError(p, Session::Mode::ReadWrite, "backup");
        QCOMPARE(bytes(p), before);
        QVERIFY(QDir(QString::fromStdString(p + ".v1-backup")).removeRecursively());

        Session s(p, Session::Mode::ReadWrite);
        QCOMPARE(s.schemaVersion(), 2);
        QVERIFY(!QFile::exists(QString::fromStdString(p + ".v1-backup"))); // removed once committed
        QCOMPARE(s.runs().size(), std::size_t(1));
        const auto results = s.results("sufficiency");
        QCOMPARE(results.size(), std::size_t(1)); // kept
        const auto payload = nlohmann::json::parse(results[0].payloadJson);
        const auto studies = s.studies();
        QCOMPARE(studies.size(), std::size_t(1));
        QCOMPARE(studies[0].type, std::string("sufficiency"));
        QCOMPARE(studies[0].status, StudyStatus::Complete);
        QCOMPARE(studies[0].cellCount, 3);
        QCOMPARE(studies[0].cellsDone, 3);
        const auto cells = s.studyCells(studies[0].id);
        for (const auto &c : cells) {
            const auto j = nlohmann::json::parse(c.resultJson);
            for (const char *metric : {"accuracy", "loss", "per_class"})
                QCOMPARE(j.at(metric), payload.at("metrics").at(metric).at("runs").at(std::size_t(c.cell)));
        }
        const auto config = nlohmann::json::parse(studies[0].configJson);
        QCOMPARE(config.at("steps"), payload.at("steps"));
        QCOMPARE(config.at("study"), payload.at("config"));
    }

    void directoryRefused() { expectSessionError(m_dir.path().toStdString(), Session::Mode::Create, "directory"); }
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
