#pragma once

#include <qcustomplot.h>

namespace wb::widgets {

/// The ticks of a logarithmic axis with labels of one kind per axis: powers of ten ("10⁻⁵",
/// "3·10⁻⁴") when the axis reaches below 0.001 or above 100,000, else plain numbers in the
/// interface's language ("0,01" in German). QCustomPlot's "gb" format mixed "0.0001" with "10⁻⁵"
/// on one axis and, in German, printed "1E-05".
class LogTicker : public QCPAxisTickerLog
{
public:
    /// The label of `tick` given whether the axis uses powers (exposed for tests).
    static QString label(double tick, bool powers, const QLocale &locale);

protected:
    void generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                  QVector<double> &ticks, QVector<double> *subTicks, QVector<QString> *tickLabels) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    bool m_powers = false;
};

/// Makes `axis` logarithmic with LogTicker labels.
void setLogAxis(QCPAxis *axis);

} // namespace wb::widgets
