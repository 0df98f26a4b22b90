// Reads of wb::core::Session: datasets, architectures, runs, histories, checkpoints,
// key/value settings and results.
#include "session/sessionimpl.h"
#include "util/blobchecksum.h"

#include <nlohmann/json.hpp>

namespace wb::core {

using namespace detail::sessionio;

namespace {
DatasetRecord readDataset(SQLite::Statement &q, const std::string &path)
{
    DatasetRecord r;
    r.id = q.getColumn(0).getInt64();
    r.name = text(q.getColumn(1));
    r.path = text(q.getColumn(2));
    r.fingerprint = text(q.getColumn(3));
    r.trainCount = q.getColumn(4).getInt64();
    r.testCount = q.getColumn(5).getInt64();
    r.channels = q.getColumn(6).getInt();
    r.height = q.getColumn(7).getInt();
    r.width = q.getColumn(8).getInt();
    try {
        r.classNames = nlohmann::json::parse(text(q.getColumn(9))).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception &) {
        throw Error(ErrorCode::Session, path + ": dataset " + std::to_string(r.id)
                                            + ": its class_names are not a JSON list of strings (a damaged session)");
    }
    return r;
}

RunRecord readRun(SQLite::Statement &q)
{
    RunRecord r;
    int i = 0;
    r.id = q.getColumn(i++).getInt64();
    r.datasetId = q.getColumn(i++).getInt64();
    r.architectureId = q.getColumn(i++).getInt64();
    r.name = text(q.getColumn(i++));
    r.configJson = text(q.getColumn(i++));
    r.dataJson = text(q.getColumn(i++));
    std::string unknownStatus;
    r.status = statusOr(text(q.getColumn(i++)), runStatusFromName, RunStatus::Failed, unknownStatus);
    r.device = text(q.getColumn(i++));
    r.created = text(q.getColumn(i++));
    r.started = text(q.getColumn(i++));
    r.finished = text(q.getColumn(i++));
    r.epochsDone = q.getColumn(i++).getInt();
    r.testLoss = real(q.getColumn(i++));
    r.testAccuracy = real(q.getColumn(i++));
    r.testSmoothedAccuracy = real(q.getColumn(i++));
    r.parameters = q.getColumn(i++).getInt64();
    r.trainSeconds = real(q.getColumn(i++));
    r.message = text(q.getColumn(i++)) + unknownStatus;
    r.owner = q.getColumnCount() > i ? text(q.getColumn(i++)) : std::string();
    if (runIsHeld(r.status, r.owner) && ownerIsGone(r.owner))
        r.status = RunStatus::Interrupted; // its process was killed, crashed or lost power
    return r;
}

// The runs' columns; version 1 files (read-only) have no owner.
std::string runColumns(int version)
{
    return std::string("SELECT id, dataset_id, architecture_id, name, config_json, data_json, status, device, "
                        "created, started, finished, epochs_done, test_loss, test_accuracy, test_smoothed_accuracy, "
                        "parameters, train_seconds, message")
           + (version >= 2 ? ", owner" : "") + " FROM runs";
}
constexpr const char *kDatasetColumns =
    "SELECT id, name, path, fingerprint, train_count, test_count, channels, height, width, "
    "class_names FROM datasets";
} // namespace

std::vector<DatasetRecord> Session::datasets() const
{
    return m_impl->guarded("reading datasets", [&] {
        SQLite::Statement q(*m_impl->db, std::string(kDatasetColumns) + " ORDER BY id");
        std::vector<DatasetRecord> out;
        while (q.executeStep())
            out.push_back(readDataset(q, m_impl->path));
        return out;
    });
}

DatasetRecord Session::dataset(std::int64_t id) const
{
    return m_impl->guarded("reading a dataset", [&] {
        SQLite::Statement q(*m_impl->db, std::string(kDatasetColumns) + " WHERE id=?");
        q.bind(1, id);
        if (!q.executeStep())
            throw Error(ErrorCode::InvalidArgument, "dataset " + std::to_string(id)
                                                        + " does not exist in " + m_impl->path);
        return readDataset(q, m_impl->path);
    });
}

std::vector<ArchitectureRecord> Session::architectures() const
{
    return m_impl->guarded("reading architectures", [&] {
        SQLite::Statement q(*m_impl->db, "SELECT id, name, spec_json FROM architectures ORDER BY id");
        std::vector<ArchitectureRecord> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), text(q.getColumn(1)), text(q.getColumn(2))});
        return out;
    });
}

ArchitectureRecord Session::architecture(std::int64_t id) const
{
    for (auto &a : architectures())
        if (a.id == id)
            return a;
    throw Error(ErrorCode::InvalidArgument,
                "architecture " + std::to_string(id) + " does not exist in " + m_impl->path);
}

std::vector<RunRecord> Session::runs() const
{
    return m_impl->guarded("reading runs", [&] {
        SQLite::Statement q(*m_impl->db, runColumns(m_impl->version) + " ORDER BY id");
        std::vector<RunRecord> out;
        while (q.executeStep())
            out.push_back(readRun(q));
        return out;
    });
}

