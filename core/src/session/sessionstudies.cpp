// Studies and their cells in a session (schema version 2).
#include "session/sessionimpl.h"
#include "util/faultpoint.h"

#include <cerrno>
#include <csignal>
#include <fstream>
#include <unistd.h>

namespace wb::core {

using namespace detail::sessionio;

namespace {
constexpr std::pair<StudyStatus, const char *> kStatusNames[] = {
    {StudyStatus::Running, "running"},     {StudyStatus::Submitted, "submitted"},
    {StudyStatus::Complete, "complete"},   {StudyStatus::Cancelled, "cancelled"},
    {StudyStatus::Failed, "failed"},       {StudyStatus::Interrupted, "interrupted"}};

constexpr const char *kStudyColumns =
    "SELECT s.id, s.type, s.name, s.dataset_id, s.config_json, s.cell_count, s.status, s.owner, "
    "s.created, s.finished, s.wall_seconds, s.message, s.submission_json, "
    "(SELECT COUNT(*) FROM study_cells c WHERE c.study_id=s.id AND c.status='done'), "
    "(SELECT COUNT(*) FROM study_cells c WHERE c.study_id=s.id AND c.status='failed') FROM studies s";

StudyRecord readStudy(SQLite::Statement &q)
{
    StudyRecord r;
    int i = 0;
    r.id = q.getColumn(i++).getInt64();
    r.type = text(q.getColumn(i++));
    r.name = text(q.getColumn(i++));
    r.datasetId = q.getColumn(i).isNull() ? 0 : q.getColumn(i).getInt64();
    ++i;
    r.configJson = text(q.getColumn(i++));
    r.cellCount = q.getColumn(i++).getInt();
    std::string unknownStatus;
    r.status = statusOr(text(q.getColumn(i++)), studyStatusFromName, StudyStatus::Failed, unknownStatus);
    r.owner = text(q.getColumn(i++));
    r.created = text(q.getColumn(i++));
    r.finished = text(q.getColumn(i++));
    r.wallSeconds = real(q.getColumn(i++));
    r.message = text(q.getColumn(i++)) + unknownStatus;
    r.submissionJson = text(q.getColumn(i++));
    r.cellsDone = q.getColumn(i++).getInt();
    r.cellsFailed = q.getColumn(i++).getInt();
    if (r.status == StudyStatus::Running && ownerIsGone(r.owner))
        r.status = StudyStatus::Interrupted;
    return r;
}
} // namespace

const char *studyStatusName(StudyStatus status)
{
    for (const auto &[s, name] : kStatusNames)
        if (s == status)
            return name;
    return "unknown";
}

StudyStatus studyStatusFromName(const std::string &value)
{
    for (const auto &[s, name] : kStatusNames)
        if (value == name)
            return s;
    throw Error(ErrorCode::Session, "unknown study status '" + value + "' (damaged session?)");
}

std::string hostName()
{
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0)
        return "localhost";
    return buf;
}

std::string thisProcessOwner() { return hostName() + ":" + std::to_string(getpid()); }

bool ownerIsGone(const std::string &owner)
{
    const auto colon = owner.rfind(':');
    if (owner.empty() || colon == std::string::npos)
        return true; // no owner recorded: nobody runs it
    if (owner.substr(0, colon) != hostName())
        return false;
    long pid = 0;
    try {
        pid = std::stol(owner.substr(colon + 1));
    } catch (const std::exception &) {
        return true;
    }
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return true;
    // A live pid may be a different program that reused the number.
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    return comm && std::getline(comm, name) && name.rfind("workbench", 0) != 0
           && name.rfind("tst_", 0) != 0;
}

std::int64_t Session::createStudy(const StudyRecord &r)
{
    return m_impl->guarded("creating a study", [&] {
        SQLite::Statement q(*m_impl->db, "INSERT INTO studies(type, name, dataset_id, config_json, "
                                         "cell_count, status, owner, created) VALUES (?,?,?,?,?,?,?,?)");
        q.bind(1, r.type);
        q.bind(2, r.name);
        if (r.datasetId > 0)
            q.bind(3, r.datasetId);
        else
            q.bind(3);
        q.bind(4, r.configJson);
        q.bind(5, r.cellCount);
        q.bind(6, studyStatusName(r.status));
        q.bind(7, r.owner);
        q.bind(8, r.created.empty() ? utcNow() : r.created);
        q.exec();
        return m_impl->db->getLastInsertRowid();
    });
}

std::vector<StudyRecord> Session::studies() const
{
    return m_impl->guarded("reading studies", [&] {
        std::vector<StudyRecord> out;
        if (m_impl->version < 2)
            return out;
        SQLite::Statement q(*m_impl->db, std::string(kStudyColumns) + " ORDER BY s.id");
        while (q.executeStep())
            out.push_back(readStudy(q));
        return out;
    });
}

StudyRecord Session::study(std::int64_t id) const
{
    return m_impl->guarded("reading a study", [&] {
        if (m_impl->version >= 2) {
            SQLite::Statement q(*m_impl->db, std::string(kStudyColumns) + " WHERE s.id=?");
            q.bind(1, id);
            if (q.executeStep())
                return readStudy(q);
        }
        throw Error(ErrorCode::InvalidArgument,
                    "study " + std::to_string(id) + " does not exist in " + m_impl->path);
    });
}

