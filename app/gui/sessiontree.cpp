#include "sessiontree.h"
#include "wb/report.h"
#include "statusnames.h"

#include "runactions.h"
#include "sessiondocument.h"
#include "wb/errors.h"
#include "wb/studyengine.h"

#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLocale>
#include <QDir>
#include <QMenu>
#include <QMessageBox>

#include <algorithm>
#include <cmath>

namespace wb::app {

namespace {
constexpr int kRunRole = Qt::UserRole;
constexpr int kStudyRole = Qt::UserRole + 1;
constexpr int kDatasetRole = Qt::UserRole + 2;
} // namespace

SessionTree::SessionTree(SessionDocument *document, QWidget *parent)
    : QTreeWidget(parent), m_document(document)
{
    setHeaderLabels({tr("Session"), tr("Details")});
    setColumnWidth(0, 200);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const QVariant id = item->data(0, kRunRole); id.isValid())
            Q_EMIT runActivated(id.toLongLong());
        if (const QVariant id = item->data(0, kStudyRole); id.isValid())
            Q_EMIT studyActivated(id.toLongLong());
        if (const QVariant name = item->data(0, kDatasetRole); name.isValid())
            Q_EMIT datasetActivated(name.toString());
    });
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = itemAt(pos);
        if (item && item->data(0, kStudyRole).isValid())
            showStudyMenu(item, viewport()->mapToGlobal(pos));
        else if (item && item->data(0, kRunRole).isValid() && m_runActions)
            m_runActions->showMenu(item->data(0, kRunRole).toLongLong(), viewport()->mapToGlobal(pos), this);
    });
}

void SessionTree::refresh()
{
    clear();
    if (!m_document->isOpen())
        return;
    auto *datasets = new QTreeWidgetItem(this, {tr("Datasets")});
    auto *models = new QTreeWidgetItem(this, {tr("Models")});
    auto *runs = new QTreeWidgetItem(this, {tr("Runs")});
    auto *studies = new QTreeWidgetItem(this, {tr("Studies")});
    auto *results = new QTreeWidgetItem(this, {tr("Results")});
    try {
        core::Session &s = m_document->session();
        const QLocale locale;
        const auto all = s.datasets();
        QStringList names;
        for (const auto &d : all)
            names << QString::fromStdString(d.name);
        for (const auto &d : all) {
            QString shown = shortDatasetName(QString::fromStdString(d.name), names);
            if (names.count(QString::fromStdString(d.name)) > 1) // the same folder with more labels (the active loop)
                shown = tr("%1 (%2 train)").arg(shown, locale.toString(qlonglong(d.trainCount)));
            auto *item = new QTreeWidgetItem(datasets, {shown,
                                                        tr("%1 train / %2 test, %3 classes")
                                                            .arg(locale.toString(qlonglong(d.trainCount)),
                                                                 locale.toString(qlonglong(d.testCount)))
                                                            .arg(d.classNames.size())});
            item->setData(0, kDatasetRole, QString::fromStdString(d.name));
            const bool current = QString::fromStdString(d.path) == m_currentDataset;
            QFont font = item->font(0);
            font.setBold(current);
            item->setFont(0, font);
            item->setToolTip(0, current ? tr("%1\nLoaded now.").arg(QString::fromStdString(d.path))
                                        : tr("%1\nDouble-click to load it.").arg(QString::fromStdString(d.path)));
        }
        for (const auto &a : s.architectures())
            new QTreeWidgetItem(models, {QString::fromStdString(a.name), tr("#%1").arg(a.id)});
        for (const auto &r : s.runs()) {
            QString details = runStatusText(r.status);
            if (std::isfinite(r.testAccuracy))
                details += tr(", test accuracy %1").arg(QLocale().toString(r.testAccuracy, 'f', 4));
            auto *item = new QTreeWidgetItem(runs, {runLabel(r), details});
            item->setData(0, kRunRole, qlonglong(r.id));
            item->setToolTip(0, engineMessageText(QString::fromStdString(r.message)));
        }
        for (const auto &st : s.studies()) {
            QString details = tr("%1, %2: %3/%4 cells")
                                  .arg(QString::fromStdString(st.type))
                                  .arg(studyStatusText(st.status))
                                  .arg(st.cellsDone)
                                  .arg(st.cellCount);
            if (st.cellsFailed)
                details += tr(", %1 failed").arg(st.cellsFailed);
            auto *item = new QTreeWidgetItem(studies, {QStringLiteral("#%1 %2").arg(st.id).arg(QString::fromStdString(st.name)), details});
            item->setData(0, kStudyRole, qlonglong(st.id));
            item->setData(1, kStudyRole, QString::fromLatin1(core::studyStatusName(st.status)));
            item->setData(2, kStudyRole, std::find(core::reportableStudyTypes().begin(), core::reportableStudyTypes().end(),
                                                   st.type) != core::reportableStudyTypes().end());
            const QString tip = details + (st.message.empty() ? QString() : QStringLiteral("\n") + QString::fromStdString(st.message));
            item->setToolTip(0, tip);
            item->setToolTip(1, tip);
        }
        // Version 1 sufficiency results became studies when the file was upgraded.
        for (const auto &res : s.results())
            if (res.kind != "sufficiency")
                new QTreeWidgetItem(results, {QString::fromStdString(res.name), QString::fromStdString(res.kind)});
    } catch (const core::Error &e) {
        new QTreeWidgetItem(this, {tr("Error"), QString::fromUtf8(e.what())});
    }
    expandAll();
}

