#include "mainwindow.h"
#include "reportoutput.h"
#include "statusnames.h"

#include "architecturepage.h"
#include "datasetpage.h"
#include "jobmanager.h"
#include "plotexportjob.h"
#include "jobspanel.h"
#include "plotexport.h"
#include "guidance.h"
#include "exportmodeldialog.h"
#include "runactions.h"
#include "sessiondocument.h"
#include "sessiontree.h"
#include "wb/errors.h"
#include "wb/studyengine.h"
#include "wb/studyfolder.h"
#include "scalingpage.h"
#include "activelearningpage.h"
#include "variancepage.h"
#include "sufficiencypage.h"
#include "evaluationpage.h"
#include "trainingpage.h"
#include "wb/device.h"
#include "wb/experiment.h"
#include "job.h"

#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>

#include <algorithm>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QGuiApplication>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <iostream>

namespace wb::app {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_document = new SessionDocument(this);
    m_jobs = new JobManager(this);
    m_plotExport = new PlotExportJob(m_jobs, this);
    connect(m_plotExport, &PlotExportJob::finished, this, [this](bool ok, bool cancelled, const QString &message) {
        if (ok || cancelled)
            statusBar()->showMessage(message, 15000);
        else
            showError(tr("Export All Plots"), message);
    });
    m_datasetPage = new DatasetPage(m_jobs);
    m_architecturePage = new ArchitecturePage;
    m_trainingPage = new TrainingPage(m_document, m_jobs, m_datasetPage, m_architecturePage);
    m_sufficiencyPage = new SufficiencyPage(m_document, m_jobs, m_datasetPage, m_architecturePage, m_trainingPage);
    m_scalingPage = new ScalingPage(m_document, m_jobs, m_datasetPage, m_trainingPage);
    m_activePage = new ActiveLearningPage(m_document, m_jobs, m_datasetPage, m_trainingPage, m_architecturePage);
    m_variancePage = new VariancePage(m_document, m_jobs, m_datasetPage, m_architecturePage, m_trainingPage);
    m_evaluationPage = new EvaluationPage(m_document, m_jobs, m_datasetPage);
    m_pages = new QTabWidget;
    // On a small screen (1280 × 720) each page scrolls on its own instead of pushing the window
    // beyond the screen or crushing its forms (one page's width never widens another); on a
    // large one the scroll area is invisible.
    const auto scrolled = [](QWidget *page) {
        auto *area = new QScrollArea;
        area->setWidget(page);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_pages->addTab(scrolled(m_datasetPage), tr("&Dataset"));
    m_pages->addTab(scrolled(m_architecturePage), tr("&Architecture"));
    m_pages->addTab(scrolled(m_trainingPage), tr("&Training"));
    m_pages->addTab(scrolled(m_evaluationPage), tr("&Evaluation"));
    m_pages->addTab(scrolled(m_sufficiencyPage), tr("&Sufficiency"));
    m_pages->addTab(scrolled(m_scalingPage), tr("Sc&aling"));
    m_pages->addTab(scrolled(m_activePage), tr("Active &learning"));
    m_pages->addTab(scrolled(m_variancePage), tr("&Variance"));
    m_guide = new GuideBar;
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_guide);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_guide, &GuideBar::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("page:")))
            m_pages->setCurrentIndex(link.mid(5).toInt());
    });

    m_tree = new SessionTree(m_document);
    m_runActions = new RunActions(m_document, this);
    m_tree->setRunActions(m_runActions);
    m_trainingPage->setRunActions(m_runActions);
    m_runActions->setBusyCheck([this](std::int64_t id) { return m_trainingPage->isLive(id); });
    auto *treeDock = new QDockWidget(tr("Session"), this);
    treeDock->setObjectName(QStringLiteral("SessionDock"));
    treeDock->setWidget(m_tree);
    m_tree->setMinimumWidth(170); // names stay readable when the window is narrow (they elide; tooltips hold the rest)
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);
    auto *jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("JobsDock"));
    jobsDock->setWidget(new JobsPanel(m_jobs));
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    // On a laptop's screen the docks start smaller: the pages keep the room their German forms and
    // charts need at 1280×720 (a restored layout replaces these).
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableGeometry().size() : QSize(1600, 1000);
    resizeDocks({jobsDock}, {available.height() < 800 ? 90 : 130}, Qt::Vertical);
    resizeDocks({treeDock}, {available.width() < 1400 ? 180 : 230}, Qt::Horizontal);

    const int gpus = core::cudaDeviceCount();
    m_deviceLabel = new QLabel(gpus > 0 ? tr("Device: %1 GPU(s), %2").arg(gpus).arg(QString::fromStdString(core::deviceDescription("cuda:0")))
                                        : tr("Device: CPU, %1 cores").arg(core::cpuCores()));
    m_jobsLabel = new QLabel;
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_jobs, &JobManager::runningCountChanged, this, [this](int n) {
        m_jobsLabel->setText(n ? tr("%n job(s) running", nullptr, n) : QString());
    });

    buildMenus();
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::updateGuide);
    connect(m_document, &SessionDocument::contentChanged, this, &MainWindow::updateGuide);
    connect(m_jobs, &JobManager::runningCountChanged, this, &MainWindow::updateGuide); // loading starts/ends
    connect(m_document, &SessionDocument::opened, this, &MainWindow::onDocumentOpened);
    connect(m_document, &SessionDocument::contentChanged, m_tree, &SessionTree::refresh);
    connect(m_trainingPage, &TrainingPage::trainingFinished, m_evaluationPage, &EvaluationPage::reloadRuns);
    connect(m_tree, &SessionTree::runActivated, this, [this](qint64 id) {
        showPage(m_trainingPage);
        m_trainingPage->showRun(id, true);
    });
    connect(m_runActions, &RunActions::runsChanged, m_evaluationPage, &EvaluationPage::reloadRuns);
    connect(m_runActions, &RunActions::resumeRequested, this, [this](qint64 id) {
        showPage(m_trainingPage);
        QString error;
        if (!m_trainingPage->resumeRun(id, &error))
            showError(tr("Resume training"), error);
    });
    connect(m_runActions, &RunActions::evaluateRequested, this, [this](qint64 id) {
        showPage(m_evaluationPage);
        m_evaluationPage->reloadRuns();
        QString error;
        if (!m_evaluationPage->evaluate(id, 0, &error))
            showError(tr("Evaluate"), error);
    });
    connect(m_runActions, &RunActions::duplicateRequested, this, [this](qint64 id) {
        showPage(m_trainingPage);
        QString error;
        if (!m_trainingPage->useRunSettings(id, &error))
            showError(tr("Use these settings"), error);
    });
    connect(m_runActions, &RunActions::reportRequested, this, [this](qint64 id) { exportRunReportInteractive(id); });
    connect(m_runActions, &RunActions::exportRequested, this, [this](qint64 id) {
        const QString folder = m_document->isUntitled() ? QDir::homePath()
                                                        : QFileInfo(m_document->path()).absolutePath();
        exportRunInteractive(*m_jobs, m_document->path(), folder, id, this);
    });
    connect(m_tree, &SessionTree::studyActivated, this, [this](qint64 id) {
        StudyPage *page = studyPageOf(id);
        showPage(page);
        page->reloadStudies();
        page->showStudy(id);
    });
    connect(m_tree, &SessionTree::studyResumeRequested, this, [this](qint64 id) {
        StudyPage *page = studyPageOf(id);
        showPage(page);
        QString error;
        if (!page->resumeStudy(id, &error))
            showError(tr("Resume study"), error);
    });
    // Cells of studies submitted to Slurm are merged while the session is open.
    m_collectTimer = new QTimer(this);
    m_collectTimer->setInterval(10000);
    connect(m_collectTimer, &QTimer::timeout, this, &MainWindow::collectSubmittedStudies);
    m_collectTimer->start();
    connect(m_tree, &SessionTree::studyCollectRequested, this, [this](qint64 id) {
        try {
            const core::CollectReport r = core::collectStudyCells(m_document->session(), id);
            QString text = tr("Study %1: %2 cells merged, %3 already in the session.").arg(id).arg(r.merged).arg(r.alreadyKnown);
            for (const auto &[file, reason] : r.rejected)
                text += QStringLiteral("\n") + tr("Refused %1: %2").arg(QString::fromStdString(file), QString::fromStdString(reason));
            statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 15000);
            if (!r.rejected.empty())
                showError(tr("Collect"), text);
        } catch (const core::Error &e) {
            showError(tr("Collect"), QString::fromUtf8(e.what()));
        }
        m_document->notifyContentChanged();
        reloadStudyPages();
    });
    connect(m_tree, &SessionTree::studyCancelRequested, this, [this](qint64 id) { cancelStudy(id); });
    connect(m_tree, &SessionTree::studyReportRequested, this, [this](qint64 id) { exportReportInteractive(id); });
    connect(m_tree, &SessionTree::studyRenamed, this, [this] { // the pages' lists kept the old name
        for (StudyPage *page : studyPages())
            page->reloadStudies();
    });
    connect(m_datasetPage, &DatasetPage::dataChanged, this, [this] {
        const auto &train = m_datasetPage->data()->train;
        m_architecturePage->setInput({train.channels, train.height, train.width}, train.classCount());
        registerLoadedDataset();
    });
    connect(m_tree, &SessionTree::datasetActivated, this, [this](const QString &name) {
        showPage(m_datasetPage);
        if (m_datasetPage->isLoading())
            showError(tr("Dataset"), tr("A dataset is being loaded; wait for it first."));
        else
            m_datasetPage->load(name);
    });
    connect(m_datasetPage, &DatasetPage::loadFailed, this, [this](const QString &message) {
        showError(tr("Dataset"), message);
    });

    QSettings settings;
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    restoreWindowSize();
}

