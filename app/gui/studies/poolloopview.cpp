#include "poolloopview.h"

#include "bandchart.h"
#include "datasetpage.h"
#include "job.h"
#include "jobmanager.h"
#include "labelnextdialog.h"
#include "sessiondocument.h"
#include "statustext.h"
#include "trainconfigform.h"
#include "trainingpage.h"
#include "wb/errors.h"
#include "wb/experiment.h"
#include "wb/trainconfig.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace wb::app {

namespace {

QString percent(double v)
{
    return std::isfinite(v) ? QLocale().toString(100 * v, 'f', 1) + QLatin1Char('%') : QStringLiteral("–");
}

// A table item that sorts by its number, not its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text) { setData(Qt::UserRole, value); }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QString className(const core::ActiveLoop &loop, std::int64_t c)
{
    return c >= 0 && std::size_t(c) < loop.classNames.size() ? QString::fromStdString(loop.classNames[std::size_t(c)])
                                                              : QString::number(c);
}

} // namespace

PoolLoopView::PoolLoopView(SessionDocument *document, JobManager *jobs, DatasetPage *data, TrainingPage *training,
                           ModelChoice modelChoice, std::function<std::string()> loadedFingerprint, QWidget *parent)
    : QWidget(parent), m_document(document), m_jobs(jobs), m_data(data), m_training(training),
      m_modelChoice(std::move(modelChoice)), m_loadedFingerprint(std::move(loadedFingerprint))
{
    m_labelNext = new QPushButton(tr("Label next…"));
    m_labelNext->setToolTip(tr("Score a folder of your unlabelled images and list the ones to label next."));
    m_addLabels = new QPushButton(tr("Add labels…"));
    m_addLabels->setToolTip(tr("Bring the labelled picks back — a CSV of path,label (or the exported list with its "
                               "label column filled in), or a folder <class>/<image> — and retrain on them."));
    auto *addMenu = new QMenu(m_addLabels);
    addMenu->addAction(tr("From a CSV file…"), this, [this] { openAddLabels(false); });
    addMenu->addAction(tr("From a labelled folder…"), this, [this] { openAddLabels(true); });
    m_addLabels->setMenu(addMenu);
    m_export = new QPushButton(tr("Export list…"));
    m_export->setToolTip(tr("The picks as CSV, ranked, with an empty label column for the annotators."));
    m_copy = new QPushButton(tr("Copy to folder…"));
    m_copy->setToolTip(tr("Copy (never move) the picked images into a folder, named by rank."));
    connect(m_labelNext, &QPushButton::clicked, this, &PoolLoopView::openLabelNext);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export picks"), QStringLiteral("picks.csv"),
                                                          tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportList(file, &error))
            setStatus(errorText(error));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Copy the picks to"));
        QString error;
        if (!dir.isEmpty() && !copyToFolder(dir, &error))
            setStatus(errorText(error));
    });
    auto *buttons = new QHBoxLayout;
    for (auto *b : {m_labelNext, m_addLabels, m_export, m_copy})
        buttons->addWidget(b);
    buttons->addStretch();
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = new widgets::BandChart;
    m_chart->setExportName(QStringLiteral("active-loop-rounds"));
    m_table = new QTableWidget(0, 6);
    m_table->setHorizontalHeaderLabels(
        {tr("Rank"), tr("Image"), tr("Score"), tr("Predicted (p)"), tr("Second (p)"), tr("File")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setIconSize(QSize(48, 48));
    m_table->verticalHeader()->setDefaultSectionSize(52);
    m_table->setSortingEnabled(true);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    connect(&m_thumbnails, &QFutureWatcher<QList<QImage>>::finished, this, [this] {
        const QList<QImage> images = m_thumbnails.result();
        for (int r = 0; r < m_table->rowCount(); ++r) {
            auto *item = m_table->item(r, 1);
            const int rank = m_table->item(r, 0)->data(Qt::UserRole).toInt();
            if (item && rank >= 1 && rank <= images.size() && !images[rank - 1].isNull())
                item->setIcon(QIcon(QPixmap::fromImage(images[rank - 1])));
        }
    });
    connect(m_document, &SessionDocument::opened, this, &PoolLoopView::refresh);
    refresh();
}

PoolLoopView::~PoolLoopView() { m_thumbnails.waitForFinished(); }

QString PoolLoopView::statusText() const { return m_status->text(); }
void PoolLoopView::setStatus(const QString &richText) { m_status->setText(richText); }

const core::LoopRound *PoolLoopView::shownRound() const
{
    return m_loop && !m_loop->rounds.empty() ? &m_loop->rounds.back() : nullptr;
}

void PoolLoopView::setStudy(const core::ActiveStudyResult *result, const std::string &fingerprint)
{
    m_study = result;
    m_studyFingerprint = fingerprint;
    fillChart();
}

void PoolLoopView::refresh()
{
    try {
        m_loop.reset();
        if (m_document->isOpen())
            m_loop = core::loadActiveLoop(m_document->session());
    } catch (const core::Error &e) {
        m_loop.reset();
        setStatus(errorText(QString::fromUtf8(e.what())));
    }
    const core::LoopRound *round = shownRound();
    const bool pending = m_loop && m_loop->pending();
    m_addLabels->setEnabled(pending && !m_job);
    m_export->setEnabled(round && !m_job);
    m_copy->setEnabled(round && !m_job);
    m_labelNext->setEnabled(!m_job && m_document->isOpen());
    if (!m_loop) {
        setStatus(tr("<b>Your own unlabelled images:</b> Label next… scores a folder of them with a network trained "
                     "on the labelled images and lists the ones worth labelling first."));
    } else if (!m_job) {
        QString text = tr("Loop on %1 with %2: %3 labels added from pools in %4 rounds.")
                           .arg(QString::fromStdString(m_loop->datasetName).toHtmlEscaped(),
                                QString::fromStdString(m_loop->modelName).toHtmlEscaped())
                           .arg(m_loop->labels.size())
                           .arg(m_loop->rounds.size());
        if (pending)
            text += QLatin1Char(' ')
                    + tr("<b>Round %1's %2 picks wait for labels</b>: export them, label them, then Add labels….")
                          .arg(round->index)
                          .arg(round->picks.size());
        else if (round)
            text += QLatin1Char(' ') + tr("Round %1: %2 labels added.").arg(round->index).arg(round->labelsAdded);
        setStatus(text);
    }
    fillChart();
    fillTable();
}

void PoolLoopView::fillChart()
{
    widgets::BandChart::Data d;
    d.xLabel = tr("labelled images");
    d.yLabel = tr("test accuracy");
    if (m_loop && !m_loop->models.empty()) {
        widgets::BandChart::Line line;
        line.name = tr("your loop (measured)");
        for (const auto &m : m_loop->models) {
            line.x.push_back(double(m.labelled));
            line.y.push_back(m.testAccuracy);
        }
        d.lines.push_back(line);
    }
    if (m_study && m_loop && m_studyFingerprint == m_loop->baseFingerprint)
        for (const auto &s : m_study->strategies) {
            widgets::BandChart::Line line;
            line.name = tr("%1 in study %2 (simulated, median)").arg(QString::fromStdString(s.name)).arg(m_study->study.id);
            line.dashed = true;
            for (std::size_t i = 0; i < m_study->labels.size() && i < s.median.size(); ++i) {
                line.x.push_back(double(m_study->labels[i]));
                line.y.push_back(s.median[i]);
            }
            d.lines.push_back(line);
        }
    if (d.lines.empty())
        d.note = tr("The accuracy after each round appears here once a network is trained on your labels.");
    else if (m_study && m_loop && m_studyFingerprint == m_loop->baseFingerprint)
        d.note = tr("Dashed: the simulated study on the same data (fixed steps per round); solid: your rounds.");
    m_chart->setData(d);
}

void PoolLoopView::fillTable()
{
    m_thumbnails.waitForFinished();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    const core::LoopRound *round = shownRound();
    if (!round) {
        m_table->setSortingEnabled(true);
        return;
    }
    m_table->setRowCount(int(round->picks.size()));
    QStringList paths;
    for (std::size_t i = 0; i < round->picks.size(); ++i) {
        const auto &p = round->picks[i];
        const int row = int(i);
        m_table->setItem(row, 0, new NumberItem(QString::number(i + 1), double(i + 1)));
        m_table->item(row, 0)->setData(Qt::UserRole, int(i + 1));
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_table->setItem(row, 2, new NumberItem(QLocale().toString(p.score, 'g', 4), p.score));
        m_table->setItem(row, 3, new NumberItem(QStringLiteral("%1 (%2)").arg(className(*m_loop, p.predicted),
                                                                              QLocale().toString(p.p1, 'f', 3)),
                                                double(p.predicted)));
        m_table->setItem(row, 4, new NumberItem(QStringLiteral("%1 (%2)").arg(className(*m_loop, p.second),
                                                                              QLocale().toString(p.p2, 'f', 3)),
                                                double(p.second)));
        auto *file = new QTableWidgetItem(QFileInfo(QString::fromStdString(p.path)).fileName());
        file->setToolTip(QString::fromStdString(p.path));
        m_table->setItem(row, 5, file);
        paths << QString::fromStdString(p.path);
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_thumbnails.setFuture(QtConcurrent::run([paths] {
        QList<QImage> images;
        for (const QString &path : paths) {
            QImageReader reader(path);
            reader.setAllocationLimit(64); // MB: a hostile file is not decoded
            QImage image = reader.read();
            images << (image.isNull() ? image : image.scaled(48, 48, Qt::KeepAspectRatio, Qt::FastTransformation));
        }
        return images;
    }));
}

bool PoolLoopView::startJob(const QString &title, std::function<QString(Job &)> work, QString *error)
{
    if (m_job) {
        *error = tr("A step of the loop is running already.");
        return false;
    }
    auto message = std::make_shared<QString>();
    m_job = m_jobs->start(title, [work, message](Job &job) { *message = work(job); });
    m_job->setWritesSession(true);
    refresh();
    setStatus(tr("%1… (progress in the Jobs panel)").arg(title));
    connect(m_job, &Job::finished, this, [this, message] {
        Job *job = m_job;
        m_job = nullptr;
        m_document->notifyContentChanged(); // runs were added: the run lists and the session tree
        refresh();
        const bool ok = job->state() == Job::State::Finished;
        if (ok)
            setStatus(*message);
        else
            setStatus(errorText(job->state() == Job::State::Cancelled ? tr("Cancelled; nothing of this step was kept "
                                                                           "but what the session shows.")
                                                                      : job->error()));
        Q_EMIT stepFinished(ok);
    });
    return true;
}

bool PoolLoopView::labelNext(const QString &pool, std::int64_t runId, const std::string &strategy, std::size_t count,
                             int perClassCap, bool discardPending, QString *error)
{
    const auto data = m_data->data();
    if (!m_document->isOpen() || !data) {
        *error = tr("Load the labelled dataset on the Dataset page first.");
        return false;
    }
    core::ModelSpec spec;
    std::string modelName;
    core::TrainConfig config;
    if (runId == 0) {
        if (const QString blocker = m_training->notReadyReason(); !blocker.isEmpty()) {
            *error = blocker;
            return false;
        }
        if (!m_modelChoice(spec, modelName, error))
            return false;
        config = m_training->configForm()->config();
    }
    core::DataConfig dc = m_data->dataConfig();
    dc.dataset = m_data->datasetName().toStdString();
    dc.poolLabels = 0;
    const std::string path = m_document->path().toStdString();
    core::PoolPickOptions o;
    o.strategy = strategy;
    o.count = count;
    o.perClassCap = perClassCap;
    o.seed = dc.seed;
    m_lastPool = pool;
    const std::string poolPath = pool.toStdString();
    return startJob(tr("Label next: %1 of %2").arg(count).arg(QFileInfo(pool).fileName()),
                    [=](Job &job) {
                        core::Session session(path, core::Session::Mode::ReadWrite);
                        std::optional<core::ActiveLoop> loop = core::loadActiveLoop(session);
                        if (loop && core::datasetFingerprint(*data) != loop->baseFingerprint)
                            throw core::Error(core::ErrorCode::BadData,
                                              tr("The session's loop labels images of %1: load that dataset on the "
                                                 "Dataset page first.")
                                                  .arg(QString::fromStdString(loop->datasetName))
                                                  .toStdString());
                        core::checkPoolPick(runId == 0 ? spec
                                                       : core::parseModelSpec(session.architecture(
                                                             session.run(runId).architectureId).specJson),
                                            o); // before anything trains
                        const core::ImagePool images = core::listImagePool(poolPath);
                        if (!loop)
                            loop = core::startActiveLoop(*data, dc.dataset, dc, modelName, spec, core::toJson(config));
                        if (loop->pending() && discardPending) {
                            core::AddedLabels none;
                            none.skipped.push_back("round discarded: picked again before its labels came back");
                            core::addLoopLabels(*loop, none);
                        }
                        std::int64_t run = runId;
                        if (run == 0) {
                            loop->modelName = modelName;
                            loop->specJson = core::toJson(spec);
                            loop->trainJson = core::toJson(config);
                            run = core::trainLoopModel(session, *loop, *data, job);
                            core::saveActiveLoop(session, *loop);
                        }
                        core::PoolPickResult r;
                        const auto &round = core::pickLoopRound(session, *loop, run, *data, images, o, job, &r);
                        core::saveActiveLoop(session, *loop);
                        QString text = tr("Round %1: %2 picked %3 of %4 new images with run %5 (%6 already labelled, "
                                          "%7 unreadable, %8 s).")
                                           .arg(round.index)
                                           .arg(QString::fromStdString(round.strategy))
                                           .arg(round.picks.size())
                                           .arg(r.scored)
                                           .arg(run)
                                           .arg(r.alreadyLabelled)
                                           .arg(r.skipped.size())
                                           .arg(QLocale().toString(r.seconds, 'f', 1));
                        if (!r.skipped.empty())
                            text += QLatin1Char(' ') + tr("First unreadable: %1 (%2).")
                                                           .arg(QString::fromStdString(r.skipped.front().path),
                                                                QString::fromStdString(r.skipped.front().reason));
                        return text.toHtmlEscaped() + QLatin1Char(' ')
                               + tr("<b>Next:</b> Export list… or Copy to folder…, label them, then Add labels….");
                    },
                    error);
}

bool PoolLoopView::addLabels(const QString &csvOrFolder, QString *error)
{
    if (!m_loop || !m_loop->pending()) {
        *error = tr("No picks wait for labels: Label next… first.");
        return false;
    }
    const auto data = m_data->data();
    const std::string path = m_document->path().toStdString(), labels = csvOrFolder.toStdString();
    return startJob(tr("Add labels from %1").arg(QFileInfo(csvOrFolder).fileName()),
                    [=](Job &job) {
                        core::Session session(path, core::Session::Mode::ReadWrite);
                        std::optional<core::ActiveLoop> loop = core::loadActiveLoop(session);
                        if (!loop || !loop->pending())
                            throw core::Error(core::ErrorCode::InvalidArgument, "no picks wait for labels");
                        const auto entries = core::readLabels(labels);
                        const core::AddedLabels added = core::matchLabels(*loop, entries);
                        const int round = loop->pending()->index;
                        core::addLoopLabels(*loop, added);
                        core::saveActiveLoop(session, *loop); // the labels are kept before anything trains
                        QString text = tr("Round %1: %2 labels added.").arg(round).arg(added.added.size());
                        if (!added.skipped.empty())
                            text += QLatin1Char(' ') + tr("%1 skipped, first: %2.")
                                                           .arg(added.skipped.size())
                                                           .arg(QString::fromStdString(added.skipped.front()));
                        if (!data || core::datasetFingerprint(*data) != loop->baseFingerprint)
                            return text + QLatin1Char(' ')
                                   + tr("Load %1 on the Dataset page to retrain on them (Label next… trains first).")
                                         .arg(QString::fromStdString(loop->datasetName));
                        const core::LoopModel before =
                            loop->models.empty() ? core::LoopModel{0, 0, std::nan("")} : loop->models.back();
                        core::trainLoopModel(session, *loop, *data, job);
                        core::saveActiveLoop(session, *loop);
                        const auto &now = loop->models.back();
                        return text + QLatin1Char(' ')
                               + tr("Run %1 on %2 labelled images: test accuracy %3 (was %4 with %5).")
                                     .arg(now.runId)
                                     .arg(now.labelled)
                                     .arg(percent(now.testAccuracy), percent(before.testAccuracy))
                                     .arg(before.labelled);
                    },
                    error);
}

bool PoolLoopView::exportList(const QString &csvPath, QString *error)
{
    const core::LoopRound *round = shownRound();
    if (!round) {
        *error = tr("No picks to export yet.");
        return false;
    }
    try {
        core::writePicksCsv(csvPath.toStdString(), *round, m_loop->classNames);
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    setStatus(tr("Round %1's %2 picks written to %3; fill in its label column and Add labels….")
                  .arg(round->index)
                  .arg(round->picks.size())
                  .arg(csvPath.toHtmlEscaped()));
    return true;
}

bool PoolLoopView::copyToFolder(const QString &folder, QString *error)
{
    const core::LoopRound *round = shownRound();
    if (!round) {
        *error = tr("No picks to copy yet.");
        return false;
    }
    const core::LoopRound copy = *round;
    const std::string to = folder.toStdString();
    return startJob(tr("Copy %1 picks").arg(copy.picks.size()),
                    [copy, to, folder](Job &) {
                        const auto names = core::copyPicks(copy, to);
                        return tr("%1 picks copied to %2, named by rank.").arg(names.size()).arg(folder.toHtmlEscaped());
                    },
                    error);
}

void PoolLoopView::openLabelNext()
{
    bool discard = false;
    if (m_loop && m_loop->pending()) {
        if (QMessageBox::question(this, tr("Label next"),
                                  tr("Round %1's %2 picks have no labels yet. Discard them and pick again?")
                                      .arg(m_loop->pending()->index)
                                      .arg(m_loop->pending()->picks.size()))
            != QMessageBox::Yes)
            return;
        discard = true;
    }
    std::vector<LabelNextDialog::Network> networks;
    const core::Session &session = m_document->session();
    if (m_loop && !m_loop->models.empty()) {
        const auto &m = m_loop->models.back();
        networks.push_back({tr("the loop's last network (run %1, %2 labelled, accuracy %3)")
                                .arg(m.runId)
                                .arg(m.labelled)
                                .arg(percent(m.testAccuracy)),
                            m.runId});
    }
    core::ModelSpec spec;
    std::string name;
    QString why;
    networks.push_back({m_modelChoice(spec, name, &why)
                            ? tr("train %1 on the labelled images first").arg(QString::fromStdString(name))
                            : tr("train the page's model on the labelled images first"),
                        0});
    for (const auto &run : session.runs())
        if (run.status == core::RunStatus::Completed)
            networks.push_back({tr("run %1: %2 (accuracy %3)")
                                    .arg(run.id)
                                    .arg(QString::fromStdString(run.name))
                                    .arg(percent(run.testAccuracy)),
                                run.id});
    const std::string fingerprint = m_loop ? m_loop->baseFingerprint : m_loadedFingerprint();
    const core::StrategyAdvice advice = core::adviseStrategy(session, fingerprint);
    const QString pool = !m_lastPool.isEmpty() || !m_loop || m_loop->rounds.empty()
                             ? m_lastPool
                             : QString::fromStdString(m_loop->rounds.back().pool); // the last round's
    LabelNextDialog dialog(networks, pool, advice.strategy, QString::fromStdString(advice.reason), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!labelNext(dialog.pool(), dialog.runId(), dialog.strategy(), dialog.count(), dialog.perClassCap(), discard,
                   &error))
        setStatus(errorText(error));
}

void PoolLoopView::openAddLabels(bool folder)
{
    const QString from = folder ? QFileDialog::getExistingDirectory(this, tr("Labelled picks: a folder <class>/<image>"))
                                : QFileDialog::getOpenFileName(this, tr("Labelled picks"), QString(),
                                                               tr("CSV files (*.csv);;All files (*)"));
    QString error;
    if (!from.isEmpty() && !addLabels(from, &error))
        setStatus(errorText(error));
}

} // namespace wb::app
