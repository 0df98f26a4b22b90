#include "sessiondocument.h"

#include "wb/errors.h"

#include <QFileInfo>
#include <QSettings>

namespace wb::app {

SessionDocument::SessionDocument(QObject *parent) : QObject(parent) {}

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
    if (!m_tempDir) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            *error = tr("Cannot create a temporary folder for the new session.");
            m_tempDir.reset();
            return false;
        }
    }
    const QString path = m_tempDir->filePath(QStringLiteral("untitled-%1.wbs").arg(++m_untitledCount));
    try {
        m_session = std::make_unique<core::Session>(path.toStdString(), core::Session::Mode::Create);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_path = path;
    m_untitled = true;
    Q_EMIT opened();
    return true;
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
    try {
        auto session = std::make_unique<core::Session>(path.toStdString(), core::Session::Mode::ReadWrite);
        m_session = std::move(session);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_path = info.absoluteFilePath();
    m_untitled = false;
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
