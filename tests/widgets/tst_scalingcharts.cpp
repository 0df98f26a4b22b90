// The Scaling page's charts: the heatmap (missing cells blank, ± std, contours, CSV) and the
// series chart (log axes drop non-positive points, error bars, the highlighted frontier).
#include "heatmapchart.h"
#include "serieschart.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace wb::widgets;

class tst_ScalingCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heatmapLabelsCellsAndLeavesMissingOnesBlank()
    {
        HeatmapChart chart;
        HeatmapChart::Data d;
        d.title = "test loss";
        d.rows = {"4", "8"};
        d.columns = {"100", "200", "400"};
        d.mean = {{1.5, 1.2, NAN}, {1.1, 0.9, 0.7}};
        d.stddev = {{0.1, NAN, NAN}, {NAN, NAN, NAN}};
        d.contours = {{"1.0", {0, 1, 2}, {1.2, 0.6, 0.1}}};
        chart.setData(d);
        QCOMPARE(chart.cellText(0, 0), QString("1.500\n±0.100"));
        QCOMPARE(chart.cellText(0, 1), QString("1.200"));
        QCOMPARE(chart.cellText(0, 2), QString()); // not finished yet
        QCOMPARE(chart.cellText(5, 0), QString()); // outside
        QCOMPARE(chart.plottableCount(), 2); // the colour map and one contour
        const QStringList lines = chart.csv().trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QString("row,column,test loss,std"));
        QCOMPARE(lines[1], QString("4,100,1.5,0.1"));
        QCOMPARE(lines[3], QString("4,400,,"));
        d.contours.clear();
        chart.setData(d); // a second set replaces the first: no contour left over
        QCOMPARE(chart.plottableCount(), 1);
        QTemporaryDir dir;
        const QString png = dir.filePath("h.png");
        QVERIFY(chart.exportPng(png, 400, 300));
        const QImage image(png);
        QVERIFY(!image.isNull());
        // the colours: viridis inverted for a loss, so the lowest loss (0.7) is the bright end
        QCPColorGradient g = viridisGradient();
        QVERIFY(qGray(g.color(1, QCPRange(0, 1))) > qGray(g.color(0, QCPRange(0, 1))));
    }

    void seriesChartDropsWhatALogAxisCannotShow()
    {
        SeriesChart chart;
        SeriesChart::Data d;
        d.xLabel = "parameters";
        d.yLabel = "test loss";
        d.logY = true;
        d.series = {{"100 images", {1000, 2000, 0}, {1.0, 0.8, 0.5}, {0.1, NAN, 0.1}, true, false},
                    {"frontier", {1000, 2000}, {0.9, -1}, {}, true, true}};
        chart.setData(d);
        QCOMPARE(chart.graphCount(), 2);
        QCOMPARE(chart.graph(0)->dataCount(), 2); // x = 0 has no place on a log axis
        QCOMPARE(chart.graph(1)->dataCount(), 1); // nor y = -1
        QCOMPARE(chart.graph(1)->pen().color(), QColor(214, 39, 40));
        QVERIFY(chart.plottableCount() == 3); // the error bars of the first series
        QVERIFY(chart.csv().startsWith("series,parameters,test loss,error\n100 images,1000,1,0.1\n"));
    }
};

QTEST_MAIN(tst_ScalingCharts)
#include "tst_scalingcharts.moc"
