// Evaluations stored in a session (result kind "evaluation"), so that the app shows and
// exports them again on reopen without recomputing.
#include "wb/evaluation.h"

#include "util/jsonutil.h"
#include "wb/errors.h"
#include "wb/tsne.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

namespace wb::core {

namespace {

constexpr const char *kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const std::string &bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size())
            v |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        if (i + 2 < bytes.size())
            v |= std::uint8_t(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
    }
    return out;
}

// Strict: length a multiple of 4, only the alphabet, '=' only as padding at the end.
bool unbase64(const std::string &text, std::string &out)
{
    if (text.size() % 4 != 0)
        return false;
    out.clear();
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::uint32_t v = 0;
        int pad = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = text[i + k];
            const char *at = c ? std::strchr(kAlphabet, c) : nullptr;
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                ++pad;
                v <<= 6;
                continue;
            }
            if (!at || pad)
                return false;
            v = (v << 6) | std::uint32_t(at - kAlphabet);
        }
        out += char((v >> 16) & 255);
        if (pad < 2)
            out += char((v >> 8) & 255);
        if (pad < 1)
            out += char(v & 255);
    }
    return true;
}

} // namespace

std::string evaluationToJson(const Evaluation &e, std::int64_t runId)
{
    // The logits' bytes as this (little-endian) machine holds them: exact, and a third of decimal text.
    const std::string bytes(reinterpret_cast<const char *>(e.logits.data()), e.logits.size() * sizeof(float));
    return nlohmann::json{{"run", runId},
                          {"epoch", e.epoch},
                          {"beta", e.beta},
                          {"classes", e.classes},
                          {"test_indices", e.testIndices},
                          {"labels", e.labels},
                          {"logits_f32_base64", base64(bytes)}}
        .dump();
}

Evaluation evaluationFromJson(const std::string &text, const std::string &what)
{
    json::Reader r(text, what);
    std::int64_t run = 0;
    int epoch = 0, classes = 0;
    double beta = 3.0;
    std::vector<std::int64_t> testIndices, labels;
    std::string logitsText;
    r.get("run", run);
    r.get("epoch", epoch);
    r.get("beta", beta);
    r.get("classes", classes);
    r.get("test_indices", testIndices);
    r.get("labels", labels);
    r.get("logits_f32_base64", logitsText);
    r.finish();
    auto bad = [&](const std::string &m) { throw Error(ErrorCode::Session, what + ": " + m); };
    if (classes < 2 || classes > 10000) // the confusion matrix is classes²
        bad("field 'classes' must be from 2 to 10000, got " + std::to_string(classes));
    if (!(beta > 0 && std::isfinite(beta)))
        bad("field 'beta' must be a positive number");
    if (labels.empty() || labels.size() != testIndices.size())
        bad("'labels' and 'test_indices' must be non-empty and of the same length");
    for (const auto i : testIndices)
        if (i < 0)
            bad("a test index (" + std::to_string(i) + ") is negative");
    for (const auto l : labels)
        if (l < 0 || l >= classes)
            bad("a label (" + std::to_string(l) + ") is outside 0.." + std::to_string(classes - 1));
    std::string bytes;
    if (!unbase64(logitsText, bytes))
        bad("field 'logits_f32_base64' is not base64");
    if (bytes.size() != labels.size() * std::size_t(classes) * sizeof(float))
        bad("field 'logits_f32_base64' holds " + std::to_string(bytes.size() / sizeof(float)) + " logits, expected "
            + std::to_string(labels.size()) + " x " + std::to_string(classes));
    std::vector<float> logits(labels.size() * std::size_t(classes));
    std::memcpy(logits.data(), bytes.data(), bytes.size());
    for (const float z : logits)
        if (!std::isfinite(z))
            bad("a logit is not finite");
    Evaluation e = evaluatePredictions(logits, labels, classes, beta);
    e.testIndices.assign(testIndices.begin(), testIndices.end()); // checked against the data where used
    e.epoch = epoch;
    return e;
}

void storeEvaluation(Session &session, std::int64_t runId, const Evaluation &evaluation)
{
    ResultRecord record;
    record.kind = "evaluation";
    record.runId = runId;
    record.name = "evaluation of run " + std::to_string(runId) + " at epoch " + std::to_string(evaluation.epoch);
    record.payloadJson = evaluationToJson(evaluation, runId);
    session.replaceResult(record);
}

std::optional<Evaluation> storedEvaluation(const Session &session, std::int64_t runId)
{
    const auto results = session.runResults("evaluation", runId); // one (replaceResult), or none
    if (results.empty())
        return std::nullopt;
    const ResultRecord *last = &results.back();
    const std::string what = session.path() + ": evaluation of run " + std::to_string(runId);
    Evaluation e = evaluationFromJson(last->payloadJson, what);
    const auto classes = session.dataset(session.run(runId).datasetId).classNames.size();
    if (std::size_t(e.classes) != classes)
        throw Error(ErrorCode::Session, what + ": " + std::to_string(e.classes) + " classes, but the run's dataset has "
                                            + std::to_string(classes));
    return e;
}

void storeTsne(Session &session, std::int64_t runId, int epoch, const TsneResult &result, const TsneOptions &options)
{
    ResultRecord record;
    record.kind = "tsne";
    record.runId = runId;
    record.name = "t-SNE of run " + std::to_string(runId) + " epoch " + std::to_string(epoch);
    record.payloadJson = nlohmann::json{{"run", runId}, {"epoch", epoch}, {"kl", result.kl},
                                        {"seconds", result.seconds}, {"method", tsneMethodName(result.method)},
                                        {"perplexity", options.perplexity}, {"iterations", result.iterations},
                                        {"seed", options.seed}, {"points", result.embedding}}
                             .dump();
    session.addResult(record);
}

std::vector<double> storedTsnePoints(const Session &session, std::int64_t runId, int epoch, std::size_t count)
{
    std::vector<double> newest;
    for (const auto &r : session.runResults("tsne", runId)) {
        const auto j = nlohmann::json::parse(r.payloadJson, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("points") || !j["points"].is_array()
            || !j.contains("epoch") || !j["epoch"].is_number_integer() || j["epoch"].get<std::int64_t>() != epoch
            || j["points"].size() != 2 * count)
            continue;
        std::vector<double> points;
        for (const auto &v : j["points"]) {
            if (!v.is_number() || !std::isfinite(v.get<double>()))
                break;
            points.push_back(v.get<double>());
        }
        if (points.size() == 2 * count)
            newest = std::move(points);
    }
    return newest;
}

} // namespace wb::core