// The window's client size and place as the user left them, exactly (restoreGeometry's frame
// arithmetic grew the window by a frame's width on every reopen without a window manager), and
// never larger than the screen: a 1500 × 950 default on a 1280 × 720 laptop left its edges off
// screen.
void MainWindow::restoreWindowSize()
{
    QSettings settings;
    QSize size = settings.value(QStringLiteral("window/size")).toSize();
    if (!size.isValid())
        size = QSize(1500, 950);
    QPoint pos = settings.value(QStringLiteral("window/pos"), QPoint(-1, -1)).toPoint();
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        // Room for a window manager's title bar and borders around the client area.
        size = size.boundedTo(available.size() - QSize(16, 48));
        if (!available.contains(QRect(pos, size)))
            pos = available.topLeft();
    }
    resize(size);
    if (pos != QPoint(-1, -1))
        move(pos);
    if (settings.value(QStringLiteral("window/maximized")).toBool())
        setWindowState(windowState() | Qt::WindowMaximized);
}

MainWindow::~MainWindow() { m_jobs->cancelAndWait(); }

int MainWindow::pageIndex(QWidget *page) const
{
    for (QWidget *w = page; w; w = w->parentWidget()) // a page sits in its scroll area's viewport
        if (const int i = m_pages->indexOf(w); i >= 0)
            return i;
    return -1;
}

