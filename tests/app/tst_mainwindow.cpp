// The desktop app driven as a user would: load data, train, watch, cancel, save, reopen.
#include "architecturepage.h"
#include "datasetpage.h"
#include "jobmanager.h"
#include "exportwait.h"
#include "mainwindow.h"
#include "sessiondocument.h"
#include "sufficiencypage.h"
#include "scalingpage.h"
#include "scalingviews.h"
#include "wb/gridstudy.h"
#include "activelearningpage.h"
#include "variancepage.h"
#include "stripchart.h"
#include "bandchart.h"
#include "heatmapchart.h"
#include "serieschart.h"
#include "learningcurvechart.h"
#include "lrfinderchart.h"
#include "lrfinderpanel.h"
#include "evaluationpage.h"
#include "tsnesettingsform.h"
#include "confusionmatrixview.h"
#include "embeddingview.h"
#include "imagegrid.h"
#include "trainconfigform.h"
#include "trainingchart.h"
#include "trainingpage.h"

#include <algorithm>
#include <QTabWidget>
#include <QTableWidget>
#include "wb/session.h"
#include "wb/datasetloader.h"
#include "wb/progress.h"
#include "wb/sufficiencystudy.h"
#include "sessiontree.h"
#include "slurmsettingsform.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>


using namespace wb;

namespace {
const QString kMnist = QStringLiteral(WB_TEST_SHARED_DATA "/mnist10k");

// Loads 600 MNIST training images (480 train / 120 validation) and 300 test images.
void loadSmallMnist(app::MainWindow &w)
{
    w.datasetPage()->restoreState({{"dataset", kMnist}, {"trainLimit", 600}, {"testLimit", 300},
                                   {"valFraction", 0.2}, {"seed", 1}});
    QTRY_VERIFY_WITH_TIMEOUT(w.datasetPage()->data() && w.datasetPage()->data()->train.size() == 8000
                                 && w.datasetPage()->datasetName() == kMnist && !w.datasetPage()->isLoading(),
                             60000);
}

// Trains one small MNIST run into `path` with workbench-cli, as a user's script would.
bool trainWithCli(const QString &path, const QString &trainLimit, const QString &testLimit, const QString &epochs)
{
    QProcess cli;
    cli.start(WB_TEST_BIN_DIR "/workbench-cli",
              {"train", "--data", kMnist, "--train-limit", trainLimit, "--test-limit", testLimit, "--epochs", epochs,
               "--optimizer", "adam", "--lr", "0.003", "--session", path, "--json"});
    return cli.waitForFinished(120000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

void configure(app::MainWindow &w, int epochs)
{
    core::TrainConfig c;
    c.optimizer = "adam";
    c.lr = 0.003;
    c.epochs = epochs;
    c.batchSize = 32;
    w.trainingPage()->configForm()->setConfig(c);
}

// A new session (saved as `path` unless empty) with the small MNIST set loaded and Adam
// configured for `epochs`.
void startSession(app::MainWindow &w, int epochs, const QString &path = {})
{
    w.setInteractive(false);
    QVERIFY(w.newSession());
    if (!path.isEmpty())
        QVERIFY(w.saveSessionAs(path));
    loadSmallMnist(w);
    configure(w, epochs);
}

double nlohmann_lr(const std::string &configJson)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(configJson)).object()["lr"].toDouble();
}

QByteArray bytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void nothingStartsBeforeADatasetIsLoaded()
    {
        // One reason, worded the same, from every entry point that trains.
        app::MainWindow w;
        w.setInteractive(false);
        QString error;
        QCOMPARE(w.trainingPage()->startTraining(&error), std::int64_t(0));
        QCOMPARE(error, QString("Load a dataset first."));
        error.clear();
        QVERIFY(!w.trainingPage()->lrFinder()->startLrFind(&error));
        QCOMPARE(error, QString("Load a dataset first."));
        error.clear();
        QVERIFY(!w.sufficiencyPage()->startStudy(&error));
        QCOMPARE(error, QString("Load a dataset first."));
    }

