// Data augmentation: the crop rule's bounds, its geometry against a hand computation on a
// ramp image, exact identity and mirror, determinism of training with it, and test-time flip
// as the log of the mean softmax.
#include "train/augment.h"
#include "wb/datasetloader.h"
#include "wb/network.h"
#include "wb/modelspec.h"
#include "wb/progress.h"
#include "wb/trainer.h"

#include <QtTest>

#include <cmath>

using namespace wb::core;
namespace aug = wb::core::detail;
using aug::CropBox;

class tst_Augment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cropsFollowTheRule()
    {
        TrainConfig c;
        c.augmentCrop = true;
        c.augmentFlip = true;
        std::mt19937_64 rng(7);
        const auto crops = aug::drawCrops(10000, c, rng);
        int flips = 0, whole = 0;
        for (const CropBox &b : crops) {
            const double area = b.w * b.h, aspect = b.w / b.h;
            QVERIFY(area >= 0.35 - 1e-12 && area <= 1 + 1e-12);
            QVERIFY((aspect >= 0.75 - 1e-12 && aspect <= 4.0 / 3 + 1e-12) || (b.w == 1 && b.h == 1));
            QVERIFY(b.cx - b.w / 2 >= -1e-12 && b.cx + b.w / 2 <= 1 + 1e-12);
            QVERIFY(b.cy - b.h / 2 >= -1e-12 && b.cy + b.h / 2 <= 1 + 1e-12);
            flips += b.flip;
            whole += b.w == 1 && b.h == 1;
        }
        QVERIFY2(flips > 4500 && flips < 5500, qPrintable(QString::number(flips))); // ±10 standard deviations
        QVERIFY(whole < 100); // the fallback is rare: areas near 1 with a skewed aspect
        std::mt19937_64 again(7), other(8);
        const auto same = aug::drawCrops(10000, c, again), different = aug::drawCrops(10000, c, other);
        QCOMPARE(same[9999].cx, crops[9999].cx);
        QVERIFY(different[0].cx != crops[0].cx);
        // Off: the whole image, never mirrored.
        TrainConfig off;
        std::mt19937_64 r(1);
        const CropBox plain = aug::drawCrops(1, off, r)[0];
        QVERIFY(plain.w == 1 && plain.h == 1 && plain.cx == 0.5 && !plain.flip);
    }

    void cropGeometryMatchesAHandComputation()
    {
        // A horizontal ramp I(x) = 10 x (x = pixel column), 1 channel, 4 x 8 pixels. The left
        // half (w 0.5, centre 0.25) resized to 8 columns samples column x_in(j) = j/2 − 1/4 of
        // the input at output column j (pixel centres, align_corners false); bilinear
        // interpolation of a linear ramp is exact there.
        const auto img = (torch::arange(8, torch::kFloat32) * 10).repeat({1, 1, 4, 1});
        CropBox left;
        left.w = 0.5;
        left.cx = 0.25;
        const auto out = aug::applyCrops(img, {left});
        for (int j = 1; j < 8; ++j)
            QVERIFY2(std::abs(out[0][0][2][j].item<float>() - 10 * (j / 2.0 - 0.25)) < 1e-3,
                     qPrintable(QString("column %1: %2").arg(j).arg(out[0][0][2][j].item<float>())));
        // Identity and mirror reproduce the pixels.
        const auto pixels = torch::randint(0, 256, {2, 3, 5, 7}, torch::kUInt8);
        CropBox mirror;
        mirror.flip = true;
        const auto same = aug::applyCrops(pixels, {CropBox{}, mirror});
        QVERIFY((same[0] - pixels[0].to(torch::kFloat32)).abs().max().item<float>() < 1e-3);
        QVERIFY((same[1] - pixels[1].to(torch::kFloat32).flip({2})).abs().max().item<float>() < 1e-3);
    }

    void trainingWithAugmentationIsSeeded()
    {
        std::vector<SkippedFile> skipped;
        const DatasetPair data = loadDataset(WB_TEST_SHARED_DATA "/mnist10k", {}, skipped);
        TrainData td;
        td.train = &data.train;
        for (std::size_t i = 0; i < 256; ++i)
            td.trainIndices.push_back(i);
        TrainConfig c;
        c.optimizer = "adam";
        c.lr = 1e-3;
        c.epochs = 2;
        c.batchSize = 32;
        c.threads = 1;
        c.device = "cpu";
        const ModelSpec spec = presetSpec("lenet5", 0, {1, 28, 28}, 10);
        CancelFlagSink sink;
        const TrainResult plain = train(spec, c, td, sink);
        c.augmentCrop = c.augmentFlip = true;
        const TrainResult a = train(spec, c, td, sink), b = train(spec, c, td, sink);
        QCOMPARE(a.status, RunStatus::Completed);
        QCOMPARE(a.history.batches.size(), plain.history.batches.size());
        for (std::size_t i = 0; i < a.history.batches.size(); ++i)
            QCOMPARE(a.history.batches[i].loss, b.history.batches[i].loss); // the same crops
        // Batch 1 sees the same weights and images, cropped: another loss.
        QVERIFY(a.history.batches[0].loss != plain.history.batches[0].loss);
    }

    void testTimeFlipAveragesTheSoftmax()
    {
        // Eight images and their mirror images; a fresh network's outputs on both.
        ImageDataset d;
        d.channels = 1;
        d.height = 28;
        d.width = 28;
        d.classNames = {"a", "b", "c"};
        const auto pixels = torch::randint(0, 256, {8, 1, 28, 28}, torch::kUInt8);
        const auto both = torch::cat({pixels, pixels.flip({3})}).contiguous();
        d.pixels.assign(both.data_ptr<std::uint8_t>(), both.data_ptr<std::uint8_t>() + both.numel());
        d.labels.assign(16, 0);
        const Network net(presetSpec("lenet5", 0, {1, 28, 28}, 3), 5, "cpu");
        std::vector<std::size_t> first{0, 1, 2, 3, 4, 5, 6, 7}, all;
        for (std::size_t i = 0; i < 16; ++i)
            all.push_back(i);
        const auto plain = net.logits(d, all), tta = net.logits(d, first, true);
        for (int i = 0; i < 8; ++i) {
            double za = 0, zb = 0;
            for (int k = 0; k < 3; ++k) {
                za += std::exp(plain[std::size_t(3 * i + k)]);
                zb += std::exp(plain[std::size_t(3 * (i + 8) + k)]);
            }
            for (int k = 0; k < 3; ++k) {
                const double p = 0.5 * (std::exp(plain[std::size_t(3 * i + k)]) / za
                                        + std::exp(plain[std::size_t(3 * (i + 8) + k)]) / zb);
                QVERIFY(std::abs(tta[std::size_t(3 * i + k)] - std::log(p)) < 1e-5);
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_Augment)
#include "tst_augment.moc"
