#include "logticker.h"

#include <cmath>

namespace wb::widgets {

namespace {

QString superscript(int exponent)
{
    static const QChar digits[] = {QChar(0x2070), QChar(0x00B9), QChar(0x00B2), QChar(0x00B3), QChar(0x2074),
                                   QChar(0x2075), QChar(0x2076), QChar(0x2077), QChar(0x2078), QChar(0x2079)};
    QString out;
    if (exponent < 0)
        out += QChar(0x207B); // superscript minus
    for (const QChar c : QString::number(std::abs(exponent)))
        out += digits[c.digitValue()];
    return out;
}

} // namespace

QString LogTicker::label(double tick, bool powers, const QLocale &locale)
{
    if (!(tick > 0) || !std::isfinite(tick))
        return locale.toString(tick, 'g', 6);
    if (!powers)
        return locale.toString(tick, 'g', 6).replace(QLatin1Char('E'), QLatin1Char('e'));
    int exponent = int(std::floor(std::log10(tick) + 1e-9));
    double mantissa = tick / std::pow(10.0, exponent);
    if (mantissa >= 9.9995) { // 9.99999…·10ⁿ is 10ⁿ⁺¹
        mantissa /= 10;
        ++exponent;
    }
    const QString power = QStringLiteral("10") + superscript(exponent);
    if (std::abs(mantissa - 1) < 1e-6)
        return power;
    return locale.toString(mantissa, 'g', 3) + QChar(0x00B7) + power;
}

void LogTicker::generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                         QVector<double> &ticks, QVector<double> *subTicks, QVector<QString> *tickLabels)
{
    m_powers = range.lower < 1e-3 || range.upper > 1e5;
    QCPAxisTickerLog::generate(range, locale, formatChar, precision, ticks, subTicks, tickLabels);
}

QString LogTicker::getTickLabel(double tick, const QLocale &locale, QChar, int)
{
    return label(tick, m_powers, locale);
}

void setLogAxis(QCPAxis *axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new LogTicker));
    axis->setNumberFormat(QStringLiteral("g")); // the labels are LogTicker's, drawn as they are
}

} // namespace wb::widgets
