#include "wb/metrics.h"
#include "wb/errors.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb::core {

std::vector<std::vector<std::int64_t>> confusionMatrix(const std::vector<std::int64_t> &truth,
                                                       const std::vector<std::int64_t> &predicted,
                                                       int classes)
{
    if (truth.size() != predicted.size())
        throw Error(ErrorCode::InvalidArgument, "confusion: label and prediction counts differ");
    std::vector<std::vector<std::int64_t>> m(std::size_t(classes),
                                             std::vector<std::int64_t>(std::size_t(classes), 0));
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
            throw Error(ErrorCode::InvalidArgument, "confusion: class index out of range");
        ++m[std::size_t(truth[i])][std::size_t(predicted[i])];
    }
    return m;
}

EvalResult evaluateLogits(const std::vector<float> &logits, const std::vector<std::int64_t> &labels,
                          int classes, double beta)
{
    const std::size_t n = labels.size();
    if (classes < 1 || logits.size() != n * std::size_t(classes))
        throw Error(ErrorCode::InvalidArgument, "evaluate: logits must be [n, classes]");
    EvalResult r;
    r.count = std::int64_t(n);
    std::vector<std::int64_t> predicted(n);
    double lossSum = 0, smoothSum = 0;
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float *z = logits.data() + i * std::size_t(classes);
        const auto y = std::size_t(labels[i]);
        // Numerically stable log-softmax, at temperature 1 and at β.
        const double zmax = *std::max_element(z, z + classes);
        double sum = 0, sumBeta = 0;
        for (int k = 0; k < classes; ++k) {
            sum += std::exp(double(z[k]) - zmax);
            sumBeta += std::exp(beta * (double(z[k]) - zmax));
        }
        lossSum += -(double(z[y]) - zmax - std::log(sum));
        smoothSum += std::exp(beta * (double(z[y]) - zmax)) / sumBeta;
        predicted[i] = std::max_element(z, z + classes) - z;
        correct += predicted[i] == labels[i];
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.loss = n ? lossSum / double(n) : nan;
    r.accuracy = n ? double(correct) / double(n) : nan;
    r.smoothedAccuracy = n ? smoothSum / double(n) : nan;
    r.confusion = confusionMatrix(labels, predicted, classes);
    r.perClassAccuracy.assign(std::size_t(classes), nan);
    for (int k = 0; k < classes; ++k) {
        std::int64_t total = 0;
        for (auto c : r.confusion[std::size_t(k)])
            total += c;
        if (total > 0)
            r.perClassAccuracy[std::size_t(k)] = double(r.confusion[std::size_t(k)][std::size_t(k)]) / double(total);
    }
    return r;
}

} // namespace wb::core
