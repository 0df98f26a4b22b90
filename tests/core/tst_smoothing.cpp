#include "wb/errors.h"
#include "wb/smoothing.h"

#include <QtTest>

#include <cmath>

using namespace wb::core;

class tst_Smoothing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debiasedByHand()
    {
        // q = 0.5: s1 = 0.5·2 = 1 → 1/(1-0.5) = 2; s2 = 0.5·1 + 0.5·4 = 2.5 → 2.5/0.75.
        const auto s = debiasedEwa({2.0, 4.0}, 0.5);
        QCOMPARE(s[0], 2.0);
        QVERIFY(std::abs(s[1] - 2.5 / 0.75) < 1e-15);
    }
    void constantStaysConstant_data()
    {
        QTest::addColumn<double>("q");
        QTest::newRow("0") << 0.0;
        QTest::newRow("0.9") << 0.9;
        QTest::newRow("0.999") << 0.999;
    }
    void constantStaysConstant()
    {
        QFETCH(double, q);
        const auto s = debiasedEwa(std::vector<double>(500, 0.37), q);
        for (double v : s)
            QVERIFY(std::abs(v - 0.37) < 1e-12);
    }
    void nanPassesThrough()
    {
        const double nan = std::nan("");
        const auto s = debiasedEwa({1.0, nan, INFINITY, 1.0, 3.0}, 0.5);
        QCOMPARE(s[0], 1.0);
        QVERIFY(std::isnan(s[1]));
        QVERIFY(std::isnan(s[2]));
        QCOMPARE(s[3], 1.0);                               // not poisoned
        // finite points 1, 1, 3: s = 0.5, 0.75, 0.375 + 1.5; debiased by 1 - 0.5^3
        QVERIFY(std::abs(s[4] - (0.375 + 1.5) / 0.875) < 1e-15);
    }
    void zeroIsIdentity()
    {
        const std::vector<double> v = {3, 1, 4, 1, 5};
        QCOMPARE(debiasedEwa(v, 0.0), v);
    }
    void badQ() { QVERIFY_THROWS_EXCEPTION(Error, debiasedEwa({1.0}, 1.0)); }
};

QTEST_GUILESS_MAIN(tst_Smoothing)
#include "tst_smoothing.moc"
