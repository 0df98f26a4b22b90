#include "sessiondocument.h"

#include "wb/errors.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace wb::app {

SessionDocument::SessionDocument(QObject *parent) : QObject(parent) {}

SessionDocument::~SessionDocument() { dropUntitled(); }

QString SessionDocument::untitledFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/untitled");
}

void SessionDocument::removeSessionFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

void SessionDocument::dropUntitled()
{
    if (!m_untitled || m_path.isEmpty())
        return;
    m_session.reset();
    removeSessionFiles(m_path);
    m_path.clear();
    m_untitled = false;
}

QString SessionDocument::nextUntitledPath() const
{
    for (int n = 1;; ++n) {
        const QString path = QStringLiteral("%1/untitled-%2-%3.wbs").arg(untitledFolder()).arg(qint64(getpid())).arg(n);
        if (!QFileInfo::exists(path))
            return path;
    }
}

QStringList SessionDocument::orphanedUntitled()
{
    static const QRegularExpression name(QStringLiteral("^untitled-(\\d+)-\\d+\\.wbs$"));
    QFileInfoList found;
    for (const QFileInfo &f : QDir(untitledFolder()).entryInfoList({QStringLiteral("untitled-*.wbs")}, QDir::Files)) {
        const auto match = name.match(f.fileName());
        if (!match.hasMatch())
            continue;
        const qint64 pid = match.captured(1).toLongLong();
        if (pid == qint64(getpid()) || (pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM)))
            continue; // a running workbench's own
        bool work = true;
        try {
            const core::Session session(f.absoluteFilePath().toStdString(), core::Session::Mode::ReadOnly);
            work = !session.runs().empty() || !session.studies().empty() || !session.results().empty();
        } catch (const core::Error &) {
            // unreadable: kept, and offered, rather than deleted unseen
        }
        if (work)
            found << f;
        else
            removeSessionFiles(f.absoluteFilePath());
    }
    std::sort(found.begin(), found.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() > b.lastModified(); });
    QStringList paths;
    for (const QFileInfo &f : found)
        paths << f.absoluteFilePath();
    return paths;
}

bool SessionDocument::recover(const QString &path, QString *error)
{
    // Renamed to this process's name first, so that another workbench does not offer it too.
    const QString target = nextUntitledPath();
    for (const char *suffix : {"-wal", "-shm"})
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            QFile::rename(path + QLatin1String(suffix), target + QLatin1String(suffix));
    if (!QFile::rename(path, target)) {
        *error = tr("%1 could not be taken over (it may have been recovered by another workbench).").arg(path);
        return false;
    }
    std::unique_ptr<core::Session> session;
    try {
        session = std::make_unique<core::Session>(target.toStdString(), core::Session::Mode::ReadWrite);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    dropUntitled();
    m_openMarker.reset();
    m_session = std::move(session);
    m_path = target;
    m_untitled = true;
    Q_EMIT opened();
    return true;
}

QString SessionDocument::displayName() const
{
    return m_untitled ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool SessionDocument::hasWork() const
{
    try {
        return m_session && (!m_session->runs().empty() || !m_session->studies().empty() || !m_session->results().empty());
    } catch (const core::Error &) {
        return true; // unreadable: assume there is something to keep
    }
}

bool SessionDocument::newSession(QString *error)
{
    if (!QDir().mkpath(untitledFolder())) {
        *error = tr("Cannot create the folder %1 for the new session.").arg(untitledFolder());
        return false;
    }
    const QString path = nextUntitledPath();
    std::unique_ptr<core::Session> session;
    try {
        session = std::make_unique<core::Session>(path.toStdString(), core::Session::Mode::Create);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    dropUntitled();
    m_openMarker.reset();
    m_session = std::move(session);
    m_path = path;
    m_untitled = true;
    Q_EMIT opened();
    return true;
}

QString SessionDocument::openMarkerPath(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    const QByteArray key = QCryptographicHash::hash((canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical).toUtf8(),
                                                    QCryptographicHash::Sha1).toHex();
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return folder + QStringLiteral("/workbench-open-") + QString::fromLatin1(key) + QStringLiteral(".lock");
}

qint64 SessionDocument::openElsewhere(const QString &path)
{
    QLockFile probe(openMarkerPath(path));
    probe.setStaleLockTime(0); // only a dead holder makes it stale, not its age
    if (probe.tryLock(0))
        return 0; // nobody (or a crashed workbench) had it open
    qint64 pid = 0;
    QString host, app;
    if (probe.error() != QLockFile::LockFailedError || !probe.getLockInfo(&pid, &host, &app))
        return 0;
    return pid == qint64(getpid()) ? 0 : pid;
}

bool SessionDocument::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("%1 does not exist.").arg(path);
        return false;
    }
    if (!info.isWritable()) {
        *error = tr("%1 is read-only. Copy it somewhere writable, or change its permissions, "
                    "to work with it.").arg(path);
        return false;
    }
    std::unique_ptr<core::Session> session;
    try {
        session = std::make_unique<core::Session>(path.toStdString(), core::Session::Mode::ReadWrite);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    if (QFileInfo(m_path) != info) // not reopening the untitled file itself
        dropUntitled();
    m_session = std::move(session);
    m_path = info.absoluteFilePath();
    m_untitled = false;
    m_openMarker = std::make_unique<QLockFile>(openMarkerPath(m_path));
    m_openMarker->setStaleLockTime(0);
    if (!m_openMarker->tryLock(0))
        m_openMarker.reset(); // open elsewhere too (the user was asked), or no runtime folder: no marker
    addRecentFile(m_path);
    Q_EMIT opened();
    return true;
}

bool SessionDocument::saveAs(const QString &path, QString *error)
{
    if (!m_session) {
        *error = tr("No session is open.");
        return false;
    }
    const QString target = QFileInfo(path).absoluteFilePath();
    try {
        m_session->saveCopy(target.toStdString(), true);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return open(target, error);
}

void SessionDocument::saveState(const QString &json)
{
    if (m_session)
        m_session->setValue("gui.state", json.toStdString());
}

QString SessionDocument::state() const
{
    return m_session ? QString::fromStdString(m_session->value("gui.state")) : QString();
}

QStringList SessionDocument::recentFiles()
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void SessionDocument::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > 8)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
}

} // namespace wb::app
