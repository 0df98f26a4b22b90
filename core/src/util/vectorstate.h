#pragma once
// Clears the upper halves of the AVX registers (vzeroupper) when the CPU has AVX; nothing
// elsewhere. Numeric loops of core are compiled for SSE2 and call glibc's AVX/FMA maths
// (exp, log): if something earlier on the thread left the upper halves dirty (measured in the
// app's process: Qt's start-up), every switch between the two encodings stalls, and the
// scaling-law fit took 10.9 s instead of 1.6 s. Called where such loops start.

namespace wb::core::detail {

void clearUpperVectorState();

} // namespace wb::core::detail
