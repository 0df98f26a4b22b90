#pragma once

// Core-private: the SQL schema of a session file (documented in README.md): version 1, and
// what version 2 adds (studies and their cells).
namespace wb::core::detail {

inline constexpr const char *kSessionSchemaV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, fingerprint TEXT NOT NULL,
    train_count INTEGER NOT NULL, test_count INTEGER NOT NULL, channels INTEGER NOT NULL,
    height INTEGER NOT NULL, width INTEGER NOT NULL, class_names TEXT NOT NULL,
    created TEXT NOT NULL);
CREATE TABLE architectures (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, spec_json TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY, dataset_id INTEGER REFERENCES datasets(id),
    architecture_id INTEGER REFERENCES architectures(id), name TEXT NOT NULL,
    config_json TEXT NOT NULL, data_json TEXT NOT NULL, status TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, started TEXT, finished TEXT,
    epochs_done INTEGER NOT NULL DEFAULT 0, test_loss REAL, test_accuracy REAL,
    test_smoothed_accuracy REAL, parameters INTEGER NOT NULL DEFAULT 0,
    train_seconds REAL NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '');
CREATE TABLE epoch_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
    train_loss REAL, train_accuracy REAL, val_loss REAL, val_accuracy REAL,
    val_smoothed_accuracy REAL, seconds REAL, lr REAL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
CREATE TABLE batch_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
    epoch INTEGER NOT NULL, loss REAL, accuracy REAL, lr REAL,
    PRIMARY KEY (run_id, step)) WITHOUT ROWID;
CREATE TABLE checkpoints (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
    model BLOB NOT NULL, optimizer BLOB NOT NULL, PRIMARY KEY (run_id, epoch));
CREATE TABLE results (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, run_id INTEGER REFERENCES runs(id),
    name TEXT NOT NULL, created TEXT NOT NULL, payload_json TEXT NOT NULL);
CREATE INDEX results_kind ON results(kind);
)sql";

/// Version 2: runs get an `owner` ("host:pid" of the process training it: one at a time, and
/// a dead owner's run reads as interrupted). A study is a config plus a plan of cells; each finished cell is committed as it
/// ends. `owner` is "host:pid" of the process running it here (empty otherwise);
/// `submission_json` describes a Slurm submission (folder, job id) when there is one. Ids are
/// never reused (AUTOINCREMENT): a deleted study's folder cannot be taken for a new one's.
inline constexpr const char *kSessionSchemaV2 = R"sql(
CREATE TABLE studies (
    id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, name TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id), config_json TEXT NOT NULL,
    cell_count INTEGER NOT NULL, status TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL, finished TEXT, wall_seconds REAL NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '', submission_json TEXT NOT NULL DEFAULT '');
CREATE TABLE study_cells (
    study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE, cell INTEGER NOT NULL,
    status TEXT NOT NULL, result_json TEXT NOT NULL, seconds REAL NOT NULL DEFAULT 0,
    host TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', started TEXT, finished TEXT,
    PRIMARY KEY (study_id, cell)) WITHOUT ROWID;
ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
)sql";

} // namespace wb::core::detail
