#pragma once

#include <QSpinBox>
#include <QString>

namespace wb::app {

/// A spin box from lo to hi showing `value`; `special` (e.g. "all") is shown at lo.
inline QSpinBox *makeSpinBox(int lo, int hi, int value, const QString &special = {})
{
    auto *s = new QSpinBox;
    s->setRange(lo, hi);
    s->setValue(value);
    if (!special.isEmpty())
        s->setSpecialValueText(special);
    return s;
}

} // namespace wb::app
