// The fused SGD step against LibTorch's torch::optim::SGD, step by step from the same
// weights and gradients: exact arithmetic on short computations, for every option
// combination (no long trajectory whose rounding a CPU's kernels could amplify).
#include "train/optimizer.h"
#include "train/radam.h"
#include "wb/errors.h"

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
    // RAdam's scalars: ρ∞ = 2/(1−β2) − 1; ρ_t = ρ∞ − 2tβ2^t/(1−β2^t); adaptive when ρ_t > 5.
    void radamScalarsByHand()
    {
        const auto s1 = wb::core::detail::radamStep(1, 0.95, 0.99);
        QVERIFY(std::abs(s1.rho - 1.0) < 1e-9); // 199 − 2·0.99/0.01
        QVERIFY(!s1.adaptive);
        QVERIFY(std::abs(s1.biasCorrection1 - 0.05) < 1e-15);
        const auto s5 = wb::core::detail::radamStep(5, 0.95, 0.99);
        QVERIFY(!s5.adaptive); // ρ5 ≈ 4.96
        const auto s6 = wb::core::detail::radamStep(6, 0.95, 0.99);
        QVERIFY(s6.adaptive); // ρ6 ≈ 5.94
        const double b6 = std::pow(0.99, 6), rho6 = 199 - 12 * b6 / (1 - b6);
        QVERIFY(std::abs(s6.rho - rho6) < 1e-12);
        QVERIFY(std::abs(s6.rectification - std::sqrt((rho6 - 4) * (rho6 - 2) * 199 / (195.0 * 197 * rho6))) < 1e-12);
        QVERIFY(std::abs(s6.sqrtBiasCorrection2 - std::sqrt(1 - b6)) < 1e-15);
    }

    // RAdam and Ranger on two double parameters against the update written out by hand, step
    // by step through both regimes (ρ_t ≤ 5, then > 5), with decoupled weight decay on the
    // matrix only (the bias excluded), and Ranger's lookahead syncing every 3 steps.
    void radamAndRangerByHand_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::newRow("radam") << "radam";
        QTest::newRow("ranger") << "ranger";
    }
    void radamAndRangerByHand()
    {
        QFETCH(QString, optimizer);
        TrainConfig c;
        c.optimizer = optimizer.toStdString();
        c.lr = 0.01;
        c.momentum = 0.95;
        c.beta2 = 0.99;
        c.eps = 1e-6;
        c.weightDecay = 0.1;
        c.decayNormAndBias = false;
        c.lookaheadSteps = 3;
        c.lookaheadAlpha = 0.5;
        auto w = torch::tensor({{1.0, -2.0}}, torch::kDouble), b = torch::tensor({0.5}, torch::kDouble);
        w.set_requires_grad(true);
        b.set_requires_grad(true);
        auto opt = wb::core::detail::makeOptimizer(c, {w, b});
        const double gw[] = {0.5, -0.3, 0.2, 0.1, -0.4, 0.6, 0.3, -0.2, 0.05};
        // By hand: element 0 of w (decayed) and b (not), g_b = −g_w.
        double p[2] = {1.0, 0.5}, m[2] = {0, 0}, v[2] = {0, 0}, slow[2] = {1.0, 0.5};
        const bool ranger = c.optimizer == "ranger";
        for (int t = 1; t <= 9; ++t) {
            const double g[2] = {gw[t - 1], -gw[t - 1]};
            w.mutable_grad() = torch::tensor({{g[0], 7.0}}, torch::kDouble);
            b.mutable_grad() = torch::tensor({g[1]}, torch::kDouble);
            opt->setLr(c.lr);
            opt->step();
            const double rhoInf = 2 / (1 - c.beta2) - 1, b2t = std::pow(c.beta2, t);
            const double rho = rhoInf - 2 * t * b2t / (1 - b2t);
            for (int k = 0; k < 2; ++k) {
                if (k == 0)
                    p[k] -= c.lr * c.weightDecay * p[k];
                m[k] = c.momentum * m[k] + (1 - c.momentum) * g[k];
                v[k] = c.beta2 * v[k] + (1 - c.beta2) * g[k] * g[k];
                const double mhat = m[k] / (1 - std::pow(c.momentum, t));
                if (rho > 5) {
                    const double r = std::sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
                    p[k] -= c.lr * r * mhat * std::sqrt(1 - b2t) / (std::sqrt(v[k]) + c.eps);
                } else {
                    p[k] -= c.lr * mhat;
                }
                if (ranger && t % 3 == 0) {
                    slow[k] += 0.5 * (p[k] - slow[k]);
                    p[k] = slow[k];
                }
            }
            QVERIFY2(std::abs(w[0][0].item<double>() - p[0]) < 1e-12, qPrintable(QString("step %1: %2 vs %3").arg(t).arg(w[0][0].item<double>(), 0, 'g', 17).arg(p[0], 0, 'g', 17)));
            QVERIFY2(std::abs(b[0].item<double>() - p[1]) < 1e-12, qPrintable(QString("step %1 (bias)").arg(t)));
        }
        // Saved and loaded, the state continues exactly.
        const std::string state = opt->save();
        auto w2 = w.detach().clone().set_requires_grad(true), b2 = b.detach().clone().set_requires_grad(true);
        auto opt2 = wb::core::detail::makeOptimizer(c, {w2, b2});
        opt2->load(state, torch::kCPU);
        for (auto *o : {opt.get(), opt2.get()}) {
            auto &ww = o == opt.get() ? w : w2;
            auto &bb = o == opt.get() ? b : b2;
            ww.mutable_grad() = torch::tensor({{0.25, -1.0}}, torch::kDouble);
            bb.mutable_grad() = torch::tensor({0.75}, torch::kDouble);
            o->step();
        }
        QCOMPARE(w2[0][1].item<double>(), w[0][1].item<double>());
        QCOMPARE(b2[0].item<double>(), b[0].item<double>());
        QVERIFY_THROWS_EXCEPTION(wb::core::Error, opt2->load("garbage", torch::kCPU));
    }

    // Weight decay skips 1-D parameters (norm scales and shifts, biases) when asked, for every
    // optimizer: one step with zero gradients moves only the decayed matrix.
    void normAndBiasExcludedFromDecay()
    {
        for (const char *name : {"sgd", "adam", "adamw", "radam", "ranger"}) {
            for (bool fused : {true, false}) {
                TrainConfig c;
                c.optimizer = name;
                c.lr = 0.1;
                c.weightDecay = 0.5;
                c.decayNormAndBias = false;
                c.fusedOptimizer = fused;
                auto w = torch::ones({2, 3}).set_requires_grad(true), b = torch::ones({3}).set_requires_grad(true);
                auto opt = wb::core::detail::makeOptimizer(c, {w, b});
                w.mutable_grad() = torch::zeros({2, 3});
                b.mutable_grad() = torch::zeros({3});
                opt->step();
                QVERIFY2(w.max().item<float>() < 1.0f, name);
                QCOMPARE(b.min().item<float>(), 1.0f);
                c.decayNormAndBias = true;
                auto b2 = torch::ones({3}).set_requires_grad(true);
                auto opt2 = wb::core::detail::makeOptimizer(c, {b2});
                b2.mutable_grad() = torch::zeros({3});
                opt2->step();
                QVERIFY2(b2.max().item<float>() < 1.0f, name);
            }
        }
    }

    void flatFractionOfFlatcos()
    {
        TrainConfig c;
        c.lr = 0.4;
        c.schedule = "flatcos";
        c.flatFraction = 0.72;
        QCOMPARE(scheduledLr(c, 71, 101), 0.4);  // t = 0.71
        QCOMPARE(scheduledLr(c, 72, 101), 0.4);  // t = 0.72: the cosine starts at lr
        QVERIFY(std::abs(scheduledLr(c, 86, 101) - 0.2) < 1e-12); // halfway down
        QVERIFY(std::abs(scheduledLr(c, 100, 101)) < 1e-15);
        c.flatFraction = 1.0;
        QVERIFY_THROWS_EXCEPTION(wb::core::Error, validate(c));
        c.flatFraction = 0.72;
        c.optimizer = "lamb";
        QVERIFY_THROWS_EXCEPTION(wb::core::Error, validate(c));
        c.optimizer = "ranger";
        const TrainConfig back = trainConfigFromJson(toJson(c));
        QCOMPARE(back.flatFraction, 0.72);
        QCOMPARE(back.optimizer, std::string("ranger"));
        QCOMPARE(trainConfigFromJson("{\"optimizer\": \"adam\"}").flatFraction, 0.75); // older configs
    }
};

QTEST_GUILESS_MAIN(tst_Optimizer)
#include "tst_optimizer.moc"