std::vector<StudyCell> Session::studyCells(std::int64_t studyId) const
{
    return m_impl->guarded("reading study cells", [&] {
        std::vector<StudyCell> out;
        if (m_impl->version < 2)
            return out;
        SQLite::Statement q(*m_impl->db, "SELECT cell, status, result_json, seconds, host, device, "
                                         "started, finished FROM study_cells WHERE study_id=? ORDER BY cell");
        q.bind(1, studyId);
        while (q.executeStep()) {
            StudyCell c;
            c.cell = q.getColumn(0).getInt();
            c.status = text(q.getColumn(1));
            c.resultJson = text(q.getColumn(2));
            c.seconds = real(q.getColumn(3));
            c.host = text(q.getColumn(4));
            c.device = text(q.getColumn(5));
            c.started = text(q.getColumn(6));
            c.finished = text(q.getColumn(7));
            out.push_back(std::move(c));
        }
        return out;
    });
}

bool Session::commitCell(std::int64_t studyId, const StudyCell &c)
{
    return m_impl->guarded("saving a study cell", [&] {
        auto &db = *m_impl->db;
        // Immediate: a deferred read-then-write gets SQLITE_BUSY at once under a concurrent
        // writer in WAL mode (no busy wait on the upgrade).
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement find(db, "SELECT status FROM study_cells WHERE study_id=? AND cell=?");
        find.bind(1, studyId);
        find.bind(2, c.cell);
        if (find.executeStep() && text(find.getColumn(0)) == "done")
            return false;
        find.reset();
        SQLite::Statement q(db, "INSERT OR REPLACE INTO study_cells(study_id, cell, status, result_json, "
                                "seconds, host, device, started, finished) VALUES (?,?,?,?,?,?,?,?,?)");
        q.bind(1, studyId);
        q.bind(2, c.cell);
        q.bind(3, c.status);
        q.bind(4, c.resultJson);
        q.bind(5, c.seconds);
        q.bind(6, c.host);
        q.bind(7, c.device);
        q.bind(8, c.started);
        q.bind(9, c.finished);
        q.exec();
        detail::faultPoint("cell-before-commit");
        tx.commit();
        detail::faultPoint("cell-committed");
        return true;
    });
}

bool Session::claimStudy(std::int64_t id, const std::string &owner)
{
    return m_impl->guarded("claiming a study", [&] {
        auto &db = *m_impl->db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE); // no other writer between check and set
        SQLite::Statement q(db, "SELECT status, owner FROM studies WHERE id=?");
        q.bind(1, id);
        if (!q.executeStep())
            throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " does not exist in " + m_impl->path);
        const std::string status = text(q.getColumn(0)), current = text(q.getColumn(1));
        q.reset();
        if (status == "running" && current != owner && !ownerIsGone(current))
            return false;
        SQLite::Statement u(db, "UPDATE studies SET status='running', owner=?, message='', finished=NULL WHERE id=?");
        u.bind(1, owner);
        u.bind(2, id);
        u.exec();
        tx.commit();
        return true;
    });
}

void Session::setStudyStatus(std::int64_t id, StudyStatus status, const std::string &owner,
                             const std::string &message)
{
    m_impl->guarded("saving a study's status", [&] {
        const bool final = status == StudyStatus::Complete || status == StudyStatus::Cancelled
                           || status == StudyStatus::Failed;
        SQLite::Statement q(*m_impl->db, "UPDATE studies SET status=?, owner=?, message=?, "
                                         "finished=CASE WHEN ? THEN ? ELSE NULL END WHERE id=?");
        q.bind(1, studyStatusName(status == StudyStatus::Interrupted ? StudyStatus::Running : status));
        q.bind(2, owner);
        q.bind(3, message);
        q.bind(4, final ? 1 : 0);
        q.bind(5, utcNow());
        q.bind(6, id);
        q.exec();
    });
}

void Session::addStudyWallSeconds(std::int64_t id, double seconds)
{
    m_impl->guarded("saving a study's time", [&] {
        SQLite::Statement q(*m_impl->db, "UPDATE studies SET wall_seconds=wall_seconds+? WHERE id=?");
        q.bind(1, seconds);
        q.bind(2, id);
        q.exec();
    });
}

void Session::setStudySubmission(std::int64_t id, const std::string &submissionJson)
{
    m_impl->guarded("saving a study's submission", [&] {
        SQLite::Statement q(*m_impl->db, "UPDATE studies SET submission_json=? WHERE id=?");
        q.bind(1, submissionJson);
        q.bind(2, id);
        q.exec();
    });
}

void Session::renameStudy(std::int64_t id, const std::string &name)
{
    m_impl->guarded("renaming a study", [&] {
        SQLite::Statement q(*m_impl->db, "UPDATE studies SET name=? WHERE id=?");
        q.bind(1, name);
        q.bind(2, id);
        q.exec();
    });
}

void Session::deleteStudy(std::int64_t id)
{
    m_impl->guarded("deleting a study", [&] {
        SQLite::Statement q(*m_impl->db, "DELETE FROM studies WHERE id=?"); // cells: ON DELETE CASCADE
        q.bind(1, id);
        q.exec();
    });
}

} // namespace wb::core
