#include "learningcurvechart.h"
#include "logticker.h"

#include <cmath>

namespace wb::widgets {

namespace {
// `text` broken into lines of at most about `width` characters, at spaces.
QString wrapped(const QString &text, int width)
{
    QString out;
    int line = 0;
    for (const QString &word : text.split(QLatin1Char(' '))) {
        if (line > 0 && line + 1 + word.size() > width) {
            out += QLatin1Char('\n');
            line = 0;
        } else if (line > 0) {
            out += QLatin1Char(' ');
            ++line;
        }
        out += word;
        line += int(word.size());
    }
    return out;
}
} // namespace

LearningCurveChart::LearningCurveChart(QWidget *parent) : PlotWidget(parent)
{
    setExportName(QStringLiteral("learning-curve"));
    setLogAxis(xAxis);
    xAxis->setLabel(tr("training samples"));
    yAxis->setLabel(tr("test accuracy"));
    const QColor blue(31, 119, 180);
    auto band = [&](int alpha) {
        QCPGraph *lo = addGraph(), *hi = addGraph();
        for (auto *g : {lo, hi}) {
            g->setPen(Qt::NoPen);
            g->removeFromLegend();
        }
        QColor fill = blue;
        fill.setAlpha(alpha);
        hi->setBrush(fill);
        hi->setChannelFillGraph(lo);
        return std::pair{lo, hi};
    };
    std::tie(m_lo95, m_hi95) = band(35);
    std::tie(m_lo80, m_hi80) = band(55);
    std::tie(m_lo50, m_hi50) = band(80);
    m_hi95->setName(tr("95% band"));
    m_hi95->addToLegend();
    m_hi80->setName(tr("80% band"));
    m_hi80->addToLegend();
    m_hi50->setName(tr("50% band"));
    m_measured = addGraph();
    m_measured->setPen(QPen(blue, 2.2));
    m_measured->setName(tr("power-law fit"));
    m_projected = addGraph();
    m_projected->setPen(QPen(blue, 2.2, Qt::DashLine));
    m_projected->setName(tr("projection"));
    m_points = addGraph();
    m_points->setLineStyle(QCPGraph::lsNone);
    m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(20, 20, 20), 7));
    m_points->setName(tr("mean ± std over runs"));
    m_excluded = addGraph();
    m_excluded->setLineStyle(QCPGraph::lsNone);
    m_excluded->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(20, 20, 20), 1.4), Qt::white, 7));
    m_excluded->setName(tr("measured, not fitted"));
    m_excluded->removeFromLegend();
    m_errors = new QCPErrorBars(xAxis, yAxis);
    m_errors->setDataPlottable(m_points); // both kinds of points: m_points holds all, m_excluded covers the first
    m_errors->setPen(QPen(QColor(20, 20, 20), 1.2));
    m_errors->removeFromLegend();
    m_asymptote = new QCPItemStraightLine(this);
    m_asymptote->setPen(QPen(Qt::gray, 1.2, Qt::DotLine));
    m_target = new QCPItemStraightLine(this);
    m_target->setPen(QPen(QColor(214, 39, 40), 1.5));
    m_neededLine = new QCPItemStraightLine(this);
    m_neededLine->setPen(QPen(QColor(214, 39, 40), 1.0, Qt::DashLine));
    // Two rows under the axis rect: the answer (red) and the warnings (orange). They stay in
    // the layout, empty or not, so that the axes do not jump as the answer changes.
    plotLayout()->addElement(1, 0, m_label = new QCPTextElement(this, QString(), QFont(font().family(), 9)));
    m_label->setTextColor(QColor(214, 39, 40));
    plotLayout()->addElement(2, 0, m_warnings = new QCPTextElement(this, QString(), QFont(font().family(), 8)));
    m_warnings->setTextColor(QColor(179, 89, 0));
    m_warnings->setTextFlags(Qt::AlignLeft | Qt::AlignTop);
    m_label->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    plotLayout()->setRowStretchFactor(1, 0.001);
    plotLayout()->setRowStretchFactor(2, 0.001);
    placeLegendBelow(4); // inside the axes it covered the measured curve
    m_asymptote->setVisible(false); // until there is a fit
    xAxis->setRange(10, 10000);     // an empty chart on sensible axes
    yAxis->setRange(0, 1);
    setTarget(-1, -1);
}

