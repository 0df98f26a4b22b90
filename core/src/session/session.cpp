#include "wb/session.h"

#include "session/sessionimpl.h"
#include "session/sessionschema.h"
#include "wb/errors.h"
#include "util/faultpoint.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>

#include <unistd.h>

namespace wb::core {

using namespace detail::sessionio;

std::string utcNow()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}


namespace {
// Opens the SQLite file. Read-only, a file on read-only media (where SQLite cannot create
// the WAL's -shm file beside it) is opened again as immutable: nothing can change it there.
std::unique_ptr<SQLite::Database> openDatabase(const std::string &path, int flags, bool readOnly)
{
    try {
        auto db = std::make_unique<SQLite::Database>(path, flags, 5000);
        if (readOnly)
            db->tableExists("meta"); // the file is opened on first use
        return db;
    } catch (const SQLite::Exception &e) {
        // A folder this user cannot write: SQLite cannot make the -shm file ("unable to open"), or
        // finds one it may not write ("attempt to write a readonly database").
        const std::string msg = e.what();
        if (!readOnly || (msg.find("unable to open") == std::string::npos && msg.find("readonly database") == std::string::npos))
            throw;
        // Immutable reads the file alone: with changes still in its -wal it would show an older
        // session without saying so — refuse instead.
        std::error_code ec;
        const auto wal = std::filesystem::file_size(path + "-wal", ec);
        if (!ec && wal > 0)
            throw Error(ErrorCode::Session, path + ": cannot be read from here: its latest changes are still in "
                                                + path + "-wal, which needs write access to be read; open it once "
                                                  "where it can be written (or as the user who owns it)");
        std::string uri = "file:";
        for (char c : std::filesystem::absolute(path).string())
            uri += c == '%' ? std::string("%25") : c == '?' ? std::string("%3f") : c == '#' ? std::string("%23")
                                                                                              : std::string(1, c);
        return std::make_unique<SQLite::Database>(uri + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI, 5000);
    }
}
// The tables and the meta rows of a new session (the caller holds the transaction).
void writeSchema(SQLite::Database &db)
{
    db.exec(detail::kSessionSchemaV1);
    db.exec(detail::kSessionSchemaV2);
    SQLite::Statement q(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    for (const auto &[k, v] : {std::pair<std::string, std::string>{"schema_version", std::to_string(kSessionSchemaVersion)},
                               {"application", "Sufficiency Workbench"},
                               {"created", utcNow()}}) {
        q.bind(1, k);
        q.bind(2, v);
        q.exec();
        q.reset();
    }
}

bool hasNoTables(SQLite::Database &db)
{
    SQLite::Statement q(db, "SELECT COUNT(*) FROM sqlite_master");
    return q.executeStep() && q.getColumn(0).getInt64() == 0;
}

// A new session appears at `path` complete or not at all: the schema is written to a temporary
// file beside it, which is then hard-linked to `path` (never replacing a file: of several
// processes creating the same session at once, one wins and the others open its file). A crash
// or a full disk leaves no half-made session behind, at most the temporary file. Where the file
// system has no hard links, nothing is done here and the caller creates the file in place.
void createSessionFile(const std::string &path)
{
    const std::string tmp = path + ".creating-" + std::to_string(::getpid());
    ::unlink(tmp.c_str());
    try {
        SQLite::Database db(tmp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        SQLite::Transaction tx(db);
        writeSchema(db);
        detail::faultPoint("create-before-commit");
        tx.commit();
    } catch (const SQLite::Exception &e) {
        ::unlink(tmp.c_str());
        ::unlink((tmp + "-journal").c_str());
        const std::string msg = e.what();
        if (msg.find("unable to open") != std::string::npos)
            return; // the caller's open names the real problem (no folder, no permission)
        sessionError(path, "cannot be created (" + msg + "): disk full or read-only?");
    }
    detail::faultPoint("create-before-link");
    const bool linked = ::link(tmp.c_str(), path.c_str()) == 0;
    const int err = errno;
    ::unlink(tmp.c_str());
    if (!linked && err != EEXIST && err != EPERM && err != ENOTSUP && err != EOPNOTSUPP && err != EXDEV)
        sessionError(path, std::string("cannot be created: ") + std::strerror(err));
}

} // namespace

Session::Session(const std::string &path, Mode mode) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    namespace fs = std::filesystem;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && mode != Mode::Create)
        sessionError(path, "no such session file");
    if (exists && fs::is_directory(path, ec))
        sessionError(path, "is a directory, not a session file");
    if (!exists && mode == Mode::Create) {
        createSessionFile(path);
        exists = fs::exists(path, ec);
    }
    const bool fresh = !exists || fs::file_size(path, ec) == 0;
    const int flags = mode == Mode::ReadOnly ? SQLite::OPEN_READONLY
                      : mode == Mode::Create ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                                             : SQLite::OPEN_READWRITE;
    try {
        m_impl->db = openDatabase(path, flags, mode == Mode::ReadOnly);
        auto &db = *m_impl->db;
        // The first query reads the header: a non-database file fails here, untouched.
        const bool hasMeta = db.tableExists("meta");
        const bool noTables = !hasMeta && hasNoTables(db);
        if (!hasMeta && fresh && exists && mode != Mode::Create)
            sessionError(path, "is an empty file, not a session (nothing was written to it)");
        if (noTables && mode != Mode::Create)
            sessionError(path, "is an empty database, not a session yet (nothing was written to it; "
                               "training into it makes it one)");
        if (!hasMeta && !(fresh || noTables) )
            sessionError(path, "is not a Sufficiency Workbench session (no 'meta' table)");
        if (!hasMeta) {
            // An existing empty file (or a database whose creation was cut short on a file
            // system without hard links): the schema in place, in one immediate transaction,
            // checked again inside so that of several processes one writes it.
            db.exec("PRAGMA journal_mode=WAL");
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            if (!db.tableExists("meta"))
                writeSchema(db);
            detail::faultPoint("create-before-commit");
            tx.commit();
        }
        {
            // Scoped: a statement left mid-step holds a read transaction, and WAL cannot be
            // switched on inside one (a file made by saveCopy arrives in rollback mode).
            SQLite::Statement v(db, "SELECT value FROM meta WHERE key='schema_version'");
            if (!v.executeStep())
                sessionError(path, "has no schema version (damaged session)");
            m_impl->version = std::atoi(v.getColumn(0).getText());
        }
        if (m_impl->version > kSessionSchemaVersion)
            sessionError(path, "was written by a newer Sufficiency Workbench (schema version "
                                   + std::to_string(m_impl->version) + ", this build reads up to "
                                   + std::to_string(kSessionSchemaVersion) + "); not opened");
        if (m_impl->version < 1)
            sessionError(path, "has an invalid schema version");
        if (m_impl->version < kSessionSchemaVersion && mode != Mode::ReadOnly) {
            detail::migrateSession(db, path, m_impl->version);
            m_impl->version = kSessionSchemaVersion;
        }
        if (mode != Mode::ReadOnly) {
            db.exec("PRAGMA journal_mode=WAL");
            db.exec("PRAGMA synchronous=NORMAL");
            // Checkpoint blobs are MBs per epoch: fold the WAL back less often than every
            // 4 MB (measured: the default made checkpoint commits ~6% of training time).
            db.exec("PRAGMA wal_autocheckpoint=16384");
        }
        db.exec("PRAGMA foreign_keys=ON");
    } catch (const SQLite::Exception &e) {
        const std::string msg = e.what();
        if (msg.find("locked") != std::string::npos || msg.find("busy") != std::string::npos)
            sessionError(path, "is locked by another program (" + msg + ")");
        if (msg.find("readonly") != std::string::npos || msg.find("read-only") != std::string::npos)
            sessionError(path, "is read-only (" + msg + ")");
        if (msg.find("unable to open") != std::string::npos && mode != Mode::ReadOnly)
            sessionError(path, "cannot be opened for writing (" + msg + "): a read-only folder or file system? "
                               "SQLite writes the -wal and -shm files beside the session");
        sessionError(path, "cannot be opened as a session: " + msg);
    }
}

