// model.onnx of an ONNX export, built with Debian's ONNX library (libonnx-dev) and checked
// with its checker and shape inference. Opset 13; every layer maps to standard operators.
#include "export/exportmodel.h"

#include "wb/errors.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace wb::core {

bool onnxExportAvailable() { return true; }

namespace detail {

namespace {

constexpr int kOpset = 13;

class GraphBuilder
{
public:
    GraphBuilder(onnx::GraphProto &graph, const std::vector<NamedArray> &arrays) : m_graph(graph)
    {
        for (const auto &a : arrays)
            m_arrays[a.name] = &a;
    }

    /// A checkpoint tensor as an initializer named as in weights.pt.
    std::string weight(const std::string &checkpointName)
    {
        auto it = m_arrays.find(checkpointName);
        if (it == m_arrays.end())
            throw Error(ErrorCode::Runtime, "the checkpoint has no tensor '" + checkpointName + "'");
        return initializer(pythonStateName(checkpointName), it->second->shape, it->second->values);
    }
    bool has(const std::string &checkpointName) const { return m_arrays.count(checkpointName) != 0; }

    std::string initializer(const std::string &name, const std::vector<std::int64_t> &shape,
                            const std::vector<float> &values)
    {
        auto *t = m_graph.add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (auto d : shape)
            t->add_dims(d);
        t->set_raw_data(std::string(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(float)));
        return name;
    }
    std::string ints(const std::string &name, const std::vector<std::int64_t> &values)
    {
        auto *t = m_graph.add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(std::int64_t(values.size()));
        for (auto v : values)
            t->add_int64_data(v);
        return name;
    }
    std::string scalar(float v)
    {
        const std::string name = "const_" + std::to_string(m_constants++);
        initializer(name, {}, {v});
        return name;
    }

    onnx::NodeProto &node(const std::string &op, const std::vector<std::string> &inputs, const std::string &prefix)
    {
        auto *n = m_graph.add_node();
        n->set_op_type(op);
        n->set_name(prefix + "/" + op + "_" + std::to_string(m_nodes++));
        for (const auto &i : inputs)
            n->add_input(i);
        n->add_output(n->name());
        return *n;
    }
    static std::string out(const onnx::NodeProto &n) { return n.output(0); }

    static void attr(onnx::NodeProto &n, const char *name, const std::vector<std::int64_t> &values)
    {
        auto *a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto v : values)
            a->add_ints(v);
    }
    static void attr(onnx::NodeProto &n, const char *name, std::int64_t value)
    {
        auto *a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }
    static void attrFloat(onnx::NodeProto &n, const char *name, float value)
    {
        auto *a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(value);
    }

