#pragma once

#include "wb/session.h"

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

namespace wb::app {

/// The open session file. Untitled sessions live in untitledFolder() as
/// untitled-<pid>-<n>.wbs until saved with "Save As" (and are deleted when the user leaves
/// them); every change is written to SQLite as it happens, so there is no unsaved state
/// besides the page layout, which is stored with saveState(). An untitled session whose
/// process died (kill -9, a crash, a power cut) stays there and is offered again on the next
/// start (orphanedUntitled, recover). Files that cannot be opened (missing, read-only, locked,
/// corrupt, newer schema) are refused, never written.
class SessionDocument : public QObject
{
    Q_OBJECT

public:
    explicit SessionDocument(QObject *parent = nullptr);
    ~SessionDocument() override;

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

    /// Where untitled sessions live.
    static QString untitledFolder();
    /// Untitled sessions left with work by processes no longer running, newest first; those
    /// left empty are deleted on the way.
    static QStringList orphanedUntitled();
    /// Continues in an orphaned untitled session: it becomes this process's untitled session.
    bool recover(const QString &path, QString *error);
    /// Deletes a session file with its SQLite journal files.
    static void removeSessionFiles(const QString &path);

    /// The process id of another running workbench that has `path` open, or 0 (none, or
    /// this process). Each open session file is marked by a lock in the user's runtime folder.
    static qint64 openElsewhere(const QString &path);
    /// The lock file that marks `path` as open (QLockFile format: pid, application, host).
    static QString openMarkerPath(const QString &path);

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
    std::unique_ptr<QLockFile> m_openMarker; // says "open here" to other workbenches (openElsewhere)
    QString m_path;
    bool m_untitled = false;
    /// Closes the current untitled session and deletes its files (the user left it).
    void dropUntitled();
    QString nextUntitledPath() const;
};

} // namespace wb::app
