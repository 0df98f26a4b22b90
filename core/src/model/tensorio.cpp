#include "model/tensorio.h"

#include "util/blobchecksum.h"
#include "wb/errors.h"

#include <cstring>
#include <map>

namespace wb::core::detail {

namespace {

constexpr char kMagic[4] = {'W', 'B', 'T', '2'};

template <typename T>
void put(std::string &out, T v)
{
    out.append(reinterpret_cast<const char *>(&v), sizeof v);
}

[[noreturn]] void malformed(const std::string &what)
{
    throw Error(ErrorCode::Runtime, "checkpoint data is damaged: " + what);
}

class Cursor
{
public:
    explicit Cursor(const std::string &b) : m_b(b) {}
    template <typename T>
    T get()
    {
        T v;
        std::memcpy(&v, take(sizeof v), sizeof v);
        return v;
    }
    const char *take(std::size_t n)
    {
        if (n > m_end - m_pos)
            malformed("unexpected end");
        const char *p = m_b.data() + m_pos;
        m_pos += n;
        return p;
    }
    bool atEnd() const { return m_pos == m_end; }
    std::size_t remaining() const { return m_end - m_pos; }
    void setEnd(std::size_t end) { m_end = end; }

private:
    const std::string &m_b;
    std::size_t m_end = m_b.size();
    std::size_t m_pos = 0;
};

} // namespace

std::string writeTensors(const NamedTensors &tensors)
{
    std::size_t total = 8;
    for (const auto &[name, t] : tensors)
        total += 4 + name.size() + 2 + 8 * std::size_t(t.dim()) + std::size_t(t.nbytes());
    std::string out;
    out.reserve(total);
    out.append(kMagic, 4);
    put(out, std::uint32_t(tensors.size()));
    for (const auto &[name, tensor] : tensors) {
        const torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
        put(out, std::uint32_t(name.size()));
        out.append(name);
        put(out, std::int8_t(t.scalar_type()));
        put(out, std::uint8_t(t.dim()));
        for (auto d : t.sizes())
            put(out, std::int64_t(d));
        out.append(static_cast<const char *>(t.data_ptr()), t.nbytes());
    }
    appendBlobChecksum(out);
    return out;
}

NamedTensors readTensors(const std::string &bytes)
{
    if (const std::string damage = blobDamage(bytes); !damage.empty())
        malformed(damage);
    Cursor c(bytes);
    const char *magic = c.take(4);
    if (std::memcmp(magic, kMagic, 4) == 0)
        c.setEnd(bytes.size() - 4); // the checksum, verified above
    else if (std::memcmp(magic, "WBT1", 4) != 0) // written before checksums
        malformed("unknown format");
    const auto count = c.get<std::uint32_t>();
    NamedTensors out;
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto nameLen = c.get<std::uint32_t>();
        std::string name(c.take(nameLen), nameLen);
        const auto type = static_cast<torch::ScalarType>(c.get<std::int8_t>());
        if (type != torch::kFloat32 && type != torch::kInt64 && type != torch::kFloat64)
            malformed("unsupported element type in '" + name + "'");
        const auto rank = c.get<std::uint8_t>();
        std::vector<std::int64_t> dims;
        // The size is checked against the bytes that are there before anything is allocated.
        std::uint64_t bytesNeeded = std::uint64_t(torch::elementSize(type));
        for (int d = 0; d < rank; ++d) {
            dims.push_back(c.get<std::int64_t>());
            if (dims.back() < 0 || (dims.back() > 0 && bytesNeeded > c.remaining() / std::uint64_t(dims.back())))
                malformed("dimension " + std::to_string(dims.back()) + " of '" + name + "' exceeds the data");
            bytesNeeded *= std::uint64_t(dims.back());
        }
        if (bytesNeeded > c.remaining())
            malformed("'" + name + "' exceeds the data");
        torch::Tensor t = torch::empty(dims, torch::TensorOptions().dtype(type));
        if (t.nbytes() > 0) // an empty tensor has no storage to copy into
            std::memcpy(t.data_ptr(), c.take(std::size_t(t.nbytes())), t.nbytes());
        out.emplace_back(std::move(name), std::move(t));
    }
    if (!c.atEnd())
        malformed("trailing bytes");
    return out;
}

NamedTensors moduleState(const torch::nn::Module &module)
{
    NamedTensors out;
    for (const auto &item : module.named_parameters())
        out.emplace_back(item.key(), item.value());
    for (const auto &item : module.named_buffers())
        out.emplace_back(item.key(), item.value());
    return out;
}

void loadModuleState(torch::nn::Module &module, const NamedTensors &state)
{
    std::map<std::string, torch::Tensor> targets;
    for (const auto &[name, t] : moduleState(module))
        targets[name] = t;
    if (targets.size() != state.size())
        throw Error(ErrorCode::Runtime, "the saved state has " + std::to_string(state.size())
                                            + " tensors, the network " + std::to_string(targets.size()));
    torch::NoGradGuard noGrad;
    for (const auto &[name, saved] : state) {
        auto it = targets.find(name);
        if (it == targets.end())
            throw Error(ErrorCode::Runtime, "the network has no tensor '" + name + "'");
        if (it->second.sizes() != saved.sizes() || it->second.scalar_type() != saved.scalar_type())
            throw Error(ErrorCode::Runtime, "tensor '" + name + "' has another shape or type");
        it->second.copy_(saved);
    }
}

} // namespace wb::core::detail
