// The torch side of a model export: the checkpoint as plain arrays (for ONNX) and as a
// Python-readable state dict (weights.pt).
#include "export/exportmodel.h"
#include "model/networkimpl.h"
#include "model/scriptmodule.h"
#include "model/tensorio.h"

#include "wb/errors.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/export.h>
#include <torch/csrc/jit/serialization/pickler.h>

#include <sstream>

namespace wb::core::detail {

namespace {

/// The checkpoint in a network of `spec`, by name. Built as every Network is (its initial
/// weights drawn under the lock that keeps concurrent trainings' seeds apart), then loaded.
NamedTensors loadedState(const ModelSpec &spec, const std::string &checkpoint)
{
    Network net(spec, 0, "cpu");
    net.loadState(checkpoint); // Error(Runtime): "the saved weights do not fit this network: ..."
    return moduleState(*net.impl().net);
}

} // namespace

std::string pythonStateName(const std::string &checkpointName)
{
    if (!checkpointName.empty() && checkpointName[0] >= '0' && checkpointName[0] <= '9')
        return "layers." + checkpointName;
    return checkpointName;
}

std::vector<NamedArray> checkpointArrays(const ModelSpec &spec, const std::string &checkpoint)
{
    std::vector<NamedArray> arrays;
    for (const auto &[name, tensor] : loadedState(spec, checkpoint)) {
        if (tensor.scalar_type() != torch::kFloat32)
            continue; // batch-norm counters (int64): not part of the function
        const auto t = tensor.detach().to(torch::kCPU).contiguous();
        NamedArray a{name, {}, {t.data_ptr<float>(), t.data_ptr<float>() + t.numel()}};
        for (auto d : t.sizes())
            a.shape.push_back(d);
        arrays.push_back(std::move(a));
    }
    return arrays;
}

std::vector<char> torchStateDict(const ModelSpec &spec, const std::string &checkpoint)
{
    c10::Dict<std::string, torch::Tensor> dict;
    for (const auto &[name, tensor] : loadedState(spec, checkpoint))
        dict.insert(pythonStateName(name), tensor.detach().to(torch::kCPU).clone());
    // torch::pickle_save would tag the dict with its C++ type (torch.jit._pickle.restore_type_tag),
    // which torch.load(weights_only=True) — the default from PyTorch 2.6 on — refuses. The same
    // archive without type tags: a plain dict of tensors, as torch.save writes it.
    std::vector<char> pickle;
    torch::jit::Pickler pickler([&](const char *bytes, std::size_t size) { pickle.insert(pickle.end(), bytes, bytes + size); },
                                nullptr, nullptr, nullptr, nullptr, /*tag_aggregates=*/false);
    pickler.protocol();
    pickler.pushIValue(torch::IValue(dict));
    pickler.stop();
    std::vector<char> archive;
    caffe2::serialize::PyTorchStreamWriter writer([&](const void *bytes, std::size_t size) {
        archive.insert(archive.end(), static_cast<const char *>(bytes), static_cast<const char *>(bytes) + size);
        return size;
    });
    torch::jit::writeArchiveAndTensors("data", pickle.data(), pickle.size(), pickler.tensorData(), writer);
    writer.writeEndOfFile();
    return archive;
}

std::string scriptModelBytes(const ModelSpec &spec, const std::string &checkpoint)
{
    Network net(spec, 0, "cpu");
    net.loadState(checkpoint); // the trained weights, into the module's own tensors
    auto *script = net.impl().net->script();
    if (!script)
        throw Error(ErrorCode::InvalidArgument, "not a TorchScript model");
    torch::jit::Module module = script->module.clone();
    torch::Tensor mean, invStd;
    for (const auto &[name, t] : moduleState(*net.impl().net)) {
        if (name == "input_mean")
            mean = t.detach().clone();
        if (name == "input_inv_std")
            invStd = t.detach().clone();
    }
    // The workbench's input normalisation travels along: predict() takes pixels / 255.
    module.register_buffer("wb_input_mean", mean);
    module.register_buffer("wb_input_inv_std", invStd);
    module.define(R"(
def predict(self, images: Tensor) -> Tensor:
    return self.forward((images - self.wb_input_mean) * self.wb_input_inv_std)
)");
    module.eval();
    std::ostringstream out;
    module.save(out);
    return out.str();
}

} // namespace wb::core::detail
