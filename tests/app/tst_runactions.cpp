// Issue 17, as a user meets it: runs told apart by number, acted on from their context menu
// (resume, rename, delete, use settings, evaluate), diverged runs flagged, Save and the
// unsaved-session state, form values that are wrong said so, jobs that show what they did.
#include "architecturepage.h"
#include "datasetpage.h"
#include "layerlistmodel.h"
#include "embeddingview.h"
#include "evaluationpage.h"
#include "exportmodeldialog.h"
#include "guidance.h"
#include "imagegrid.h"
#include "job.h"
#include "jobmanager.h"
#include "lrfinderpanel.h"
#include "exportwait.h"
#include "mainwindow.h"
#include "runactions.h"
#include "sessiontree.h"
#include "statusnames.h"
#include "sessiondocument.h"
#include "trainconfigform.h"
#include "trainingchart.h"
#include "trainingpage.h"
#include "wb/evaluation.h"
#include "activelearningpage.h"
#include "poolloopview.h"
#include "wb/datasetloader.h"
#include "activeviews.h"
#include "scalingviews.h"
#include "varianceviews.h"

#include <QLineEdit>
#include <QLocale>
#include <QTranslator>

#include <QAction>
#include <QMap>
#include "wb/session.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QFileInfo>
#include <QImage>
#include <QTableWidget>
#include <QLineEdit>
#include <QRegularExpression>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <map>

using namespace wb;

namespace {
const QString kMnist = QStringLiteral(WB_TEST_SHARED_DATA "/mnist10k");

void startSession(app::MainWindow &w, int epochs, double lr = 0.003, const QString &optimizer = "adam")
{
    w.setInteractive(false);
    QVERIFY(w.newSession());
    w.datasetPage()->restoreState({{"dataset", kMnist}, {"trainLimit", 600}, {"testLimit", 300},
                                   {"valFraction", 0.2}, {"seed", 1}});
    QTRY_VERIFY_WITH_TIMEOUT(w.datasetPage()->data() && !w.datasetPage()->isLoading()
                                 && w.datasetPage()->datasetName() == kMnist,
                             60000);
    core::TrainConfig c;
    c.optimizer = optimizer.toStdString();
    c.lr = lr;
    c.epochs = epochs;
    c.batchSize = 32;
    w.trainingPage()->configForm()->setConfig(c);
}

// Trains one run to its end in the app; returns its id.
std::int64_t trainToEnd(app::MainWindow &w)
{
    QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
    QString error;
    const auto id = w.trainingPage()->startTraining(&error);
    if (id <= 0)
        qWarning("%s", qPrintable(error));
    if (!finished.wait(120000) && finished.isEmpty())
        return 0;
    return id;
}

// Sets the default locale for a scope and restores it however the scope is left.
struct DefaultLocale
{
    explicit DefaultLocale(const QLocale &locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(before); }
    QLocale before = QLocale();
};

QStringList runListTexts(app::MainWindow &w)
{
    QStringList texts;
    auto *list = w.trainingPage()->findChild<QTreeWidget *>();
    for (int i = 0; list && i < list->topLevelItemCount(); ++i)
        texts << list->topLevelItem(i)->text(0);
    return texts;
}
} // namespace

