#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace wb::core::detail {

/// Uniform integer in [0, n) from a 64-bit engine; portable (unlike std distributions,
/// whose algorithms differ between standard libraries), so seeds reproduce everywhere.
inline std::uint64_t below(std::mt19937_64 &rng, std::uint64_t n)
{
    return std::uint64_t((static_cast<unsigned __int128>(rng()) * n) >> 64);
}

/// Portable Fisher–Yates shuffle.
template <typename T>
void shuffle(std::vector<T> &v, std::mt19937_64 &rng)
{
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[below(rng, i)]);
}

/// Derives independent seeds for sub-streams (splitmix64 finaliser).
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ull * (stream + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace wb::core::detail