    std::string conv(const std::string &x, const std::string &prefix, std::int64_t k, std::int64_t stride,
                     std::int64_t pad, bool bias)
    {
        std::vector<std::string> inputs{x, weight(prefix + ".weight")};
        if (bias)
            inputs.push_back(weight(prefix + ".bias"));
        auto &n = node("Conv", inputs, prefix);
        attr(n, "kernel_shape", {k, k});
        attr(n, "strides", {stride, stride});
        attr(n, "pads", {pad, pad, pad, pad});
        return out(n);
    }
    std::string batchNorm(const std::string &x, const std::string &prefix)
    {
        auto &n = node("BatchNormalization",
                       {x, weight(prefix + ".weight"), weight(prefix + ".bias"), weight(prefix + ".running_mean"),
                        weight(prefix + ".running_var")},
                       prefix);
        attrFloat(n, "epsilon", 1e-5f); // LibTorch's and PyTorch's default
        return out(n);
    }
    std::string relu(const std::string &x, const std::string &prefix) { return out(node("Relu", {x}, prefix)); }
    /// x * tanh(softplus(x))
    std::string mish(const std::string &x, const std::string &prefix)
    {
        const auto t = out(node("Tanh", {out(node("Softplus", {x}, prefix))}, prefix));
        return out(node("Mul", {x, t}, prefix));
    }
    /// 0.5 x (1 + erf(x / sqrt 2)): GELU, exact form (an operator only from opset 20)
    std::string gelu(const std::string &x, const std::string &prefix)
    {
        const auto e = out(node("Erf", {out(node("Mul", {x, scalar(float(M_SQRT1_2))}, prefix))}, prefix));
        const auto h = out(node("Add", {e, scalar(1.0f)}, prefix));
        return out(node("Mul", {out(node("Mul", {x, h}, prefix)), scalar(0.5f)}, prefix));
    }
    /// Output i of an axis of size n averages [floor(i n / o), ceil((i + 1) n / o)), as the
    /// adaptive pool does: one Slice + ReduceMean per output, concatenated.
    std::string adaptiveAxis(const std::string &x, const std::string &prefix, std::int64_t axis, std::int64_t n,
                             std::int64_t o)
    {
        std::vector<std::string> parts;
        for (std::int64_t i = 0; i < o; ++i) {
            const std::int64_t begin = (i * n) / o, end = ((i + 1) * n + o - 1) / o;
            const std::string tag = prefix + "_a" + std::to_string(axis) + "_" + std::to_string(i);
            auto &slice = node("Slice", {x, ints(tag + "_start", {begin}), ints(tag + "_end", {end}),
                                         ints(tag + "_axis", {axis})}, prefix);
            auto &mean = node("ReduceMean", {out(slice)}, prefix);
            attr(mean, "axes", std::vector<std::int64_t>{axis});
            attr(mean, "keepdims", 1);
            parts.push_back(out(mean));
        }
        if (parts.size() == 1)
            return parts[0];
        auto &cat = node("Concat", parts, prefix);
        attr(cat, "axis", axis);
        return out(cat);
    }

private:
    onnx::GraphProto &m_graph;
    std::map<std::string, const NamedArray *> m_arrays;
    int m_nodes = 0;
    int m_constants = 0;
};

void setShape(onnx::ValueInfoProto &v, const std::vector<std::int64_t> &dims)
{
    auto *t = v.mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    auto *shape = t->mutable_shape();
    shape->add_dim()->set_dim_param("N");
    for (auto d : dims)
        shape->add_dim()->set_dim_value(d);
}

std::string residual(GraphBuilder &g, const std::string &x, const std::string &prefix, const LayerSpec &layer)
{
    const auto stride = layerInt(layer, "stride", 1);
    const bool mish = layerFlag(layer, "mish", false), avgDown = layerFlag(layer, "avgdown", false);
    auto act = [&](const std::string &t) { return mish ? g.mish(t, prefix) : g.relu(t, prefix); };
    auto y = act(g.batchNorm(g.conv(x, prefix + ".conv1", 3, stride, 1, false), prefix + ".bn1"));
    y = g.batchNorm(g.conv(y, prefix + ".conv2", 3, 1, 1, false), prefix + ".bn2");
    std::string shortcut = x;
    if (avgDown && stride != 1) {
        auto &pool = g.node("AveragePool", {x}, prefix + ".shortcut_pool");
        GraphBuilder::attr(pool, "kernel_shape", {stride, stride});
        GraphBuilder::attr(pool, "strides", {stride, stride});
        GraphBuilder::attr(pool, "ceil_mode", 1);
        GraphBuilder::attr(pool, "count_include_pad", 0);
        shortcut = GraphBuilder::out(pool);
    }
    if (g.has(prefix + ".shortcut_conv.weight"))
        shortcut = g.batchNorm(g.conv(shortcut, prefix + ".shortcut_conv", 1, avgDown ? 1 : stride, 0, false),
                               prefix + ".shortcut_bn");
    return act(GraphBuilder::out(g.node("Add", {y, shortcut}, prefix)));
}

} // namespace

