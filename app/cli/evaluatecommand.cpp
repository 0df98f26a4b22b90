#include "evaluatecommand.h"
#include "commands.h"

#include "jsonout.h"
#include "terminalprogress.h"
#include "wb/dataconfig.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/evaluation.h"
#include "wb/tsne.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

namespace wb::app {

using nlohmann::json;

int runEvaluate(const EvaluateOptions &o)
{
    const core::Session session(o.session, core::Session::Mode::ReadOnly);
    const core::RunRecord run = session.run(o.run);
    const core::DatasetPair data = loadRunData(session, run, o.json);
    const core::Evaluation e = core::evaluateRun(session, o.run, o.epoch, data, o.beta, o.tsne || !o.features.empty());
    const auto n = e.labels.size();
    if (!o.features.empty()) {
        std::ofstream out(o.features);
        for (std::size_t i = 0; i < n && out; ++i) {
            for (std::int64_t k = 0; k < e.featureDim; ++k)
                out << (k ? "," : "") << e.features[i * std::size_t(e.featureDim) + std::size_t(k)];
            out << '\n';
        }
        if (!out)
            throw core::Error(core::ErrorCode::Io, o.features + ": cannot be written");
    }
    json confused = json::array();
    for (const auto &p : e.confused)
        confused.push_back({{"true", p.truth}, {"predicted", p.predicted}, {"count", p.count}});
    json out = {{"run_id", o.run},
                {"epoch", e.epoch},
                {"test_images", n},
                {"test_accuracy", number(e.metrics.accuracy)},
                {"test_loss", number(e.metrics.loss)},
                {"smoothed_accuracy", number(e.metrics.smoothedAccuracy)},
                {"per_class_accuracy", toJson(e.metrics)["per_class_accuracy"]},
                {"confusion", e.metrics.confusion},
                {"most_confused", confused},
                {"ece", number(e.calibrated.ece)},
                {"reject", {{"threshold", e.reject.threshold}, {"errors", e.reject.errors},
                            {"rejected", e.reject.rejected}, {"error_rate", json::array()}}}};
    for (double r : e.reject.errorRate)
        out["reject"]["error_rate"].push_back(number(r));
    std::optional<core::TsneResult> t;
    core::TsneOptions to;
    if (o.tsne) {
        to.perplexity = std::min(o.perplexity, core::maxTsnePerplexity(n));
        to.seed = o.seed;
        to.method = o.method;
        TerminalProgress progress(o.json);
        t = core::tsne(e.features, n, std::size_t(e.featureDim), to, &progress);
        progress.finish();
        out["tsne"] = {{"seconds", t->seconds}, {"kl", t->kl}, {"method", core::tsneMethodName(t->method)},
                       {"points", t->embedding}};
    }
    // Stored as the run's last evaluation (and its t-SNE), as the app does: the app shows it
    // on reopen and File → Export All Plots draws it. A read-only session is evaluated anyway.
    try {
        core::Session writable(o.session, core::Session::Mode::ReadWrite);
        core::storeEvaluation(writable, o.run, e);
        if (t)
            core::storeTsne(writable, o.run, e.epoch, *t, to);
        out["stored"] = true;
    } catch (const core::Error &err) {
        out["stored"] = false;
        std::fprintf(stderr, "note: the evaluation was not stored in the session: %s\n", err.what());
    }
    if (o.json) {
        std::cout << out.dump() << std::endl;
        return 0;
    }
    std::printf("run %lld at epoch %d on %zu test images: accuracy %.4f, loss %.4f, smoothed accuracy %.4f, ECE %.4f\n",
                static_cast<long long>(o.run), e.epoch, n, e.metrics.accuracy, e.metrics.loss,
                e.metrics.smoothedAccuracy, e.calibrated.ece);
    std::printf("confusion (rows = true class, columns = predicted):\n");
    for (const auto &row : e.metrics.confusion) {
        for (auto v : row)
            std::printf("%6lld", static_cast<long long>(v));
        std::printf("\n");
    }
    std::printf("most confused (true → predicted: count):");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, e.confused.size()); ++i)
        std::printf(" %d→%d: %lld;", e.confused[i].truth, e.confused[i].predicted,
                    static_cast<long long>(e.confused[i].count));
    std::printf("\n");
    if (o.tsne)
        std::printf("t-SNE: %.2f s, KL %.4f\n", out["tsne"]["seconds"].get<double>(), out["tsne"]["kl"].get<double>());
    return 0;
}

} // namespace wb::app
