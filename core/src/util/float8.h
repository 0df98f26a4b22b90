#pragma once

namespace wb::core::detail {

/// Eight float lanes (GCC/Clang vector extension): one AVX register in the functions built
/// with target_clones("avx2", ...), two SSE registers in the baseline clone. Lane-wise
/// arithmetic without fused multiply-add, so both clones give the same bits.
using Float8 = float __attribute__((vector_size(32)));

} // namespace wb::core::detail

// An AVX2 clone next to the baseline one, picked at load time; other architectures build
// the plain function, and so do sanitizer builds: the clone resolver (an ifunc) runs while
// the program is loaded, before a sanitizer's runtime is set up, and crashed TSan builds.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define WB_NO_SIMD_CLONES
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define WB_NO_SIMD_CLONES
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(WB_NO_SIMD_CLONES)
#define WB_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define WB_SIMD_CLONES
#endif
