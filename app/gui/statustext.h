#pragma once

#include <QString>

namespace wb::app {

/// A message for a page's status label, in the app's error colour (rich text, escaped).
inline QString errorText(const QString &message)
{
    return QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped());
}

} // namespace wb::app
