#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>

class QPoint;
class QWidget;

#include "statusnames.h"

namespace wb::core {
struct RunRecord;
}

namespace wb::app {

class SessionDocument;

/// "#12 lenet5-adam": how a run is named everywhere in the app (lists, legends, jobs), so that
/// two runs of the same configuration can be told apart.
QString runLabel(const core::RunRecord &run);

/// What a user can do with a stored run, offered by the same context menu in the session tree
/// and the Training page's run list: Resume, Evaluate, Use these settings, Export Model, Rename,
/// Delete.
/// Rename and Delete are done here; the others are requests the main window routes to the
/// pages that do them.
class RunActions : public QObject
{
    Q_OBJECT

public:
    explicit RunActions(SessionDocument *document, QObject *parent = nullptr);

    /// Shows the run's context menu at `globalPos` (dialogs for rename and delete).
    void showMenu(std::int64_t runId, const QPoint &globalPos, QWidget *parent);

    /// Whether run `runId` can be resumed (cancelled, interrupted, failed, or never started).
    bool canResume(std::int64_t runId) const;
    /// Tells whether a run is trained or queued by a job of this window (such a run is not
    /// resumed or deleted even while its stored status still says "created").
    void setBusyCheck(std::function<bool(std::int64_t)> busy) { m_busy = std::move(busy); }

    /// Rename and delete without dialogs (tests call them); false with `error` set.
    bool rename(std::int64_t runId, const QString &name, QString *error);
    bool remove(std::int64_t runId, QString *error);

Q_SIGNALS:
    void resumeRequested(std::int64_t runId);
    void evaluateRequested(std::int64_t runId);
    void duplicateRequested(std::int64_t runId);
    void exportRequested(std::int64_t runId);
    void reportRequested(std::int64_t runId);
    /// A run was renamed or deleted: lists and charts re-read the session.
    void runsChanged();

private:
    bool busy(std::int64_t runId) const { return m_busy && m_busy(runId); }

    SessionDocument *m_document;
    std::function<bool(std::int64_t)> m_busy;
};

} // namespace wb::app