QString shortDatasetName(const QString &name, const QStringList &all)
{
    // A folder by its last part(s): "mnist10k", not "/work/shared/data/mnist10k" cut off at the
    // panel's edge; as many parts as it takes to tell it from the session's other datasets.
    const QStringList parts = QDir::cleanPath(name).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() <= 1)
        return name;
    for (int keep = 1; keep < parts.size(); ++keep) {
        const QString tail = parts.mid(parts.size() - keep).join(QLatin1Char('/'));
        const bool unique = std::none_of(all.begin(), all.end(), [&](const QString &other) {
            return QDir::cleanPath(other) != QDir::cleanPath(name)
                   && (QDir::cleanPath(other).endsWith(QLatin1Char('/') + tail) || QDir::cleanPath(other) == tail);
        });
        if (unique)
            return tail;
    }
    return name;
}

void SessionTree::setCurrentDataset(const QString &path)
{
    m_currentDataset = path;
    refresh();
}

void SessionTree::showStudyMenu(QTreeWidgetItem *item, const QPoint &globalPos)
{
    const qint64 id = item->data(0, kStudyRole).toLongLong();
    const QString status = item->data(1, kStudyRole).toString();
    const bool running = status == QLatin1String("running");
    QMenu menu(this);
    QAction *resume = menu.addAction(tr("Resume"));
    resume->setEnabled(status == QLatin1String("interrupted") || status == QLatin1String("cancelled")
                       || status == QLatin1String("failed"));
    QAction *cancel = menu.addAction(tr("Cancel"));
    cancel->setEnabled(running || status == QLatin1String("interrupted") || status == QLatin1String("submitted"));
    QAction *collect = menu.addAction(tr("Collect finished cells"));
    collect->setEnabled(status == QLatin1String("submitted") || status == QLatin1String("cancelled")
                        || status == QLatin1String("failed")); // a cancelled job's finished cells stay
    menu.addSeparator();
    QAction *rename = menu.addAction(tr("Rename…"));
    QAction *remove = menu.addAction(tr("Delete…"));
    remove->setEnabled(!running && status != QLatin1String("submitted"));
    QAction *exportCells = menu.addAction(tr("Export cells as CSV…"));
    QAction *report = menu.addAction(tr("Export Report…"));
    report->setEnabled(item->data(2, kStudyRole).toBool());
    if (!report->isEnabled())
        report->setToolTip(tr("This build writes no report for this kind of study."));
    QAction *chosen = menu.exec(globalPos);
    QString error;
    if (chosen == resume)
        Q_EMIT studyResumeRequested(id);
    else if (chosen == cancel)
        Q_EMIT studyCancelRequested(id);
    else if (chosen == collect)
        Q_EMIT studyCollectRequested(id);
    else if (chosen == report)
        Q_EMIT studyReportRequested(id);
    else if (chosen == rename) {
        bool ok = false;
        const QString old = item->text(0).section(QLatin1Char(' '), 1);
        const QString name = QInputDialog::getText(this, tr("Rename study"), tr("Name:"), QLineEdit::Normal, old, &ok);
        if (ok && !renameStudy(id, name, &error))
            QMessageBox::warning(this, tr("Rename study"), error);
    } else if (chosen == remove) {
        if (QMessageBox::question(this, tr("Delete study"),
                                  tr("Delete study #%1 and all its finished cells? This cannot be undone.").arg(id))
                == QMessageBox::Yes
            && !deleteStudy(id, &error))
            QMessageBox::warning(this, tr("Delete study"), error);
    } else if (chosen == exportCells) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export cells"), QStringLiteral("study-%1-cells.csv").arg(id),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportStudyCells(id, path, &error))
            QMessageBox::warning(this, tr("Export cells"), error);
    }
}

bool SessionTree::renameStudy(qint64 id, const QString &name, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = tr("A study needs a name.");
        return false;
    }
    try {
        m_document->session().renameStudy(id, name.trimmed().toStdString());
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_document->notifyContentChanged();
    Q_EMIT studyRenamed(id);
    return true;
}

bool SessionTree::deleteStudy(qint64 id, QString *error)
{
    try {
        const auto status = m_document->session().study(id).status;
        if (status == core::StudyStatus::Running || status == core::StudyStatus::Submitted) {
            *error = tr("Study %1 is running; cancel it first.").arg(id);
            return false;
        }
        m_document->session().deleteStudy(id);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    m_document->notifyContentChanged();
    return true;
}

bool SessionTree::exportStudyCells(qint64 id, const QString &path, QString *error)
{
    std::string csv;
    try {
        csv = core::studyCellsCsv(m_document->session(), id);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(csv.data(), qint64(csv.size())) != qint64(csv.size()) || !file.flush()) {
        *error = tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace wb::app
