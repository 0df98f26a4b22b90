#include "wb/modelspec.h"
#include "model/scriptspec.h"
#include "util/jsonutil.h"
#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace wb::core {

namespace {

using Shape = std::vector<std::int64_t>;

std::string shapeText(const Shape &s)
{
    std::string out = "[";
    for (std::size_t i = 0; i < s.size(); ++i)
        out += (i ? "," : "") + std::to_string(s[i]);
    return out + "]";
}

// Accepted parameters per layer type, with defaults (NaN = required or inferred).
struct TypeInfo
{
    std::string name;
    std::vector<std::pair<std::string, double>> params;
};

const double kRequired = std::nan("");

const std::vector<TypeInfo> &typeInfos()
{
    static const std::vector<TypeInfo> infos = {
        {"conv2d", {{"in", kRequired}, {"out", kRequired}, {"kernel", kRequired}, {"stride", 1},
                    {"padding", 0}, {"bias", 1}}},
        {"maxpool2d", {{"kernel", kRequired}, {"stride", kRequired}, {"padding", 0}}},
        {"avgpool2d", {{"kernel", kRequired}, {"stride", kRequired}, {"padding", 0}}},
        {"adaptiveavgpool2d", {{"output", 1}}},
        {"batchnorm2d", {{"features", kRequired}}},
        {"batchnorm1d", {{"features", kRequired}}},
        {"dropout", {{"p", 0.5}}},
        {"flatten", {}},
        {"linear", {{"in", kRequired}, {"out", kRequired}, {"bias", 1}}},
        {"relu", {}},
        {"leakyrelu", {{"slope", 0.01}}},
        {"gelu", {}},
        {"mish", {}},
        {"tanh", {}},
        {"sigmoid", {}},
        {"residual", {{"in", kRequired}, {"out", kRequired}, {"stride", 1}, {"mish", 0}, {"avgdown", 0}, {"zeroinit", 0}}},
    };
    return infos;
}

class LayerCheck
{
public:
    LayerCheck(const LayerSpec &layer, std::size_t index) : m_layer(layer)
    {
        m_prefix = "layer " + std::to_string(index + 1) + " (" + layer.type + "): ";
    }
    [[noreturn]] void fail(const std::string &what) const
    {
        throw Error(ErrorCode::BadSpec, m_prefix + what);
    }
    bool has(const std::string &key) const { return m_layer.params.count(key) > 0; }
    double value(const std::string &key, double fallback) const
    {
        auto it = m_layer.params.find(key);
        return it == m_layer.params.end() ? fallback : it->second;
    }
    std::int64_t integer(const std::string &key, std::int64_t fallback, std::int64_t min) const
    {
        auto it = m_layer.params.find(key);
        if (it == m_layer.params.end()) {
            if (fallback < min)
                fail("needs '" + key + "'");
            return fallback;
        }
        const double v = it->second;
        if (!(std::isfinite(v) && v == std::floor(v) && v >= double(min) && v <= 1e9))
            fail("'" + key + "' must be an integer >= " + std::to_string(min) + ", got "
                 + nlohmann::json(v).dump());
        return std::int64_t(v);
    }
    // Sizes are checked in floating point before the integer arithmetic that would overflow.
    void limit(double v, const char *what) const
    {
        if (!(v <= 1e15))
            fail("would need " + nlohmann::json(v).dump() + " " + what
                 + ", more than the 10^15 this program allows (padding, sizes or widths far too large?)");
    }
    void expectRank(const Shape &in, std::size_t rank, const std::string &hint) const
    {
        if (in.size() != rank)
            fail("expects a " + std::string(rank == 1 ? "flat" : "[C,H,W]") + " input, receives "
                 + shapeText(in) + hint);
    }
    // Optional explicit input size: must match what flows in.
    std::int64_t inputSize(const std::string &key, std::int64_t actual,
                           const std::string &noun) const
    {
        if (has(key)) {
            const auto declared = integer(key, 0, 1);
            if (declared != actual)
                fail("expects " + std::to_string(declared) + " " + noun + ", receives "
                     + std::to_string(actual));
        }
        return actual;
    }
    std::string prefix() const { return m_prefix; }

private:
    const LayerSpec &m_layer;
    std::string m_prefix;
};

std::int64_t pooled(const LayerCheck &chk, std::int64_t size, std::int64_t k, std::int64_t s,
                    std::int64_t p, const char *axis)
{
    const std::int64_t out = (size + 2 * p - k) / s + 1;
    if (size + 2 * p < k || out < 1)
        chk.fail("kernel " + std::to_string(k) + " does not fit the " + axis + " "
                 + std::to_string(size) + (p ? " (padding " + std::to_string(p) + ")" : ""));
    return out;
}

std::int64_t elements(const Shape &shape)
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

LayerInfo inferLayer(const LayerSpec &layer, std::size_t index, const Shape &in)
{
    const LayerCheck chk(layer, index);
    const auto &infos = typeInfos();
    auto info = std::find_if(infos.begin(), infos.end(),
                             [&](const TypeInfo &t) { return t.name == layer.type; });
    if (info == infos.end())
        chk.fail("unknown layer type");
    for (const auto &param : layer.params) {
        const std::string &key = param.first; // (a structured binding cannot be captured in C++17)
        if (std::none_of(info->params.begin(), info->params.end(),
                         [&](const auto &p) { return p.first == key; }))
            chk.fail("unknown parameter '" + key + "'");
    }
    LayerInfo out{layer.type, layer.type, in, 0};
    const std::string &t = layer.type;
    if (t == "conv2d" || t == "residual") {
        chk.expectRank(in, 3, "");
        const auto cin = chk.inputSize("in", in[0], "input channels");
        const auto cout = chk.integer("out", -1, 1);
        const bool res = t == "residual";
        const auto k = res ? 3 : chk.integer("kernel", -1, 1);
        const auto s = chk.integer("stride", 1, 1);
        const auto p = res ? 1 : chk.integer("padding", 0, 0);
        const bool bias = !res && chk.value("bias", 1) != 0;
        out.output = {cout, pooled(chk, in[1], k, s, p, "height"),
                      pooled(chk, in[2], k, s, p, "width")};
        const std::int64_t positions = out.output[1] * out.output[2]; // each <= ~2e9: no overflow
        chk.limit(double(positions) * double(cout) * (double(cin) * double(k) * double(k) + double(cin) + 1),
                  "multiply-accumulates per image");
        if (res) {
            // Options of the "bag of tricks" block (xresnet): Mish instead of ReLU, an average-pool
            // shortcut (2x2 average pool, then a 1x1 convolution only when the channels change),
            // the second batch norm's scale starting at zero.
            const bool mish = chk.integer("mish", 0, 0) != 0, avgdown = chk.integer("avgdown", 0, 0) != 0;
            chk.integer("zeroinit", 0, 0);
            for (const char *flag : {"mish", "avgdown", "zeroinit"})
                if (chk.value(flag, 0) > 1)
                    chk.fail(std::string("'") + flag + "' must be 0 or 1");
            out.parameters = 9 * cin * cout + 9 * cout * cout + 4 * cout;
            out.macs = positions * (9 * cin * cout + 9 * cout * cout);
            // conv, bn (2), activation (1), conv, bn (2), add (1), activation (1) per output element
            out.flops = positions * cout * 7;
            const bool projection = avgdown ? cin != cout : (s != 1 || cin != cout);
            if (projection) {
                out.parameters += cin * cout + 2 * cout;
                out.macs += positions * cin * cout;
                out.flops += positions * cout * 2; // the shortcut's bn
            }
            if (avgdown && s != 1)
                out.flops += positions * cin * s * s; // the average pool: s² per output (adds and the division)
            out.flops += 2 * out.macs;
            out.summary = "residual " + std::to_string(cin) + "→" + std::to_string(cout)
                          + " s" + std::to_string(s) + (avgdown ? " avg-down" : "") + (mish ? " mish" : "");
        } else {
            out.parameters = cout * cin * k * k + (bias ? cout : 0);
            out.macs = positions * cout * cin * k * k;
            out.flops = 2 * out.macs + (bias ? positions * cout : 0);
            out.summary = "conv2d " + std::to_string(cin) + "→" + std::to_string(cout) + " k"
                          + std::to_string(k) + " s" + std::to_string(s) + " p" + std::to_string(p);
        }
    } else if (t == "maxpool2d" || t == "avgpool2d") {
        chk.expectRank(in, 3, "");
        const auto k = chk.integer("kernel", -1, 1);
        const auto s = chk.integer("stride", k, 1);
        const auto p = chk.integer("padding", 0, 0);
        if (2 * p > k)
            chk.fail("padding must be at most half the kernel");
        out.output = {in[0], pooled(chk, in[1], k, s, p, "height"),
                      pooled(chk, in[2], k, s, p, "width")};
        out.summary = t + " k" + std::to_string(k) + " s" + std::to_string(s);
        out.flops = out.output[0] * out.output[1] * out.output[2] * (t == "maxpool2d" ? k * k - 1 : k * k);
    } else if (t == "adaptiveavgpool2d") {
        chk.expectRank(in, 3, "");
        const auto o = chk.integer("output", 1, 1);
        chk.limit(double(in[0]) * double(o) * double(o), "values per image");
        out.output = {in[0], o, o};
        out.summary = t + " " + std::to_string(o) + "x" + std::to_string(o);
        // Output i of an axis of size n averages [floor(i n / o), ceil((i + 1) n / o)): each
        // output costs its window's adds and one division, i.e. its window's size.
        auto windows = [o](std::int64_t n) {
            std::int64_t sum = 0;
            for (std::int64_t i = 0; i < o; ++i)
                sum += ((i + 1) * n + o - 1) / o - (i * n) / o;
            return sum;
        };
        out.flops = in[0] * windows(in[1]) * windows(in[2]);
    } else if (t == "batchnorm2d" || t == "batchnorm1d") {
        chk.expectRank(in, t == "batchnorm2d" ? 3 : 1, "");
        const auto f = chk.inputSize("features", in[0], "features");
        out.parameters = 2 * f;
        out.summary = t + " " + std::to_string(f);
        out.flops = 2 * elements(in);
    } else if (t == "dropout") {
        const double p = chk.value("p", 0.5);
        if (!(p >= 0 && p < 1))
            chk.fail("'p' must be in [0, 1)");
        out.summary = "dropout p=" + nlohmann::json(p).dump();
    } else if (t == "flatten") {
        double size = 1;
        for (auto d : in)
            size *= double(d);
        chk.limit(size, "values per image");
        std::int64_t n = 1;
        for (auto d : in)
            n *= d;
        out.output = {n};
    } else if (t == "linear") {
        chk.expectRank(in, 1, in.size() == 3 ? " (add a flatten layer before it)" : "");
        const auto fin = chk.inputSize("in", in[0], "inputs");
        const auto fout = chk.integer("out", -1, 1);
        const bool bias = chk.value("bias", 1) != 0;
        chk.limit(double(fin) * double(fout), "weights");
        out.output = {fout};
        out.parameters = fin * fout + (bias ? fout : 0);
        out.macs = fin * fout;
        out.flops = 2 * out.macs + (bias ? fout : 0);
        out.summary = "linear " + std::to_string(fin) + "→" + std::to_string(fout);
    } else if (t == "leakyrelu") {
        out.summary = "leakyrelu " + nlohmann::json(chk.value("slope", 0.01)).dump();
    }
    if (t == "relu" || t == "leakyrelu" || t == "gelu" || t == "mish" || t == "tanh" || t == "sigmoid")
        out.flops = elements(in);
    return out;
}

} // namespace

