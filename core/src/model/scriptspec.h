#pragma once

// Core-private: the JSON form of a ScriptModel inside a spec, and the shape report of a
// TorchScript spec (a dry forward pass; scriptmodule.cpp).
#include "wb/modelspec.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace wb::core::detail {

/// Largest TorchScript file a spec carries (bytes).
constexpr std::size_t kMaxScriptBytes = std::size_t(256) << 20;

/// Checks the options of a ScriptModel (init, input_norm, prefixes); throws
/// Error(BadSpec) naming `origin` and the field.
void checkScriptOptions(const ScriptModel &m, const std::string &origin);

/// Reads the "script" object of a spec: options, the base64 bytes and their SHA-256 (which
/// must match). Throws Error(BadSpec) naming `origin` and the field.
std::shared_ptr<const ScriptModel> parseScriptJson(const nlohmann::json &j, const std::string &origin);

/// The "script" object of a spec (with the bytes, base64).
nlohmann::json scriptJson(const ScriptModel &m);

/// Shape inference of a TorchScript spec: loads and prepares the module, one dry forward
/// pass on two grey images. Throws Error(BadSpec) with what is wrong.
ShapeReport scriptShapes(const ModelSpec &spec);

} // namespace wb::core::detail
