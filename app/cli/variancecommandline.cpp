// The command line of repeat run | show and compare.
#include "variancecommands.h"

#include <memory>

namespace wb::app {

namespace {

// The flags repeat run and compare share besides the training flags.
void addVarianceOptions(CLI::App &cmd, VarianceRunOptions &o)
{
    auto &v = o.variance;
    cli::addDataOptions(cmd, o.train);
    cmd.remove_option(cmd.get_option("--val-fraction"));
    cmd.remove_option(cmd.get_option("--no-stratify"));
    cmd.get_option("--train-limit")->description("use only N training images, validation images included (0 = all)");
    cli::addTrainingOptions(cmd, o.train);
    cmd.add_option("--runs", v.runs, "repeats of every setup (the same seeds for every setup)")->capture_default_str();
    cmd.add_option("--betas", v.betas, "β of the smoothed accuracies mean softmax(β·logits)[true class]")
        ->delimiter(',')
        ->capture_default_str();
    cmd.add_option("--val-per-class", v.valPerClass,
                   "validation images per class, moved from the training images and measured on (0 = the test images)")
        ->capture_default_str();
    cmd.add_flag("--resplit", v.resplit, "every repeat draws its own validation images (with --val-per-class)");
    cmd.add_option("--metric", o.metric, "the compared metric: accuracy, loss or smoothed_accuracy@β")
        ->capture_default_str();
    cmd.add_option("--detect", o.detect, "the difference whose needed repeats are counted (0 = the observed one)");
    cmd.add_option("--workers", v.workers, "concurrent cells (0 = one per core)");
    cmd.add_option("--session", o.train.session, "session file (created if missing)")->required();
    cmd.add_option("--name", o.train.name, "study name shown in listings");
    cmd.add_flag("--json", o.train.json, "print exactly one JSON object on stdout");
    cmd.add_flag("--slurm", o.slurm, "create the study and submit it as a Slurm job array instead of "
                                     "running it here (returns once submitted)");
    cli::addSlurmOptions(cmd, o.submit);
}

} // namespace

std::vector<cli::Command> addVarianceCommands(CLI::App &app)
{
    auto *repeatCmd = app.add_subcommand("repeat", "variance study: train one setup N times with different seeds; "
                                                   "mean, std and 95% CI of every metric");
    repeatCmd->require_subcommand(1);
    auto r = std::make_shared<VarianceRunOptions>();
    auto *runCmd = repeatCmd->add_subcommand("run", "train the setup --runs times and summarise every metric");
    addVarianceOptions(*runCmd, *r);

    auto s = std::make_shared<VarianceShowOptions>();
    auto *showCmd = repeatCmd->add_subcommand("show", "a stored variance or comparison study's summaries and verdict");
    showCmd->add_option("--session", s->session, "session file")->required();
    showCmd->add_option("--study", s->study, "the study's id (see study list)")->required();
    showCmd->add_option("--metric", s->metric, "the compared metric")->capture_default_str();
    showCmd->add_option("--detect", s->detect, "the difference whose needed repeats are counted (0 = the observed one)");
    showCmd->add_flag("--json", s->json, "print exactly one JSON object on stdout");

    auto c = std::make_shared<VarianceRunOptions>();
    auto *compareCmd = app.add_subcommand(
        "compare", "A/B comparison: both setups trained --runs times with the same seeds; difference, CI, p-value, "
                   "minimum detectable difference and a verdict");
    addVarianceOptions(*compareCmd, *c);
    compareCmd->add_option("--a", c->setupA,
                           "setup A: JSON of training flags over the command line's, e.g. {\"optimizer\": \"adam\", "
                           "\"lr\": 0.003, \"name\": \"adam\"}, or show --run ID --json output (default: the "
                           "command line alone)");
    compareCmd->add_option("--b", c->setupB, "setup B, as --a")->required();

    return {{runCmd, [r] { return runRepeatRun(*r); }},
            {showCmd, [s] { return runVarianceShow(*s); }},
            {compareCmd, [c] { return runCompare(*c); }}};
}

} // namespace wb::app
