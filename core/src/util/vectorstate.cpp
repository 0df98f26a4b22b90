#include "util/vectorstate.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace wb::core::detail {

#if defined(__x86_64__) || defined(__i386__)
namespace {
__attribute__((target("avx"))) void zeroUpper() { _mm256_zeroupper(); }
const bool kHasAvx = __builtin_cpu_supports("avx");
} // namespace

void clearUpperVectorState()
{
    if (kHasAvx)
        zeroUpper();
}
#else
void clearUpperVectorState() {}
#endif

} // namespace wb::core::detail