Session::~Session() = default;
Session::Session(Session &&) noexcept = default;
Session &Session::operator=(Session &&) noexcept = default;

const std::string &Session::path() const { return m_impl->path; }
int Session::schemaVersion() const { return m_impl->version; }

std::int64_t Session::addDataset(const DatasetRecord &r)
{
    return m_impl->guarded("adding a dataset", [&] {
        auto &db = *m_impl->db;
        SQLite::Statement find(db, "SELECT id FROM datasets WHERE path=? AND fingerprint=?");
        find.bind(1, r.path);
        find.bind(2, r.fingerprint);
        if (find.executeStep())
            return find.getColumn(0).getInt64();
        SQLite::Statement q(db, "INSERT INTO datasets(name, path, fingerprint, train_count, "
                                "test_count, channels, height, width, class_names, created) "
                                "VALUES (?,?,?,?,?,?,?,?,?,?)");
        q.bind(1, r.name);
        q.bind(2, r.path);
        q.bind(3, r.fingerprint);
        q.bind(4, r.trainCount);
        q.bind(5, r.testCount);
        q.bind(6, r.channels);
        q.bind(7, r.height);
        q.bind(8, r.width);
        q.bind(9, nlohmann::json(r.classNames).dump());
        q.bind(10, utcNow());
        q.exec();
        return db.getLastInsertRowid();
    });
}

