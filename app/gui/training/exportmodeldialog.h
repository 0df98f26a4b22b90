#pragma once

#include "wb/modelexport.h"
#include "wb/session.h"

#include <QDialog>

#include <cstdint>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wb::app {

class Job;
class JobManager;

/// "Export Model…" of a run: the format (PyTorch or ONNX), the checkpoint epoch (the last by
/// default) and the folder to create (under `parentFolder`, named after the run and format
/// until the user edits it).
class ExportModelDialog : public QDialog
{
    Q_OBJECT

public:
    ExportModelDialog(const core::RunRecord &run, const std::vector<int> &epochs, const QString &parentFolder,
                      QWidget *parent = nullptr);

    core::ExportFormat format() const;
    int epoch() const; ///< 0: the last
    QString folder() const;
    /// The folder's default name for a format: "run-12-lenet5-adam-pytorch".
    static QString defaultFolderName(const core::RunRecord &run, core::ExportFormat format);

    // for tests
    QComboBox *formatBox() const { return m_format; }
    QComboBox *epochBox() const { return m_epoch; }
    QLineEdit *folderEdit() const { return m_folder; }

private:
    void updateFolder();
    void browse();
    void updateProblem();

    const core::RunRecord m_run;
    QString m_parent;
    bool m_folderEdited = false;
    QComboBox *m_format;
    QComboBox *m_epoch;
    QLineEdit *m_folder;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
};

/// Exports in the background (an Io job titled "Export run #12 (PyTorch)"); the session is
/// opened read-only by the job itself.
Job *startModelExport(JobManager &jobs, const QString &sessionPath, const core::ExportOptions &options,
                      const QString &runLabel);

/// The whole interaction: the dialog, a question before replacing a non-empty folder, the job,
/// and a message when it is done (with "Open Folder") or failed. The folder is proposed under
/// `parentFolder` (the session's folder; the home folder for an untitled session).
void exportRunInteractive(JobManager &jobs, const QString &sessionPath, const QString &parentFolder,
                          std::int64_t runId, QWidget *parent);

} // namespace wb::app
