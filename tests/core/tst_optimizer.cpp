// The fused SGD step against LibTorch's torch::optim::SGD, step by step from the same
// weights and gradients: exact arithmetic on short computations, for every option
// combination (no long trajectory whose rounding a CPU's kernels could amplify).
#include "train/optimizer.h"

#include <QtTest>

#include <cmath>

using namespace wb::core;

namespace {

// Parameters of awkward sizes: a scalar, a row that no vector width divides, and one large
// enough to be split into several parallel chunks (65,536 elements each).
std::vector<torch::Tensor> makeParams(std::uint64_t seed)
{
    torch::manual_seed(seed);
    return {torch::randn({1}), torch::randn({7, 13}), torch::randn({3, 70001})};
}

std::vector<torch::Tensor> cloneAll(const std::vector<torch::Tensor> &ps)
{
    std::vector<torch::Tensor> out;
    for (const auto &p : ps)
        out.push_back(p.detach().clone());
    return out;
}

// Gives every parameter the same gradient for step `step` (independent of its weights).
void setGrads(std::vector<torch::Tensor> &ps, int step)
{
    torch::manual_seed(1000 + step);
    for (auto &p : ps)
        p.mutable_grad() = torch::randn(p.sizes());
}

// Largest |a - b| relative to the largest |b| of each tensor.
double relativeDifference(const std::vector<torch::Tensor> &a, const std::vector<torch::Tensor> &b)
{
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double scale = b[i].abs().max().item<double>();
        worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>() / scale);
    }
    return worst;
}

TrainConfig sgdConfig(double momentum, bool nesterov, double weightDecay)
{
    TrainConfig c;
    c.optimizer = "sgd";
    c.lr = 0.05;
    c.momentum = momentum;
    c.nesterov = nesterov;
    c.weightDecay = weightDecay;
    return c;
}

} // namespace

class tst_Optimizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { wb::core::detail::prepareTrainingThreads(2); } // several chunks in parallel

    void fusedSgdStepsEqualTorchSgd_data()
    {
        QTest::addColumn<double>("momentum");
        QTest::addColumn<bool>("nesterov");
        QTest::addColumn<double>("weightDecay");
        for (double m : {0.0, 0.9})
            for (bool nesterov : {false, true})
                for (double wd : {0.0, 5e-4}) {
                    if (nesterov && m == 0)
                        continue; // Nesterov needs momentum (torch refuses it too)
                    QTest::addRow("momentum %g%s, weight decay %g", m,
                                  nesterov ? " nesterov" : "", wd)
                        << m << nesterov << wd;
                }
    }
    void fusedSgdStepsEqualTorchSgd()
    {
        QFETCH(double, momentum);
        QFETCH(bool, nesterov);
        QFETCH(double, weightDecay);
        TrainConfig c = sgdConfig(momentum, nesterov, weightDecay);
        auto fusedParams = makeParams(7);
        auto torchParams = cloneAll(fusedParams);
        const auto start = cloneAll(fusedParams);
        auto fused = wb::core::detail::makeOptimizer(c, fusedParams);
        c.fusedOptimizer = false;
        auto reference = wb::core::detail::makeOptimizer(c, torchParams);
        const double lrs[] = {0.05, 0.05, 0.02, 0.1, 0.01};
        for (int step = 0; step < 5; ++step) {
            setGrads(fusedParams, step);
            setGrads(torchParams, step);
            fused->setLr(lrs[step]);
            reference->setLr(lrs[step]);
            fused->step();
            reference->step();
            const double diff = relativeDifference(fusedParams, torchParams);
            QVERIFY2(diff < 1e-6, qPrintable(QStringLiteral("step %1: relative difference %2")
                                                 .arg(step + 1)
                                                 .arg(diff)));
            QVERIFY(relativeDifference(fusedParams, start) > 1e-4); // the weights did move
        }
    }

    void firstStepByHand()
    {
        // Nesterov with weight decay, one step: d = g + wd·p, buf = d, p -= lr·(d + m·d).
        TrainConfig c = sgdConfig(0.9, true, 0.1);
        c.lr = 0.5;
        std::vector<torch::Tensor> ps = {torch::tensor({2.0f, -4.0f})};
        auto opt = wb::core::detail::makeOptimizer(c, ps);
        ps[0].mutable_grad() = torch::tensor({1.0f, 0.5f});
        opt->step();
        // d = (1.2, 0.1); p = (2 - 0.5·1.9·1.2, -4 - 0.5·1.9·0.1) = (0.86, -4.095)
        QVERIFY(std::abs(ps[0][0].item<double>() - 0.86) < 1e-6);
        QVERIFY(std::abs(ps[0][1].item<double>() + 4.095) < 1e-6);
        // Second step: buf = 0.9·d1 + d2 with d2 = g + wd·p.
        ps[0].mutable_grad() = torch::tensor({0.0f, 0.0f});
        opt->step();
        const double d2 = 0.1 * 0.86, buf = 0.9 * 1.2 + d2;
        QVERIFY(std::abs(ps[0][0].item<double>() - (0.86 - 0.5 * (d2 + 0.9 * buf))) < 1e-6);
    }

    void savedStateContinuesExactly()
    {
        // Stop after 3 steps, save, load into a fresh optimiser: the next 2 steps give the
        // same bits as continuing without the round trip.
        const TrainConfig c = sgdConfig(0.9, true, 5e-4);
        auto a = makeParams(3);
        auto optA = wb::core::detail::makeOptimizer(c, a);
        for (int step = 0; step < 3; ++step) {
            setGrads(a, step);
            optA->step();
        }
        auto b = cloneAll(a);
        auto optB = wb::core::detail::makeOptimizer(c, b);
        optB->load(optA->save(), torch::Device("cpu"));
        for (int step = 3; step < 5; ++step) {
            setGrads(a, step);
            setGrads(b, step);
            optA->step();
            optB->step();
        }
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY(torch::equal(a[i], b[i]));
    }
};

QTEST_GUILESS_MAIN(tst_Optimizer)
#include "tst_optimizer.moc"