std::int64_t Session::addArchitecture(const std::string &name, const std::string &specJson)
{
    return m_impl->guarded("adding an architecture", [&] {
        auto &db = *m_impl->db;
        SQLite::Statement find(db, "SELECT id FROM architectures WHERE name=? AND spec_json=?");
        find.bind(1, name);
        find.bind(2, specJson);
        if (find.executeStep())
            return find.getColumn(0).getInt64();
        SQLite::Statement q(db, "INSERT INTO architectures(name, spec_json, created) VALUES (?,?,?)");
        q.bind(1, name);
        q.bind(2, specJson);
        q.bind(3, utcNow());
        q.exec();
        return db.getLastInsertRowid();
    });
}

std::int64_t Session::createRun(const RunRecord &r)
{
    return m_impl->guarded("creating a run", [&] {
        auto &db = *m_impl->db;
        // The id is above every run there is and every run deleted (deleteRun keeps the
        // highest): an id never names two runs.
        // The creating process owns the run from here on: a run whose process dies before
        // training starts (while the data loads) reads as interrupted, not "created" for ever.
        SQLite::Statement q(db, "INSERT INTO runs(id, dataset_id, architecture_id, name, config_json, data_json, "
                                "status, created, owner) VALUES (max(coalesce((SELECT max(id) FROM runs), 0), "
                                "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key='deleted_run_max'), 0)) + 1, "
                                "?,?,?,?,?,?,?,?)");
        q.bind(1, r.datasetId);
        q.bind(2, r.architectureId);
        q.bind(3, r.name);
        q.bind(4, r.configJson);
        q.bind(5, r.dataJson);
        q.bind(6, runStatusName(RunStatus::Created));
        q.bind(7, r.created.empty() ? utcNow() : r.created);
        q.bind(8, thisProcessOwner());
        q.exec();
        const auto id = db.getLastInsertRowid();
        detail::faultPoint("run-created");
        return id;
    });
}

void Session::setRunStarted(std::int64_t runId, const std::string &device, std::int64_t parameters)
{
    m_impl->guarded("starting a run", [&] {
        auto &db = *m_impl->db;
        const std::string me = thisProcessOwner();
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE); // check and claim at once
        SQLite::Statement c(db, "SELECT status, owner FROM runs WHERE id=?");
        c.bind(1, runId);
        if (c.executeStep()) {
            const std::string status = text(c.getColumn(0)), owner = text(c.getColumn(1));
            if (status == runStatusName(RunStatus::Running) && owner != me && !ownerIsGone(owner))
                throw Error(ErrorCode::InvalidArgument, "run " + std::to_string(runId) + " is being trained by process "
                                                            + owner + "; wait for it, or stop it there");
        }
        c.reset();
        SQLite::Statement q(db, "UPDATE runs SET status=?, device=?, parameters=?, "
                                "started=COALESCE(started, ?), message='', owner=? WHERE id=?");
        q.bind(1, runStatusName(RunStatus::Running));
        q.bind(2, device);
        q.bind(3, parameters);
        q.bind(4, utcNow());
        q.bind(5, me);
        q.bind(6, runId);
        q.exec();
        tx.commit();
        detail::faultPoint("run-started");
    });
}

