#pragma once

#include <map>
#include <string>

namespace wb::core {

/// `s` quoted for a POSIX shell.
std::string shellQuote(const std::string &s);
/// Whether a Slurm job state is one a task is still queued or running in (PENDING, RUNNING, ...).
bool slurmStateIsLive(const std::string &state);

/// Whether `sbatch` is on PATH. Every Slurm command below gives up after 60 s (a controller
/// that does not answer must not hang the caller).
bool slurmAvailable();
/// Submits an sbatch script (`sbatch --parsable`); returns the job id. Throws Error(Runtime)
/// with sbatch's own message when it refuses.
std::string slurmSubmit(const std::string &scriptPath);
/// State of each array task of job `jobId` that Slurm still knows (task -> PENDING, RUNNING,
/// COMPLETED, CANCELLED, FAILED, TIMEOUT, ...), from squeue, else sacct; empty when neither
/// knows the job (finished long ago, or no Slurm here).
std::map<int, std::string> slurmTaskStates(const std::string &jobId);
/// Cancels job `jobId` (all its array tasks); throws Error(Runtime) with scancel's message.
void slurmCancel(const std::string &jobId);

} // namespace wb::core
