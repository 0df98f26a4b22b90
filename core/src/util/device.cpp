#include "wb/device.h"

#include <algorithm>
#include <thread>
#include "wb/errors.h"

#include <torch/torch.h>
#include <torch/version.h>

namespace wb::core {

int cpuCores()
{
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

int cudaDeviceCount()
{
    return torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
}

std::string resolveDevice(const std::string &request)
{
    if (request == "cpu")
        return "cpu";
    const int gpus = cudaDeviceCount();
    if (request == "auto" || request.empty())
        return gpus > 0 ? "cuda:0" : "cpu";
    if (request == "cuda" || request.rfind("cuda:", 0) == 0) {
        int index = 0;
        if (request.size() > 5) {
            const std::string num = request.substr(5);
            if (num.empty() || num.size() > 6 || num.find_first_not_of("0123456789") != std::string::npos)
                throw Error(ErrorCode::InvalidArgument,
                            "device '" + request + "': expected cuda:N with N a GPU index");
            index = std::stoi(num);
        }
        if (gpus == 0)
            throw Error(ErrorCode::InvalidArgument,
                        "device '" + request + "': no CUDA GPU is available to this LibTorch ("
                            + torchVersion() + "); use --device cpu or auto");
        if (index >= gpus)
            throw Error(ErrorCode::InvalidArgument, "device '" + request + "': only "
                                                        + std::to_string(gpus) + " GPU(s) present");
        return "cuda:" + std::to_string(index);
    }
    throw Error(ErrorCode::InvalidArgument,
                "device '" + request + "': expected auto, cpu, cuda or cuda:N");
}

std::string deviceDescription(const std::string &device)
{
    if (device.rfind("cuda", 0) == 0)
        return device + " (CUDA GPU)";
    return "CPU (" + std::to_string(at::get_num_threads()) + " threads)";
}

std::string torchVersion()
{
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "."
           + std::to_string(TORCH_VERSION_PATCH);
}

} // namespace wb::core
