#pragma once

#include <QWidget>

class QTableView;

namespace wb::app {

class JobManager;

/// Dock content listing queued and running jobs with progress, ETA and Cancel.
class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobsPanel(JobManager *jobs, QWidget *parent = nullptr);

private:
    JobManager *m_jobs;
    QTableView *m_view;
};

} // namespace wb::app
