// Which strategy to pick a real pool with, from the evidence of the session's simulated
// active-learning studies on the same data.
#include "wb/activeloop.h"

#include "wb/activestudy.h"
#include "wb/poolpick.h"

#include <algorithm>
#include <cstdio>

namespace wb::core {

namespace {

std::string levelText(double level)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", level);
    return text;
}

std::string neededText(const LabelsNeeded &n, std::int64_t maxLabels)
{
    if (n.median)
        return std::to_string(std::int64_t(*n.median + 0.5));
    return "> " + std::to_string(maxLabels);
}

} // namespace

StrategyAdvice adviseStrategy(const Session &session, const std::string &fingerprint)
{
    StrategyAdvice best;
    double bestLevel = -1;
    std::vector<DatasetRecord> datasets = session.datasets();
    const auto &usable = poolStrategyNames();
    for (const auto &study : session.studies()) {
        if (study.type != "active" || study.cellsDone == 0)
            continue;
        const bool same = std::any_of(datasets.begin(), datasets.end(), [&](const DatasetRecord &d) {
            return d.id == study.datasetId && d.fingerprint == fingerprint;
        });
        if (!same)
            continue;
        ActiveStudyResult r;
        try {
            r = activeResultFromStudy(session, study.id);
        } catch (const std::exception &) {
            continue; // a study that cannot be read gives no evidence
        }
        const std::int64_t maxLabels = r.labels.empty() ? 0 : r.labels.back();
        // The highest accuracy level some strategy reached; the fewest labels there wins.
        for (std::size_t l = r.levels.size(); l-- > 0;) {
            const ActiveStrategyResult *winner = nullptr;
            for (const auto &s : r.strategies)
                if (std::find(usable.begin(), usable.end(), s.name) != usable.end() && l < s.needed.size()
                    && s.needed[l].median && (!winner || *s.needed[l].median < *winner->needed[l].median))
                    winner = &s;
            if (!winner)
                continue;
            if (r.levels[l] > bestLevel) {
                bestLevel = r.levels[l];
                best.strategy = winner->name;
                best.studyId = study.id;
                best.reason = winner->name + ": " + neededText(winner->needed[l], maxLabels) + " labels to "
                              + levelText(r.levels[l]) + " in study " + std::to_string(study.id);
                for (const auto &s : r.strategies)
                    if (&s != winner && l < s.needed.size())
                        best.reason += ", " + s.name + " " + neededText(s.needed[l], maxLabels);
            }
            break;
        }
    }
    return best;
}

} // namespace wb::core