class tst_RunActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Two runs of the same settings carry their numbers in the list and the legends, in run
    // order; a run whose loss explodes ends as diverged and leaves the log axis to the others.
    void runsAreNumberedAndDivergedRunsFlagged()
    {
        app::MainWindow w;
        startSession(w, 1);
        const auto a = trainToEnd(w);
        const auto b = trainToEnd(w);
        QVERIFY(a > 0 && b > a);
        const QString name = QString::fromStdString(w.document()->session().run(a).name);
        QCOMPARE(QString::fromStdString(w.document()->session().run(b).name), name); // same settings, same name
        const QStringList labels = {QString("#%1 %2").arg(a).arg(name), QString("#%1 %2").arg(b).arg(name)};
        QCOMPARE(w.trainingPage()->lossChart()->legendLabels(), labels);
        QCOMPARE(runListTexts(w), labels);
        const double saneTop = w.trainingPage()->lossChart()->yAxis->range().upper;

        core::TrainConfig c = w.trainingPage()->configForm()->config();
        c.optimizer = "sgd"; // near the form's largest learning rate (100)
        c.lr = 90;
        w.trainingPage()->configForm()->setConfig(c);
        const auto exploding = trainToEnd(w);
        const core::RunRecord run = w.document()->session().run(exploding);
        QCOMPARE(run.status, core::RunStatus::Diverged);
        QVERIFY2(QString::fromStdString(run.message).contains("lower the learning rate"), run.message.c_str());
        QVERIFY(w.trainingPage()->lossChart()->legendLabels().last().endsWith("(diverged)"));
        // The axis stays on the sane runs (within 10x of where it was).
        QVERIFY2(w.trainingPage()->lossChart()->yAxis->range().upper < 10 * saneTop,
                 qPrintable(QString::number(w.trainingPage()->lossChart()->yAxis->range().upper)));
        // Reopened from the session, it is still flagged.
        w.trainingPage()->reloadRuns();
        QVERIFY(w.trainingPage()->lossChart()->legendLabels().last().endsWith("(diverged)"));
    }

    // Two load requests (the default dataset of a new session, then the user's): the first
    // one finishing must neither be shown nor end "loading" while the second is pending.
    void supersededLoadIsNotShown()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QStringList shown;
        connect(w.datasetPage(), &app::DatasetPage::dataChanged, this,
                [&] { shown << w.datasetPage()->datasetName(); });
        QVERIFY(w.newSession()); // requests fashion-mnist
        QVERIFY(w.datasetPage()->isLoading());
        w.datasetPage()->load(kMnist); // requested second: queued behind it on the I/O pool
        QSignalSpy loaded(w.datasetPage(), &app::DatasetPage::dataChanged);
        QVERIFY(loaded.wait(120000));
        QVERIFY(!w.datasetPage()->isLoading());
        QCOMPARE(shown, QStringList{kMnist}); // fashion-mnist finished first and was dropped
        QCOMPARE(w.datasetPage()->data()->train.size(), std::size_t(8000));
    }

    // Rename, delete, use settings, resume and evaluate, as the context menu does them.
    void contextMenuActions()
    {
        app::MainWindow w;
        startSession(w, 40);
        app::RunActions *actions = w.runActions();
        QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
        QString error;
        const auto id = w.trainingPage()->startTraining(&error);
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(w.document()->session().run(id).epochsDone >= 1, 60000);
        // The session tree says "running" (not "created") while it trains.
        auto runDetails = [&] { // found anew each time: a refresh rebuilds the items
            const auto node = w.sessionTree()->findItems("Runs", Qt::MatchExactly);
            return node.isEmpty() || node.first()->childCount() == 0 ? QString() : node.first()->child(0)->text(1);
        };
        QTRY_VERIFY(runDetails().startsWith("running"));
        QVERIFY(!actions->remove(id, &error)); // running: refused, named
        QVERIFY2(error.contains("cancel it"), qPrintable(error));
        w.trainingPage()->cancelTraining();
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        // The cancelled job keeps the share it had reached, not 100%.
        app::Job *trainJob = nullptr;
        for (app::Job *job : w.jobs()->jobs())
            if (job->title().startsWith("Train run"))
                trainJob = job;
        QVERIFY(trainJob);
        QCOMPARE(trainJob->state(), app::Job::State::Cancelled);
        QVERIFY2(trainJob->progress() < 1.0, qPrintable(QString::number(trainJob->progress())));

        // Rename: the list, the legend and the session follow.
        QVERIFY(!actions->rename(id, "  ", &error));
        QVERIFY(actions->rename(id, "my baseline", &error));
        QCOMPARE(runListTexts(w), QStringList{QString("#%1 my baseline").arg(id)});
        QCOMPARE(w.trainingPage()->lossChart()->legendLabels(), QStringList{QString("#%1 my baseline").arg(id)});

        // Use these settings: the form takes the run's config.
        core::TrainConfig other = w.trainingPage()->configForm()->config();
        other.lr = 0.0123;
        other.epochs = 3;
        w.trainingPage()->configForm()->setConfig(other);
        QVERIFY(w.trainingPage()->useRunSettings(id, &error));
        QCOMPARE(w.trainingPage()->configForm()->config().lr, 0.003);
        QCOMPARE(w.trainingPage()->configForm()->config().epochs, 40);

        // Resume: continues after the last committed epoch and completes; a completed run
        // cannot be resumed again. Shorten it first by training it to the end quickly: resume
        // needs the run's own settings, so let it finish 40 epochs of 480 images (~15 s).
        const int before = w.document()->session().run(id).epochsDone;
        QVERIFY(actions->canResume(id));
        finished.clear();
        QVERIFY2(w.trainingPage()->resumeRun(id, &error), qPrintable(error));
        QVERIFY(!w.trainingPage()->resumeRun(id, &error)); // already being trained
        QVERIFY(finished.wait(180000) || !finished.isEmpty());
        const core::RunRecord done = w.document()->session().run(id);
        QCOMPARE(done.status, core::RunStatus::Completed);
        QCOMPARE(done.epochsDone, 40);
        QVERIFY(done.epochsDone > before);
        const auto h = w.document()->session().history(id);
        QCOMPARE(int(h.epochs.size()), 40); // no epoch twice, none missing
        QCOMPARE(w.trainingPage()->lossChart()->pointCount(id), int(h.batches.size()));
        QVERIFY(!actions->canResume(id));
        QVERIFY(!w.trainingPage()->resumeRun(id, &error));
        QVERIFY2(error.contains("completed"), qPrintable(error));

        // Evaluate picks the run on the Evaluation page.
        QSignalSpy evaluated(w.evaluationPage(), &app::EvaluationPage::evaluated);
        Q_EMIT actions->evaluateRequested(id);
        QVERIFY(evaluated.wait(60000) || !evaluated.isEmpty());
        QCOMPARE(evaluated.first().at(0).toBool(), true);
        // The reject threshold applies to every view: most confused pairs of the accepted images.
        const core::Evaluation *e = w.evaluationPage()->evaluation();
        QVERIFY(e);
        auto *confused = w.evaluationPage()->findChild<QListWidget *>();
        QCOMPARE(confused->count(), int(core::mostConfused(e->metrics.confusion, 20).size()));
        w.evaluationPage()->setThreshold(0.95);
        const auto accepted = core::mostConfused(core::acceptedSubset(*e, 0.95, 10).confusion, 20);
        QCOMPARE(confused->count(), int(accepted.size()));
        for (int i = 0; i < confused->count(); ++i)
            QVERIFY(confused->item(i)->text().endsWith(QString(": %1").arg(accepted[std::size_t(i)].count)));
        w.evaluationPage()->showTopLosses();
        int acceptedImages = 0;
        for (double c : e->confidence)
            acceptedImages += c > 0.95;
        QCOMPARE(w.evaluationPage()->gallery()->count(), std::min(60, acceptedImages));

        // Delete: gone from the session, the list and the charts.
        QVERIFY(actions->remove(id, &error));
        QVERIFY(runListTexts(w).isEmpty());
        QVERIFY(!w.trainingPage()->lossChart()->hasRun(id));
        QVERIFY(w.document()->session().runs().empty());
        QVERIFY(!actions->remove(id, &error)); // a second time: named, not silent
    }

    // Issue 18: Export Model… of a run — the dialog's choices and the background export.
    void exportModelDialogAndJob()
    {
        app::MainWindow w;
        startSession(w, 2);
        const auto id = trainToEnd(w);
        QVERIFY(id > 0);
        const core::RunRecord run = w.document()->session().run(id);
        QTemporaryDir dir;
        app::ExportModelDialog dialog(run, w.document()->session().checkpointEpochs(id), dir.path());
        QCOMPARE(dialog.formatBox()->count(), 2);
        QCOMPARE(dialog.epochBox()->count(), 3); // last, 2, 1
        QCOMPARE(dialog.epochBox()->itemText(0), QString("Last (epoch 2)"));
        QCOMPARE(dialog.epoch(), 0);
        const QString pytorchFolder = dir.filePath(app::ExportModelDialog::defaultFolderName(run, core::ExportFormat::PyTorch));
        QCOMPARE(dialog.folder(), pytorchFolder);
        QVERIFY(pytorchFolder.endsWith(QString("run-%1-lenet5-adam-lr-0.003-pytorch").arg(id)));
        dialog.formatBox()->setCurrentIndex(1);
        QCOMPARE(dialog.format(), core::ExportFormat::Onnx);
        QVERIFY(dialog.folder().endsWith("-onnx"));
        dialog.epochBox()->setCurrentIndex(2);
        QCOMPARE(dialog.epoch(), 1);
        // A folder the user typed stays when the format changes.
        QTest::keyClicks(dialog.folderEdit(), "x");
        dialog.formatBox()->setCurrentIndex(0);
        QVERIFY(dialog.folder().endsWith("-onnxx"));

        core::ExportOptions options;
        options.runId = id;
        options.format = core::ExportFormat::PyTorch;
        options.output = pytorchFolder.toStdString();
        app::Job *job = app::startModelExport(*w.jobs(), w.document()->path(), options, app::runLabel(run));
        QCOMPARE(job->title(), QString("Export #%1 %2 (PyTorch)").arg(id).arg(QString::fromStdString(run.name)));
        QTRY_VERIFY_WITH_TIMEOUT(job->state() == app::Job::State::Finished || job->state() == app::Job::State::Failed, 60000);
        QCOMPARE(job->state(), app::Job::State::Finished);
        QVERIFY(QFileInfo::exists(pytorchFolder + "/model.py") && QFileInfo::exists(pytorchFolder + "/weights.pt"));
        options.epoch = 5;
        options.output = dir.filePath("e5").toStdString();
        app::Job *failed = app::startModelExport(*w.jobs(), w.document()->path(), options, app::runLabel(run));
        QTRY_VERIFY_WITH_TIMEOUT(failed->state() == app::Job::State::Failed, 60000);
        QVERIFY2(failed->error().contains("no checkpoint for epoch 5 (it has epochs 1, 2)"), qPrintable(failed->error()));
        QVERIFY(!QFileInfo::exists(dir.filePath("e5")));
    }

    // A run of another dataset cannot be resumed until that dataset is loaded.
    void resumeNeedsTheRunsDataset()
    {
        app::MainWindow w;
        startSession(w, 500);
        QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
        QString error;
        const auto id = w.trainingPage()->startTraining(&error);
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingPage()->lossChart()->pointCount(id) > 3, 60000);
        w.trainingPage()->cancelTraining();
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        QTemporaryDir other;
        QVERIFY(QFile::copy(kMnist + "/t10k-images-idx3-ubyte.gz", other.filePath("train-images-idx3-ubyte.gz")));
        QVERIFY(QFile::copy(kMnist + "/t10k-labels-idx1-ubyte.gz", other.filePath("train-labels-idx1-ubyte.gz")));
        w.datasetPage()->load(other.path());
        QTRY_VERIFY_WITH_TIMEOUT(!w.datasetPage()->isLoading() && w.datasetPage()->data()
                                     && w.datasetPage()->data()->source != w.document()->session().dataset(
                                            w.document()->session().run(id).datasetId).path,
                                 60000);
        QVERIFY(!w.trainingPage()->resumeRun(id, &error));
        QVERIFY2(error.contains("load that dataset"), qPrintable(error));
        QCOMPARE(w.document()->session().run(id).status, core::RunStatus::Cancelled); // untouched
    }

    // Save: an untitled session with work is "unsaved"; Save As makes it a file; Save then
    // writes the layout. Headless, Save of an untitled session cannot ask where, and says no.
    void saveAndUnsavedState()
    {
        app::MainWindow w;
        startSession(w, 1);
        QVERIFY(!w.hasUnsavedWork()); // nothing made yet
        QVERIFY(trainToEnd(w) > 0);
        QVERIFY(w.hasUnsavedWork());
        QVERIFY(w.windowTitle().contains("not saved"));
        // Numbers follow the locale of the interface: a German decimal comma in the tree.
        {
        const DefaultLocale german(QLocale(QLocale::German, QLocale::Germany));
        w.sessionTree()->refresh();
        const auto runsNode = w.sessionTree()->findItems("Runs", Qt::MatchExactly);
        QVERIFY(!runsNode.isEmpty() && runsNode.first()->childCount() == 1);
        const QString details = runsNode.first()->child(0)->text(1);
        QVERIFY2(details.contains(QRegularExpression("accuracy 0,\\d{4}")), qPrintable(details));
        }
        QVERIFY(!w.save());
        const QString path = m_dir.filePath("saved.wbs");
        QVERIFY(w.saveSessionAs(path));
        QVERIFY(!w.hasUnsavedWork());
        QVERIFY(!w.windowTitle().contains("not saved"));
        w.trainingPage()->setSmoothing(0.5);
        QVERIFY(w.save());
        const core::Session s(path.toStdString(), core::Session::Mode::ReadOnly);
        QVERIFY(QString::fromStdString(s.value("gui.state")).contains("\"smoothing\":0.5"));
        QCOMPARE(s.runs().size(), std::size_t(1));
    }

    // The last evaluation of a run (and its t-SNE) is stored: shown again on reopen without
    // pressing Evaluate, and File → Export All Plots draws confusion, per-class, reject,
    // calibration and t-SNE plots by run.
    void evaluationIsStoredRestoredAndExported()
    {
        const QString path = m_dir.filePath("evaluated.wbs");
        std::int64_t id = 0;
        double accuracy = 0;
        {
            app::MainWindow w;
            startSession(w, 1);
            QVERIFY(w.saveSessionAs(path));
            id = trainToEnd(w);
            QVERIFY(id > 0);
            w.evaluationPage()->reloadRuns();
            QSignalSpy evaluated(w.evaluationPage(), &app::EvaluationPage::evaluated);
            QString error;
            QVERIFY2(w.evaluationPage()->evaluate(id, 0, &error), qPrintable(error));
            QVERIFY(evaluated.wait(60000) || !evaluated.isEmpty());
            accuracy = w.evaluationPage()->evaluation()->metrics.accuracy;
            QSignalSpy embedded(w.evaluationPage(), &app::EvaluationPage::embeddingReady);
            QVERIFY2(w.evaluationPage()->startTsne(&error), qPrintable(error));
            QVERIFY(embedded.wait(120000) || !embedded.isEmpty());
            QCOMPARE(embedded.first().at(0).toBool(), true);
            w.showPage(w.evaluationPage());
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        const core::Evaluation *restored = w.evaluationPage()->evaluation();
        QVERIFY(restored); // shown without Evaluate
        QCOMPARE(restored->metrics.accuracy, accuracy);
        QVERIFY(w.evaluationPage()->metricsText().contains("Test accuracy"));
        QCOMPARE(w.evaluationPage()->embedding()->graphCount(), 11); // 10 classes + the rings
        // The dataset loads in the background: the numbers are shown at once, the gallery's
        // images once the dataset page holds the run's dataset.
        const int truth = int(restored->labels.front()), predicted = int(restored->predicted.front());
        const bool loadedAtOpen = w.datasetPage()->data() != nullptr;
        w.evaluationPage()->showCell(truth, predicted);
        QCOMPARE(w.evaluationPage()->gallery()->count() > 0, loadedAtOpen);
        QTRY_VERIFY_WITH_TIMEOUT(w.datasetPage()->data() && !w.datasetPage()->isLoading(), 60000);
        w.evaluationPage()->showCell(truth, predicted);
        QVERIFY(w.evaluationPage()->gallery()->count() > 0);
        // Without page state too (a session from workbench-cli, or an app that was killed).
        w.evaluationPage()->restoreState({});
        QVERIFY(w.evaluationPage()->evaluation() && w.evaluationPage()->evaluation() != restored);
        QCOMPARE(w.evaluationPage()->evaluation()->metrics.accuracy, accuracy);
        QTemporaryDir out;
        QString error;
        QVERIFY2(exportAllAndWait(w, out.path(), &error), qPrintable(error));
        for (const char *name : {"confusion", "per-class", "reject", "reject-rate", "calibration", "tsne"}) {
            const QString png = out.filePath(QString("%1-%2.png").arg(name).arg(id));
            QVERIFY2(QFileInfo(png).size() > 2000, qPrintable(png));
            QCOMPARE(QImage(png).size(), QSize(1000, 600));
        }
    }

    // Values the form cannot use are said, not silently clamped or flipped.
    void wrongFormValuesAreSaid()
    {
        app::MainWindow w;
        startSession(w, 1);
        app::TrainConfigForm *form = w.trainingPage()->configForm();
        QVERIFY(form->problem().isEmpty());
        auto *lr = form->findChildren<QLineEdit *>().first(); // the learning rate comes first
        lr->setText("-0.1");
        QCOMPARE(lr->text(), QString("-0.1")); // kept as typed, not "0.1"
        QVERIFY2(form->problem().contains("Learning rate -0.1 must be above 0"), qPrintable(form->problem()));
        QString error;
        QCOMPARE(w.trainingPage()->startTraining(&error), std::int64_t(0));
        QVERIFY(error.contains("Learning rate"));
        lr->setText("abc");
        QVERIFY(form->problem().contains("'abc' is not a number"));
        // The LR range test does not use the learning rate: the field does not block it.
        QVERIFY(!w.trainingPage()->notReadyReason().isEmpty());
        QVERIFY(w.trainingPage()->notReadyReason(false).isEmpty());
        lr->setText("1e-3");
        QVERIFY(form->problem().isEmpty());
        core::TrainConfig c = form->config();
        c.epochs = 0;
        c.batchSize = 0;
        form->setConfig(c);
        QVERIFY(form->problem().contains("Epochs must be at least 1"));
        QVERIFY(form->problem().contains("Batch size must be at least 1"));
        QCOMPARE(form->config().batchSize, 0); // not clamped to 1 behind the user's back
        QVERIFY(!w.trainingPage()->lrFinder()->canUse("steepest")); // no test yet: Use is off
    }

    // The hint bar walks a new user through the pages: what to do first, then next.
    void hintsFollowTheUser()
    {
        using app::GuidePage;
        app::GuideState s;
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Training, s).contains("Start here"));
        s.dataLoading = true;
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Training, s).contains("loading"));
        s.dataLoading = false;
        s.dataLoaded = true;
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Dataset, s).contains("Architecture"));
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Training, s).contains("LR range test"));
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Evaluation, s).contains("Nothing to evaluate yet"));
        s.runs = s.trainedRuns = 1;
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Training, s).contains("Right-click a run"));
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Evaluation, s).contains("press <b>Evaluate</b>"));
        QVERIFY(app::GuideBar::nextStepHint(GuidePage::Variance, s).contains("Press Run"));
        s.varianceStudies = 1;
        QVERIFY(!app::GuideBar::nextStepHint(GuidePage::Variance, s).contains("Press Run"));
        // Every page has a hint, and Getting started links every page.
        for (int p = 0; p <= int(GuidePage::Variance); ++p) {
            QVERIFY(!app::GuideBar::nextStepHint(GuidePage(p), s).isEmpty());
            QVERIFY(app::GuideBar::gettingStartedHtml().contains(QString("page:%1").arg(p)));
        }
        // In the window: the bar follows the page and the session.
        app::MainWindow w;
        startSession(w, 1);
        // The loaded dataset is listed in the session before any run (a job registers it), in bold.
        QTRY_VERIFY(!w.document()->session().datasets().empty());
        QTRY_VERIFY([&] {
            const auto node = w.sessionTree()->findItems("Datasets", Qt::MatchExactly);
            return !node.isEmpty() && node.first()->childCount() == 1 && node.first()->child(0)->font(0).bold()
                   && node.first()->child(0)->text(0) == "mnist10k" // short; the path in the tooltip
                   && node.first()->child(0)->toolTip(0).startsWith(kMnist);
        }());
        QVERIFY(w.document()->session().runs().empty());
        w.showPage(w.evaluationPage());
        QTRY_VERIFY(w.guideBar()->hint().contains("Nothing to evaluate yet"));
        QVERIFY(trainToEnd(w) > 0);
        QTRY_VERIFY(w.guideBar()->hint().contains("press <b>Evaluate</b>"));
        w.showPage(w.trainingPage());
        QVERIFY(w.guideBar()->hint().contains("Right-click a run"));
    }

    // "ring misclassified" holds for an embedding computed after it was ticked; the points at
    // the edge are inside the axes; the legend is beside the map, not over it.
    void embeddingKeepsTheRingsAndItsMargins()
    {
        widgets::EmbeddingView view;
        view.resize(600, 400);
        view.setHighlightErrors(true);
        view.setEmbedding({0, 0, 1, 1, 2, 0}, {0, 1, 1}, {0, 0, 1}, {"a", "b"});
        QCPGraph *rings = view.graph(view.graphCount() - 1);
        QCOMPARE(rings->name(), QString("misclassified"));
        QVERIFY(rings->visible());
        QCOMPARE(rings->dataCount(), 1);
        QVERIFY(view.xAxis->range().lower < 0 && view.xAxis->range().upper > 2);
        QVERIFY(view.yAxis->range().lower < 0 && view.yAxis->range().upper > 1);
        QVERIFY(!view.axisRect()->insetLayout()->elements(false).contains(view.legend));
        view.replot();
        QVERIFY2(view.axisRect()->height() > 300, qPrintable(QString::number(view.axisRect()->height()))); // not capped
        QVERIFY(view.axisRect()->width() > 350);
        view.setHighlightErrors(false);
        view.setEmbedding({0, 0, 1, 1, 2, 0}, {0, 1, 1}, {0, 0, 1}, {"a", "b"});
        QVERIFY(!view.graph(view.graphCount() - 1)->visible());
    }

    // Choosing a preset applies it at once; Ctrl+Z / Ctrl+Shift+Z undo and redo the network.
    void architecturePresetAndUndo()
    {
        app::MainWindow w;
        w.setInteractive(false);
        app::ArchitecturePage *page = w.architecturePage();
        const std::string lenet = core::toJson(page->spec());
        auto *preset = page->findChild<QComboBox *>(QStringLiteral("preset"));
        QVERIFY(preset);
        const int cnn = preset->findText("cnn");
        QVERIFY(cnn >= 0);
        preset->setCurrentIndex(cnn);
        Q_EMIT preset->activated(cnn); // as a click on the item does
        QCOMPARE(page->modelName(), QString("cnn"));
        // The JSON edited and put back as it was (here: only its layout changed) is the same
        // network: it keeps its name (issue 34).
        auto *json = page->findChild<QPlainTextEdit *>();
        QVERIFY(json);
        json->setPlainText(json->toPlainText().replace(",", " ,") + "\n");
        QTest::qWait(700); // the page parses the text 0.4 s after the last key
        QCOMPARE(page->modelName(), QString("cnn"));
        const std::string cnnJson = core::toJson(page->spec());
        QVERIFY(cnnJson != lenet);
        // A table edit, as the type delegate commits it.
        QVERIFY(page->model()->setData(page->model()->index(0, widgets::LayerListModel::TypeColumn), "relu", Qt::EditRole));
        QCOMPARE(page->modelName(), QString("custom"));
        // Edit → Undo names the change, and acts only where the network is seen.
        w.pages()->setCurrentIndex(0);
        QVERIFY(!w.undoAction()->isEnabled());
        w.showPage(page);
        QVERIFY(w.undoAction()->isEnabled());
        QCOMPARE(w.undoAction()->text(), QString("&Undo layer 1 (relu)"));
        QVERIFY(!w.redoAction()->isEnabled());
        w.undoAction()->trigger();
        QCOMPARE(core::toJson(page->spec()), cnnJson);
        QCOMPARE(w.undoAction()->text(), QString("&Undo network cnn"));
        QCOMPARE(w.redoAction()->text(), QString("&Redo layer 1 (relu)"));
        w.redoAction()->trigger();
        QCOMPARE(page->modelName(), QString("custom"));
        // Redo answers Ctrl+Shift+Z and Ctrl+Y; no key belongs to two actions (Qt ignores both then).
        QVERIFY(w.redoAction()->shortcuts().contains(QKeySequence("Ctrl+Shift+Z")));
        QVERIFY(w.redoAction()->shortcuts().contains(QKeySequence("Ctrl+Y")));
        QMap<QString, int> owners;
        for (const QAction *a : w.findChildren<QAction *>())
            for (const QKeySequence &k : a->shortcuts())
                QVERIFY2(++owners[k.toString()] == 1, qPrintable(k.toString() + " belongs to two actions"));
        QVERIFY(page->undo());
        QCOMPARE(core::toJson(page->spec()), cnnJson);
        QCOMPARE(page->modelName(), QString("cnn"));
        QVERIFY(page->undo());
        QCOMPARE(core::toJson(page->spec()), lenet);
        QVERIFY(!page->undo()); // the start of the history
        QVERIFY(page->redo());
        QCOMPARE(core::toJson(page->spec()), cnnJson);
        QVERIFY(page->redo());
        QCOMPARE(page->modelName(), QString("custom"));
        QVERIFY(!page->redo());
    }

    // The real loop on the user's own unlabelled images, from the page: Label next trains on the
    // labelled set and lists the picks, the exported list comes back labelled by an annotator
    // (this test, which alone knows the digits), Add labels retrains; the rounds come back.
    void labelNextFromYourOwnPool()
    {
        std::vector<core::SkippedFile> skipped;
        const core::DatasetPair data = core::loadDataset(kMnist.toStdString(), {}, skipped);
        const QString pool = m_dir.filePath("mypool");
        QVERIFY(QDir().mkpath(pool));
        std::map<QString, int> truth;
        for (std::size_t i = 7600; i < 8000; ++i) {
            const QString file = QStringLiteral("%1/%2.png").arg(pool).arg(i);
            QVERIFY(QImage(data.train.image(i), 28, 28, 28, QImage::Format_Grayscale8).copy().save(file));
            truth[QFileInfo(file).absoluteFilePath()] = int(data.train.labels[i]);
        }
        const QString path = m_dir.filePath("loop.wbs");
        {
            app::MainWindow w;
            startSession(w, 3);
            QVERIFY(w.saveSessionAs(path));
            app::PoolLoopView *loop = w.activePage()->poolLoop();
            QSignalSpy done(loop, &app::PoolLoopView::stepFinished);
            QString error;
            QVERIFY2(loop->labelNext(pool, 0, "margin", 40, 0, false, &error), qPrintable(error));
            QVERIFY(!loop->labelNext(pool, 0, "margin", 40, 0, false, &error)); // one step at a time
            QVERIFY(done.wait(180000));
            QVERIFY2(done.last().first().toBool(), qPrintable(loop->statusText()));
            QCOMPARE(loop->table()->rowCount(), 40);
            QVERIFY(loop->loop() && loop->loop()->pending());
            const auto &round = *loop->loop()->pending();
            QCOMPARE(round.scored + round.alreadyLabelled, std::size_t(400)); // pool digits in the labelled 600 are known
            QVERIFY(loop->exportList(m_dir.filePath("picks.csv"), &error));
            QFile picks(m_dir.filePath("picks.csv")), labelled(m_dir.filePath("picks-labelled.csv"));
            QVERIFY(picks.open(QIODevice::ReadOnly) && labelled.open(QIODevice::WriteOnly));
            labelled.write("path,label\n");
            for (const QByteArray &line : picks.readAll().split('\n').mid(1))
                if (!line.isEmpty()) {
                    const QString file = QString::fromUtf8(line.split(',')[1]);
                    QVERIFY2(truth.count(file), qPrintable(file));
                    labelled.write(file.toUtf8() + "," + QByteArray::number(truth[file]) + "\n");
                }
            labelled.close();
            QVERIFY2(loop->addLabels(m_dir.filePath("picks-labelled.csv"), &error), qPrintable(error));
            QVERIFY(done.wait(180000));
            QVERIFY2(done.last().first().toBool(), qPrintable(loop->statusText()));
            QVERIFY2(loop->statusText().contains("40 labels added") && loop->statusText().contains("test accuracy"),
                     qPrintable(loop->statusText()));
            QCOMPARE(loop->loop()->labels.size(), std::size_t(40));
            QCOMPARE(loop->loop()->models.size(), std::size_t(2));
            const auto &chart = loop->chart()->data();
            QCOMPARE(chart.lines.front().x, (std::vector<double>{600, 640}));
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        const auto &reopened = w.activePage()->poolLoop()->loop();
        QVERIFY(reopened && reopened->rounds.size() == 1 && !reopened->pending());
        QCOMPARE(w.activePage()->poolLoop()->table()->rowCount(), 40);
    }

    // In German the learning rate takes the decimal comma, as every other field does (issue 34),
    // and shows it; C's "0.003" still works; grouping is refused, not read as thousands.
    void learningRateTakesTheDecimalComma()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        {
            app::TrainConfigForm form;
            core::TrainConfig c;
            c.lr = 0.01;
            form.setConfig(c);
            QLineEdit *lr = nullptr;
            for (QLineEdit *e : form.findChildren<QLineEdit *>())
                if (e->text() == QLatin1String("0,01"))
                    lr = e;
            QVERIFY2(lr, "the learning rate is shown as 0,01");
            QCOMPARE(form.config().lr, 0.01);
            lr->setText(QStringLiteral("0,003"));
            QCOMPARE(form.config().lr, 0.003);
            QVERIFY(form.problem().isEmpty());
            lr->setText(QStringLiteral("0.003"));
            QCOMPARE(form.config().lr, 0.003);
            lr->setText(QStringLiteral("1e-3"));
            QCOMPARE(form.config().lr, 0.001);
            lr->setText(QStringLiteral("1.000,5"));
            QVERIFY(!form.problem().isEmpty());
        }
        QLocale::setDefault(before);
    }

    // The study views' axis titles and notes are translated: their strings are looked up in the
    // context lupdate files them under (issue 34: they were filed under another class's context and
    // stayed English in German).
    void studyViewsSpeakGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral("workbench_de"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&german);
        const core::VarianceStudyResult variance;
        const auto noise = app::varianceBetaNoise(variance);
        const auto active = app::activeAccuracyCurves(core::ActiveStudyResult{});
        const core::GridStudyResult grid;
        const auto compute = app::scalingCompute(grid);
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(noise.xLabel, QString::fromUtf8("β der geglätteten Genauigkeit"));
        QVERIFY2(noise.yLabel != QLatin1String("std over repeats"), qPrintable(noise.yLabel));
        QCOMPARE(active.xLabel, QString("gelabelte Bilder"));
        QCOMPARE(compute.xLabel, QString("Trainingsaufwand (FLOPs)"));
        QCOMPARE(app::varianceBetaNoise(variance).xLabel, QString::fromUtf8("β of the smoothed accuracy"));
    }

    // The engine's English progress lines and run messages reach the UI through one
    // translator: known ones get the interface's wording and number format, others pass.
    void engineMessagesFollowTheInterface()
    {
        QCOMPARE(app::engineMessageText("epoch 2/5 loss 0.412345"), QString("epoch 2/5, loss 0.412345"));
        QCOMPARE(app::engineMessageText("cancelled during epoch 3"), QString("cancelled during epoch 3"));
        QCOMPARE(app::engineMessageText("something new"), QString("something new"));
        QCOMPARE(app::engineMessageText("completed"), QString("completed"));
        const DefaultLocale german(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(app::engineMessageText("loaded 60000 + 10000 images"), QString("loaded 60.000 + 10.000 images"));
        QCOMPARE(app::engineMessageText("epoch 2/5 loss 0.412345"), QString("epoch 2/5, loss 0,412345"));
        QCOMPARE(app::engineMessageText("iteration 1000, KL 0.669559"), QString("iteration 1000, KL 0,669559"));
    }

    // Captions cut to the cell width are whole in the tooltip's source: indexAt finds them.
    void imageGridFindsTheImageUnderTheMouse()
    {
        widgets::ImageGrid grid;
        grid.resize(640, 400);
        grid.setCellSize(56);
        QList<QImage> images;
        for (int i = 0; i < 12; ++i)
            images << QImage(28, 28, QImage::Format_Grayscale8);
        grid.setImages(images, QStringList(12, "Ankle boot"));
        QCOMPARE(grid.indexAt(QPoint(10, 10)), 0);
        QCOMPARE(grid.indexAt(QPoint(64 + 10, 10)), 1);
        const int rowHeight = 64 + grid.fontMetrics().height();
        QCOMPARE(grid.indexAt(QPoint(10, rowHeight + 10)), 640 / 64);
        QCOMPARE(grid.indexAt(QPoint(10, 5 * rowHeight)), -1);
        QCOMPARE(grid.indexAt(QPoint(-3, 10)), -1);
    }
};

QTEST_MAIN(tst_RunActions)
#include "tst_runactions.moc"
