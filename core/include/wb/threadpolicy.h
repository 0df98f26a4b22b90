#pragma once

// How training uses the CPU cores: all of them, without burning cycles when they are busy.
//
// LibTorch's intra-op threads meet at an OpenMP barrier after every parallel kernel. GNU
// OpenMP spins there 300,000 times by default before it sleeps; when other processes keep
// the cores busy, a spinning thread steals the time slice of the thread it waits for, and
// a 2-thread training ran up to 5x slower than on 1 thread (bench/train_bench.sh,
// contended). Sleeping at once (OMP_WAIT_POLICY=PASSIVE) gives away half of the 2-thread
// gain when the cores are free. A short spin (3,000) keeps nearly all of the gain. Even
// so, the kernels of small models are too short to share: see trainingThreads.

namespace wb::core {

/// The spin count set for GNU OpenMP when the user has set neither OMP_WAIT_POLICY nor
/// GOMP_SPINCOUNT.
inline constexpr const char *kOpenMpSpinCount = "3000";

/// Makes this process run with the OpenMP wait policy above. libgomp reads its environment
/// once, when it is loaded — before main() — so when neither OMP_WAIT_POLICY nor
/// GOMP_SPINCOUNT is set, this sets GOMP_SPINCOUNT and re-executes the program (the file
/// /proc/self/exe names, same arguments; ~0.35 s of loading LibTorch again); the new image
/// finds the variable set and returns. Returns normally when nothing was to be done or the
/// re-execution failed. Call it first thing in main(), before any thread is started.
void applyOpenMpDefaults(char **argv);

/// When a training uses every core by default: batches of at least kParallelMinBatch
/// images whose forward pass is at least kParallelMacsPerBatch multiply-accumulates. Small
/// batches make every kernel short: on 2 busy cores tutorial-cnn at batch 16 (29 M per
/// batch) ran 1.6x slower on 2 threads than on 1, while LeNet-5 at batch 64 (27 M) and cnn
/// at batch 64 (123 M) stayed within 1.06–1.30x and gained 1.5–1.7x on free cores; mlp
/// (15 M) gained nothing (README "Threads").
inline constexpr int kParallelMinBatch = 32;
inline constexpr double kParallelMacsPerBatch = 16e6;

/// The intra-op threads of a CPU training: `requested` > 0 is clamped to the cores; 0 (the
/// default) means every core for batches of at least kParallelMinBatch images and
/// kParallelMacsPerBatch forward multiply-accumulates (`macsPerImage` × `batchSize`), else
/// 1. Depends only on the configuration and the machine's core count — never on load or
/// timing — so a run's numbers are reproducible. Thread-safe.
int trainingThreads(int requested, double macsPerImage, int batchSize);

/// The CPU threads a computation asking for `requested` threads gets: 0 means all cores,
/// and more threads than cores are clamped to the cores (oversubscribed OpenMP threads made
/// a small training 60x slower). Thread-safe.
int cpuThreads(int requested);

} // namespace wb::core
