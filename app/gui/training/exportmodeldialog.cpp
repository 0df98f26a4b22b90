#include "exportmodeldialog.h"

#include "job.h"
#include "jobmanager.h"
#include "runactions.h"
#include "statusnames.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

namespace wb::app {

namespace {

QString formatTitle(core::ExportFormat format)
{
    return format == core::ExportFormat::PyTorch ? QStringLiteral("PyTorch") : QStringLiteral("ONNX");
}

} // namespace

ExportModelDialog::ExportModelDialog(const core::RunRecord &run, const std::vector<int> &epochs,
                                     const QString &parentFolder, QWidget *parent)
    : QDialog(parent), m_run(run), m_parent(parentFolder)
{
    setWindowTitle(tr("Export Model"));
    auto *form = new QFormLayout;
    form->addRow(tr("Run:"), new QLabel(runLabel(run)));
    m_format = new QComboBox;
    m_format->addItem(tr("PyTorch — model.py + weights.pt"), int(core::ExportFormat::PyTorch));
    m_format->addItem(tr("ONNX — model.onnx"), int(core::ExportFormat::Onnx));
    if (!core::onnxExportAvailable()) {
        m_format->setItemData(1, tr("This build has no ONNX library (libonnx-dev)."), Qt::ToolTipRole);
        m_format->setItemData(1, 0, Qt::UserRole - 1); // disabled item
    }
    form->addRow(tr("Format:"), m_format);
    m_epoch = new QComboBox;
    if (!epochs.empty())
        m_epoch->addItem(tr("Last (epoch %1)").arg(epochs.back()), 0);
    for (auto it = epochs.rbegin(); it != epochs.rend(); ++it)
        m_epoch->addItem(tr("Epoch %1").arg(*it), *it);
    m_epoch->setToolTip(tr("The weights after this epoch (every epoch's checkpoint is kept)."));
    form->addRow(tr("Weights:"), m_epoch);
    m_folder = new QLineEdit;
    m_folder->setMinimumWidth(420);
    m_folder->setToolTip(tr("The folder to create; it is written in full or not at all."));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder:"), folderRow);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateFolder();
        updateProblem();
    });
    connect(m_folder, &QLineEdit::textEdited, this, [this] {
        m_folderEdited = true;
        updateProblem();
    });
    connect(browse, &QPushButton::clicked, this, &ExportModelDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFolder();
    updateProblem();
}

QString ExportModelDialog::defaultFolderName(const core::RunRecord &run, core::ExportFormat format)
{
    QString name = QString::fromStdString(run.name).trimmed();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    name = name.left(60);
    while (name.startsWith('-') || name.startsWith('.'))
        name.remove(0, 1);
    return QStringLiteral("run-%1%2%3-%4")
        .arg(run.id)
        .arg(name.isEmpty() ? QString() : QStringLiteral("-"), name, QString::fromLatin1(core::exportFormatName(format)));
}

core::ExportFormat ExportModelDialog::format() const
{
    return core::ExportFormat(m_format->currentData().toInt());
}

int ExportModelDialog::epoch() const { return m_epoch->currentData().toInt(); }

QString ExportModelDialog::folder() const { return QDir::cleanPath(m_folder->text().trimmed()); }

void ExportModelDialog::updateFolder()
{
    if (m_folderEdited)
        return;
    m_folder->setText(QDir(m_parent).filePath(defaultFolderName(m_run, format())));
}

void ExportModelDialog::browse()
{
    const QString start = QFileInfo(folder()).absolutePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Model Into"), start);
    if (dir.isEmpty())
        return;
    m_parent = dir;
    m_folderEdited = false;
    updateFolder();
    updateProblem();
}

