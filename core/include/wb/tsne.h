#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// How the repulsive forces are computed.
enum class TsneMethod
{
    Auto,      ///< FFT interpolation from kTsneFftFromPoints points on, Barnes–Hut below
    Fft,       ///< interpolation onto a grid and FFT convolution (FIt-SNE): O(n) per iteration
    BarnesHut, ///< quadtree with opening angle theta: O(n log n) per iteration
};

/// From this many points on, TsneMethod::Auto uses the FFT method: below, the grouped Barnes–Hut
/// is faster (measured on 2 cores: 2.75 s vs 12.9 s at 10,000 points, 16.3 s vs 17.2 s at 40,000;
/// at 80,000 the FFT method wins, 37.0 s vs 42.8 s).
constexpr std::size_t kTsneFftFromPoints = 50000;

/// "fft" / "barnes-hut" / "auto", and back (false for an unknown name).
const char *tsneMethodName(TsneMethod method);
bool parseTsneMethod(const std::string &name, TsneMethod &method);

/// The largest perplexity n points allow: (n − 1)/3 (each point needs 3·perplexity neighbours).
inline double maxTsnePerplexity(std::size_t n)
{
    return n > 1 ? double(n - 1) / 3.0 : 0.0;
}

/// Options of the t-SNE.
struct TsneOptions
{
    double perplexity = 30;
    int iterations = 1000;
    double earlyExaggeration = 12;
    int exaggerationIterations = 250;
    double learningRate = 0;  ///< 0 = auto: max(n / earlyExaggeration / 4, 50), as scikit-learn
    TsneMethod method = TsneMethod::Auto;
    double theta = 0.5;       ///< Barnes–Hut accuracy (0 = exact repulsion)
    std::uint64_t seed = 1;
    int threads = 0;          ///< 0 = all cores
};

/// An embedding: row-major [n, 2], the final KL divergence (on the sparse input
/// similarities, with the normalisation Z as approximated by the method) and timing.
struct TsneResult
{
    std::vector<double> embedding;
    double kl = 0;
    double seconds = 0;
    int iterations = 0;
    bool cancelled = false;
    TsneMethod method = TsneMethod::BarnesHut; ///< the method used (Auto resolved)
};

/// t-SNE of row-major points x[n][d] into 2-D: exact k-nearest neighbours (k = 3·perplexity)
/// by blocked matrix products, per-point Gaussian bandwidths by bisection on the perplexity,
/// symmetric sparse P, PCA initialisation (deterministic), gradient descent with momentum
/// and gains; repulsive forces by FFT interpolation or a Barnes–Hut quadtree (options.method),
/// parallel over points. Reports
/// progress with the current KL divergence every 50 iterations and stops early when
/// cancelled (result.cancelled). Deterministic for a fixed seed and thread count.
TsneResult tsne(const std::vector<float> &x, std::size_t n, std::size_t d, const TsneOptions &options,
                ProgressSink *progress = nullptr);

/// The first two principal components of row-major x[n][d] (row-major [n, 2]): the instant
/// alternative to t-SNE. Deterministic up to the sign of each component (fixed here so
/// that the largest loading is positive).
std::vector<double> pca2(const std::vector<float> &x, std::size_t n, std::size_t d);

/// Trustworthiness (Venna & Kaski) of an embedding with k neighbours, in [0, 1]: 1 when every
/// embedded neighbourhood consists of true neighbours. O(n²) — for evaluation.
double trustworthiness(const std::vector<float> &x, std::size_t n, std::size_t d,
                       const std::vector<double> &embedding, int k = 10);

} // namespace wb::core
