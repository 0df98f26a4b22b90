// The scaling grid's config: widths, fractions, budget, its JSON form, the cell index and the
// nested stratified order of the training images.
#include "wb/gridstudy.h"

#include "studies/gridtext.h"
#include "util/jsonutil.h"
#include "util/random.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace wb::core {

namespace {
constexpr int kMaxCells = 100000;

using detail::fractionText;
} // namespace

std::vector<int> gridWidths(int base, int steps)
{
    if (base < 1 || base > 65536)
        throw Error(ErrorCode::InvalidArgument, "base width " + std::to_string(base) + ": expected 1 to 65536");
    if (steps < 1 || steps > 40)
        throw Error(ErrorCode::InvalidArgument, "width steps " + std::to_string(steps) + ": expected 1 to 40");
    std::vector<int> widths;
    for (int k = 0; k < steps; ++k) {
        // floor(base · √2^k) exactly: √2^k = 2^(k/2) · (√2 when k is odd); the epsilon keeps
        // an integral product (base 6, k = 2: 12) from flooring to one less.
        const double w = std::floor(double(base) * std::pow(2.0, k / 2) * (k % 2 ? std::sqrt(2.0) : 1.0) + 1e-9);
        if (w > 65536)
            throw Error(ErrorCode::InvalidArgument, "width steps " + std::to_string(steps) + " from base "
                                                        + std::to_string(base) + " pass width 65536");
        if (widths.empty() || int(w) != widths.back())
            widths.push_back(int(w));
    }
    return widths;
}

std::vector<double> gridFractions(int steps)
{
    if (steps < 1 || steps > 30)
        throw Error(ErrorCode::InvalidArgument, "fraction steps " + std::to_string(steps) + ": expected 1 to 30");
    std::vector<double> f;
    for (int j = 0; j < steps; ++j)
        f.push_back(std::ldexp(1.0, -j));
    return f;
}

void validate(const GridConfig &c)
{
    if (c.widths.empty())
        throw Error(ErrorCode::InvalidArgument, "widths: at least one width is needed");
    for (std::size_t i = 0; i < c.widths.size(); ++i) {
        if (c.widths[i] < 1 || c.widths[i] > 65536)
            throw Error(ErrorCode::InvalidArgument, "widths: " + std::to_string(c.widths[i]) + " is not 1 to 65536");
        if (i > 0 && c.widths[i] <= c.widths[i - 1])
            throw Error(ErrorCode::InvalidArgument, "widths: expected distinct widths in ascending order, got "
                                                        + std::to_string(c.widths[i - 1]) + " then "
                                                        + std::to_string(c.widths[i]));
    }
    if (c.fractions.empty())
        throw Error(ErrorCode::InvalidArgument, "fractions: at least one fraction is needed");
    for (std::size_t i = 0; i < c.fractions.size(); ++i) {
        const double f = c.fractions[i];
        if (!(f > 0 && f <= 1))
            throw Error(ErrorCode::InvalidArgument, "fractions: " + fractionText(f) + " is not in (0, 1]");
        if (i > 0 && f >= c.fractions[i - 1])
            throw Error(ErrorCode::InvalidArgument, "fractions: expected distinct fractions in descending order, got "
                                                        + fractionText(c.fractions[i - 1]) + " then " + fractionText(f));
    }
    if (c.seeds < 1 || c.seeds > 1000)
        throw Error(ErrorCode::InvalidArgument, "seeds: " + std::to_string(c.seeds) + " is not 1 to 1000");
    if (double(c.widths.size()) * double(c.fractions.size()) * double(c.seeds) > kMaxCells)
        throw Error(ErrorCode::InvalidArgument, "the grid has more than " + std::to_string(kMaxCells)
                                                    + " cells (widths × fractions × seeds)");
    if (c.budget != "steps" && c.budget != "epochs")
        throw Error(ErrorCode::InvalidArgument, "budget: '" + c.budget + "' (expected steps or epochs)");
    if (c.trainSize < 0 || c.testSize < 0)
        throw Error(ErrorCode::InvalidArgument, "train size and test size: 0 (all) or more");
    if (c.limitMode != "random" && c.limitMode != "first")
        throw Error(ErrorCode::InvalidArgument, "limit mode: '" + c.limitMode + "' (expected random or first)");
    if (c.workers < 0 || c.workers > 4096)
        throw Error(ErrorCode::InvalidArgument, "workers: " + std::to_string(c.workers) + " is not 0 (automatic) to 4096");
}

std::string toJson(const GridConfig &c)
{
    return nlohmann::json{{"widths", c.widths},         {"fractions", c.fractions},     {"seeds", c.seeds},
                          {"budget", c.budget},         {"train_size", c.trainSize},   {"test_size", c.testSize},
                          {"limit_mode", c.limitMode},  {"seed", c.seed},               {"workers", c.workers}}
        .dump();
}

GridConfig gridConfigFromJson(const std::string &text)
{
    GridConfig c;
    const std::string context = "a stored grid config is damaged";
    try {
        const auto j = nlohmann::json::parse(text);
        c.widths = json::integers<int>(j.at("widths"), "widths", context);
        c.fractions = j.at("fractions").get<std::vector<double>>();
        c.seeds = json::integerOr<int>(j, "seeds", 1, context);
        c.budget = j.value("budget", "steps");
        c.trainSize = json::integerOr<std::int64_t>(j, "train_size", 0, context);
        c.testSize = json::integerOr<std::int64_t>(j, "test_size", 0, context);
        c.limitMode = j.value("limit_mode", "random");
        c.seed = json::integerOr<std::uint64_t>(j, "seed", 1, context);
        c.workers = json::integerOr<int>(j, "workers", 0, context);
    } catch (const nlohmann::json::exception &e) {
        throw Error(ErrorCode::Session, context + ": " + json::message(e));
    }
    try {
        validate(c);
    } catch (const Error &e) {
        throw Error(ErrorCode::Session, context + ": " + e.what());
    }
    return c;
}

GridCellKey gridCellKey(const GridConfig &c, int cell)
{
    const int S = c.seeds, F = int(c.fractions.size());
    return {cell / (S * F), (cell / S) % F, cell % S};
}

std::vector<std::size_t> stratifiedOrder(const std::vector<std::int64_t> &labels, std::uint64_t seed)
{
    // Each class is shuffled; its j-th image (of n_c) gets the key (j + u) / n_c with u uniform
    // in [0, 1), and the order sorts by key. Any prefix of length m then holds m · n_c / n
    // images of class c to within about one, and the classes interleave at random.
    std::map<std::int64_t, std::vector<std::size_t>> byClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    std::mt19937_64 rng(detail::mixSeed(seed, 31));
    std::vector<std::pair<double, std::size_t>> keyed;
    keyed.reserve(labels.size());
    for (auto &[label, members] : byClass) {
        detail::shuffle(members, rng);
        const double n = double(members.size());
        for (std::size_t j = 0; j < members.size(); ++j) {
            const double u = double(rng() >> 11) * 0x1.0p-53;
            keyed.emplace_back((double(j) + u) / n, members[j]);
        }
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::size_t> order;
    order.reserve(keyed.size());
    for (const auto &k : keyed)
        order.push_back(k.second);
    return order;
}

} // namespace wb::core