void LearningCurveChart::setData(const Data &d)
{
    m_data = d;
    m_measured->setName(d.curveLabel.isEmpty() ? tr("%1 fit").arg(d.family) : d.curveLabel);
    m_warnings->setText(d.warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + d.warnings.join(QStringLiteral("\n⚠ ")));
    const bool loss = d.metric == QLatin1String("loss");
    yAxis->setLabel(loss ? tr("test loss") : d.metric == QLatin1String("smoothed_accuracy") ? tr("test smoothed accuracy")
                                                                                           : tr("test accuracy"));
    QVector<double> sx, sy, se;
    for (std::size_t k = 0; k < d.steps.size(); ++k) {
        sx << d.steps[k];
        sy << d.mean[k];
        se << (k < d.stddev.size() ? d.stddev[k] : 0.0);
    }
    m_points->setData(sx, sy, true);
    m_errors->setData(se);
    QVector<double> ex, ey;
    for (std::size_t k = 0; k < d.firstFitted && k < d.steps.size(); ++k) {
        ex << d.steps[k];
        ey << d.mean[k];
    }
    m_excluded->setData(ex, ey, true); // hollow circles drawn over the discs
    if (ex.isEmpty())
        m_excluded->removeFromLegend();
    else
        m_excluded->addToLegend();
    const QColor blue(31, 119, 180);
    m_measured->setPen(QPen(d.fitMisses ? Qt::gray : blue, 2.2, d.fitMisses ? Qt::DashLine : Qt::SolidLine));
    m_projected->setPen(QPen(d.fitMisses ? Qt::gray : blue, 2.2, Qt::DashLine));
    for (QCPGraph *g : m_rejected)
        removeGraph(g);
    m_rejected.clear();
    for (const auto &[name, values] : d.rejected) {
        QCPGraph *g = addGraph();
        g->setPen(QPen(QColor(150, 150, 150), 1.4, Qt::DashLine));
        g->setName(name);
        QVector<double> rx, ry;
        for (std::size_t i = 0; i < d.curveN.size() && i < values.size(); ++i) {
            rx << d.curveN[i];
            ry << values[i];
        }
        g->setData(rx, ry, true);
        m_rejected.push_back(g);
    }
    if (m_hi50->name().size() && !d.lo50.empty())
        m_hi50->addToLegend();
    else
        m_hi50->removeFromLegend();
    QVector<double> mx, my, px, py, l95, h95, l80, h80, l50, h50, bx;
    for (std::size_t i = 0; i < d.curveN.size(); ++i) {
        const double n = d.curveN[i];
        if (n <= d.trainSize) {
            mx << n;
            my << d.curve[i];
        }
        if (n >= d.trainSize || i + 1 == d.curveN.size()) {
            px << n;
            py << d.curve[i];
        }
        if (i < d.lo95.size() && std::isfinite(d.lo95[i]) && std::isfinite(d.hi95[i])) {
            bx << n;
            l95 << d.lo95[i];
            h95 << d.hi95[i];
            l80 << d.lo80[i];
            h80 << d.hi80[i];
            l50 << (i < d.lo50.size() ? d.lo50[i] : NAN);
            h50 << (i < d.hi50.size() ? d.hi50[i] : NAN);
        }
    }
    if (!mx.isEmpty() && !px.isEmpty() && px.front() > mx.back()) { // join the two pieces
        px.prepend(mx.back());
        py.prepend(my.back());
    }
    m_measured->setData(mx, my, true);
    m_projected->setData(px, py, true);
    m_lo95->setData(bx, l95, true);
    m_hi95->setData(bx, h95, true);
    m_lo80->setData(bx, l80, true);
    m_hi80->setData(bx, h80, true);
    m_lo50->setData(d.lo50.empty() ? QVector<double>{} : bx, l50, true);
    m_hi50->setData(d.lo50.empty() ? QVector<double>{} : bx, h50, true);
    m_asymptote->point1->setCoords(1, d.asymptote);
    m_asymptote->point2->setCoords(2, d.asymptote);
    m_asymptote->setVisible(std::isfinite(d.asymptote) && !loss);
    if (!d.curveN.empty())
        xAxis->setRange(d.curveN.front() * 0.8, d.curveN.back() * 1.25);
    else if (d.mean.empty()) { // nothing to show (a new session): the axes of a new chart
        xAxis->setRange(10, 10000);
        yAxis->setRange(0, 1);
    }
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t k = 0; k < d.mean.size(); ++k) {
        lo = std::min(lo, d.mean[k] - (k < d.stddev.size() ? d.stddev[k] : 0));
        hi = std::max(hi, d.mean[k] + (k < d.stddev.size() ? d.stddev[k] : 0));
    }
    for (double v : d.curve)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (std::isfinite(lo)) {
        m_yLo = loss ? std::max(0.0, lo * 0.9) : std::max(0.0, lo - 0.03);
        m_yHi = loss ? hi * 1.1 : std::min(1.0, hi + 0.03);
        yAxis->setRange(m_yLo, m_yHi);
    }
    replot(QCustomPlot::rpQueuedReplot);
}

