// Session: renaming and deleting runs (the app's run context menu), replacing a result.
#include "sessionimpl.h"
#include "wb/study.h"

namespace wb::core {

void Session::renameRun(std::int64_t id, const std::string &name)
{
    run(id); // throws for a run that does not exist
    m_impl->guarded("renaming a run", [&] {
        SQLite::Statement q(*m_impl->db, "UPDATE runs SET name=? WHERE id=?");
        q.bind(1, name);
        q.bind(2, id);
        q.exec();
    });
}

void Session::deleteRun(std::int64_t id)
{
    run(id); // throws, naming it, for a run that does not exist
    m_impl->guarded("deleting a run", [&] {
        SQLite::Database &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Checked inside the transaction: no process can claim the run in between.
        SQLite::Statement status(db, "SELECT status, owner FROM runs WHERE id=?");
        status.bind(1, id);
        if (status.executeStep() && status.getColumn(0).getString() == runStatusName(RunStatus::Running)
            && !ownerIsGone(status.getColumn(1).getString()))
            throw Error(ErrorCode::InvalidArgument,
                        "run " + std::to_string(id) + " is being trained; cancel it before deleting it");
        status.reset();
        // Explicit deletes: a version 1 file may have been written without foreign keys on.
        for (const char *sql : {"DELETE FROM batch_metrics WHERE run_id=?", "DELETE FROM epoch_metrics WHERE run_id=?",
                                "DELETE FROM checkpoints WHERE run_id=?", "DELETE FROM results WHERE run_id=?",
                                "DELETE FROM runs WHERE id=?"}) {
            SQLite::Statement q(db, sql);
            q.bind(1, id);
            q.exec();
        }
        // Run ids are never given out again (the runs table has no AUTOINCREMENT): a late
        // result or a saved page state must not attach to a new run with the old number.
        SQLite::Statement mark(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('deleted_run_max', "
                                   "CAST(max(?, coalesce((SELECT CAST(value AS INTEGER) FROM meta "
                                   "WHERE key='deleted_run_max'), 0)) AS TEXT))");
        mark.bind(1, id);
        mark.exec();
        tx.commit();
    });
}

namespace {

// The results of `kind` tied to `runId` (0: to no run), inside the caller's transaction.
void deleteResults(SQLite::Database &db, const std::string &kind, std::int64_t runId)
{
    SQLite::Statement q(db, "DELETE FROM results WHERE kind=? AND run_id IS ?");
    q.bind(1, kind);
    if (runId > 0)
        q.bind(2, runId);
    else
        q.bind(2);
    q.exec();
}

} // namespace

std::int64_t Session::replaceResult(const ResultRecord &record)
{
    return m_impl->guarded("replacing a result", [&] {
        SQLite::Database &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        deleteResults(db, record.kind, record.runId);
        const std::int64_t id = addResult(record);
        tx.commit();
        return id;
    });
}

bool Session::replaceResultIf(const ResultRecord &record, const std::string &expectedPayload)
{
    return m_impl->guarded("replacing a result", [&] {
        SQLite::Database &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE); // no other writer until commit
        SQLite::Statement latest(db, "SELECT payload_json FROM results WHERE kind=? AND run_id IS ? ORDER BY id DESC LIMIT 1");
        latest.bind(1, record.kind);
        if (record.runId > 0)
            latest.bind(2, record.runId);
        else
            latest.bind(2);
        const std::string stored = latest.executeStep() ? latest.getColumn(0).getString() : std::string();
        latest.reset();
        if (stored != expectedPayload)
            return false;
        deleteResults(db, record.kind, record.runId);
        addResult(record);
        tx.commit();
        return true;
    });
}

} // namespace wb::core
