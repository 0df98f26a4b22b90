#include "wb/threadpolicy.h"

#include "wb/device.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

namespace wb::core {

void applyOpenMpDefaults(char **argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT"))
        return;
    if (setenv("GOMP_SPINCOUNT", kOpenMpSpinCount, 0) != 0)
        return;
    // The resolved path, not /proc/self/exe itself: that would rename the process "exe".
    char path[4096];
    const ssize_t len = readlink("/proc/self/exe", path, sizeof path - 1);
    if (len <= 0)
        return;
    path[len] = 0;
    execv(path, argv); // returns only on failure: run on with libgomp's default
}

int trainingThreads(int requested, double macsPerImage, int batchSize)
{
    if (requested > 0)
        return cpuThreads(requested);
    const bool large = batchSize >= kParallelMinBatch
                       && macsPerImage * double(batchSize) >= kParallelMacsPerBatch;
    return large ? cpuCores() : 1;
}

int cpuThreads(int requested)
{
    const int cores = cpuCores();
    return requested <= 0 ? cores : std::min(requested, cores);
}

} // namespace wb::core
