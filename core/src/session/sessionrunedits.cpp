// Session: renaming and deleting runs (the app's run context menu), replacing a result.
#include "sessionimpl.h"

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
    if (run(id).status == RunStatus::Running)
        throw Error(ErrorCode::InvalidArgument,
                    "run " + std::to_string(id) + " is being trained; cancel it before deleting it");
    m_impl->guarded("deleting a run", [&] {
        SQLite::Database &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Explicit deletes: a version 1 file may have been written without foreign keys on.
        for (const char *sql : {"DELETE FROM batch_metrics WHERE run_id=?", "DELETE FROM epoch_metrics WHERE run_id=?",
                                "DELETE FROM checkpoints WHERE run_id=?", "DELETE FROM results WHERE run_id=?",
                                "DELETE FROM runs WHERE id=?"}) {
            SQLite::Statement q(db, sql);
            q.bind(1, id);
            q.exec();
        }
        tx.commit();
    });
}

std::int64_t Session::replaceResult(const ResultRecord &record)
{
    return m_impl->guarded("replacing a result", [&] {
        SQLite::Database &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(db, "DELETE FROM results WHERE kind=? AND run_id IS ?");
        q.bind(1, record.kind);
        if (record.runId > 0)
            q.bind(2, record.runId);
        else
            q.bind(2);
        q.exec();
        const std::int64_t id = addResult(record);
        tx.commit();
        return id;
    });
}

} // namespace wb::core