void MainWindow::showPage(QWidget *page)
{
    if (const int i = pageIndex(page); i >= 0)
        m_pages->setCurrentIndex(i);
}

QWidget *MainWindow::currentPage() const
{
    const auto *area = qobject_cast<QScrollArea *>(m_pages->currentWidget());
    return area ? area->widget() : m_pages->currentWidget();
}

void MainWindow::updateEditActions()
{
    // Only where the change is seen: Ctrl+Z on another page must not alter the network unseen.
    const bool shown = currentPage() == m_architecturePage;
    const bool canUndo = shown && m_architecturePage->canUndo(), canRedo = shown && m_architecturePage->canRedo();
    m_undoAction->setEnabled(canUndo);
    m_redoAction->setEnabled(canRedo);
    m_undoAction->setText(canUndo ? tr("&Undo %1").arg(m_architecturePage->undoText()) : tr("&Undo"));
    m_redoAction->setText(canRedo ? tr("&Redo %1").arg(m_architecturePage->redoText()) : tr("&Redo"));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Session"), QKeySequence::New, this, [this] { newSession(); });
    file->addAction(tr("&Open Session…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), QString(),
                                                          tr("Workbench sessions (*.wbs);;All files (*)"));
        if (!path.isEmpty())
            openSession(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction *saveAction = file->addAction(tr("&Save Session"), QKeySequence::Save, this, [this] { save(); });
    saveAction->setStatusTip(tr("An untitled session asks for a place; a saved one is written as it changes."));
    file->addAction(tr("Save Session &As…"), QKeySequence::SaveAs, this, [this] { saveAsInteractive(); });
    file->addSeparator();
    file->addAction(tr("&Export All Plots…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export All Plots"));
        QString error;
        if (!dir.isEmpty() && !startExportAll(dir, &error))
            showError(tr("Export All Plots"), error);
    });
    file->addAction(tr("Export &Report…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                    [this] { exportReportInteractive(0); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Edit: the one undoable thing is the network of the Architecture page; Ctrl+Z there, and
    // Ctrl+Shift+Z or Ctrl+Y to redo (each key once: two actions on one key are ambiguous to Qt).
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), this, [this] { m_architecturePage->undo(); });
    m_undoAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Undo));
    m_redoAction = edit->addAction(tr("&Redo"), this, [this] { m_architecturePage->redo(); });
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(k))
            redoKeys << k;
    m_redoAction->setShortcuts(redoKeys);
    connect(m_architecturePage, &ArchitecturePage::historyChanged, this, &MainWindow::updateEditActions);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::updateEditActions);
    updateEditActions();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i)
        view->addAction(m_pages->tabText(i).remove(QLatin1Char('&')), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)),
                        this, [this, i] { m_pages->setCurrentIndex(i); });
    view->addSeparator();
    for (auto *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString();
    for (auto [code, name] : {std::pair{QStringLiteral("system"), tr("System default")},
                              std::pair{QStringLiteral("en"), QStringLiteral("English")},
                              std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}}) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            if (m_interactive)
                QMessageBox::information(this, tr("Language"), tr("The language changes when the workbench is started again."));
        });
    }

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&Train"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        showPage(m_trainingPage);
        QString error;
        if (!m_trainingPage->startTraining(&error))
            showError(tr("Train"), error);
    });
    run->addAction(tr("&Cancel Training"), QKeySequence(Qt::CTRL | Qt::Key_Period), m_trainingPage,
                   &TrainingPage::cancelTraining);
    run->addAction(tr("Cancel &All Jobs"), m_jobs, &JobManager::cancelAll);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Getting Started"), QKeySequence::HelpContents, this, &MainWindow::showGettingStarted);
    QAction *hints = help->addAction(tr("Show &Hints"));
    hints->setCheckable(true);
    hints->setChecked(m_guide->enabledByUser());
    hints->setToolTip(tr("A bar above the pages says what to do next on each page."));
    connect(hints, &QAction::toggled, m_guide, &GuideBar::setEnabledByUser);
    connect(m_guide, &GuideBar::enabledChanged, hints, &QAction::setChecked);
    help->addSeparator();
    help->addAction(tr("&About Sufficiency Workbench"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = SessionDocument::recentFiles();
    for (const QString &f : files)
        m_recentMenu->addAction(f, this, [this, f] { openSession(f); });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    if (m_interactive)
        QMessageBox::warning(this, title, message);
    else
        std::cerr << title.toStdString() << ": " << message.toStdString() << std::endl;
}

bool MainWindow::hasUnsavedWork() const { return m_document->isOpen() && m_document->isUntitled() && m_document->hasWork(); }

bool MainWindow::saveAsInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Session As"), QString(),
                                                      tr("Workbench sessions (*.wbs)"));
    if (path.isEmpty())
        return false;
    return saveSessionAs(path.endsWith(QLatin1String(".wbs")) ? path : path + QStringLiteral(".wbs"));
}