std::string onnxModelBytes(const ExportInfo &info, const std::vector<NamedArray> &arrays)
{
    const ModelSpec &spec = info.spec;
    const ShapeReport report = inferShapes(spec);
    onnx::ModelProto model;
    model.set_ir_version(7); // the IR of opset 13
    model.set_producer_name("Sufficiency Workbench");
    model.set_model_version(1);
    model.set_doc_string("run #" + std::to_string(info.runId) + " (epoch " + std::to_string(info.epoch)
                         + "): input float [N, C, H, W] in [0, 1], output logits [N, classes]");
    auto *opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    auto meta = [&](const std::string &key, const std::string &value) {
        auto *p = model.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    };
    meta("class_names", nlohmann::json(info.classNames).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    meta("input_format", "float32 [N, " + std::to_string(spec.input[0]) + ", " + std::to_string(spec.input[1]) + ", "
                             + std::to_string(spec.input[2]) + "], pixels / 255 (range [0, 1]); normalisation is in the graph");
    meta("run_id", std::to_string(info.runId));
    meta("epoch", std::to_string(info.epoch));

    auto &graph = *model.mutable_graph();
    graph.set_name("workbench_run_" + std::to_string(info.runId));
    setShape(*graph.add_input(), {spec.input[0], spec.input[1], spec.input[2]});
    graph.mutable_input(0)->set_name("images");
    GraphBuilder g(graph, arrays);
    std::string x = GraphBuilder::out(g.node("Sub", {"images", g.weight("input_mean")}, "normalise"));
    x = GraphBuilder::out(g.node("Mul", {x, g.weight("input_inv_std")}, "normalise"));
    std::vector<std::int64_t> shape = {spec.input[0], spec.input[1], spec.input[2]};
    for (std::size_t k = 0; k < spec.layers.size(); ++k) {
        const LayerSpec &layer = spec.layers[k];
        const std::string &t = layer.type;
        const std::string prefix = std::to_string(k);
        const std::vector<std::int64_t> &outShape = report.layers[k].output;
        if (t == "conv2d") {
            x = g.conv(x, prefix, layerInt(layer, "kernel", 1), layerInt(layer, "stride", 1), layerInt(layer, "padding", 0),
                       layerFlag(layer, "bias", true));
        } else if (t == "residual") {
            x = residual(g, x, prefix, layer);
        } else if (t == "maxpool2d" || t == "avgpool2d") {
            const auto kernel = layerInt(layer, "kernel", 1), pad = layerInt(layer, "padding", 0);
            auto &n = g.node(t == "maxpool2d" ? "MaxPool" : "AveragePool", {x}, prefix);
            GraphBuilder::attr(n, "kernel_shape", {kernel, kernel});
            GraphBuilder::attr(n, "strides", {layerInt(layer, "stride", kernel), layerInt(layer, "stride", kernel)});
            GraphBuilder::attr(n, "pads", {pad, pad, pad, pad});
            if (t == "avgpool2d")
                GraphBuilder::attr(n, "count_include_pad", 1); // as PyTorch's default
            x = GraphBuilder::out(n);
        } else if (t == "adaptiveavgpool2d") {
            const auto o = layerInt(layer, "output", 1);
            if (o == 1)
                x = GraphBuilder::out(g.node("GlobalAveragePool", {x}, prefix));
            else
                x = g.adaptiveAxis(g.adaptiveAxis(x, prefix, 2, shape[1], o), prefix, 3, shape[2], o);
        } else if (t == "batchnorm2d" || t == "batchnorm1d") {
            x = g.batchNorm(x, prefix);
        } else if (t == "dropout") {
            // identity at inference
        } else if (t == "flatten") {
            if (shape.size() > 1) {
                auto &n = g.node("Flatten", {x}, prefix);
                GraphBuilder::attr(n, "axis", 1);
                x = GraphBuilder::out(n);
            }
        } else if (t == "linear") {
            std::vector<std::string> inputs{x, g.weight(prefix + ".weight")};
            if (layerFlag(layer, "bias", true))
                inputs.push_back(g.weight(prefix + ".bias"));
            auto &n = g.node("Gemm", inputs, prefix);
            GraphBuilder::attr(n, "transB", 1);
            x = GraphBuilder::out(n);
        } else if (t == "relu") {
            x = g.relu(x, prefix);
        } else if (t == "leakyrelu") {
            auto &n = g.node("LeakyRelu", {x}, prefix);
            GraphBuilder::attrFloat(n, "alpha", float(layerReal(layer, "slope", 0.01)));
            x = GraphBuilder::out(n);
        } else if (t == "gelu") {
            x = g.gelu(x, prefix);
        } else if (t == "mish") {
            x = g.mish(x, prefix);
        } else if (t == "tanh") {
            x = GraphBuilder::out(g.node("Tanh", {x}, prefix));
        } else if (t == "sigmoid") {
            x = GraphBuilder::out(g.node("Sigmoid", {x}, prefix));
        } else {
            throw Error(ErrorCode::BadSpec, "layer " + std::to_string(k + 1) + ": type '" + t + "' cannot be exported to ONNX");
        }
        shape = outShape;
    }
    // The last node's output is renamed "logits" (a graph output must be a node's output).
    if (graph.node_size() == 0 || graph.node(graph.node_size() - 1).output(0) != x)
        x = GraphBuilder::out(g.node("Identity", {x}, "output"));
    graph.mutable_node(graph.node_size() - 1)->set_output(0, "logits");
    setShape(*graph.add_output(), {spec.classes});
    graph.mutable_output(0)->set_name("logits");

    try {
        onnx::checker::check_model(model);
        onnx::ModelProto inferred = model;
        onnx::shape_inference::InferShapes(inferred, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1));
        const auto &dims = inferred.graph().output(0).type().tensor_type().shape();
        if (dims.dim_size() != 2 || dims.dim(1).dim_value() != spec.classes)
            throw std::runtime_error("the graph's output is not [N, " + std::to_string(spec.classes) + "]");
    } catch (const std::exception &e) {
        throw Error(ErrorCode::Runtime, std::string("the ONNX model fails the ONNX checker: ") + e.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw Error(ErrorCode::Runtime, "the ONNX model could not be serialised");
    return bytes;
}

} // namespace detail
} // namespace wb::core
