#include "train/augment.h"

#include <cmath>

namespace wb::core::detail {

namespace {
double uniform(std::mt19937_64 &rng) { return double(rng() >> 11) * 0x1.0p-53; }
} // namespace

std::vector<CropBox> drawCrops(std::int64_t n, const TrainConfig &config, std::mt19937_64 &rng)
{
    std::vector<CropBox> crops(std::size_t(std::max<std::int64_t>(0, n)));
    const double logLo = std::log(3.0 / 4.0), logHi = std::log(4.0 / 3.0);
    for (CropBox &c : crops) {
        if (config.augmentCrop) {
            for (int attempt = 0; attempt < 10; ++attempt) {
                const double area = config.cropAreaMin + (1 - config.cropAreaMin) * uniform(rng);
                const double aspect = std::exp(logLo + (logHi - logLo) * uniform(rng));
                const double w = std::sqrt(area * aspect), h = std::sqrt(area / aspect);
                if (w <= 1 && h <= 1) {
                    c.w = w;
                    c.h = h;
                    c.cx = w / 2 + (1 - w) * uniform(rng);
                    c.cy = h / 2 + (1 - h) * uniform(rng);
                    break;
                }
            }
        }
        if (config.augmentFlip)
            c.flip = uniform(rng) < 0.5;
    }
    return crops;
}

torch::Tensor applyCrops(const torch::Tensor &images, const std::vector<CropBox> &crops)
{
    namespace F = torch::nn::functional;
    const auto x = images.to(torch::kFloat32);
    const std::int64_t n = x.size(0);
    // The affine map from output coordinates u in [-1, 1] to input coordinates (grid_sample's
    // normalised ones): x_in = (2 cx − 1) + w · (±u), likewise y.
    std::vector<float> theta(std::size_t(n) * 6, 0.0f);
    for (std::int64_t i = 0; i < n; ++i) {
        const CropBox &c = crops[std::size_t(i)];
        float *t = theta.data() + 6 * i;
        t[0] = float(c.flip ? -c.w : c.w);
        t[2] = float(2 * c.cx - 1);
        t[4] = float(c.h);
        t[5] = float(2 * c.cy - 1);
    }
    const auto th = torch::from_blob(theta.data(), {n, 2, 3}, torch::kFloat32).to(x.device());
    const auto grid = F::affine_grid(th, {n, x.size(1), x.size(2), x.size(3)}, false);
    return F::grid_sample(x, grid,
                          F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder).align_corners(false));
}

} // namespace wb::core::detail
