// libFuzzer target: the checkpoint tensor-blob reader. The input is read as it is (WBT1 blobs
// carry no checksum, so the parser behind it is reachable) and, when it starts with "WBT2", once
// more with its checksum made valid so that the fuzzer explores past the CRC. A blob that reads
// must write back to bytes that read to the same tensors.
#include "fuzzinput.h"

#include "model/tensorio.h"
#include "util/blobchecksum.h"
#include "wb/errors.h"

#include <cstdio>
#include <cstring>

namespace {

void readAndRoundTrip(const std::string &bytes)
{
    using namespace wb::core::detail;
    try {
        const NamedTensors t = readTensors(bytes);
        const NamedTensors again = readTensors(writeTensors(t));
        if (again.size() != t.size())
            wb::fuzz::fail("tensor count changed through writeTensors");
        for (std::size_t i = 0; i < t.size(); ++i)
            if (again[i].first != t[i].first || !again[i].second.sizes().equals(t[i].second.sizes()))
                wb::fuzz::fail("a tensor's name or shape changed through writeTensors");
    } catch (const wb::core::Error &) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char *>(data), size);
    readAndRoundTrip(bytes);
    if (bytes.size() >= 12 && std::memcmp(bytes.data(), "WBT2", 4) == 0) {
        std::string fixed = bytes.substr(0, bytes.size() - 4);
        wb::core::detail::appendBlobChecksum(fixed);
        readAndRoundTrip(fixed);
    }
    return 0;
}
