#pragma once

namespace wb::core::detail {

/// Eight float lanes (GCC/Clang vector extension): one AVX register in the functions built
/// with target_clones("avx2", ...), two SSE registers in the baseline clone. Lane-wise
/// arithmetic without fused multiply-add, so both clones give the same bits.
using Float8 = float __attribute__((vector_size(32)));

} // namespace wb::core::detail

// An AVX2 clone next to the baseline one, picked at load time; other architectures build
// the plain function.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WB_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define WB_SIMD_CLONES
#endif
