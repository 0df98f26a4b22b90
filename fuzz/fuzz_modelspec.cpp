// libFuzzer target: the model-spec parser and the shape arithmetic on a parsed spec; a spec that
// parses must survive toJson -> parse with the same parameter count.
#include "fuzzinput.h"

#include "wb/errors.h"
#include "wb/modelspec.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const wb::core::ModelSpec spec = wb::core::parseModelSpec(text, "fuzz");
        wb::core::ShapeReport partial;
        std::int64_t parameters = -1;
        try {
            parameters = wb::core::inferShapes(spec, &partial).totalParameters;
        } catch (const wb::core::Error &) {
        }
        const wb::core::ModelSpec again = wb::core::parseModelSpec(wb::core::toJson(spec), "round trip");
        std::int64_t againParameters = -1;
        try {
            againParameters = wb::core::inferShapes(again).totalParameters;
        } catch (const wb::core::Error &) {
        }
        if (parameters != againParameters)
            wb::fuzz::fail("a spec changed its parameter count through toJson and back");
        if (parameters < -1)
            wb::fuzz::fail("negative parameter count");
    } catch (const wb::core::Error &) {
    }
    return 0;
}
