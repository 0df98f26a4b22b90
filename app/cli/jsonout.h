#pragma once

#include "wb/history.h"
#include "wb/metrics.h"
#include "wb/modelspec.h"
#include "wb/session.h"

#include <nlohmann/json.hpp>

namespace wb::app {

/// `text` with control characters (terminal escape sequences among them) shown as '?', for
/// printing names and messages that come from files.
std::string printable(const std::string &text);

/// `v` with `digits` decimals, or "-" for NaN/Inf, for tables.
std::string fixedText(double v, int digits = 4);

/// JSON number, or null for NaN/Inf (JSON has no NaN).
nlohmann::json number(double v);

nlohmann::json toJson(const core::RunRecord &run);
nlohmann::json toJson(const core::History &history);
nlohmann::json toJson(const core::EvalResult &eval);
nlohmann::json toJson(const core::ShapeReport &report);

} // namespace wb::app
