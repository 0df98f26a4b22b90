#pragma once

// Core-private: data augmentation of a training batch on its tensor — a random resized crop
// (torchvision's RandomResizedCrop rule) and a horizontal flip per image, drawn from a seed,
// applied to the whole batch at once as one affine resampling (bilinear).
#include "wb/trainconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <vector>

namespace wb::core::detail {

/// One image's crop in units of the image: centre (cx, cy) in [0, 1], width and height in
/// (0, 1], and whether it is mirrored.
struct CropBox
{
    double cx = 0.5, cy = 0.5, w = 1, h = 1;
    bool flip = false;
};

/// The crops of `n` images: with config.augmentCrop an area share s ~ U[cropAreaMin, 1] and
/// a log-uniform aspect r in [3/4, 4/3] (w = √(s·r), h = √(s/r) of the image; up to 10 draws,
/// else the whole image), placed uniformly inside the image; with config.augmentFlip each
/// image mirrored with probability 1/2. Pure and portable (53-bit uniforms from mt19937_64).
std::vector<CropBox> drawCrops(std::int64_t n, const TrainConfig &config, std::mt19937_64 &rng);

/// The batch `images` (uint8 or float [B, C, H, W], pixel values 0 … 255) with `crops` applied,
/// as float pixel values 0 … 255 of the same size, on the same device.
torch::Tensor applyCrops(const torch::Tensor &images, const std::vector<CropBox> &crops);

/// Whether the config augments its training images.
inline bool augments(const TrainConfig &config) { return config.augmentCrop || config.augmentFlip; }

} // namespace wb::core::detail
