// README.txt of a model export: how to load and run it, its input and its classes.
#include "export/exportmodel.h"

#include <sstream>

namespace wb::core::detail {

namespace {

/// One line of plain text: control characters become spaces.
std::string oneLine(const std::string &s)
{
    std::string out = s;
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return out;
}

} // namespace

std::string exportReadme(const ExportInfo &info, ExportFormat format)
{
    const ModelSpec &spec = info.spec;
    const std::string shape = "[N, " + std::to_string(spec.input[0]) + ", " + std::to_string(spec.input[1]) + ", "
                              + std::to_string(spec.input[2]) + "]";
    std::ostringstream r;
    r << "Run #" << info.runId << " \"" << oneLine(info.runName) << "\" of Sufficiency Workbench, weights after epoch "
      << info.epoch << ", exported for " << (format == ExportFormat::PyTorch ? "PyTorch" : "ONNX") << ".\n"
      << "Trained on: " << oneLine(info.datasetName) << "\n\n";
    if (spec.isScript()) {
        r << "Files: model.pt (your TorchScript model " << oneLine(spec.script->fileName)
          << " with the trained weights), README.txt (this file).\n\n"
          << "Load and run it (Python):\n\n"
          << "    import torch\n"
          << "    net = torch.jit.load(\"model.pt\").eval()\n"
          << "    logits = net.predict(images)     # images: torch.float32 " << shape << ", pixels / 255\n"
          << "    # the same as net((images - net.wb_input_mean) * net.wb_input_inv_std): forward takes\n"
          << "    # the images normalised as during training (input-norm " << spec.script->inputNorm << ")\n\n";
    } else if (format == ExportFormat::PyTorch) {
        r << "Files: model.py (the network as plain torch.nn code), weights.pt (its state dict, torch.load reads it),\n"
          << "README.txt (this file).\n\n"
          << "Load and run it (Python, from this folder):\n\n"
          << "    import model\n"
          << "    net = model.load(\"weights.pt\")   # eval mode on the CPU; model.load(\"weights.pt\", \"cuda\") for a GPU\n"
          << "    logits = net(images)             # images: torch.float32 " << shape << ", pixels / 255\n"
          << "    print([model.CLASSES[i] for i in logits.argmax(1)])\n\n";
    } else {
        r << "Files: model.onnx (opset 13, any batch size), README.txt (this file).\n\n"
          << "Run it with any ONNX runtime, e.g. (Python, onnxruntime):\n\n"
          << "    import json, onnxruntime\n"
          << "    session = onnxruntime.InferenceSession(\"model.onnx\")\n"
          << "    logits = session.run([\"logits\"], {\"images\": images})[0]   # images: numpy.float32 " << shape
          << ", pixels / 255\n"
          << "    classes = json.loads(session.get_modelmeta().custom_metadata_map[\"class_names\"])\n\n";
    }
    r << "Input: float32 " << shape << ", values in [0, 1] (8-bit pixels divided by 255), "
      << (spec.input[0] == 1 ? "one grey channel" : spec.input[0] == 3 ? "channels R, G, B" : "channels as in the dataset")
      << ", " << spec.input[1] << " x " << spec.input[2] << " pixels (resize other images first).\n"
      << "The network normalises the input itself with the per-channel mean and standard deviation of its\n"
      << "training images (" << (format == ExportFormat::PyTorch ? "buffers input_mean and input_inv_std" : "the graph's first two nodes")
      << "); do not normalise again.\n"
      << "Output: logits [N, " << spec.classes << "] (" << (format == ExportFormat::PyTorch ? "\"logits\" is the module's return value" : "output \"logits\"")
      << "); softmax over them gives the class probabilities.\n";
    if (info.testTimeFlip)
        r << "Note: the run measured its accuracy with test-time flips (the mean softmax of each image and its mirror\n"
          << "image); the exported network is the plain one: average the softmax of images and of images flipped\n"
          << "along the width to get the same numbers.\n";
    r << "\nClasses (index: name):\n";
    for (std::size_t i = 0; i < info.classNames.size(); ++i)
        r << "  " << i << ": " << oneLine(info.classNames[i]) << "\n";
    return r.str();
}

} // namespace wb::core::detail