void Session::appendEpoch(std::int64_t runId, const EpochRecord &e,
                          const std::vector<BatchRecord> &batches, const Checkpoint &cp)
{
    m_impl->guarded("saving an epoch", [&] {
        auto &db = *m_impl->db;
        SQLite::Transaction tx(db);
        SQLite::Statement b(db, "INSERT OR REPLACE INTO batch_metrics(run_id, step, epoch, loss, "
                                "accuracy, lr) VALUES (?,?,?,?,?,?)");
        for (const auto &r : batches) {
            b.bind(1, runId);
            b.bind(2, r.step);
            b.bind(3, r.epoch);
            bindReal(b, 4, r.loss);
            bindReal(b, 5, r.accuracy);
            bindReal(b, 6, r.lr);
            b.exec();
            b.reset();
        }
        SQLite::Statement q(db, "INSERT OR REPLACE INTO epoch_metrics(run_id, epoch, train_loss, "
                                "train_accuracy, val_loss, val_accuracy, val_smoothed_accuracy, "
                                "seconds, lr) VALUES (?,?,?,?,?,?,?,?,?)");
        q.bind(1, runId);
        q.bind(2, e.epoch);
        bindReal(q, 3, e.trainLoss);
        bindReal(q, 4, e.trainAccuracy);
        bindReal(q, 5, e.valLoss);
        bindReal(q, 6, e.valAccuracy);
        bindReal(q, 7, e.valSmoothedAccuracy);
        bindReal(q, 8, e.seconds);
        bindReal(q, 9, e.lr);
        q.exec();
        SQLite::Statement c(db, "INSERT OR REPLACE INTO checkpoints(run_id, epoch, model, "
                                "optimizer) VALUES (?,?,?,?)");
        c.bind(1, runId);
        c.bind(2, cp.epoch);
        c.bindNoCopy(3, cp.model.data(), int(cp.model.size()));
        c.bindNoCopy(4, cp.optimizer.data(), int(cp.optimizer.size()));
        c.exec();
        SQLite::Statement r(db, "UPDATE runs SET epochs_done=? WHERE id=?");
        r.bind(1, e.epoch);
        r.bind(2, runId);
        r.exec();
        detail::faultPoint("epoch-before-commit");
        tx.commit();
        detail::faultPoint("epoch-committed");
    });
}

void Session::finishRun(std::int64_t runId, RunStatus status, const std::optional<EvalResult> &test,
                        double trainSeconds, const std::string &message)
{
    m_impl->guarded("finishing a run", [&] {
        SQLite::Statement q(*m_impl->db,
                            "UPDATE runs SET status=?, finished=?, test_loss=?, test_accuracy=?, "
                            "test_smoothed_accuracy=?, train_seconds=train_seconds+?, message=?, owner='' "
                            "WHERE id=?");
        q.bind(1, runStatusName(status));
        q.bind(2, utcNow());
        bindReal(q, 3, test ? test->loss : kNaN);
        bindReal(q, 4, test ? test->accuracy : kNaN);
        bindReal(q, 5, test ? test->smoothedAccuracy : kNaN);
        q.bind(6, trainSeconds);
        q.bind(7, message);
        q.bind(8, runId);
        detail::faultPoint("run-before-finish");
        q.exec();
    });
}

void Session::failUnstartedRun(std::int64_t runId, const std::string &message)
{
    m_impl->guarded("recording why a run did not start", [&] {
        SQLite::Statement q(*m_impl->db, "UPDATE runs SET status=?, finished=?, message=? "
                                         "WHERE id=? AND status=?");
        q.bind(1, runStatusName(RunStatus::Failed));
        q.bind(2, utcNow());
        q.bind(3, message);
        q.bind(4, runId);
        q.bind(5, runStatusName(RunStatus::Created));
        q.exec();
    });
}

void Session::setValue(const std::string &key, const std::string &value)
{
    m_impl->guarded("saving a value", [&] {
        SQLite::Statement q(*m_impl->db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
        q.bind(1, "value:" + key);
        q.bind(2, value);
        q.exec();
    });
}

void Session::saveCopy(const std::string &path, bool overwrite) const
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(path, ec)) {
        if (!overwrite)
            sessionError(path, "already exists");
        if (fs::equivalent(path, m_impl->path, ec))
            sessionError(path, "is this session itself");
        fs::remove(path, ec);
        fs::remove(path + "-wal", ec);
        fs::remove(path + "-shm", ec);
    }
    m_impl->guarded("saving a copy", [&] {
        SQLite::Statement q(*m_impl->db, "VACUUM INTO ?");
        q.bind(1, path);
        q.exec();
    });
}

std::int64_t Session::addResult(const ResultRecord &r)
{
    return m_impl->guarded("saving a result", [&] {
        SQLite::Statement q(*m_impl->db, "INSERT INTO results(kind, run_id, name, created, "
                                         "payload_json) VALUES (?,?,?,?,?)");
        q.bind(1, r.kind);
        if (r.runId > 0)
            q.bind(2, r.runId);
        else
            q.bind(2);
        q.bind(3, r.name);
        q.bind(4, r.created.empty() ? utcNow() : r.created);
        q.bind(5, r.payloadJson);
        q.exec();
        return m_impl->db->getLastInsertRowid();
    });
}

} // namespace wb::core