RunRecord Session::run(std::int64_t id) const
{
    return m_impl->guarded("reading a run", [&] {
        SQLite::Statement q(*m_impl->db, runColumns(m_impl->version) + " WHERE id=?");
        q.bind(1, id);
        if (!q.executeStep())
            throw Error(ErrorCode::InvalidArgument,
                        "run " + std::to_string(id) + " does not exist in " + m_impl->path);
        return readRun(q);
    });
}

History Session::history(std::int64_t runId) const
{
    return m_impl->guarded("reading a run history", [&] {
        History h;
        SQLite::Statement b(*m_impl->db, "SELECT step, epoch, loss, accuracy, lr FROM batch_metrics "
                                         "WHERE run_id=? ORDER BY step");
        b.bind(1, runId);
        while (b.executeStep())
            h.batches.push_back({b.getColumn(0).getInt64(), b.getColumn(1).getInt(),
                                 real(b.getColumn(2)), real(b.getColumn(3)), real(b.getColumn(4))});
        SQLite::Statement e(*m_impl->db,
                            "SELECT epoch, train_loss, train_accuracy, val_loss, val_accuracy, "
                            "val_smoothed_accuracy, seconds, lr FROM epoch_metrics WHERE run_id=? "
                            "ORDER BY epoch");
        e.bind(1, runId);
        while (e.executeStep())
            h.epochs.push_back({e.getColumn(0).getInt(), real(e.getColumn(1)), real(e.getColumn(2)),
                                real(e.getColumn(3)), real(e.getColumn(4)), real(e.getColumn(5)),
                                real(e.getColumn(6)), real(e.getColumn(7))});
        return h;
    });
}

std::optional<Checkpoint> Session::checkpoint(std::int64_t runId, int epoch) const
{
    return m_impl->guarded("reading a checkpoint", [&]() -> std::optional<Checkpoint> {
        SQLite::Statement q(*m_impl->db,
                            epoch > 0 ? "SELECT epoch, model, optimizer FROM checkpoints WHERE "
                                        "run_id=? AND epoch=?"
                                      : "SELECT epoch, model, optimizer FROM checkpoints WHERE "
                                        "run_id=? ORDER BY epoch DESC LIMIT 1");
        q.bind(1, runId);
        if (epoch > 0)
            q.bind(2, epoch);
        if (!q.executeStep())
            return std::nullopt;
        Checkpoint cp{q.getColumn(0).getInt(), blob(q.getColumn(1)), blob(q.getColumn(2))};
        for (const auto &[part, bytes] : {std::pair<const char *, const std::string *>{"weights", &cp.model},
                                          {"optimizer state", &cp.optimizer}})
            if (const std::string damage = detail::blobDamage(*bytes); !damage.empty())
                throw Error(ErrorCode::Session, m_impl->path + ": damaged checkpoint of run " + std::to_string(runId)
                                                    + " epoch " + std::to_string(cp.epoch) + " (" + part + ": "
                                                    + damage + "); resume from an earlier epoch, or retrain");
        return cp;
    });
}

std::vector<int> Session::checkpointEpochs(std::int64_t runId) const
{
    return m_impl->guarded("listing checkpoints", [&] {
        SQLite::Statement q(*m_impl->db, "SELECT epoch FROM checkpoints WHERE run_id=? ORDER BY epoch");
        q.bind(1, runId);
        std::vector<int> epochs;
        while (q.executeStep())
            epochs.push_back(q.getColumn(0).getInt());
        return epochs;
    });
}

std::string Session::value(const std::string &key, const std::string &fallback) const
{
    return m_impl->guarded("reading a value", [&] {
        SQLite::Statement q(*m_impl->db, "SELECT value FROM meta WHERE key=?");
        q.bind(1, "value:" + key);
        return q.executeStep() ? q.getColumn(0).getString() : fallback;
    });
}

std::vector<ResultRecord> Session::results(const std::string &kind) const
{
    return m_impl->guarded("reading results", [&] {
        SQLite::Statement q(*m_impl->db,
                            kind.empty() ? "SELECT id, kind, run_id, name, created, payload_json "
                                           "FROM results ORDER BY id"
                                         : "SELECT id, kind, run_id, name, created, payload_json "
                                           "FROM results WHERE kind=? ORDER BY id");
        if (!kind.empty())
            q.bind(1, kind);
        std::vector<ResultRecord> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), text(q.getColumn(1)),
                           q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt64(),
                           text(q.getColumn(3)), text(q.getColumn(4)), text(q.getColumn(5))});
        return out;
    });
}

std::vector<ResultRecord> Session::runResults(const std::string &kind, std::int64_t runId) const
{
    return m_impl->guarded("reading results", [&] {
        SQLite::Statement q(*m_impl->db, "SELECT id, kind, run_id, name, created, payload_json "
                                         "FROM results WHERE kind=? AND run_id=? ORDER BY id");
        q.bind(1, kind);
        q.bind(2, runId);
        std::vector<ResultRecord> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), text(q.getColumn(1)), q.getColumn(2).getInt64(),
                           text(q.getColumn(3)), text(q.getColumn(4)), text(q.getColumn(5))});
        return out;
    });
}

} // namespace wb::core
