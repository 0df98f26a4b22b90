// ONNX export in a build without Debian's ONNX library (libonnx-dev): refused with the fix.
#include "export/exportmodel.h"

#include "wb/errors.h"

namespace wb::core {

bool onnxExportAvailable() { return false; }

namespace detail {

std::string onnxModelBytes(const ExportInfo &, const std::vector<NamedArray> &)
{
    throw Error(ErrorCode::Runtime, "this build cannot write ONNX: install libonnx-dev (scripts/install-deps.sh) "
                                    "and rebuild, or export --format pytorch");
}

} // namespace detail
} // namespace wb::core
