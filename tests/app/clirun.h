#pragma once

// workbench-cli as a user's script runs it, for the app tests that make their sessions with it.
#include <QProcess>
#include <QStringList>

/// Runs workbench-cli with `args`; true when it exited 0 within five minutes.
inline bool cliSucceeds(const QStringList &args)
{
    QProcess p;
    p.start(WB_TEST_BIN_DIR "/workbench-cli", args);
    return p.waitForFinished(300000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
