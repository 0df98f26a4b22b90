// Reading a user's TorchScript file: what it is when it is not TorchScript, and LibTorch's
// loader run first in a child process, so that a hostile file cannot crash the caller.
#include "model/scriptmodule.h"

#include "wb/errors.h"


#include <chrono>
#include <csignal>
#include <cstring>
#include <set>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace wb::core::detail {

namespace {

const char *const kHowTo = "save the network with torch.jit.script(net).save(\"net.pt\") (or "
                           "torch.jit.trace for a network the scripter refuses)";

bool startsWith(const std::string &s, const char *prefix, std::size_t n)
{
    return s.size() >= n && std::memcmp(s.data(), prefix, n) == 0;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// What `bytes` is when it is plainly not TorchScript ("" when it may be).
std::string notTorchScript(const std::string &bytes, const std::string &fileName)
{
    if (bytes.empty())
        return "the file is empty";
    if (startsWith(bytes, "PK\x03\x04", 4)) {
        const bool pickle = bytes.find("data.pkl") != std::string::npos;
        const bool code = bytes.find("/code/") != std::string::npos;
        if (pickle && !code)
            return "a PyTorch checkpoint written by torch.save (weights, no code): the workbench "
                   "needs the network's code too — "
                   + std::string(kHowTo);
        if (!pickle)
            return "a zip archive that torch.jit.save did not write (or a truncated one)";
        return {};
    }
    if (static_cast<unsigned char>(bytes[0]) == 0x80 && bytes.size() > 1 && bytes[1] >= 2 && bytes[1] <= 5)
        return "a Python pickle (torch.save with the legacy format, or pickle.dump): it holds no "
               "TorchScript code — "
               + std::string(kHowTo);
    const std::string head = bytes.substr(0, 4096);
    if (endsWith(fileName, ".onnx")
        || (bytes[0] == 0x08 && (head.find("onnx") != std::string::npos || head.find("pytorch") != std::string::npos)))
        return "an ONNX model: the workbench trains TorchScript, not ONNX — " + std::string(kHowTo)
               + " from the PyTorch network you exported";
    if (bytes[0] == '{' || bytes[0] == '[')
        return "a JSON file: for a layer spec use --model FILE.json; for a PyTorch network "
               + std::string(kHowTo);
    return "not a TorchScript archive (a TorchScript file is a zip that torch.jit.save writes)";
}

/// LibTorch's message, shortened and made actionable.
std::string loaderMessage(const std::string &what)
{
    const auto op = what.find("Unknown builtin op: ");
    if (op != std::string::npos) {
        std::string name = what.substr(op + 20);
        name = name.substr(0, name.find_first_of(".\n "));
        return "it uses the operator " + name + ", which this LibTorch (" + TORCH_VERSION
               + ") does not have: save it with torch.jit.script under PyTorch " + TORCH_VERSION
               + ", or avoid that operation";
    }
    std::string line;
    for (std::size_t start = 0; start < what.size() && line.empty();) { // the first line with text
        const auto end = what.find('\n', start);
        line = what.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.find_first_not_of(" \t") == std::string::npos)
            line.clear();
        start = end == std::string::npos ? what.size() : end + 1;
    }
    if (line.empty())
        line = "no message";
    if (what.find("Unknown type name") != std::string::npos)
        return "it refers to a type this LibTorch (" + std::string(TORCH_VERSION) + ") does not know (" + line
               + "): a file of a newer PyTorch, or not one torch.jit.save wrote";
    if (what.find("file format version") != std::string::npos || what.find("version_") != std::string::npos)
        return "it was saved by a PyTorch newer than this LibTorch (" + std::string(TORCH_VERSION)
               + "), which cannot read it (" + line + "): save it with PyTorch " + TORCH_VERSION;
    return "LibTorch cannot read it as TorchScript (" + line + ")";
}

torch::jit::Module loadInProcess(const std::string &bytes)
{
    std::istringstream in(bytes);
    return torch::jit::load(in, torch::kCPU);
}

/// Runs LibTorch's loader on `bytes` in a child process first: a file that crashes or hangs
/// it is refused here. "" when it loaded, else why not.
std::string checkInChild(const std::string &bytes)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {}; // cannot isolate: the in-process load still catches exceptions
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return {};
    }
    if (pid == 0) {
        close(fds[0]);
        std::string message;
        try {
            loadInProcess(bytes);
        } catch (const std::exception &e) {
            message = loaderMessage(e.what());
        }
        if (!message.empty() && write(fds[1], message.data(), message.size()) < 0)
            _exit(3);
        _exit(message.empty() ? 0 : 1);
    }
    close(fds[1]);
    std::string message;
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            close(fds[0]);
            return "reading it took LibTorch over 120 s; the file is damaged";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, std::size_t(n));
    close(fds[0]);
    if (WIFSIGNALED(status))
        return "LibTorch crashed reading it (signal " + std::to_string(WTERMSIG(status))
               + "): the file is damaged or was not written by torch.jit.save";
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return message.empty() ? "LibTorch cannot read it as TorchScript" : message;
    return {};
}

} // namespace

std::mutex &globalGeneratorMutex()
{
    static std::mutex m;
    return m;
}

torch::jit::Module loadTorchScript(const std::string &bytes, const std::string &fileName, const std::string &hash)
{
    auto fail = [&](const std::string &why) {
        throw Error(ErrorCode::BadSpec, fileName + ": " + why);
    };
    const std::string what = notTorchScript(bytes, fileName);
    if (!what.empty())
        fail(what);
    // Files read once in this process (by their hash) are known to load without crashing.
    static std::mutex checkedMutex;
    static std::set<std::string> checked;
    bool known = false;
    {
        const std::lock_guard<std::mutex> lock(checkedMutex);
        known = checked.count(hash) > 0;
    }
    if (!known) {
        const std::string why = checkInChild(bytes);
        if (!why.empty())
            fail(why);
        const std::lock_guard<std::mutex> lock(checkedMutex);
        checked.insert(hash);
    }
    try {
        return loadInProcess(bytes);
    } catch (const std::exception &e) {
        fail(loaderMessage(e.what()));
    }
    return {};
}

} // namespace wb::core::detail
