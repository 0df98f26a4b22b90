#pragma once

#include "wb/history.h"
#include "wb/study.h"

#include <QString>

namespace wb::app {

/// A run status as the user reads it ("running", "diverged"), in the interface's language.
QString runStatusText(core::RunStatus status);
/// A study status as the user reads it ("complete", "interrupted"), in the interface's language.
QString studyStatusText(core::StudyStatus status);
/// A progress line or run message of the engine (which speaks English: "epoch 2/5 loss 0.41",
/// "cancelled during epoch 3", "loaded 8000 + 2000 images") in the interface's language,
/// numbers in its locale; a message it does not know is returned as it is.
QString engineMessageText(const QString &message);

} // namespace wb::app
