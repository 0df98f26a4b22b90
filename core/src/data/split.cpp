#include "wb/split.h"
#include "wb/errors.h"
#include "util/random.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace wb::core {

SplitIndices randomSplit(const std::vector<std::int64_t> &labels, double fraction,
                         std::uint64_t seed, bool stratified)
{
    if (!(fraction >= 0.0 && fraction < 1.0))
        throw Error(ErrorCode::InvalidArgument,
                    "validation fraction must be in [0, 1), got " + std::to_string(fraction));
    std::mt19937_64 rng(detail::mixSeed(seed, 11));
    SplitIndices out;
    auto take = [&](std::vector<std::size_t> idx) {
        detail::shuffle(idx, rng);
        const auto nVal = std::size_t(std::llround(fraction * double(idx.size())));
        out.validation.insert(out.validation.end(), idx.begin(), idx.begin() + nVal);
        out.train.insert(out.train.end(), idx.begin() + nVal, idx.end());
    };
    if (stratified) {
        std::map<std::int64_t, std::vector<std::size_t>> byClass;
        for (std::size_t i = 0; i < labels.size(); ++i)
            byClass[labels[i]].push_back(i);
        for (auto &[label, idx] : byClass)
            take(std::move(idx));
    } else {
        std::vector<std::size_t> all(labels.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        take(std::move(all));
    }
    std::sort(out.train.begin(), out.train.end());
    std::sort(out.validation.begin(), out.validation.end());
    return out;
}

std::vector<std::size_t> randomSubset(std::size_t n, std::size_t count, std::uint64_t seed)
{
    if (count > n)
        throw Error(ErrorCode::InvalidArgument, "cannot draw " + std::to_string(count)
                                                    + " samples out of " + std::to_string(n));
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i)
        all[i] = i;
    std::mt19937_64 rng(detail::mixSeed(seed, 7));
    // Partial Fisher–Yates: only the first `count` positions are needed.
    for (std::size_t i = 0; i < count; ++i)
        std::swap(all[i], all[i + detail::below(rng, n - i)]);
    all.resize(count);
    std::sort(all.begin(), all.end());
    return all;
}

std::vector<std::size_t> pick(const std::vector<std::size_t> &indices,
                              const std::vector<std::size_t> &positions)
{
    std::vector<std::size_t> out;
    out.reserve(positions.size());
    for (auto p : positions) {
        if (p >= indices.size())
            throw Error(ErrorCode::InvalidArgument, "position out of range");
        out.push_back(indices[p]);
    }
    return out;
}

} // namespace wb::core
