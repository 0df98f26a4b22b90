#include "bandchart.h"
#include "confusionmatrixview.h"
#include "histogramchart.h"
#include "logticker.h"
#include "lrfinderchart.h"
#include "rejectchart.h"
#include "trainingchart.h"
#include "wb/smoothing.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace wb;
using widgets::TrainingChart;

class tst_TrainingChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One kind of label per log axis: powers of ten when it reaches below 0.001 (never "0.0001"
    // next to "10⁻⁵"), plain numbers otherwise, and no "1E-05" in German (issue 34).
    void logAxesLabelOneWay()
    {
        const QLocale c = QLocale::c(), de(QLocale::German);
        QCOMPARE(widgets::LogTicker::label(1e-5, true, c), QString::fromUtf8("10⁻⁵"));
        QCOMPARE(widgets::LogTicker::label(1e-4, true, c), QString::fromUtf8("10⁻⁴"));
        QCOMPARE(widgets::LogTicker::label(3e-4, true, de), QString::fromUtf8("3·10⁻⁴"));
        QCOMPARE(widgets::LogTicker::label(10, true, c), QString::fromUtf8("10¹"));
        QCOMPARE(widgets::LogTicker::label(0.01, false, de), QString("0,01"));
        QCOMPARE(widgets::LogTicker::label(2.5, false, c), QString("2.5"));
        QLocale::setDefault(de);
        widgets::LrFinderChart lr;
        const std::vector<double> x{1e-6, 1e-4, 1e-2, 1}, y{2.3, 2.2, 1.0, 5.0};
        lr.setCurve(x, y, y, y, y, {});
        lr.resize(800, 400);
        lr.replot();
        const auto lrLabels = lr.xAxis->tickVectorLabels();
        QVERIFY(lrLabels.size() >= 3);
        for (const QString &l : lrLabels)
            QVERIFY2(l.startsWith(QString::fromUtf8("10")) && !l.contains('E') && !l.contains(','), qPrintable(l));
        widgets::TrainingChart loss(widgets::TrainingChart::Metric::Loss);
        loss.yAxis->setRange(0.05, 5);
        loss.resize(800, 400);
        loss.replot();
        for (const QString &l : loss.yAxis->tickVectorLabels())
            QVERIFY2(!l.contains(QString::fromUtf8("10")) || l == "10", qPrintable(l)); // 0,1 and 1, not 10⁻¹
        QLocale::setDefault(c);
    }

    void smoothingSliderResmoothsExistingData()
    {
        TrainingChart chart(TrainingChart::Metric::Loss);
        const std::vector<double> x = {0.25, 0.5, 0.75, 1.0}, y = {2.0, 1.0, std::nan(""), 0.5};
        chart.setRun(1, "a", x, y, {1.0}, {0.8});
        chart.setSmoothing(0.5);
        auto s = chart.smoothed(1);
        const auto expected = core::debiasedEwa(y, 0.5);
        QCOMPARE(s.size(), expected.size());
        QCOMPARE(s[1], expected[1]);
        QVERIFY(std::isnan(s[2]));
        QVERIFY(std::isfinite(s[3])); // NaN did not poison the rest
        chart.setSmoothing(0.0);
        QCOMPARE(chart.smoothed(1)[3], 0.5); // q = 0 shows the raw values
        // Live appends extend the plotted smooth curve exactly as a full re-smoothing would.
        chart.setSmoothing(0.9);
        chart.appendRun(1, {1.25, 1.5}, {0.4, 0.45});
        const auto full = core::debiasedEwa({2.0, 1.0, std::nan(""), 0.5, 0.4, 0.45}, 0.9);
        const auto plotted = chart.graph(1)->data(); // raw, smoothed, validation per run
        QCOMPARE(plotted->size(), 5);                 // the NaN point is not drawn
        QCOMPARE(plotted->at(4)->value, full[5]);
        QCOMPARE(plotted->at(3)->value, full[4]);
    }

    void appendsLiveAndOverlaysRuns()
    {
        TrainingChart chart(TrainingChart::Metric::Accuracy);
        chart.setRun(1, "lr", {}, {}, {}, {});
        chart.setRun(2, "lr/2", {0.5}, {0.3}, {}, {});
        chart.appendRun(1, {0.5, 1.0}, {0.2, 0.4}, {1.0}, {0.35});
        QCOMPARE(chart.pointCount(1), 2);
        QCOMPARE(chart.pointCount(2), 1);
        QCOMPARE(chart.graphCount(), 6); // raw, smoothed and validation per run
        chart.setRunVisible(2, false);
        QVERIFY(chart.csv().contains("lr/2,batch,0.5,0.3"));
        QVERIFY(chart.csv().contains("lr,validation,1,0.35"));
        chart.removeRun(2);
        QCOMPARE(chart.graphCount(), 3);
    }

    // Legends follow run order whatever order runs were (re)plotted in, and two runs of the
    // same name stay apart by their numbers.
    void legendInRunOrderWithNumbers()
    {
        TrainingChart chart(TrainingChart::Metric::Loss);
        chart.setRun(3, "#3 lenet5", {0.5}, {2.0}, {}, {});
        chart.setRun(1, "#1 lenet5", {0.5}, {2.1}, {}, {});
        chart.setRun(2, "#2 lenet5", {0.5}, {2.2}, {}, {});
        QCOMPARE(chart.legendLabels(), QStringList({"#1 lenet5", "#2 lenet5", "#3 lenet5"}));
        chart.setRun(1, "#1 lenet5", {0.5, 1.0}, {2.1, 1.9}, {}, {}); // replaced (a resumed run)
        QCOMPARE(chart.legendLabels(), QStringList({"#1 lenet5", "#2 lenet5", "#3 lenet5"}));
        chart.setRunVisible(2, false);
        QCOMPARE(chart.legendLabels(), QStringList({"#1 lenet5", "#3 lenet5"}));
        chart.setRunVisible(2, true);
        chart.setRunDiverged(3, true);
        QCOMPARE(chart.legendLabels(), QStringList({"#1 lenet5", "#2 lenet5", "#3 lenet5 (diverged)"}));
    }

    // The LR range test's suggestion labels never overlap, at any size of the plot (on screen
    // and in an exported PNG) — they did when two suggestions were near (issue 34).
    void lrSuggestionLabelsDoNotOverlap()
    {
        std::vector<double> lr, loss;
        for (int i = 0; i <= 100; ++i) {
            lr.push_back(1e-6 * std::pow(10.0, i * 0.07));
            loss.push_back(2.3 - 1.5 / (1 + std::exp(-(i - 50) / 6.0)) + (i > 90 ? (i - 90) * 0.5 : 0));
        }
        widgets::LrFinderChart chart;
        chart.setCurve(lr, loss, loss, loss, loss,
                       {{"min_loss_half", 2.0e-3, {}}, {"steepest", 2.4e-3, {}}, {"valley", 3.1e-3, {}}});
        for (const QSize size : {QSize(1000, 600), QSize(420, 260)}) {
            chart.resize(size);
            chart.replot();
            const QList<QRectF> rects = chart.labelRects();
            QCOMPARE(rects.size(), 3);
            for (int i = 0; i < rects.size(); ++i)
                for (int j = i + 1; j < rects.size(); ++j)
                    QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(QString("labels %1 and %2 overlap at %3x%4")
                                                                            .arg(i).arg(j).arg(size.width()).arg(size.height())));
        }
    }

    // After New Session the plots start on a new chart's axes, not the last session's (issue 34).
    void emptyChartsForgetTheLastAxes()
    {
        TrainingChart loss(TrainingChart::Metric::Loss);
        loss.setRun(1, "#1", {0.5, 40.0}, {2.0, 0.001}, {}, {});
        QVERIFY(loss.xAxis->range().upper > 30);
        loss.clearRuns();
        QCOMPARE(loss.xAxis->range().upper, 1.0);
        QCOMPARE(loss.yAxis->range().upper, 3.0);
        widgets::BandChart bands;
        widgets::BandChart::Data d;
        widgets::BandChart::Line line;
        line.x = {100, 200};
        line.y = {0.5, 0.6};
        d.lines.push_back(line);
        bands.setData(d);
        QVERIFY(bands.xAxis->range().upper > 150);
        bands.setData({});
        QCOMPARE(bands.xAxis->range().upper, 1.0);
        QVERIFY(bands.isEmptyPlot());
    }

    // A run keeps its colour for life: it follows the run's id, not the order of drawing — the same
    // after another run is deleted or the session is reopened with fewer runs (issue 34).
    void aRunKeepsItsColour()
    {
        const auto colourOf = [](TrainingChart &chart, const QString &name) {
            for (int i = 0; i < chart.graphCount(); ++i)
                if (chart.graph(i)->name() == name)
                    return chart.graph(i)->pen().color();
            return QColor();
        };
        TrainingChart all(TrainingChart::Metric::Loss), after(TrainingChart::Metric::Loss);
        for (std::int64_t id : {1, 2, 3})
            all.setRun(id, QString("#%1").arg(id), {0.5}, {2.0}, {}, {});
        after.setRun(3, "#3", {0.5}, {2.0}, {}, {}); // runs 1 and 2 deleted, the session reopened
        QVERIFY(colourOf(all, "#3").isValid());
        QCOMPARE(colourOf(after, "#3"), colourOf(all, "#3"));
        QVERIFY(colourOf(all, "#1") != colourOf(all, "#3"));
        all.clearRuns();
        all.setRun(3, "#3", {0.5}, {2.0}, {}, {});
        QCOMPARE(colourOf(all, "#3"), colourOf(after, "#3"));
    }

    // A diverged run's loss of 1e13 leaves the log axis to the sane runs, unless it is the
    // only run shown.
    void divergedRunLeavesTheAxisToSaneRuns()
    {
        TrainingChart chart(TrainingChart::Metric::Loss);
        chart.setRun(1, "#1 sane", {0.5, 1.0}, {2.0, 0.5}, {1.0}, {0.6});
        chart.setRun(2, "#2 lr 1e9", {0.5, 1.0}, {2.3, 7e13}, {}, {});
        QVERIFY(chart.yAxis->range().upper > 1e13); // not flagged yet: everything is shown
        chart.setRunDiverged(2, true);
        QVERIFY2(chart.yAxis->range().upper < 10, qPrintable(QString::number(chart.yAxis->range().upper)));
        QVERIFY(chart.yAxis->range().lower <= 0.5);
        chart.setRunVisible(1, false);
        QVERIFY(chart.yAxis->range().upper > 1e13); // alone, it is shown whole
    }

    void copesWithManyPoints()
    {
        TrainingChart chart(TrainingChart::Metric::Loss);
        chart.resize(800, 500);
        std::vector<double> x(150000), y(150000);
        for (std::size_t i = 0; i < x.size(); ++i) {
            x[i] = double(i + 1) / 1000.0;
            y[i] = 2.0 * std::exp(-x[i] / 40.0) + 0.1 * std::sin(double(i));
        }
        QElapsedTimer t;
        t.start();
        chart.setRun(1, "long", x, y, {}, {});
        chart.replot();
        chart.setSmoothing(0.99);
        chart.replot();
        qInfo("150k points: set, smooth twice and replot twice in %lld ms", t.elapsed());
        QVERIFY(t.elapsed() < 3000);
    }

    void exportPngOfRequestedSize()
    {
        QTemporaryDir dir;
        TrainingChart chart(TrainingChart::Metric::Loss);
        chart.setRun(1, "a", {0.5, 1.0}, {1.0, 0.5}, {1.0}, {0.6});
        QVERIFY(chart.exportPng(dir.filePath("a.png"), 800, 500, 96));
        QCOMPARE(QImage(dir.filePath("a.png")).size(), QSize(800, 500));
        // The size typed is the size of the file, at any DPI (which goes into the file).
        QVERIFY(chart.exportPng(dir.filePath("b.png"), 640, 400, 192));
        QCOMPARE(QImage(dir.filePath("b.png")).size(), QSize(640, 400));
        QCOMPARE(QImage(dir.filePath("b.png")).dotsPerMeterX(), qRound(192 / 0.0254));
        QVERIFY(chart.exportPng(dir.filePath("c150.png"), 1600, 900, 150));
        QCOMPARE(QImage(dir.filePath("c150.png")).size(), QSize(1600, 900));
        QString error;
        QVERIFY(!chart.exportPng(dir.filePath("c.png"), 5, 400, 96, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!chart.exportPng("/nonexistent-dir/x.png", 100, 100, 96, &error));
        QVERIFY(chart.exportPdf(dir.filePath("a.pdf"), 800, 500));
        QVERIFY(QFileInfo(dir.filePath("a.pdf")).size() > 1000);
        QVERIFY(chart.exportCsv(dir.filePath("a.csv")));
        QVERIFY(chart.exportSvg(dir.filePath("a.svg"), 800, 500));
        QFile svg(dir.filePath("a.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg") && text.contains("width=\"800\""));
    }

    void confusionNormalisation()
    {
        widgets::ConfusionMatrixView view;
        view.resize(400, 400);
        view.setMatrix({{8, 2}, {1, 3}}, {"a", "b"});
        QCOMPARE(view.cellValue(0, 1), 2.0);
        view.setMode(widgets::ConfusionMatrixView::Mode::RowNormalized);
        QCOMPARE(view.cellValue(0, 1), 0.2);   // 2 of the 10 true "a"
        view.setMode(widgets::ConfusionMatrixView::Mode::ColumnNormalized);
        QCOMPARE(view.cellValue(1, 0), 1.0 / 9); // 1 of the 9 predicted "a"
        QVERIFY(view.csv().startsWith("true\\predicted,a,b\n"));
        view.replot();
        const QPoint centre(int(view.xAxis->coordToPixel(1)), int(view.yAxis->coordToPixel(0)));
        QCOMPARE(view.cellAt(centre), std::make_pair(0, 1));
    }

    void rejectThresholdFollowsTheMouse()
    {
        widgets::RejectChart chart(widgets::RejectChart::View::ErrorsVsThreshold);
        chart.resize(500, 300);
        chart.setCurve({0.0, 0.3, 0.6, 0.9}, {5, 3, 1, 0}, {0, 2, 5, 9}, {0.5, 0.375, 0.2, 0.0});
        chart.replot();
        QSignalSpy moved(&chart, &widgets::RejectChart::thresholdChanged);
        QTest::mouseClick(&chart, Qt::LeftButton, {}, QPoint(int(chart.xAxis->coordToPixel(0.58)), 150));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.first().first().toDouble(), 0.6);
    }

    void histogramCsv()
    {
        widgets::HistogramChart h;
        h.setCounts({"cat", "dog, big"}, {5, 7}, {1, 2});
        QCOMPARE(h.csv(), QString("class,train,test\ncat,5,1\n\"dog, big\",7,2\n"));
    }
};

QTEST_MAIN(tst_TrainingChart)
#include "tst_trainingchart.moc"
