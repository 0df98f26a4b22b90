#include "wb/dataconfig.h"
#include "wb/errors.h"
#include "wb/split.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace wb::core;

class tst_Split : public QObject
{
    Q_OBJECT

private:
    // 1000 labels sorted by class with unequal class sizes: "the last 10%" would be one class.
    static std::vector<std::int64_t> sortedLabels()
    {
        std::vector<std::int64_t> labels;
        const int sizes[4] = {500, 250, 150, 100};
        for (int k = 0; k < 4; ++k)
            labels.insert(labels.end(), std::size_t(sizes[k]), k);
        return labels;
    }

private Q_SLOTS:
    void disjointAndComplete_data()
    {
        QTest::addColumn<bool>("stratified");
        QTest::newRow("stratified") << true;
        QTest::newRow("plain") << false;
    }
    void disjointAndComplete()
    {
        QFETCH(bool, stratified);
        const auto labels = sortedLabels();
        const SplitIndices s = randomSplit(labels, 0.2, 42, stratified);
        QCOMPARE(s.validation.size(), std::size_t(200));
        QCOMPARE(s.train.size(), std::size_t(800));
        std::set<std::size_t> all(s.train.begin(), s.train.end());
        for (auto v : s.validation)
            QVERIFY(all.insert(v).second); // disjoint
        QCOMPARE(all.size(), labels.size());
        // Not a tail slice: validation reaches into the first half of the sorted data.
        QVERIFY(*std::min_element(s.validation.begin(), s.validation.end()) < 500);
    }

    void stratifiedKeepsProportions()
    {
        const auto labels = sortedLabels();
        const SplitIndices s = randomSplit(labels, 0.1, 7, true);
        std::map<std::int64_t, int> counts;
        for (auto v : s.validation)
            ++counts[labels[v]];
        QCOMPARE(counts[0], 50);
        QCOMPARE(counts[1], 25);
        QCOMPARE(counts[2], 15);
        QCOMPARE(counts[3], 10);
    }

    void seeded()
    {
        const auto labels = sortedLabels();
        QCOMPARE(randomSplit(labels, 0.1, 3, false).validation,
                 randomSplit(labels, 0.1, 3, false).validation);
        QVERIFY(randomSplit(labels, 0.1, 3, false).validation
                != randomSplit(labels, 0.1, 4, false).validation);
    }

    void zeroFraction()
    {
        const SplitIndices s = randomSplit(sortedLabels(), 0.0, 1, true);
        QVERIFY(s.validation.empty());
        QCOMPARE(s.train.size(), std::size_t(1000));
    }

    void badFraction()
    {
        QVERIFY_THROWS_EXCEPTION(Error, randomSplit(sortedLabels(), 1.0, 1, true));
        QVERIFY_THROWS_EXCEPTION(Error, randomSplit(sortedLabels(), -0.1, 1, true));
    }

    void subsetDistinctSeeded()
    {
        const auto a = randomSubset(10000, 2000, 5);
        QCOMPARE(a.size(), std::size_t(2000));
        QCOMPARE(std::set<std::size_t>(a.begin(), a.end()).size(), std::size_t(2000));
        QVERIFY(a.back() < 10000);
        QCOMPARE(a, randomSubset(10000, 2000, 5));
        QVERIFY(a != randomSubset(10000, 2000, 6));
        QVERIFY(a.back() > 9000); // spread over the range, not the first 2000
        QVERIFY_THROWS_EXCEPTION(Error, randomSubset(10, 11, 1));
    }

    void selectDataLimitsAndSplits()
    {
        DatasetPair pair;
        pair.train.labels = sortedLabels();
        pair.test.labels.assign(300, 0);
        DataConfig c;
        c.trainLimit = 400;
        c.testLimit = 100;
        c.valFraction = 0.25;
        const DataSelection sel = selectData(pair, c);
        QCOMPARE(sel.train.size(), std::size_t(300));
        QCOMPARE(sel.validation.size(), std::size_t(100));
        QCOMPARE(sel.test.size(), std::size_t(100));
        c.limitMode = "first";
        const DataSelection first = selectData(pair, c);
        QVERIFY(*std::max_element(first.train.begin(), first.train.end()) < 400);
        c.trainLimit = 5000;
        QVERIFY_THROWS_EXCEPTION(Error, selectData(pair, c));
    }
};

QTEST_GUILESS_MAIN(tst_Split)
#include "tst_split.moc"
