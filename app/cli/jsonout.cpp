#include "jsonout.h"

#include <cmath>
#include <cstdio>

namespace wb::app {

std::string fixedText(double v, int digits)
{
    if (!std::isfinite(v))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

std::string printable(const std::string &text)
{
    std::string out = text;
    for (char &c : out)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            c = '?';
    return out;
}

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json toJson(const core::RunRecord &r)
{
    return {{"run_id", r.id},
            {"name", r.name},
            {"status", core::runStatusName(r.status)},
            {"dataset_id", r.datasetId},
            {"architecture_id", r.architectureId},
            {"device", r.device},
            {"created", r.created},
            {"started", r.started},
            {"finished", r.finished},
            {"epochs", r.epochsDone},
            {"test_loss", number(r.testLoss)},
            {"test_accuracy", number(r.testAccuracy)},
            {"test_smoothed_accuracy", number(r.testSmoothedAccuracy)},
            {"parameters", r.parameters},
            {"train_seconds", number(r.trainSeconds)},
            {"message", r.message}};
}

json toJson(const core::History &h)
{
    json epochs = json::array();
    for (const auto &e : h.epochs)
        epochs.push_back({{"epoch", e.epoch},
                          {"train_loss", number(e.trainLoss)},
                          {"train_accuracy", number(e.trainAccuracy)},
                          {"val_loss", number(e.valLoss)},
                          {"val_accuracy", number(e.valAccuracy)},
                          {"val_smoothed_accuracy", number(e.valSmoothedAccuracy)},
                          {"seconds", number(e.seconds)},
                          {"lr", number(e.lr)}});
    json step = json::array(), epoch = json::array(), loss = json::array(),
         accuracy = json::array(), lr = json::array();
    for (const auto &b : h.batches) {
        step.push_back(b.step);
        epoch.push_back(b.epoch);
        loss.push_back(number(b.loss));
        accuracy.push_back(number(b.accuracy));
        lr.push_back(number(b.lr));
    }
    return {{"epochs", epochs},
            {"batches",
             {{"step", step}, {"epoch", epoch}, {"loss", loss}, {"accuracy", accuracy}, {"lr", lr}}}};
}

json toJson(const core::EvalResult &e)
{
    json perClass = json::array();
    for (double v : e.perClassAccuracy)
        perClass.push_back(number(v));
    return {{"loss", number(e.loss)},
            {"accuracy", number(e.accuracy)},
            {"smoothed_accuracy", number(e.smoothedAccuracy)},
            {"per_class_accuracy", perClass},
            {"confusion", e.confusion},
            {"count", e.count}};
}

json toJson(const core::ShapeReport &r)
{
    json layers = json::array();
    for (std::size_t i = 0; i < r.layers.size(); ++i)
        layers.push_back({{"index", i + 1},
                          {"type", r.layers[i].type},
                          {"summary", r.layers[i].summary},
                          {"output", r.layers[i].output},
                          {"parameters", r.layers[i].parameters},
                          {"macs", r.layers[i].macs},
                          {"flops", r.layers[i].flops}});
    return {{"layers", layers},
            {"parameters", r.totalParameters},
            {"macs", r.totalMacs},
            {"flops", r.totalFlops},
            {"feature_dim", r.featureDim}};
}

} // namespace wb::app
