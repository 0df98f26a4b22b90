// The options shared by workbench-cli's commands.
#include "cliopts.h"
#include "modelchoice.h"

#include "wb/device.h"

#include <exception>

namespace wb::app::cli {

// --threads: 0 (all cores) up to the cores there are. More threads than cores made a small
// training 60x slower, so a larger number is refused (exit 2) rather than obeyed.
CLI::Option *addThreadsOption(CLI::App &cmd, int &threads, const std::string &help)
{
    const int cores = wb::core::cpuCores();
    return cmd.add_option("--threads", threads, help)
        ->capture_default_str()
        ->check(CLI::Validator(
            [cores](std::string &v) -> std::string {
                int n = -1;
                try {
                    std::size_t used = 0;
                    n = std::stoi(v, &used);
                    if (used != v.size())
                        n = -1;
                } catch (const std::exception &) {
                }
                if (n >= 0 && n <= cores)
                    return {};
                return "'" + v + "': expected 0 (automatic) or 1 to " + std::to_string(cores)
                       + ", the CPU cores of this machine";
            },
            "0.." + std::to_string(cores)));
}

// --seed: a whole number from 0 to 2^64 - 1. CLI11 alone turned -1 or 2^64 silently into
// 2^64 - 1, so two different seeds gave the same run.
CLI::Validator seedCheck()
{
    return CLI::Validator(
        [](std::string &v) -> std::string {
            bool ok = !v.empty() && v.size() <= 20 && v.find_first_not_of("0123456789") == std::string::npos;
            if (ok) {
                try {
                    std::stoull(v);
                } catch (const std::exception &) {
                    ok = false;
                }
            }
            return ok ? std::string() : "'" + v + "': expected a whole number from 0 to 18446744073709551615";
        },
        "0..2^64-1");
}

void addDataOptions(CLI::App &cmd, TrainOptions &o)
{
    auto &d = o.data;
    cmd.add_option("--data", d.dataset,
                   "fashion-mnist, a folder of IDX files, or an image folder root/<class>/*.png")
        ->capture_default_str();
    cmd.add_option("--val-fraction", d.valFraction,
                   "fraction of the training images held out for validation (0 = none)")
        ->capture_default_str();
    cmd.add_flag("!--no-stratify", d.stratified, "draw the validation split without stratifying");
    cmd.add_option("--train-limit,--train-size", d.trainLimit, "use only N training images (0 = all)");
    cmd.add_option("--test-limit,--test-size", d.testLimit, "use only N test images (0 = all)");
    cmd.add_option("--limit-mode", d.limitMode, "how limits pick images: random (seeded) or first")
        ->capture_default_str();
    cmd.add_option("--image-size", d.imageHeight, "image folders: resize to SIZE x SIZE")
        ->each([&d](const std::string &) { d.imageWidth = d.imageHeight; });
    cmd.add_option("--image-channels", d.imageChannels, "image folders: 1, 3, or 0 = auto");
}

void addTrainingOptions(CLI::App &cmd, TrainOptions &o)
{
    auto &c = o.config;
    auto *model = cmd.add_option("--model", o.model,
                   "preset (linear, mlp, lenet5, lenet5-dropout, tutorial-cnn, cnn, resnet18, xresnet18) or a JSON spec file")
        ->capture_default_str();
    auto *width = cmd.add_option("--width", o.width, "width of the mlp, cnn, resnet18 and xresnet18 presets; first conv channels of lenet5 and tutorial-cnn (6)");
    addModelFileOptions(cmd, o.modelFile, o.script, model, width);
    cmd.add_option("--epochs", c.epochs, "number of epochs")->capture_default_str();
    cmd.add_option("--batch-size", c.batchSize, "mini-batch size")->capture_default_str();
    cmd.add_option("--optimizer", c.optimizer,
                   "sgd, adam, adamw, radam (rectified Adam, decoupled weight decay) or ranger (radam + lookahead)")
        ->capture_default_str();
    cmd.add_option("--lr", c.lr, "(peak) learning rate")->capture_default_str();
    cmd.add_option("--momentum", c.momentum, "SGD momentum, or beta1 of adam/adamw/radam/ranger")
        ->capture_default_str();
    cmd.add_flag("--nesterov", c.nesterov, "Nesterov momentum (sgd)");
    cmd.add_option("--beta2", c.beta2, "beta2 of adam/adamw/radam/ranger")->capture_default_str();
    cmd.add_option("--eps", c.eps, "epsilon of adam/adamw/radam/ranger")->capture_default_str();
    cmd.add_option("--lookahead-steps", c.lookaheadSteps, "ranger: steps between lookahead syncs (k)")
        ->capture_default_str();
    cmd.add_option("--lookahead-alpha", c.lookaheadAlpha, "ranger: how far the slow weights move (alpha)")
        ->capture_default_str();
    cmd.add_option("--weight-decay", c.weightDecay, "weight decay (L2 for sgd/adam, decoupled for adamw/radam/ranger)")
        ->capture_default_str();
    cmd.add_flag("!--no-norm-bias-decay", c.decayNormAndBias,
                 "no weight decay on batch-norm scales and shifts and on biases (1-D parameters)");
    cmd.add_option("--schedule", c.schedule, "constant, step, onecycle or flatcos")
        ->capture_default_str();
    cmd.add_option("--flat-fraction", c.flatFraction, "flatcos: share of the steps at the full lr")
        ->capture_default_str();
    cmd.add_option("--label-smoothing", c.labelSmoothing, "label smoothing in [0, 1)")
        ->capture_default_str();
    cmd.add_flag("--crop", c.augmentCrop,
                 "augment: a random resized crop of every training image (area --crop-area-min to 1, aspect 3/4 to 4/3)");
    cmd.add_option("--crop-area-min", c.cropAreaMin, "augment: smallest crop area, a share of the image")
        ->capture_default_str();
    cmd.add_flag("--flip", c.augmentFlip, "augment: mirror half of the training images horizontally");
    cmd.add_flag("--tta-flip", c.testTimeFlip,
                 "evaluate every image plain and mirrored (mean of the two softmax outputs)");
    cmd.add_option("--seed", c.seed, "seed of weights, batch order, dropout and data draws")
        ->capture_default_str()
        ->check(seedCheck())
        ->each([&o](const std::string &) { o.data.seed = o.config.seed; });
    cmd.add_option("--device", c.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    addThreadsOption(cmd, c.threads,
                     "CPU threads of the run (0 = automatic: all cores for batches of >= 32 "
                     "images and >= 16 M multiply-accumulates, else 1)");
}

// --slurm and its sbatch settings (study submit, sufficiency run --slurm)
void addSlurmOptions(CLI::App &cmd, StudyOptions &s)
{
    auto &o = s.slurm;
    cmd.add_option("--partition", o.partition, "Slurm partition (default: the cluster's)");
    cmd.add_option("--time", o.time, "time limit of each array task, e.g. 02:00:00");
    cmd.add_option("--cpus-per-task", o.cpusPerTask, "CPUs of each task; its cells run this many at once")
        ->capture_default_str()->check(CLI::Range(1, 4096));
    cmd.add_option("--gres", o.gres, "generic resources of each task, e.g. gpu:1");
    cmd.add_option("--cells-per-task", o.cellsPerTask, "cells packed into one array task")
        ->capture_default_str()->check(CLI::Range(1, 1000000));
    cmd.add_option("--sbatch-arg", o.sbatchArgs, "a further sbatch option, e.g. --account=lab (repeatable)")
        ->allow_extra_args(false);
    cmd.add_flag("--no-submit", s.noSubmit, "write the study folder and sbatch script, do not call sbatch");
}

} // namespace wb::app::cli
