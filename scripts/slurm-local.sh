#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, from Debian's slurm-wlm and munge, without
# systemd: for trying `--slurm` studies and for the test suite.
# Usage: scripts/slurm-local.sh start|stop|status [DIR]      (DIR default: /tmp/wb-slurm)
# `start` prints the line to use it:  export SLURM_CONF=DIR/slurm.conf
# Needs root (slurmd runs jobs as their users); uses sudo otherwise.
set -euo pipefail

cmd=${1:-}
dir=${2:-${WB_SLURM_DIR:-/tmp/wb-slurm}}
conf="$dir/slurm.conf"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

die() { echo "slurm-local.sh: $*" >&2; exit 1; }

stop_pidfile() {
    local f=$1
    if [ -s "$f" ]; then
        local pid
        pid=$(cat "$f")
        $SUDO kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        $SUDO rm -f "$f"
    fi
}

start_munge() {
    if [ -s /run/munge/munged.pid ] && kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; then
        return
    fi
    $SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
    $SUDO chown munge:munge /run/munge /var/log/munge /var/lib/munge
    $SUDO chmod 0755 /run/munge
    if [ ! -s /etc/munge/munge.key ]; then
        $SUDO sh -c 'dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null'
        $SUDO chown munge:munge /etc/munge/munge.key
        $SUDO chmod 0400 /etc/munge/munge.key
    fi
    $SUDO runuser -u munge -- /usr/sbin/munged
    touch "$dir/munged-started-here"
}

write_conf() {
    local host cpus mem
    host=$(hostname -s)
    cpus=$(nproc)
    mem=$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 0.9}' /proc/meminfo) # ~90%, or the node drains
    mkdir -p "$dir/state" "$dir/spool" "$dir/log"
    cat > "$conf" <<EOF
# One-node Slurm written by scripts/slurm-local.sh
ClusterName=wblocal
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
ReturnToService=2
MpiDefault=none
SchedulerParameters=batch_sched_delay=0
MinJobAge=3600
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

case "$cmd" in
start)
    command -v slurmctld >/dev/null && command -v munged >/dev/null \
        || die "slurm-wlm and munge are not installed (scripts/install-deps.sh installs them)"
    mkdir -p "$dir"
    if [ -s "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
        echo "slurm-local.sh: already running" >&2
    else
        start_munge
        write_conf
        export SLURM_CONF="$conf"
        $SUDO env SLURM_CONF="$conf" slurmctld -f "$conf" -i
        $SUDO env SLURM_CONF="$conf" slurmd -f "$conf"
    fi
    export SLURM_CONF="$conf"
    for _ in $(seq 150); do
        state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
        if [ "$state" = idle ] || [ "$state" = mixed ] || [ "$state" = allocated ]; then
            echo "export SLURM_CONF=$conf"
            exit 0
        fi
        sleep 0.2
    done
    die "the node did not come up (state '${state:-none}'); see $dir/log/"
    ;;
stop)
    stop_pidfile "$dir/slurmd.pid"
    stop_pidfile "$dir/slurmctld.pid"
    if [ -e "$dir/munged-started-here" ]; then
        stop_pidfile /run/munge/munged.pid
        rm -f "$dir/munged-started-here"
    fi
    ;;
status)
    SLURM_CONF="$conf" sinfo
    ;;
*)
    echo "usage: scripts/slurm-local.sh start|stop|status [DIR]" >&2
    exit 2
    ;;
esac
