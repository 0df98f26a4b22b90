#pragma once

// Core-private test hook for the fault-injection suite (tests/cli/tst_faults.cpp): named places
// where a crash is worst — between writing and committing, between committing and cleaning up.
// With the environment variable WB_FAULT set to "<name>" or "<name>:<n>", the process kills
// itself with SIGKILL the n-th time (default: the first) it reaches that point, exactly as a
// power cut or `kill -9` would there. Unset, a point costs one load of a cached flag.
namespace wb::core::detail {

void faultPoint(const char *name);

} // namespace wb::core::detail