const std::vector<std::string> &layerTypes()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto &t : typeInfos())
            n.push_back(t.name);
        return n;
    }();
    return names;
}

ShapeCheck checkShapes(const ModelSpec &spec)
{
    ShapeCheck check;
    try {
        check.report = inferShapes(spec, &check.report);
    } catch (const Error &e) {
        check.message = e.what();
        const std::string prefix = "layer ";
        if (check.message.rfind(prefix, 0) == 0) {
            const int n = std::atoi(check.message.c_str() + prefix.size());
            // The final-output check names the last layer but is about the whole stack.
            const bool finalOutput = check.message.find("the network outputs") != std::string::npos;
            check.errorLayer = finalOutput ? -1 : n - 1;
        }
    }
    return check;
}

ShapeReport inferShapes(const ModelSpec &spec, ShapeReport *partial)
{
    for (int d : spec.input)
        if (d < 1 || d > 65536)
            throw Error(ErrorCode::BadSpec, "input: every dimension of [C,H,W] must be 1..65536");
    if (spec.classes < 2)
        throw Error(ErrorCode::BadSpec, "classes: at least 2 classes are needed");
    if (spec.isScript())
        return detail::scriptShapes(spec);
    if (spec.layers.empty())
        throw Error(ErrorCode::BadSpec, "layers: the network has no layers");
    ShapeReport report;
    Shape shape = {spec.input[0], spec.input[1], spec.input[2]};
    report.totalFlops = 2 * elements(shape); // the input normalisation (x − mean) · 1/std
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        if (spec.layers[i].type == "linear" && shape.size() == 1)
            report.featureDim = shape[0];
        LayerInfo info = inferLayer(spec.layers[i], i, shape);
        shape = info.output;
        report.totalParameters += info.parameters;
        report.totalMacs += info.macs;
        report.totalFlops += info.flops;
        report.layers.push_back(std::move(info));
        if (partial)
            *partial = report;
    }
    if (shape != Shape{spec.classes})
        throw Error(ErrorCode::BadSpec, "layer " + std::to_string(spec.layers.size()) + " ("
                                            + spec.layers.back().type + "): the network outputs "
                                            + shapeText(shape) + ", expected ["
                                            + std::to_string(spec.classes)
                                            + "] (one score per class)");
    return report;
}

