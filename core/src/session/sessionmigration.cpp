// Upgrades older session files to the current schema, in place and atomically.
#include "session/sessionimpl.h"
#include "session/sessionschema.h"
#include "util/faultpoint.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace wb::core::detail {

using namespace sessionio;

namespace {

bool anyFinite(const nlohmann::json &values)
{
    for (const auto &v : values)
        if (v.is_number() && std::isfinite(v.get<double>()))
            return true;
    return false;
}

// A version 1 sufficiency result (one JSON payload written at the end) becomes a study with
// one cell per run that measured anything; its config keeps what the payload knew.
void convertSufficiencyResult(SQLite::Database &db, std::int64_t resultId, const std::string &name,
                              const std::string &created, const nlohmann::json &payload)
{
    const auto &metrics = payload.at("metrics");
    const auto &accuracy = metrics.at("accuracy").at("runs");
    nlohmann::json config = {{"study", payload.at("config")},
                             {"steps", payload.at("steps")},
                             {"train_config", payload.value("train_config", nlohmann::json::object())},
                             {"spec", payload.value("spec", nlohmann::json::object())},
                             {"model", payload.value("model", "")},
                             {"dataset", payload.value("dataset", "")},
                             {"device", payload.value("device", "")},
                             {"migrated_from_result", resultId}};
    const int runs = int(accuracy.size());
    int measured = 0;
    for (const auto &run : accuracy)
        measured += anyFinite(run);
    // Complete only with every run there; otherwise resumable (the missing runs are cells).
    const std::string status =
        payload.value("status", "completed") == "completed" && measured == int(accuracy.size()) ? "complete" : "cancelled";
    SQLite::Statement s(db, "INSERT INTO studies(type, name, config_json, cell_count, status, created, "
                            "finished, wall_seconds, message) VALUES ('sufficiency',?,?,?,?,?,?,?,?)");
    s.bind(1, name);
    s.bind(2, config.dump());
    s.bind(3, runs);
    s.bind(4, status);
    s.bind(5, created);
    s.bind(6, created);
    s.bind(7, payload.value("seconds", 0.0));
    s.bind(8, payload.value("message", ""));
    s.exec();
    const std::int64_t studyId = db.getLastInsertRowid();
    SQLite::Statement c(db, "INSERT INTO study_cells(study_id, cell, status, result_json, device, "
                            "finished) VALUES (?,?,'done',?,?,?)");
    for (int r = 0; r < runs; ++r) {
        if (!anyFinite(accuracy.at(std::size_t(r))))
            continue; // never measured: a missing cell, which resume runs
        nlohmann::json cell = nlohmann::json::object();
        for (const auto &[metric, m] : metrics.items())
            cell[metric] = m.at("runs").at(std::size_t(r));
        c.bind(1, studyId);
        c.bind(2, r);
        c.bind(3, cell.dump());
        c.bind(4, payload.value("device", ""));
        c.bind(5, created);
        c.exec();
        c.reset();
    }
}

void migrateV1ToV2(SQLite::Database &db)
{
    db.exec(kSessionSchemaV2);
    SQLite::Statement q(db, "SELECT id, name, created, payload_json FROM results WHERE kind='sufficiency' ORDER BY id");
    while (q.executeStep()) {
        // A damaged payload is left where it is (as a plain result) rather than refusing the
        // whole file: the savepoint undoes its half-made study.
        db.exec("SAVEPOINT convert_result");
        try {
            convertSufficiencyResult(db, q.getColumn(0).getInt64(), text(q.getColumn(1)),
                                     text(q.getColumn(2)), nlohmann::json::parse(text(q.getColumn(3))));
            db.exec("RELEASE convert_result");
        } catch (const nlohmann::json::exception &) {
            db.exec("ROLLBACK TO convert_result");
            db.exec("RELEASE convert_result");
        }
    }
}

} // namespace

void migrateSession(SQLite::Database &db, const std::string &path, int fromVersion)
{
    namespace fs = std::filesystem;
    const std::string backup = path + ".v" + std::to_string(fromVersion) + "-backup";
    std::error_code ec;
    fs::remove(backup, ec); // a leftover of a migration that never committed: the file is still v1
    try {
        SQLite::Statement copy(db, "VACUUM INTO ?");
        copy.bind(1, backup);
        copy.exec();
        faultPoint("migration-backup-written");
    } catch (const SQLite::Exception &e) {
        fs::remove(backup, ec);
        sessionError(path, "cannot be upgraded to schema version " + std::to_string(kSessionSchemaVersion)
                               + ": the backup copy " + backup + " could not be written (" + e.what()
                               + "); the file is unchanged");
    }
    try {
        SQLite::Transaction tx(db);
        if (fromVersion == 1)
            migrateV1ToV2(db);
        SQLite::Statement v(db, "UPDATE meta SET value=? WHERE key='schema_version'");
        v.bind(1, std::to_string(kSessionSchemaVersion));
        v.exec();
        faultPoint("migration-before-commit");
        tx.commit();
        faultPoint("migration-committed");
    } catch (const SQLite::Exception &e) {
        sessionError(path, "cannot be upgraded to schema version " + std::to_string(kSessionSchemaVersion)
                               + " (" + e.what() + "); the file is unchanged, a copy is in " + backup);
    }
    fs::remove(backup, ec);
}

} // namespace wb::core::detail
