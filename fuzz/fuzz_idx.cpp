// libFuzzer target: the IDX reader (plain and gzip, decided by content) on hostile bytes.
#include "fuzzinput.h"

#include "wb/errors.h"
#include "wb/idx.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    wb::fuzz::MemoryFile file(data, size);
    try {
        const wb::core::IdxArray a = wb::core::readIdx(file.path());
        std::uint64_t elements = 1;
        for (auto d : a.dims)
            elements *= d;
        if (a.dims.empty() || elements != a.data.size())
            wb::fuzz::fail("readIdx returned a payload that does not match its dimensions");
    } catch (const wb::core::Error &) {
    }
    return 0;
}
