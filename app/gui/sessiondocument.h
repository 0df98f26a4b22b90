#pragma once

#include "wb/session.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace wb::app {

/// The open session file. Untitled sessions live in a temporary folder until saved with
/// "Save As"; every change is written to SQLite as it happens, so there is no unsaved
/// state besides the page layout, which is stored with saveState(). Files that cannot be
/// opened (missing, read-only, locked, corrupt, newer schema) are refused, never written.
class SessionDocument : public QObject
{
    Q_OBJECT

public:
    explicit SessionDocument(QObject *parent = nullptr);

    /// Starts a new untitled session. Returns false with `error` set on failure.
    bool newSession(QString *error);
    bool open(const QString &path, QString *error);
    /// Copies the session to `path` and continues in the copy.
    bool saveAs(const QString &path, QString *error);

    bool isOpen() const { return m_session != nullptr; }
    bool isUntitled() const { return m_untitled; }
    /// Whether the session holds anything a user made (runs, studies, results): an untitled
    /// one with work is lost on quit unless saved.
    bool hasWork() const;
    QString path() const { return m_path; }
    QString displayName() const;
    core::Session &session() { return *m_session; }

    /// The page state (JSON text) saved in the session.
    void saveState(const QString &json);
    QString state() const;

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);

Q_SIGNALS:
    /// Another file is now open (new, open, save as).
    void opened();
    /// Runs, datasets or results were added or changed.
    void contentChanged();

public:
    void notifyContentChanged() { Q_EMIT contentChanged(); }

private:
    std::unique_ptr<core::Session> m_session;
    QString m_path;
    bool m_untitled = false;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    int m_untitledCount = 0;
};

} // namespace wb::app
