#include "wb/errors.h"
#include "wb/tsne.h"

#include <QtTest>

#include <random>

using namespace wb::core;

namespace {
// Well-separated Gaussian clusters in 20-D.
void clusters(std::size_t perCluster, int k, std::vector<float> &x, std::vector<int> &label)
{
    std::mt19937_64 rng(5);
    std::normal_distribution<float> unit(0, 1);
    const std::size_t d = 20;
    for (int c = 0; c < k; ++c) {
        std::vector<float> centre(d);
        for (auto &v : centre)
            v = 12 * unit(rng);
        for (std::size_t i = 0; i < perCluster; ++i) {
            for (std::size_t j = 0; j < d; ++j)
                x.push_back(centre[j] + unit(rng));
            label.push_back(c);
        }
    }
}

double knnAgreement(const std::vector<double> &y, const std::vector<int> &label, int k)
{
    const std::size_t n = label.size();
    double agree = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::pair<double, std::size_t>> d;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) {
                const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                d.push_back({dx * dx + dy * dy, j});
            }
        std::partial_sort(d.begin(), d.begin() + k, d.end());
        for (int m = 0; m < k; ++m)
            agree += label[d[std::size_t(m)].second] == label[i];
    }
    return agree / double(n * std::size_t(k));
}
} // namespace

class tst_Tsne : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void separatesClusters()
    {
        std::vector<float> x;
        std::vector<int> label;
        clusters(100, 6, x, label);
        TsneOptions o;
        o.iterations = 500;
        const TsneResult r = tsne(x, label.size(), 20, o);
        QCOMPARE(r.embedding.size(), 2 * label.size());
        const double agreement = knnAgreement(r.embedding, label, 10);
        qInfo("10-NN label agreement %.4f, KL %.4f, %.2f s", agreement, r.kl, r.seconds);
        QVERIFY(agreement >= 0.95);
        QVERIFY(r.kl > 0 && r.kl < 2);
        QVERIFY(trustworthiness(x, label.size(), 20, r.embedding, 10) > 0.9);
    }

    void deterministicForASeed()
    {
        std::vector<float> x;
        std::vector<int> label;
        clusters(60, 4, x, label);
        TsneOptions o;
        o.iterations = 300;
        o.threads = 2;
        QCOMPARE(tsne(x, label.size(), 20, o).embedding, tsne(x, label.size(), 20, o).embedding);
    }

    void exactAndBarnesHutAgree()
    {
        std::vector<float> x;
        std::vector<int> label;
        clusters(50, 3, x, label);
        TsneOptions o;
        o.iterations = 400;
        const TsneResult bh = tsne(x, label.size(), 20, o);
        o.theta = 0; // every cell opened: exact repulsion
        const TsneResult exact = tsne(x, label.size(), 20, o);
        qInfo("KL Barnes-Hut %.4f, exact %.4f", bh.kl, exact.kl);
        QVERIFY(std::abs(bh.kl - exact.kl) < 0.05 * exact.kl + 0.02);
    }

    void trustworthinessByHand()
    {
        // Embedding identical to the data (first two of two dims): perfectly trustworthy.
        std::vector<float> x;
        std::vector<double> y;
        for (int i = 0; i < 30; ++i) {
            x.push_back(float(i * i % 17));
            x.push_back(float(i));
            y.push_back(i * i % 17);
            y.push_back(i);
        }
        QCOMPARE(trustworthiness(x, 30, 2, y, 5), 1.0);
        std::reverse(y.begin(), y.end()); // scrambles neighbourhoods
        QVERIFY(trustworthiness(x, 30, 2, y, 5) < 1.0);
    }

    void badInput()
    {
        TsneOptions o;
        QVERIFY_THROWS_EXCEPTION(Error, tsne({1, 2, 3}, 3, 1, o));
        o.perplexity = 50;
        QVERIFY_THROWS_EXCEPTION(Error, tsne(std::vector<float>(40, 1.f), 20, 2, o)); // perplexity too large
    }
};

QTEST_GUILESS_MAIN(tst_Tsne)
#include "tst_tsne.moc"
