#include "util/faultpoint.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>

namespace wb::core::detail {

namespace {

struct FaultSpec
{
    std::string name;
    long at = 1;
};

const FaultSpec *configured()
{
    static const FaultSpec *spec = []() -> const FaultSpec * {
        const char *env = std::getenv("WB_FAULT");
        if (!env || !*env)
            return nullptr;
        auto *s = new FaultSpec;
        s->name = env;
        if (const auto colon = s->name.rfind(':'); colon != std::string::npos) {
            s->at = std::max(1L, std::strtol(s->name.c_str() + colon + 1, nullptr, 10));
            s->name.resize(colon);
        }
        return s;
    }();
    return spec;
}

} // namespace

void faultPoint(const char *name)
{
    const FaultSpec *spec = configured();
    if (!spec || spec->name != name)
        return;
    static std::atomic<long> hits{0};
    if (++hits == spec->at)
        std::raise(SIGKILL);
}

} // namespace wb::core::detail