    void trainingReachesPlotsThenCompletes()
    {
        app::MainWindow w;
        startSession(w, 2);
        QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
        QString error;
        const auto runId = w.trainingPage()->startTraining(&error);
        QVERIFY2(runId > 0, qPrintable(error));
        // Progress reaches the live plots while the job runs.
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingPage()->lossChart()->pointCount(runId) > 0, 30000);
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QCOMPARE(finished.first().at(1).toString(), QString("completed"));
        const auto sel = core::selectData(*w.datasetPage()->data(), w.datasetPage()->dataConfig());
        const int batches = 2 * int((sel.train.size() + 31) / 32); // every batch of both epochs
        QCOMPARE(w.trainingPage()->lossChart()->pointCount(runId), batches);
        QCOMPARE(w.trainingPage()->accuracyChart()->pointCount(runId), batches);
        const core::RunRecord run = w.document()->session().run(runId);
        QVERIFY(run.testAccuracy > 0.6);
        QCOMPARE(run.epochsDone, 2);
    }

    void cancelStopsWithinABatch()
    {
        app::MainWindow w;
        startSession(w, 500);
        QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
        QString error;
        const auto runId = w.trainingPage()->startTraining(&error);
        QVERIFY(runId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(w.trainingPage()->lossChart()->pointCount(runId) > 20, 30000);
        QElapsedTimer t;
        t.start();
        w.trainingPage()->cancelTraining();
        QVERIFY(finished.wait(30000));
        qInfo("cancel took effect after %lld ms", t.elapsed());
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(finished.first().at(1).toString(), QString("cancelled"));
        QCOMPARE(w.document()->session().run(runId).status, core::RunStatus::Cancelled);
        // Said once: "Run 1 cancelled during epoch 2." (it read "Run 1 cancelled. cancelled during epoch 2").
        const QString said = w.trainingPage()->statusText();
        QVERIFY2(said.startsWith(QStringLiteral("Run %1 cancelled during epoch ").arg(runId)) && said.count("cancelled") == 1,
                 qPrintable(said));
    }

    void closingCancelsAndKeepsEpochs()
    {
        const QString path = m_dir.filePath("closing.wbs");
        std::int64_t runId = 0;
        {
            app::MainWindow w;
            startSession(w, 500, path);
            QString error;
            runId = w.trainingPage()->startTraining(&error);
            QVERIFY(runId > 0);
            // Wait for one committed epoch, then close the window mid-run.
            QTRY_VERIFY_WITH_TIMEOUT(w.document()->session().run(runId).epochsDone >= 1, 60000);
            QVERIFY(w.close());
        }
        const core::Session s(path.toStdString(), core::Session::Mode::ReadOnly);
        QCOMPARE(s.run(runId).status, core::RunStatus::Cancelled);
        QVERIFY(s.history(runId).epochs.size() >= 1);
        QVERIFY(s.checkpoint(runId).has_value());
    }

    void sessionRoundTrip()
    {
        const QString path = m_dir.filePath("round.wbs");
        std::int64_t runId = 0;
        int points = 0;
        {
            app::MainWindow w;
            startSession(w, 1);
            w.architecturePage()->applyPreset("cnn", 8);
            QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
            QString error;
            runId = w.trainingPage()->startTraining(&error);
            QVERIFY2(runId > 0, qPrintable(error));
            QVERIFY(finished.wait(60000));
            points = w.trainingPage()->lossChart()->pointCount(runId);
            w.trainingPage()->setSmoothing(0.75);
            QVERIFY(w.saveSessionAs(path));
            QVERIFY(!w.document()->isUntitled());
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QCOMPARE(w.trainingPage()->lossChart()->pointCount(runId), points);
        QCOMPARE(w.trainingPage()->smoothing(), 0.75);
        QCOMPARE(w.architecturePage()->modelName(), QString("cnn"));
        QCOMPARE(w.trainingPage()->configForm()->config().epochs, 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.datasetPage()->data() && w.datasetPage()->datasetName() == kMnist, 60000);
        QCOMPARE(w.datasetPage()->dataConfig().trainLimit, qint64(600));
    }

    void badFilesAreRefusedAndUntouched()
    {
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.newSession());
        const QString current = w.document()->path();

        QVERIFY(!w.openSession(m_dir.filePath("missing.wbs")));
        const QString corrupt = m_dir.filePath("corrupt.wbs");
        {
            QFile f(corrupt);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(3000, 'z'));
        }
        QVERIFY(!w.openSession(corrupt));
        QCOMPARE(bytes(corrupt), QByteArray(3000, 'z'));

        const QString newer = m_dir.filePath("newer.wbs");
        { core::Session s(newer.toStdString(), core::Session::Mode::Create); }
        sqlite3 *db = nullptr;
        sqlite3_open(newer.toUtf8().constData(), &db);
        sqlite3_exec(db, "UPDATE meta SET value='7' WHERE key='schema_version'", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const QByteArray newerBytes = bytes(newer);
        QVERIFY(!w.openSession(newer));
        QCOMPARE(bytes(newer), newerBytes);

        const QString readOnly = m_dir.filePath("readonly.wbs");
        { core::Session s(readOnly.toStdString(), core::Session::Mode::Create); }
        QFile::setPermissions(readOnly, QFile::ReadOwner);
        if (QFileInfo(readOnly).isWritable())
            qInfo("running as root: the read-only file is writable anyway; skipping that case");
        else
            QVERIFY(!w.openSession(readOnly));

        QCOMPARE(w.document()->path(), current); // still working in the same session
    }

    void sufficiencyStudyAndTargetSlider()
    {
        const QString path = m_dir.filePath("study.wbs");
        {
            app::MainWindow w;
            startSession(w, 1, path);
            app::SufficiencyPage *page = w.sufficiencyPage();
            page->setStudyOptions(300, 200, 2, 5, 1);
            QSignalSpy finished(page, &app::SufficiencyPage::studyFinished);
            QString error;
            QVERIFY2(page->startStudy(&error), qPrintable(error));
            QVERIFY(finished.wait(120000));
            QCOMPARE(finished.first().first().toString(), QString("completed"));
            QVERIFY(page->waitForAnalysis()); // fitted off the GUI thread
            QCOMPARE(page->chart()->data().steps.size(), std::size_t(5));
            QCOMPARE(page->chart()->data().steps.back(), 300.0);
            // Dragging the target changes the answer live.
            // A target a measured mean reaches is answered from the measurements; one above
            // every mean is projected (or said not to be reached), never below the largest size.
            const auto &means = page->chart()->data().mean;
            const double best = *std::max_element(means.begin(), means.end());
            page->setTarget(best - 0.001);
            const QString low = page->neededText();
            QVERIFY2(low.startsWith("Reached: "), qPrintable(low));
            page->setTarget(0.999);
            const QString high = page->neededText();
            QVERIFY2(high.contains("images needed") || high.contains("Not reached") || high.contains("No answer"),
                     qPrintable(high));
            QVERIFY2(high.contains("Next step"), qPrintable(high));
            page->setTarget(0.7);
            QVERIFY(w.close());
        }
        // The study and the slider position come back with the session.
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QCOMPARE(w.sufficiencyPage()->target(), 0.7);
        QVERIFY(w.sufficiencyPage()->waitForAnalysis());
        QCOMPARE(w.sufficiencyPage()->chart()->data().steps.size(), std::size_t(5));
        const QJsonObject state = w.sufficiencyPage()->saveState(); // the study settings too
        QCOMPARE(state["trainSize"].toInt(), 300);
        QCOMPARE(state["runs"].toInt(), 2);
        QCOMPARE(state["mode"].toString(), "warm");
        const auto studies = w.document()->session().studies();
        QCOMPARE(studies.size(), std::size_t(1));
        QCOMPARE(studies[0].status, core::StudyStatus::Complete);
        QCOMPARE(studies[0].cellsDone, 2);
        QString error;
        QVERIFY2(exportAllAndWait(w, m_dir.filePath("study-plots"), &error), qPrintable(error));
        QVERIFY(QFile::exists(m_dir.filePath("study-plots/sufficiency-1.png")));
        QFile csv(m_dir.filePath("study-plots/sufficiency-1.csv")); // the answer travels with the data
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray table = csv.readAll();
        QVERIFY2(table.contains("\nanswer,,\"target 0.700: "), table.right(400).constData());
        QVERIFY(table.contains("\nmeasured,") && table.contains(",lo50,hi50"));
    }

    void scalingGridFillsInAndComesBack()
    {
        const QString path = m_dir.filePath("grid.wbs");
        {
            app::MainWindow w;
            startSession(w, 1, path);
            app::ScalingPage *page = w.scalingPage();
            page->setGrid("cnn", 3, 3, 3, 1, "steps", 1, 300, 200); // widths 3, 4, 6 x 300, 150, 75 images
            QSignalSpy finished(page, &app::ScalingPage::studyFinished);
            QString error;
            QVERIFY2(page->startStudy(&error), qPrintable(error));
            QVERIFY(!page->startStudy(&error)); // one grid at a time
            QVERIFY(finished.wait(180000));
            QCOMPARE(finished.first().first().toString(), QString("completed"));
            QVERIFY(page->waitForFit());
            const auto &h = page->heatmap()->data();
            QCOMPARE(h.rows.size(), 3);
            QCOMPARE(h.columns.size(), 3);
            QVERIFY2(h.columns[0].startsWith("75 (1/4)"), qPrintable(h.columns[0])); // smallest data size first
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c)
                    QVERIFY(!page->heatmap()->cellText(r, c).isEmpty());
            QCOMPARE(page->byModelSize()->data().series.size(), std::size_t(3));
            QCOMPARE(page->byDataSize()->data().series.size(), std::size_t(3));
            const auto &compute = page->computeChart()->data().series;
            QVERIFY(std::any_of(compute.begin(), compute.end(), [](const auto &s) { return s.highlight; }));
            const QString text = page->fitText();
            QVERIFY2(text.contains("L(N, D)") || text.contains("needs at least"), qPrintable(text));
            // Predictions only from a law that describes its cells; otherwise none, and why (issue 34).
            if (text.contains("L(N, D)"))
                QCOMPARE(text.contains("Predicted test loss"), core::scalingFitTrusted(page->shownFit()));
            if (text.contains("L(N, D)")) { // the largest cell: measured (and fitted), each named; measured = its cells' mean
                double n = 0, d = 0, sum = 0;
                int seeds = 0;
                const auto result = core::gridResultFromStudy(w.document()->session(), 1);
                const auto points = core::gridScalingPoints(result.cells);
                for (const auto &p : points)
                    if (p.params * p.samples > n * d) {
                        n = p.params;
                        d = p.samples;
                    }
                for (const auto &p : points)
                    if (p.params == n && p.samples == d) {
                        sum += p.loss;
                        ++seeds;
                    }
                QVERIFY(seeds > 0);
                const double mean = sum / seeds;
                const QString shown = app::scalingNumber(mean);
                QVERIFY2(text.contains("measured " + shown), qPrintable(text + " | " + shown));
                QVERIFY(text.contains("the law's fit") || text.contains("No predictions: the law does not describe"));
            }
            // Contours only when the law holds; otherwise the heatmap says why not.
            QVERIFY(!h.contours.empty() || !h.note.isEmpty());
            page->setMetric("test_accuracy");
            QVERIFY(page->heatmap()->data().higherIsBetter);
            QVERIFY(page->heatmap()->data().contours.empty());
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QVERIFY(w.scalingPage()->waitForFit());
        QCOMPARE(w.scalingPage()->heatmap()->data().title, QString("test accuracy")); // the metric came back
        QCOMPARE(w.scalingPage()->saveState()["widthSteps"].toInt(), 3);
        const auto studies = w.document()->session().studies();
        QCOMPARE(studies.size(), std::size_t(1));
        QCOMPARE(studies[0].type, std::string("grid"));
        QCOMPARE(studies[0].cellsDone, 9);
        QString error;
        QVERIFY2(exportAllAndWait(w, m_dir.filePath("grid-plots"), &error), qPrintable(error));
        for (const char *file : {"scaling-1-test-loss.png", "scaling-1-by-model-size.csv", "scaling-1-compute.png"})
            QVERIFY2(QFile::exists(m_dir.filePath(QString("grid-plots/") + file)), file);
    }

    // An active-learning study from the page: the trials fill in the curves, the table, the
    // class balance and the gallery of picks (with the dataset's images), and come back.
    void activeLearningStudyRunsAndComesBack()
    {
        const QString path = m_dir.filePath("active.wbs");
        {
            app::MainWindow w;
            startSession(w, 1, path);
            app::ActiveLearningPage *page = w.activePage();
            page->setProtocol("lenet5-dropout", {"uniform", "margin", "bald"}, 20, 20, 60, 2, 15, 1, 300, 200);
            QSignalSpy finished(page, &app::ActiveLearningPage::studyFinished);
            QString error;
            QVERIFY2(page->startStudy(&error), qPrintable(error));
            QVERIFY(!page->startStudy(&error)); // one study at a time
            QVERIFY(finished.wait(180000));
            QCOMPARE(finished.first().first().toString(), QString("completed"));
            const auto &curves = page->accuracyChart()->data();
            QCOMPARE(curves.lines.size(), std::size_t(3));
            QCOMPARE(curves.lines[0].x, (std::vector<double>{20, 40, 60}));
            QCOMPARE(curves.lines[2].traces.size(), std::size_t(2));
            QVERIFY(!curves.reference.name.isEmpty()); // the full-data line
            QCOMPARE(page->neededChart()->data().lines.size(), std::size_t(3));
            QCOMPARE(page->classChart()->data().rows.size(), 3);
            QCOMPARE(page->classChart()->data().columns.size(), 10);
            QCOMPARE(page->table()->rowCount(), 3);
            QCOMPARE(page->table()->item(2, 1)->text(), QString("2 / 2"));
            page->showPicks("margin", 2, 2);
            QCOMPARE(page->gallery()->count(), 20);
            QVERIFY2(page->statusText().contains("complete, 7 of 7"), qPrintable(page->statusText()));
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QCOMPARE(w.activePage()->shownStudy(), std::int64_t(1));
        QCOMPARE(w.activePage()->saveState()["maxLabels"].toInt(), 60);
        QCOMPARE(w.activePage()->accuracyChart()->data().lines.size(), std::size_t(3));
        QString error;
        QVERIFY2(exportAllAndWait(w, m_dir.filePath("active-plots"), &error), qPrintable(error));
        for (const char *file : {"active-1-accuracy.png", "active-1-labels-needed.csv", "active-1-class-balance.png"})
            QVERIFY2(QFile::exists(m_dir.filePath(QString("active-plots/") + file)), file);
    }

    // A/B from the Variance page: A = the Training page's settings, B = a stored run's (SGD);
    // three paired repeats each on 10 validation images per class; the views, the verdict,
    // the page state and Export All Plots after reopening.
    void varianceStudyComparesTwoSetups()
    {
        const QString path = m_dir.filePath("variance.wbs");
        {
            app::MainWindow w;
            startSession(w, 1, path);
            QSignalSpy trained(w.trainingPage(), &app::TrainingPage::trainingFinished);
            core::TrainConfig sgd;
            sgd.optimizer = "sgd";
            sgd.lr = 0.05;
            sgd.epochs = 1;
            sgd.batchSize = 32;
            w.trainingPage()->configForm()->setConfig(sgd);
            QString error;
            const auto runId = w.trainingPage()->startTraining(&error);
            QVERIFY2(runId > 0, qPrintable(error));
            QVERIFY(trained.wait(60000) || trained.count() == 1);
            configure(w, 1); // the Training page back to Adam: setup A
            app::VariancePage *page = w.variancePage();
            page->setSetups(0, runId);
            page->setProtocol(3, 10, 500, 0);
            QSignalSpy finished(page, &app::VariancePage::studyFinished);
            QVERIFY2(page->startStudy(&error), qPrintable(error));
            QVERIFY(!page->startStudy(&error)); // one study at a time
            QVERIFY(finished.wait(180000));
            QCOMPARE(finished.first().first().toString(), QString("completed"));
            const auto &strip = page->stripChart()->data();
            QCOMPARE(strip.groups.size(), std::size_t(2));
            QCOMPARE(strip.groups[1].values.size(), std::size_t(3));
            QVERIFY(strip.groups[0].ciLow <= strip.groups[0].mean && strip.groups[0].mean <= strip.groups[0].ciHigh);
            QCOMPARE(page->betaNoiseChart()->data().lines.size(), std::size_t(4)); // smoothed and accuracy per setup
            QCOMPARE(page->betaNoiseChart()->data().lines[0].x, (std::vector<double>{1, 2, 3, 5, 10}));
            QCOMPARE(page->validationSizeChart()->data().lines.size(), std::size_t(4));
            QCOMPARE(page->validationSizeChart()->data().lines[0].x, (std::vector<double>{12, 25, 50, 100}));
            QCOMPARE(page->table()->rowCount(), 7); // accuracy, five β, loss
            QVERIFY2(page->verdictText().contains("3 repeats"), qPrintable(page->verdictText()));
            QVERIFY2(page->statusText().contains("complete, 6 of 6"), qPrintable(page->statusText()));
            QVERIFY2(page->statusText().contains(QString("run #%1").arg(runId)), qPrintable(page->statusText()));
            page->setMetric("loss");
            QCOMPARE(page->stripChart()->data().yLabel, QString("loss"));
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QCOMPARE(w.variancePage()->shownStudy(), std::int64_t(1));
        QCOMPARE(w.variancePage()->saveState()["runs"].toInt(), 3);
        QCOMPARE(w.variancePage()->saveState()["metric"].toString(), QString("loss"));
        QCOMPARE(w.variancePage()->stripChart()->data().groups.size(), std::size_t(2));
        QString error;
        QVERIFY2(exportAllAndWait(w, m_dir.filePath("variance-plots"), &error), qPrintable(error));
        for (const char *file : {"variance-1-repeats.png", "variance-1-beta-noise.csv", "variance-1-validation-size.png"})
            QVERIFY2(QFile::exists(m_dir.filePath(QString("variance-plots/") + file)), file);
    }

    // A study whose process died after one of three runs: the tree and the page say so,
    // Resume runs the other two, and the tree's rename / export / delete work.
    void interruptedStudyResumesInTheApp()
    {
        const QString path = m_dir.filePath("interrupted.wbs");
        std::int64_t id = 0;
        {
            core::Session session(path.toStdString(), core::Session::Mode::Create);
            std::vector<core::SkippedFile> skipped;
            const core::DatasetPair data = core::loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
            core::SufficiencyStudySetup setup;
            setup.study.trainSize = 300;
            setup.study.testSize = 100;
            setup.study.runs = 3;
            setup.study.steps = {30, 100, 300};
            setup.study.workers = 1;
            setup.train.epochs = 1;
            setup.train.optimizer = "adam";
            setup.train.lr = 0.003;
            setup.train.batchSize = 16;
            setup.spec = core::presetSpec("lenet5", 0, {1, 28, 28}, 10);
            setup.model = "lenet5";
            setup.dataset = WB_TEST_SHARED_DATA "/mnist10k";
            id = core::createSufficiencyStudy(session, setup, data);
            struct OneRun : core::ProgressSink // stops once the first run is committed
            {
                std::atomic<bool> done{false};
                void setProgress(double, const std::string &m) override { done = done || m.find(" done") != std::string::npos; }
                bool isCancelRequested() const override { return done.load(); }
            } sink;
            const auto plan = core::sufficiencyPlan(setup, data);
            core::runStoredStudy(session, id, *plan, 1, sink);
            // As if the process had been killed: still "running", owned by a dead process.
            session.setStudyStatus(id, core::StudyStatus::Running, core::hostName() + ":999999999", "");
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        const auto items = w.sessionTree()->findItems(QStringLiteral("interrupted: 1/3 cells"),
                                                      Qt::MatchContains | Qt::MatchRecursive, 1);
        QCOMPARE(items.size(), 1);
        app::SufficiencyPage *page = w.sufficiencyPage();
        page->showStudy(id);
        QVERIFY(page->waitForAnalysis());
        QSignalSpy finished(page, &app::SufficiencyPage::studyFinished);
        QString error;
        QVERIFY2(page->resumeStudy(id, &error), qPrintable(error));
        QVERIFY(!page->resumeStudy(id, &error)); // one at a time
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toString(), QString("completed"));
        const core::StudyRecord s = w.document()->session().study(id);
        QCOMPARE(s.status, core::StudyStatus::Complete);
        QCOMPARE(s.cellsDone, 3);
        QVERIFY(!page->resumeStudy(id, &error));
        QVERIFY(error.contains("already complete"));

        QVERIFY(w.sessionTree()->renameStudy(id, "  baseline  ", &error));
        QCOMPARE(w.document()->session().study(id).name, std::string("baseline"));
        QVERIFY2(page->storedStudyTexts().join('|').contains("baseline"), qPrintable(page->storedStudyTexts().join('|')));
        QVERIFY(!w.sessionTree()->renameStudy(id, " ", &error));
        const QString csv = m_dir.filePath("cells.csv");
        QVERIFY(w.sessionTree()->exportStudyCells(id, csv, &error));
        QCOMPARE(bytes(csv).count('\n'), 4); // header + 3 cells
        QVERIFY(!w.sessionTree()->exportStudyCells(id, m_dir.filePath("no/such/dir/c.csv"), &error));
        QVERIFY(w.sessionTree()->deleteStudy(id, &error));
        QVERIFY(w.document()->session().studies().empty());
    }

    // "Run on: Slurm cluster": the study is submitted as a job array and its runs are
    // collected by the window. Needs a Slurm (scripts/slurm-local.sh; scripts/test.sh starts it).
    void slurmSubmissionFromTheApp()
    {
        app::MainWindow w;
        startSession(w, 1); // untitled
        app::SufficiencyPage *page = w.sufficiencyPage();
        const bool answers = QProcess::execute(QStringLiteral("sinfo"), {QStringLiteral("-h")}) == 0;
        if (!page->runOnForm()->slurmAvailable() || !answers) {
            if (qEnvironmentVariable("WB_REQUIRE_SLURM") == QLatin1String("1"))
                QFAIL("WB_REQUIRE_SLURM=1 but no Slurm answers (sbatch on PATH, sinfo working)");
            QSKIP("no Slurm here (scripts/slurm-local.sh start)");
        }
        page->setStudyOptions(300, 200, 2, 3, 1);
        page->runOnForm()->setOnSlurm(true);
        QString error;
        QVERIFY(!page->startStudy(&error)); // an untitled session lives in a temporary folder
        QVERIFY2(error.contains("Save the session first"), qPrintable(error));
        QVERIFY(w.saveSessionAs(m_dir.filePath("slurm.wbs")));
        QVERIFY2(page->startStudy(&error), qPrintable(error));
        const auto studies = w.document()->session().studies();
        QCOMPARE(studies.back().status, core::StudyStatus::Submitted);
        const std::int64_t id = studies.back().id;
        QElapsedTimer t;
        t.start();
        while (w.document()->session().study(id).status != core::StudyStatus::Complete && t.elapsed() < 300000) {
            QTest::qWait(500);
            w.collectSubmittedStudies();
        }
        QCOMPARE(w.document()->session().study(id).status, core::StudyStatus::Complete);
        QCOMPARE(w.document()->session().study(id).cellsDone, 2);
        QVERIFY(page->waitForAnalysis());
        QCOMPARE(page->chart()->data().steps.size(), std::size_t(3));
    }

    void lrRangeTestSuggestAndCompare()
    {
        const QString path = m_dir.filePath("lr.wbs");
        {
            app::MainWindow w;
            startSession(w, 1, path);
            w.resize(1400, 900);
            w.show();
            w.showPage(w.trainingPage()); // Find LR lives on the training page
            app::LrFinderPanel *lr = w.trainingPage()->lrFinder();
            QSignalSpy done(lr, &app::LrFinderPanel::finished);
            QString error;
            QVERIFY2(lr->startLrFind(&error), qPrintable(error));
            QVERIFY(done.wait(120000));
            QVERIFY(done.first().first().toBool());
            const auto s = lr->result().suggestions;
            QVERIFY(std::isfinite(s.minLossHalf) && std::isfinite(s.steepest));
            // Clicking the steepest marker sets the learning rate of the form.
            widgets::LrFinderChart *chart = lr->chart();
            QTRY_VERIFY(chart->isVisible());
            chart->replot();
            const int index = 1; // steepest, in the order the panel passes them
            QCPGraph *markers = chart->graph(chart->graphCount() - 1);
            double y = NAN;
            for (auto it = markers->data()->constBegin(); it != markers->data()->constEnd(); ++it)
                if (std::abs(it->key - s.steepest) < 1e-12 * s.steepest)
                    y = it->value;
            QVERIFY(std::isfinite(y));
            const QPoint at(int(chart->xAxis->coordToPixel(s.steepest)), int(chart->yAxis->coordToPixel(y)));
            QCOMPARE(chart->suggestionAt(at), index);
            QTest::mouseClick(chart, Qt::LeftButton, {}, at);
            QVERIFY(std::abs(w.trainingPage()->configForm()->config().lr - s.steepest) / s.steepest < 1e-5);
            QVERIFY(lr->useSuggestion("min_loss_half"));
            const double chosen = w.trainingPage()->configForm()->config().lr;
            QVERIFY(std::abs(chosen - s.minLossHalf) / s.minLossHalf < 1e-5);
            // "Compare lr and lr/2" starts both runs; they overlay on the training charts.
            QSignalSpy finished(w.trainingPage(), &app::TrainingPage::trainingFinished);
            QVERIFY2(lr->compareLrAndHalf(&error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
            const auto runs = w.document()->session().runs();
            QCOMPARE(runs.size(), std::size_t(2));
            const double lr0 = nlohmann_lr(runs[0].configJson), lr1 = nlohmann_lr(runs[1].configJson);
            QVERIFY(std::abs(lr1 - lr0 / 2) < 1e-12 * lr0);
            QVERIFY(w.trainingPage()->lossChart()->hasRun(runs[1].id));
            QVERIFY(w.close());
        }
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QVERIFY(!w.trainingPage()->lrFinder()->result().lr.empty()); // the stored test is shown again
        QCOMPARE(w.document()->session().results("lr-find").size(), std::size_t(1));
    }

    void evaluationViews()
    {
        const QString path = m_dir.filePath("eval.wbs");
        QVERIFY(trainWithCli(path, "600", "300", "2"));
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        app::EvaluationPage *page = w.evaluationPage();
        QSignalSpy evaluated(page, &app::EvaluationPage::evaluated);
        QString error;
        QVERIFY2(page->evaluate(1, 0, &error), qPrintable(error));
        QVERIFY(evaluated.wait(120000));
        QVERIFY(evaluated.first().first().toBool());
        const core::Evaluation *e = page->evaluation();
        QCOMPARE(e->labels.size(), std::size_t(300));
        const double recorded = w.document()->session().run(1).testAccuracy;
        QVERIFY(std::abs(e->metrics.accuracy - recorded) < 1e-12);
        QVERIFY(page->metricsText().contains(QString::number(recorded, 'f', 4)));
        // A cell's gallery holds exactly that cell's images.
        const auto pair = e->confused.front();
        page->showCell(pair.truth, pair.predicted);
        QCOMPARE(qint64(page->gallery()->count()), std::min<qint64>(80, pair.count));
        // A threshold keeps only confident images in the matrix.
        const double median = e->reject.threshold[e->reject.threshold.size() / 2];
        page->setThreshold(median);
        qint64 shown = 0;
        for (int t = 0; t < 10; ++t)
            for (int p = 0; p < 10; ++p)
                shown += qint64(page->confusion()->cellValue(t, p));
        qint64 expected = 0;
        for (double c : e->confidence)
            expected += c > median;
        QCOMPARE(shown, expected);
        QVERIFY(page->metricsText().contains("coverage"));
        // The Reject tab says the threshold, what it accepts and its coverage; it comes back on reopen.
        QVERIFY2(page->rejectInfoText().contains(QLocale().toString(median, 'f', 4))
                     && page->rejectInfoText().contains(QStringLiteral("accepts %1 of 300").arg(expected))
                     && page->rejectInfoText().contains("coverage"),
                 qPrintable(page->rejectInfoText()));
        QVERIFY(w.save());
        {
            app::MainWindow reopened;
            reopened.setInteractive(false);
            QVERIFY(reopened.openSession(path));
            QCOMPARE(reopened.evaluationPage()->threshold(), median);
            QVERIFY(reopened.evaluationPage()->rejectInfoText().contains("coverage"));
        }
        page->setThreshold(-1);
        QVERIFY(page->rejectInfoText().contains("all 300 test images accepted"));
        // PCA at once, t-SNE as a job whose result is stored in the session.
        page->showPca();
        QSignalSpy embedded(page, &app::EvaluationPage::embeddingReady);
        page->tsneSettings()->restoreState({{"method", "fft"}, {"iterations", 300}, {"seed", 3}});
        QVERIFY2(page->startTsne(&error), qPrintable(error));
        QVERIFY(embedded.wait(120000));
        QVERIFY(embedded.first().first().toBool());
        const auto stored = w.document()->session().results("tsne");
        QCOMPARE(stored.size(), std::size_t(1));
        const QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromStdString(stored.front().payloadJson)).object();
        QCOMPARE(payload["method"].toString(), "fft"); // the settings reach core and the record
        QCOMPARE(payload["iterations"].toInt(), 300);
        QCOMPARE(payload["seed"].toInt(), 3);
        QCOMPARE(page->saveState()["tsne"].toObject()["method"].toString(), "fft");
        QVERIFY(page->embedding()->pointAt(QPointF(-100, -100)) < 0);
    }

    void cliSessionOpensInTheApp()
    {
        const QString path = m_dir.filePath("cli.wbs");
        QVERIFY(trainWithCli(path, "300", "100", "1"));
        app::MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openSession(path));
        QVERIFY(w.trainingPage()->lossChart()->hasRun(1));
        QVERIFY(w.trainingPage()->lossChart()->pointCount(1) > 0);

        // Headless export of every plot of that session.
        QProcess exporter;
        exporter.start(WB_TEST_BIN_DIR "/workbench", {"--open", path, "--export-all", m_dir.filePath("plots")});
        QVERIFY(exporter.waitForFinished(120000));
        QCOMPARE(exporter.exitCode(), 0);
        for (const char *name : {"training-loss.png", "training-accuracy.png", "run-1-loss.png",
                                 "class-histogram.png", "training-loss.csv"})
            QVERIFY2(QFile::exists(m_dir.filePath(QString("plots/") + name)), name);
        QCOMPARE(QImage(m_dir.filePath("plots/training-loss.png")).size(), QSize(1000, 600));
        QProcess bad;
        bad.start(WB_TEST_BIN_DIR "/workbench", {"--open", m_dir.filePath("nope.wbs"), "--export-all", m_dir.filePath("x")});
        QVERIFY(bad.waitForFinished(60000));
        QVERIFY(bad.exitCode() != 0);
        QVERIFY(bad.readAllStandardError().contains("nope.wbs"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