ModelSpec parseModelSpec(const std::string &text, const std::string &origin)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) { // parse errors, and numbers out of range (1e400)
        throw Error(ErrorCode::BadSpec, origin + ": invalid JSON (" + json::message(e) + ")");
    }
    auto fail = [&](const std::string &what) { throw Error(ErrorCode::BadSpec, origin + ": " + what); };
    if (!j.is_object())
        fail("expected an object with 'input', 'classes' and 'layers'");
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "input" && it.key() != "classes" && it.key() != "layers" && it.key() != "script")
            fail("unknown field '" + it.key() + "'");
    ModelSpec spec;
    if (j.contains("input")) {
        const auto &in = j["input"];
        if (!in.is_array() || in.size() != 3 || !in[0].is_number_integer()
            || !in[1].is_number_integer() || !in[2].is_number_integer())
            fail("'input' must be [C, H, W] (three integers)");
        for (const auto &d : in) // before narrowing to int: 4294967297 must not become 1
            if (d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 65536)
                fail("'input': every dimension of [C,H,W] must be 1..65536, got " + in.dump());
        spec.input = {in[0].get<int>(), in[1].get<int>(), in[2].get<int>()};
    }
    if (j.contains("classes")) {
        if (!j["classes"].is_number_integer() || j["classes"].get<std::int64_t>() < 2
            || j["classes"].get<std::int64_t>() > 1000000)
            fail("'classes' must be an integer 2..1000000, got " + j["classes"].dump());
        spec.classes = j["classes"].get<int>();
    }
    if (j.contains("script")) {
        spec.script = detail::parseScriptJson(j["script"], origin);
        if (j.contains("layers") && (!j["layers"].is_array() || !j["layers"].empty()))
            fail("a spec with a 'script' (a TorchScript model) has no 'layers'");
        return spec;
    }
    if (!j.contains("layers") || !j["layers"].is_array())
        fail("'layers' must be an array of layer objects");
    std::size_t index = 0;
    for (const auto &l : j["layers"]) {
        ++index;
        const std::string where = "layer " + std::to_string(index);
        if (!l.is_object() || !l.contains("type") || !l["type"].is_string())
            fail(where + ": expected an object with a string 'type'");
        LayerSpec layer;
        layer.type = l["type"].get<std::string>();
        for (auto it = l.begin(); it != l.end(); ++it) {
            if (it.key() == "type")
                continue;
            if (it->is_boolean())
                layer.params[it.key()] = it->get<bool>() ? 1.0 : 0.0;
            else if (it->is_number())
                layer.params[it.key()] = it->get<double>();
            else
                fail(where + " (" + layer.type + "): '" + it.key() + "' must be a number");
        }
        spec.layers.push_back(std::move(layer));
    }
    return spec;
}