bool MainWindow::save()
{
    if (!m_document->isOpen())
        return false;
    if (m_document->isUntitled())
        return m_interactive && saveAsInteractive();
    saveState(); // runs, studies and results are in the file already; this adds the pages' layout
    statusBar()->showMessage(tr("Saved %1.").arg(m_document->path()), 5000);
    return true;
}

QMessageBox::StandardButton MainWindow::askToSaveUntitled(const QString &title)
{
    if (!m_interactive || !hasUnsavedWork())
        return QMessageBox::Discard; // nothing to lose
    return QMessageBox::warning(
        this, title,
        tr("This session was never saved: its runs and studies live in a temporary folder that is deleted when "
           "the workbench quits. Save it first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

bool MainWindow::maybeSaveUntitled(const QString &title)
{
    const auto answer = askToSaveUntitled(title);
    return answer == QMessageBox::Discard || (answer == QMessageBox::Save && saveAsInteractive());
}

bool MainWindow::readyToSwitch(const QString &title)
{
    // Training jobs write to the open session: switching files under them is refused.
    if (m_jobs->sessionWritersCount() > 0) {
        showError(title, tr("Wait for the running jobs to finish, or cancel them, first."));
        return false;
    }
    saveState();
    return true;
}

bool MainWindow::newSession()
{
    if (!readyToSwitch(tr("New Session")) || !maybeSaveUntitled(tr("New Session")))
        return false;
    QString error;
    if (!m_document->newSession(&error)) {
        showError(tr("New Session"), error);
        return false;
    }
    return true;
}

bool MainWindow::openSession(const QString &path)
{
    if (!readyToSwitch(tr("Open Session")) || !maybeSaveUntitled(tr("Open Session")))
        return false;
    if (const qint64 pid = SessionDocument::openElsewhere(path); pid != 0 && m_interactive
        && QMessageBox::question(this, tr("Open Session"),
                                 tr("%1 is open in another workbench window (process %2). Both windows can add runs "
                                    "and studies to it, but each shows only its own until the session is opened "
                                    "again. Open it here too?")
                                     .arg(QDir::toNativeSeparators(path))
                                     .arg(pid),
                                 QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Open)
        return false;
    QString error;
    if (!m_document->open(path, &error)) {
        showError(tr("Open Session"), tr("The session could not be opened, and was not changed:\n\n%1").arg(error));
        return false;
    }
    updateRecentMenu();
    return true;
}

bool MainWindow::saveSessionAs(const QString &path)
{
    if (!readyToSwitch(tr("Save Session As")))
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        showError(tr("Save Session As"), error);
        return false;
    }
    updateRecentMenu();
    return true;
}

void MainWindow::onDocumentOpened()
{
    updateTitle();
    m_tree->refresh();
    m_trainingPage->reloadRuns();
    const QJsonObject state = QJsonDocument::fromJson(m_document->state().toUtf8()).object();
    m_architecturePage->restoreState(state.value(QStringLiteral("architecture")).toObject());
    m_trainingPage->restoreState(state.value(QStringLiteral("training")).toObject());
    m_sufficiencyPage->restoreState(state.value(QStringLiteral("sufficiency")).toObject());
    m_scalingPage->restoreState(state.value(QStringLiteral("scaling")).toObject());
    m_activePage->restoreState(state.value(QStringLiteral("active")).toObject());
    m_variancePage->restoreState(state.value(QStringLiteral("variance")).toObject());
    m_evaluationPage->restoreState(state.value(QStringLiteral("evaluation")).toObject());
    const QJsonObject data = state.value(QStringLiteral("dataset")).toObject();
    if (!data.isEmpty())
        m_datasetPage->restoreState(data);
    else if (!m_datasetPage->data() && !m_datasetPage->isLoading()) {
        // A session from workbench-cli has no page state: show the data its runs used.
        const auto datasets = m_document->session().datasets();
        m_datasetPage->load(datasets.empty() ? QStringLiteral("fashion-mnist") // the default
                                             : QString::fromStdString(datasets.back().name));
    }
    m_pages->setCurrentIndex(state.value(QStringLiteral("page")).toInt(m_pages->currentIndex()));
    collectSubmittedStudies(); // cells that finished while the session was closed
    registerLoadedDataset();   // the data shown is listed in this session too
}

void MainWindow::saveState()
{
    if (!m_document->isOpen())
        return;
    const QJsonObject state{{QStringLiteral("dataset"), m_datasetPage->saveState()},
                            {QStringLiteral("architecture"), m_architecturePage->saveState()},
                            {QStringLiteral("training"), m_trainingPage->saveState()},
                            {QStringLiteral("sufficiency"), m_sufficiencyPage->saveState()},
                            {QStringLiteral("scaling"), m_scalingPage->saveState()},
                            {QStringLiteral("active"), m_activePage->saveState()},
                            {QStringLiteral("variance"), m_variancePage->saveState()},
                            {QStringLiteral("evaluation"), m_evaluationPage->saveState()},
                            {QStringLiteral("page"), m_pages->currentIndex()}};
    try {
        m_document->saveState(QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)));
    } catch (const std::exception &e) {
        std::cerr << "cannot save the page state: " << e.what() << std::endl;
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1 — Sufficiency Workbench").arg(m_document->isUntitled()
                                                            ? tr("%1 (not saved)").arg(m_document->displayName())
                                                            : m_document->displayName()));
    setWindowFilePath(m_document->isUntitled() ? QString() : m_document->path());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The unsaved session first: answering Cancel there leaves every job running.
    const auto unsaved = askToSaveUntitled(tr("Quit"));
    if (unsaved == QMessageBox::Cancel) {
        event->ignore();
        return;
    }
    const int running = m_jobs->runningCount();
    if (running > 0 && m_interactive) {
        const auto answer = QMessageBox::question(
            this, tr("Quit"),
            tr("%n job(s) are still running. Cancel them and quit? Finished epochs are kept in the "
               "session; cancelled runs can be resumed.", nullptr, running));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    m_jobs->cancelAndWait();
    if (unsaved == QMessageBox::Save && !saveAsInteractive()) { // the jobs are stopped: the copy is whole
        event->ignore();
        return;
    }
    saveState();
    QSettings settings;
    settings.remove(QStringLiteral("window/geometry")); // of versions before the exact restore
    settings.setValue(QStringLiteral("window/size"), isMaximized() ? normalGeometry().size() : size());
    settings.setValue(QStringLiteral("window/pos"), isMaximized() ? normalGeometry().topLeft() : pos());
    settings.setValue(QStringLiteral("window/maximized"), isMaximized());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    if (!m_document->isUntitled())
        settings.setValue(QStringLiteral("lastSession"), m_document->path());
    event->accept();
}

int MainWindow::collectSubmittedStudies()
{
    if (!m_document->isOpen())
        return 0;
    int merged = 0;
    try {
        core::Session &session = m_document->session();
        for (const auto &s : session.studies()) {
            if (s.status != core::StudyStatus::Submitted)
                continue;
            const core::CollectReport r = core::collectStudyCells(session, s.id);
            merged += r.merged;
            if (!r.rejected.empty())
                statusBar()->showMessage(tr("Study %1: %2 cell file(s) refused, e.g. %3: %4")
                                             .arg(s.id)
                                             .arg(r.rejected.size())
                                             .arg(QString::fromStdString(r.rejected.front().first))
                                             .arg(QString::fromStdString(r.rejected.front().second)),
                                         15000);
        }
    } catch (const std::exception &e) { // a hostile cell file must not take the window down
        statusBar()->showMessage(tr("Collecting study cells failed: %1").arg(QString::fromUtf8(e.what())), 15000);
    }
    if (merged > 0) {
        m_document->notifyContentChanged();
        reloadStudyPages();
    }
    return merged;
}

std::array<StudyPage *, 4> MainWindow::studyPages() const
{
    return {m_sufficiencyPage, m_scalingPage, m_activePage, m_variancePage};
}

StudyPage *MainWindow::studyPageOf(qint64 id) const
{
    std::string type;
    try {
        type = m_document->session().study(id).type;
    } catch (const core::Error &) {
        // the page that shows it reports the error
    }
    if (type == "grid")
        return m_scalingPage;
    if (type == "active")
        return m_activePage;
    if (type == "variance")
        return m_variancePage;
    return m_sufficiencyPage;
}

void MainWindow::reloadStudyPages()
{
    for (StudyPage *page : studyPages()) {
        page->reloadStudies();
        page->showStudy(page->shownStudy());
    }
}

void MainWindow::cancelStudy(qint64 id)
{
    for (StudyPage *page : studyPages()) {
        if (page->runningStudy() == id) {
            page->cancelStudy();
            return;
        }
    }
    try {
        core::cancelStudy(m_document->session(), id);
    } catch (const core::Error &e) {
        showError(tr("Cancel study"), QString::fromUtf8(e.what()));
    }
    m_document->notifyContentChanged();
}

void MainWindow::registerLoadedDataset()
{
    const auto data = m_datasetPage->data();
    if (!data || !m_document->isOpen())
        return;
    m_tree->setCurrentDataset(QString::fromStdString(data->source));
    // Every dataset the user loads is listed in the session, so that one can go back to it;
    // the fingerprint reads every image, so it is computed off the GUI thread.
    const std::string path = m_document->path().toStdString(), name = m_datasetPage->datasetName().toStdString();
    const std::string done = tr("listed in the session").toStdString();
    Job *job = m_jobs->start(tr("Register %1").arg(m_datasetPage->datasetName()), [path, data, name, done](Job &job) {
        core::Session session(path, core::Session::Mode::ReadWrite);
        core::registerDataset(session, *data, name);
        job.setProgress(1.0, done);
    }, JobManager::Io);
    job->setWritesSession(false); // one small row; a session switch meanwhile loses nothing
    connect(job, &Job::finished, this, [this, path] {
        if (m_document->isOpen() && m_document->path().toStdString() == path)
            m_document->notifyContentChanged();
    });
}

GuideState MainWindow::guideState() const
{
    GuideState g;
    g.dataLoaded = m_datasetPage->data() != nullptr;
    g.dataLoading = m_datasetPage->isLoading();
    if (!m_document->isOpen())
        return g;
    try {
        for (const auto &r : m_document->session().runs()) {
            ++g.runs;
            g.trainedRuns += r.epochsDone > 0 ? 1 : 0;
        }
        for (const auto &st : m_document->session().studies()) {
            g.gridStudies += st.type == "grid";
            g.activeStudies += st.type == "active";
            g.varianceStudies += st.type == "variance";
            g.sufficiencyStudies += st.type == "sufficiency";
        }
    } catch (const core::Error &) {
        // An unreadable session: the tree shows its error; the hints stay generic.
    }
    return g;
}

void MainWindow::updateGuide()
{
    m_guide->setHint(GuideBar::nextStepHint(GuidePage(m_pages->currentIndex()), guideState()));
}

void MainWindow::showGettingStarted()
{
    if (!m_interactive)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Getting Started"));
    auto *text = new QTextBrowser;
    text->setOpenLinks(false);
    text->setHtml(GuideBar::gettingStartedHtml());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(text, &QTextBrowser::anchorClicked, &dialog, [this, &dialog](const QUrl &url) {
        if (url.scheme() == QLatin1String("page"))
            m_pages->setCurrentIndex(url.path().toInt());
        dialog.accept();
    });
    dialog.resize(620, 430);
    dialog.exec();
}

void MainWindow::about()
{
    const int gpus = core::cudaDeviceCount();
    QMessageBox::about(this, tr("About Sufficiency Workbench"),
                       tr("<h3>Sufficiency Workbench %1</h3>"
                          "<p>Deep learning on small image datasets: is it worth collecting more data?</p>"
                          "<p>Qt %2<br>LibTorch %3<br>CUDA devices: %4</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                QString::fromStdString(core::torchVersion()))
                           .arg(gpus));
}

} // namespace wb::app
