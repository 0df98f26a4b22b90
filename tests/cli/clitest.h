#pragma once

// Shared by the workbench-cli test suites: run the program, read its exit code and output.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

inline const QString kCli = QStringLiteral(WB_TEST_BIN_DIR "/workbench-cli");
inline const QString kMnist = QStringLiteral(WB_TEST_SHARED_DATA "/mnist10k");

struct Result
{
    int code = -1; ///< exit code, -1 when it crashed or timed out
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/// Runs `program` with `args` to the end (killed after timeoutMs).
inline Result run(const QString &program, const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

inline Result cli(const QStringList &args, int timeoutMs = 300000) { return run(kCli, args, timeoutMs); }

} // namespace clitest