ModelSpec readModelSpec(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(ErrorCode::BadSpec, path + ": a folder, not a JSON spec file");
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorCode::BadSpec, path + ": cannot be read (no such file, or no permission)");
    std::stringstream ss;
    ss << in.rdbuf();
    return parseModelSpec(ss.str(), path);
}

std::string toJson(const ModelSpec &spec)
{
    // One layer per line: easier to read and to diff than one value per line.
    auto number = [](double v) {
        return v == std::floor(v) && std::abs(v) < 1e15 ? nlohmann::json(std::int64_t(v)).dump()
                                                         : nlohmann::json(v).dump();
    };
    std::string out = "{\n  \"input\": [" + std::to_string(spec.input[0]) + ", "
                      + std::to_string(spec.input[1]) + ", " + std::to_string(spec.input[2])
                      + "],\n  \"classes\": " + std::to_string(spec.classes)
                      + (spec.isScript() ? ",\n  \"script\": " + detail::scriptJson(*spec.script).dump() : std::string())
                      + ",\n  \"layers\": [";
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const auto &l = spec.layers[i];
        out += (i ? ",\n    " : "\n    ") + std::string("{\"type\": ") + nlohmann::json(l.type).dump();
        for (const auto &[k, v] : l.params)
            out += ", " + nlohmann::json(k).dump() + ": " + number(v);
        out += "}";
    }
    out += spec.layers.empty() ? "]\n}" : "\n  ]\n}";
    return out;
}

double trainingMemoryBytes(const ShapeReport &shapes, int batch)
{
    double activations = 0;
    for (const auto &l : shapes.layers) {
        double n = 1;
        for (auto d : l.output)
            n *= double(d);
        activations += n;
    }
    return 4.0 * 4.0 * double(shapes.totalParameters) + 2.0 * 4.0 * activations * double(std::max(batch, 1));
}

} // namespace wb::core
