#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wb::core {

/// Disjoint index sets of a train/validation split.
struct SplitIndices
{
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
};

/// Seeded random split: `fraction` of the samples go to validation (rounded to nearest).
/// Stratified: each class contributes its own rounded share, so class proportions are kept.
/// Both index lists are sorted. Thread-safe (pure).
SplitIndices randomSplit(const std::vector<std::int64_t> &labels, double fraction,
                         std::uint64_t seed, bool stratified);

/// `count` distinct indices out of [0, n), drawn at random with the seed, sorted.
std::vector<std::size_t> randomSubset(std::size_t n, std::size_t count, std::uint64_t seed);

/// Applies a subset of positions to an index list: result[i] = indices[positions[i]].
std::vector<std::size_t> pick(const std::vector<std::size_t> &indices,
                              const std::vector<std::size_t> &positions);

} // namespace wb::core
