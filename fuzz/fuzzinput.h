#pragma once

// Shared by the fuzz targets: the fuzzer's bytes as a file a reader can open (memfd, no disk),
// and the contract every target checks — a reader of untrusted bytes returns, or throws
// wb::core::Error with a message; any other exception escapes and is reported as a finding
// (a raw library message is a bug, see issue 13).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace wb::fuzz {

/// The bytes as an anonymous in-memory file, open for as long as the object lives.
class MemoryFile
{
public:
    MemoryFile(const std::uint8_t *data, std::size_t size)
    {
        m_fd = memfd_create("wb-fuzz", 0);
        if (m_fd < 0)
            throw std::runtime_error("memfd_create failed");
        for (std::size_t done = 0; done < size;) {
            const ssize_t n = write(m_fd, data + done, size - done);
            if (n <= 0)
                throw std::runtime_error("writing the memory file failed");
            done += std::size_t(n);
        }
    }
    ~MemoryFile() { close(m_fd); }
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;
    std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

private:
    int m_fd = -1;
};

/// A failed internal consistency check of a target (e.g. a round trip that changed a value).
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz target check failed: %s\n", what);
    std::abort();
}

} // namespace wb::fuzz
