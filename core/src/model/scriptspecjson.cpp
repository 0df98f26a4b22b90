#include "model/scriptspec.h"
#include "util/sha256.h"

#include "wb/errors.h"

#include <set>

namespace wb::core::detail {

namespace {

std::vector<std::string> prefixList(const nlohmann::json &j, const std::string &field,
                                    const std::string &origin)
{
    std::vector<std::string> out;
    if (!j.contains(field))
        return out;
    if (!j[field].is_array())
        throw Error(ErrorCode::BadSpec, origin + ": 'script." + field + "' must be an array of strings");
    for (const auto &v : j[field]) {
        if (!v.is_string())
            throw Error(ErrorCode::BadSpec, origin + ": 'script." + field + "' must be an array of strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

} // namespace

void checkScriptOptions(const ScriptModel &m, const std::string &origin)
{
    if (m.init != "scratch" && m.init != "file")
        throw Error(ErrorCode::BadSpec, origin + ": init '" + m.init + "': expected scratch or file");
    if (m.inputNorm != "dataset" && m.inputNorm != "imagenet" && m.inputNorm != "none")
        throw Error(ErrorCode::BadSpec,
                    origin + ": input-norm '" + m.inputNorm + "': expected dataset, imagenet or none");
    if (!m.freeze.empty() && !m.trainOnly.empty())
        throw Error(ErrorCode::BadSpec, origin + ": freeze and train-only exclude each other: give one");
    for (const auto *list : {&m.freeze, &m.trainOnly})
        for (const auto &p : *list)
            if (p.empty() || p.front() == '.' || p.back() == '.')
                throw Error(ErrorCode::BadSpec, origin + ": parameter prefix '" + p
                                                    + "': expected a name such as layer1 or layer1.0.conv1");
}

std::shared_ptr<const ScriptModel> parseScriptJson(const nlohmann::json &j, const std::string &origin)
{
    auto fail = [&](const std::string &what) { throw Error(ErrorCode::BadSpec, origin + ": " + what); };
    if (!j.is_object())
        fail("'script' must be an object");
    static const std::set<std::string> known = {"file", "sha256", "bytes_base64", "init", "freeze",
                                                "train_only", "new_head", "input_norm"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!known.count(it.key()))
            fail("unknown field 'script." + it.key() + "'");
    auto m = std::make_shared<ScriptModel>();
    auto text = [&](const char *field, std::string &out, bool required) {
        if (!j.contains(field)) {
            if (required)
                fail("'script." + std::string(field) + "' is missing");
            return;
        }
        if (!j[field].is_string())
            fail("'script." + std::string(field) + "' must be a string");
        out = j[field].get<std::string>();
    };
    std::string encoded;
    text("file", m->fileName, true);
    text("sha256", m->sha256, true);
    text("bytes_base64", encoded, true);
    text("init", m->init, false);
    text("input_norm", m->inputNorm, false);
    if (j.contains("new_head")) {
        if (!j["new_head"].is_boolean())
            fail("'script.new_head' must be true or false");
        m->newHead = j["new_head"].get<bool>();
    }
    m->freeze = prefixList(j, "freeze", origin);
    m->trainOnly = prefixList(j, "train_only", origin);
    if (encoded.size() / 4 * 3 > kMaxScriptBytes)
        fail("'script.bytes_base64' holds more than the 256 MB a model file may have");
    if (!base64Decode(encoded, m->bytes))
        fail("'script.bytes_base64' is not base64");
    const std::string actual = sha256Hex(m->bytes);
    if (actual != m->sha256)
        fail("the model file " + m->fileName + " carried here is damaged: its SHA-256 is " + actual
             + ", the spec says " + m->sha256);
    checkScriptOptions(*m, origin);
    return m;
}

nlohmann::json scriptJson(const ScriptModel &m)
{
    nlohmann::json j;
    j["file"] = m.fileName;
    j["sha256"] = m.sha256;
    j["init"] = m.init;
    j["input_norm"] = m.inputNorm;
    j["new_head"] = m.newHead;
    if (!m.freeze.empty())
        j["freeze"] = m.freeze;
    if (!m.trainOnly.empty())
        j["train_only"] = m.trainOnly;
    j["bytes_base64"] = base64Encode(m.bytes);
    return j;
}

} // namespace wb::core::detail
