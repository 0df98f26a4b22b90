#pragma once

#include <QString>

namespace wb::app {

/// A message for a page's status label, in the app's error colour (rich text, escaped).
inline QString errorText(const QString &message)
{
    return QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped());
}

/// A warning for a page's status label (rich text, escaped).
inline QString warningText(const QString &message)
{
    return QStringLiteral("<span style='color:#8a5a00'>%1</span>").arg(message.toHtmlEscaped());
}

} // namespace wb::app
