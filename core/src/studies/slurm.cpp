// The few Slurm commands the study engine uses, run as child processes.
#include "wb/slurm.h"

#include "wb/errors.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace wb::core {

namespace {

// Runs a shell command; returns its exit status and output (stdout and stderr).
int run(const std::string &command, std::string &output)
{
    output.clear();
    FILE *p = ::popen(("timeout 60 " + command + " 2>&1").c_str(), "r");
    if (!p)
        return -1;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
        output.append(buf, n);
    const int status = ::pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    return s;
}

bool validJobId(const std::string &id)
{
    return !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
}

// Lines "<task>|<STATE>" into the map (array tasks only; "123_4" or "4" as task).
void parseStates(const std::string &text, std::map<int, std::string> &out)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto bar = line.find('|');
        if (bar == std::string::npos)
            continue;
        std::string task = line.substr(0, bar), state = trimmed(line.substr(bar + 1));
        if (const auto u = task.rfind('_'); u != std::string::npos)
            task = task.substr(u + 1);
        if (task.empty() || task.find_first_not_of("0123456789") != std::string::npos)
            continue;
        if (const auto space = state.find(' '); space != std::string::npos)
            state = state.substr(0, space); // "CANCELLED by 0"
        out[std::atoi(task.c_str())] = state;
    }
}

} // namespace

std::string shellQuote(const std::string &s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool slurmStateIsLive(const std::string &state)
{
    return state == "PENDING" || state == "RUNNING" || state == "CONFIGURING" || state == "COMPLETING"
           || state == "SUSPENDED" || state == "REQUEUED" || state == "RESIZING";
}

bool slurmAvailable()
{
    std::string out;
    FILE *p = ::popen("command -v sbatch 2>/dev/null", "r");
    if (!p)
        return false;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    return ::pclose(p) == 0 && !out.empty();
}

std::string slurmSubmit(const std::string &scriptPath)
{
    std::string out;
    const int rc = run("sbatch --parsable " + shellQuote(scriptPath), out);
    out = trimmed(out);
    const std::string id = out.substr(0, out.find(';')); // "id;cluster" on federations
    if (rc != 0 || !validJobId(id))
        throw Error(ErrorCode::Runtime, "sbatch refused " + scriptPath + ": " + (out.empty() ? "no output" : out));
    return id;
}

std::map<int, std::string> slurmTaskStates(const std::string &jobId)
{
    std::map<int, std::string> states;
    if (!validJobId(jobId))
        return states;
    std::string out;
    if (run("squeue -h -r -t all -j " + jobId + " -o '%K|%T'", out) == 0)
        parseStates(out, states);
    std::string acct;
    if (run("sacct -n -X -P -j " + jobId + " -o JobID,State", acct) == 0) {
        std::map<int, std::string> finished;
        parseStates(acct, finished);
        for (const auto &[task, state] : finished)
            states.emplace(task, state); // squeue's view of live tasks wins
    }
    return states;
}

void slurmCancel(const std::string &jobId)
{
    if (!validJobId(jobId))
        throw Error(ErrorCode::InvalidArgument, "not a Slurm job id: '" + jobId + "'");
    std::string out;
    if (run("scancel " + jobId, out) != 0)
        throw Error(ErrorCode::Runtime, "scancel " + jobId + " failed: " + trimmed(out));
}

} // namespace wb::core