void ExportModelDialog::updateProblem()
{
    QString note;
    const QString path = folder();
    if (m_folder->text().trimmed().isEmpty())
        note = tr("Choose the folder to create.");
    else if (QFileInfo(path).exists() && !QFileInfo(path).isDir())
        note = tr("%1 is a file, not a folder.").arg(path);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(note.isEmpty() && m_epoch->count() > 0);
    if (note.isEmpty())
        note = format() == core::ExportFormat::PyTorch
                   ? tr("Writes model.py (plain torch.nn code), weights.pt (a state dict) and README.txt. In Python: "
                        "import model; net = model.load(\"weights.pt\").")
                   : tr("Writes model.onnx (opset 13, any batch size, the input normalisation inside, class names in "
                        "the metadata) and README.txt.");
    m_note->setText(note);
}

Job *startModelExport(JobManager &jobs, const QString &sessionPath, const core::ExportOptions &options,
                      const QString &runLabel)
{
    const std::string path = sessionPath.toStdString();
    const QString done = QCoreApplication::translate("wb::app::ExportModelDialog", "exported to %1")
                             .arg(QString::fromStdString(options.output));
    Job *job = jobs.start(QCoreApplication::translate("wb::app::ExportModelDialog", "Export %1 (%2)")
                              .arg(runLabel, formatTitle(options.format)),
                          [path, options, done](Job &job) {
                              const core::Session session(path, core::Session::Mode::ReadOnly);
                              core::exportRun(session, options);
                              job.setProgress(1.0, done.toStdString());
                          },
                          JobManager::Io);
    job->setWritesSession(false);
    return job;
}

void exportRunInteractive(JobManager &jobs, const QString &sessionPath, const QString &parentFolder,
                          std::int64_t runId, QWidget *parent)
{
    core::RunRecord run;
    std::vector<int> epochs;
    try {
        const core::Session session(sessionPath.toStdString(), core::Session::Mode::ReadOnly);
        run = session.run(runId);
        epochs = session.checkpointEpochs(runId);
    } catch (const core::Error &e) {
        QMessageBox::warning(parent, ExportModelDialog::tr("Export Model"), QString::fromUtf8(e.what()));
        return;
    }
    if (epochs.empty()) {
        QMessageBox::information(parent, ExportModelDialog::tr("Export Model"),
                                 ExportModelDialog::tr("Run %1 has no trained epoch to export yet.").arg(runLabel(run)));
        return;
    }
    ExportModelDialog dialog(run, epochs, parentFolder, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    core::ExportOptions options;
    options.runId = runId;
    options.epoch = dialog.epoch();
    options.format = dialog.format();
    options.output = dialog.folder().toStdString();
    const QDir existing(dialog.folder());
    if (existing.exists() && !existing.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        // only an earlier export is replaced: a folder with other files is refused before asking
        const std::string problem = core::exportOutputProblem(options.output, true);
        if (!problem.empty()) {
            QMessageBox::warning(parent, ExportModelDialog::tr("Export Model"), engineMessageText(QString::fromStdString(problem)));
            return;
        }
        const auto answer = QMessageBox::question(
            parent, ExportModelDialog::tr("Export Model"),
            ExportModelDialog::tr("%1 holds an earlier export. Replace it?").arg(dialog.folder()));
        if (answer != QMessageBox::Yes)
            return;
        options.overwrite = true;
    }
    Job *job = startModelExport(jobs, sessionPath, options, runLabel(run));
    QPointer<QWidget> guard(parent);
    const QString folder = dialog.folder();
    QObject::connect(job, &Job::finished, parent, [job, guard, folder] {
        if (!guard)
            return;
        if (job->state() == Job::State::Failed) {
            QMessageBox::warning(guard, ExportModelDialog::tr("Export Model"), engineMessageText(job->error()));
            return;
        }
        if (job->state() != Job::State::Finished)
            return;
        QMessageBox box(QMessageBox::Information, ExportModelDialog::tr("Export Model"),
                        ExportModelDialog::tr("Exported to %1.\nREADME.txt there says how to load it.").arg(folder),
                        QMessageBox::Ok, guard);
        QPushButton *open = box.addButton(ExportModelDialog::tr("Open Folder"), QMessageBox::ActionRole);
        box.exec();
        if (box.clickedButton() == open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });
}

} // namespace wb::app