void LearningCurveChart::setTarget(double target, double needed, const QString &detail, const QString &nextStep)
{
    const bool show = target > 0;
    // The target line is always in view: the y range grows to include it.
    yAxis->setRange(show ? std::min(m_yLo, target - 0.02) : m_yLo,
                    show ? std::min(1.0, std::max(m_yHi, target + 0.02)) : m_yHi);
    m_target->setVisible(show);
    m_target->point1->setCoords(1, target);
    m_target->point2->setCoords(2, target);
    m_neededLine->setVisible(show && needed > 0);
    m_neededLine->point1->setCoords(needed, 0);
    m_neededLine->point2->setCoords(needed, 1);
    QString text;
    if (show) {
        const QString t = QLocale().toString(target, 'f', 3);
        text = needed > 0 ? tr("target %1: n ≈ %2").arg(t, QLocale().toString(qlonglong(needed)))
                          : tr("target %1: unreachable").arg(t);
        if (!detail.isEmpty())
            text += QStringLiteral(" (%1)").arg(detail);
        if (!nextStep.isEmpty()) // wrapped: the row must not run past the plot's width
            text += QLatin1Char('\n') + wrapped(nextStep, 110);
    }
    m_answerText = show ? text.section(QLatin1Char('\n'), 0, 0) : QString();
    m_nextStep = show ? nextStep : QString();
    m_label->setText(text);
    replot(QCustomPlot::rpQueuedReplot);
}

QString LearningCurveChart::csv() const
{
    QString out = QStringLiteral("kind,n,value,std_or_lo95,hi95,lo80,hi80,lo50,hi50\n");
    for (std::size_t k = 0; k < m_data.steps.size(); ++k)
        out += QStringLiteral("%4,%1,%2,%3,,,,,\n").arg(m_data.steps[k]).arg(m_data.mean[k], 0, 'g', 10)
                   .arg(k < m_data.stddev.size() ? m_data.stddev[k] : 0.0, 0, 'g', 10)
                   .arg(k < m_data.firstFitted ? QStringLiteral("measured_not_fitted") : QStringLiteral("measured"));
    for (std::size_t i = 0; i < m_data.curveN.size(); ++i)
        out += QStringLiteral("fit,%1,%2,%3,%4,%5,%6").arg(m_data.curveN[i]).arg(m_data.curve[i], 0, 'g', 10)
                   .arg(i < m_data.lo95.size() ? m_data.lo95[i] : NAN, 0, 'g', 10)
                   .arg(i < m_data.hi95.size() ? m_data.hi95[i] : NAN, 0, 'g', 10)
                   .arg(i < m_data.lo80.size() ? m_data.lo80[i] : NAN, 0, 'g', 10)
                   .arg(i < m_data.hi80.size() ? m_data.hi80[i] : NAN, 0, 'g', 10)
               + QStringLiteral(",%1,%2\n").arg(i < m_data.lo50.size() ? m_data.lo50[i] : NAN, 0, 'g', 10)
                     .arg(i < m_data.hi50.size() ? m_data.hi50[i] : NAN, 0, 'g', 10);
    // The answer, its band, the next step and the warnings, as the image carries them.
    auto quoted = [](QString t) { return QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    if (!m_answerText.isEmpty())
        out += QStringLiteral("answer,,%1,,,,,,\n").arg(quoted(m_answerText));
    if (!m_nextStep.isEmpty())
        out += QStringLiteral("next_step,,%1,,,,,,\n").arg(quoted(m_nextStep));
    for (const QString &w : m_data.warnings)
        out += QStringLiteral("warning,,%1,,,,,,\n").arg(quoted(w));
    return out;
}

} // namespace wb::widgets
