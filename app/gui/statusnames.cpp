#include "statusnames.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <functional>
#include <vector>

namespace wb::app {

QString runStatusText(core::RunStatus status)
{
    switch (status) {
    case core::RunStatus::Created: return QCoreApplication::translate("RunStatus", "created");
    case core::RunStatus::Running: return QCoreApplication::translate("RunStatus", "running");
    case core::RunStatus::Completed: return QCoreApplication::translate("RunStatus", "completed");
    case core::RunStatus::Cancelled: return QCoreApplication::translate("RunStatus", "cancelled");
    case core::RunStatus::Diverged: return QCoreApplication::translate("RunStatus", "diverged");
    case core::RunStatus::Failed: return QCoreApplication::translate("RunStatus", "failed");
    case core::RunStatus::Interrupted: return QCoreApplication::translate("RunStatus", "interrupted");
    }
    return QString::fromLatin1(core::runStatusName(status));
}

QString studyStatusText(core::StudyStatus status)
{
    switch (status) {
    case core::StudyStatus::Running: return QCoreApplication::translate("StudyStatus", "running");
    case core::StudyStatus::Submitted: return QCoreApplication::translate("StudyStatus", "submitted");
    case core::StudyStatus::Complete: return QCoreApplication::translate("StudyStatus", "complete");
    case core::StudyStatus::Cancelled: return QCoreApplication::translate("StudyStatus", "cancelled");
    case core::StudyStatus::Failed: return QCoreApplication::translate("StudyStatus", "failed");
    case core::StudyStatus::Interrupted: return QCoreApplication::translate("StudyStatus", "interrupted");
    }
    return QString::fromLatin1(core::studyStatusName(status));
}

namespace {
QString translated(const char *text) { return QCoreApplication::translate("EngineMessage", text); }

// A number of the engine (C locale) in the interface's locale, with as many decimals.
QString localNumber(const QString &c)
{
    bool ok = false;
    const double v = c.toDouble(&ok);
    if (!ok)
        return c;
    const qsizetype dot = c.indexOf(QLatin1Char('.'));
    if (c.contains(QLatin1Char('e')) || c.contains(QLatin1Char('E')))
        return QLocale().toString(v, 'g', 4);
    return QLocale().toString(v, 'f', dot < 0 ? 0 : int(c.size() - dot - 1));
}

struct Pattern
{
    QRegularExpression re;
    std::function<QString(const QRegularExpressionMatch &)> text;
};
} // namespace

QString engineMessageText(const QString &message)
{
    // The texts are marked with QT_TRANSLATE_NOOP so that lupdate finds them.
    static const std::vector<Pattern> patterns = {
        {QRegularExpression(QStringLiteral("^epoch (\\d+)/(\\d+) loss (\\S+)$")),
         [](const auto &m) {
             return translated(QT_TRANSLATE_NOOP("EngineMessage", "epoch %1/%2, loss %3"))
                 .arg(m.captured(1), m.captured(2), localNumber(m.captured(3)));
         }},
        {QRegularExpression(QStringLiteral("^cancelled during epoch (\\d+)$")),
         [](const auto &m) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "cancelled during epoch %1")).arg(m.captured(1)); }},
        {QRegularExpression(QStringLiteral("^loaded (\\d+) \\+ (\\d+) images$")),
         [](const auto &m) {
             return translated(QT_TRANSLATE_NOOP("EngineMessage", "loaded %1 + %2 images"))
                 .arg(localNumber(m.captured(1)), localNumber(m.captured(2)));
         }},
        {QRegularExpression(QStringLiteral("^reading the test set$")),
         [](const auto &) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "reading the test set")); }},
        {QRegularExpression(QStringLiteral("^reading (.+)$")),
         [](const auto &m) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "reading %1")).arg(m.captured(1)); }},
        {QRegularExpression(QStringLiteral("^decoding images$")),
         [](const auto &) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "decoding images")); }},
        {QRegularExpression(QStringLiteral("^iteration (\\d+), KL (\\S+)$")),
         [](const auto &m) {
             return translated(QT_TRANSLATE_NOOP("EngineMessage", "iteration %1, KL %2")).arg(m.captured(1), localNumber(m.captured(2)));
         }},
        {QRegularExpression(QStringLiteral("^repeat (\\d+), lr (\\S+)$")),
         [](const auto &m) {
             return translated(QT_TRANSLATE_NOOP("EngineMessage", "repeat %1, lr %2")).arg(m.captured(1), localNumber(m.captured(2)));
         }},
        {QRegularExpression(QStringLiteral("^(?:test )?accuracy (\\S+)$")),
         [](const auto &m) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "accuracy %1")).arg(localNumber(m.captured(1))); }},
        {QRegularExpression(QStringLiteral("^step (\\d+)/(\\d+)$")),
         [](const auto &m) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "step %1/%2")).arg(m.captured(1), m.captured(2)); }},
        {QRegularExpression(QStringLiteral("^round (\\d+)/(\\d+): test accuracy (\\S+)$")),
         [](const auto &m) {
             return translated(QT_TRANSLATE_NOOP("EngineMessage", "round %1/%2: test accuracy %3"))
                 .arg(m.captured(1), m.captured(2), localNumber(m.captured(3)));
         }},
        {QRegularExpression(QStringLiteral("^diverged: (.*)$")),
         [](const auto &m) { return translated(QT_TRANSLATE_NOOP("EngineMessage", "diverged: %1")).arg(m.captured(1)); }},
    };
    for (const auto name : {core::RunStatus::Completed, core::RunStatus::Cancelled, core::RunStatus::Diverged,
                            core::RunStatus::Failed})
        if (message == QLatin1String(core::runStatusName(name)))
            return runStatusText(name);
    for (const Pattern &p : patterns)
        if (const auto m = p.re.match(message); m.hasMatch())
            return p.text(m);
    return message;
}

} // namespace wb::app
