// The Scaling page's views of a grid study: heatmaps with the law's contours, marginal
// plots and loss against compute. Shared by the page and the plot export.
#include "scalingviews.h"
#include "logticker.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace wb::app {

namespace {

double metricOf(const core::GridCellResult &c, const QString &key)
{
    if (key == QLatin1String("test_loss"))
        return c.testLoss;
    if (key == QLatin1String("test_accuracy"))
        return c.testAccuracy;
    if (key == QLatin1String("train_loss"))
        return c.trainLoss;
    if (key == QLatin1String("train_accuracy"))
        return c.trainAccuracy;
    if (key == QLatin1String("gap"))
        return c.testLoss - c.trainLoss;
    if (key == QLatin1String("test_smoothed_accuracy"))
        return c.testSmoothedAccuracy;
    return c.seconds;
}

// Mean and sample std of the finite values: {NaN, NaN} when none, std NaN for one value.
std::pair<double, double> meanStd(const std::vector<double> &v)
{
    double sum = 0, n = 0;
    for (double x : v)
        if (std::isfinite(x)) {
            sum += x;
            ++n;
        }
    if (n == 0)
        return {NAN, NAN};
    const double mean = sum / n;
    if (n < 2)
        return {mean, NAN};
    double ss = 0;
    for (double x : v)
        if (std::isfinite(x))
            ss += (x - mean) * (x - mean);
    return {mean, std::sqrt(ss / (n - 1))};
}

QString compact(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    if (std::abs(v) >= 1e4) // "2.41·10⁴" in every language (German printed "2,41E+04")
        return widgets::LogTicker::label(v, true, QLocale());
    return QLocale().toString(v, 'g', 4);
}

// The grid's cells indexed by (width index, fraction index): mean and std of a metric, and
// the measured parameters, samples and training FLOPs of each row and column.
struct Table
{
    std::vector<int> widths;
    std::vector<double> fractions;
    std::vector<std::int64_t> params;  // per width (0: no cell finished)
    std::vector<std::int64_t> samples; // per fraction
    std::vector<std::vector<double>> mean, stddev, flops;
};

Table tableOf(const core::GridStudyResult &r, const QString &metric)
{
    const core::GridConfig &c = r.setup.grid;
    Table t;
    t.widths = c.widths;
    t.fractions = c.fractions;
    t.params.assign(c.widths.size(), 0);
    t.samples.assign(c.fractions.size(), 0);
    std::map<std::pair<int, int>, std::vector<double>> values, compute;
    for (const auto &cell : r.cells) {
        const core::GridCellKey k = core::gridCellKey(c, cell.cell);
        values[{k.width, k.fraction}].push_back(metricOf(cell, metric));
        compute[{k.width, k.fraction}].push_back(cell.trainFlops);
        t.params[std::size_t(k.width)] = cell.params;
        t.samples[std::size_t(k.fraction)] = cell.samples;
    }
    const std::size_t W = c.widths.size(), F = c.fractions.size();
    t.mean.assign(W, std::vector<double>(F, NAN));
    t.stddev = t.flops = t.mean;
    for (const auto &[key, v] : values) {
        const auto [m, s] = meanStd(v);
        t.mean[std::size_t(key.first)][std::size_t(key.second)] = m;
        t.stddev[std::size_t(key.first)][std::size_t(key.second)] = c.seeds > 1 ? s : NAN;
        t.flops[std::size_t(key.first)][std::size_t(key.second)] = meanStd(compute[key]).first;
    }
    return t;
}

// Piecewise-linear interpolation (and extrapolation) of y over increasing x.
double interpolate(const std::vector<double> &x, const std::vector<double> &y, double at)
{
    if (x.size() == 1)
        return y[0];
    std::size_t i = 1;
    while (i + 1 < x.size() && at > x[i])
        ++i;
    const double t = (at - x[i - 1]) / (x[i] - x[i - 1]);
    return y[i - 1] + t * (y[i] - y[i - 1]);
}

} // namespace

QString scalingNumber(double v) { return compact(v); }

const std::vector<ScalingMetric> &scalingMetrics()
{
    static const std::vector<ScalingMetric> metrics = {
        {"test_loss", QT_TRANSLATE_NOOP("ScalingViews", "test loss"), false},
        {"test_accuracy", QT_TRANSLATE_NOOP("ScalingViews", "test accuracy"), true},
        {"train_loss", QT_TRANSLATE_NOOP("ScalingViews", "train loss"), false},
        {"train_accuracy", QT_TRANSLATE_NOOP("ScalingViews", "train accuracy"), true},
        {"gap", QT_TRANSLATE_NOOP("ScalingViews", "train–test gap (test − train loss)"), false},
        {"test_smoothed_accuracy", QT_TRANSLATE_NOOP("ScalingViews", "test smoothed accuracy"), true},
        {"seconds", QT_TRANSLATE_NOOP("ScalingViews", "seconds per cell"), false}};
    return metrics;
}

const ScalingMetric &scalingMetric(const QString &key)
{
    for (const auto &m : scalingMetrics())
        if (key == QLatin1String(m.key))
            return m;
    return scalingMetrics().front();
}

namespace {

// Column order of the views: fraction indices, smallest data size first.
std::vector<std::size_t> ascendingColumns(std::size_t F)
{
    std::vector<std::size_t> columns(F);
    for (std::size_t f = 0; f < F; ++f)
        columns[f] = F - 1 - f;
    return columns;
}

QString shareText(double fraction)
{
    return fraction == 1 ? QStringLiteral("1") : QStringLiteral("1/%1").arg(qlonglong(std::llround(1 / fraction)));
}
} // namespace

widgets::HeatmapChart::Data scalingHeatmap(const core::GridStudyResult &result, const QString &metric,
                                           const core::ScalingLawFit *fit)
{
    const ScalingMetric &info = scalingMetric(metric);
    const Table t = tableOf(result, QString::fromLatin1(info.key));
    const std::size_t W = t.widths.size(), F = t.fractions.size();
    const std::vector<std::size_t> columns = ascendingColumns(F);
    widgets::HeatmapChart::Data h;
    h.title = QCoreApplication::translate("ScalingViews", info.title);
    h.higherIsBetter = info.higherIsBetter;
    h.rowAxis = QCoreApplication::translate("ScalingViews", "width (parameters)");
    h.columnAxis = QCoreApplication::translate("ScalingViews", "training images (fraction)");
    for (std::size_t w = 0; w < W; ++w)
        h.rows << (t.params[w] ? QStringLiteral("%1 (%2)").arg(t.widths[w]).arg(compact(double(t.params[w])))
                               : QString::number(t.widths[w]));
    for (std::size_t f : columns)
        h.columns << (t.samples[f] ? QStringLiteral("%1 (%2)").arg(t.samples[f]).arg(shareText(t.fractions[f]))
                                   : shareText(t.fractions[f]));
    h.mean.assign(W, std::vector<double>(F, NAN));
    h.stddev = h.mean;
    for (std::size_t w = 0; w < W; ++w)
        for (std::size_t c = 0; c < F; ++c) {
            h.mean[w][c] = t.mean[w][columns[c]];
            h.stddev[w][c] = t.stddev[w][columns[c]];
        }
    if (!fit || QLatin1String(info.key) != QLatin1String("test_loss"))
        return h;
    if (!core::scalingFitTrusted(*fit)) {
        h.note = QCoreApplication::translate("ScalingViews", "No iso-loss contours: the fitted law does not describe these cells well enough (see its "
                    "warnings).");
        return h;
    }
    // Iso-loss lines of the law in cell coordinates: along the rows, log N interpolated
    // between the widths' parameters; D solved from the law; its column interpolated in log D.
    std::vector<double> rowsLogN, rowIndex, colsLogD, colIndex;
    for (std::size_t w = 0; w < W; ++w)
        if (t.params[w] > 0) {
            rowsLogN.push_back(std::log(double(t.params[w])));
            rowIndex.push_back(double(w));
        }
    for (std::size_t c = 0; c < F; ++c)
        if (t.samples[columns[c]] > 0) {
            colsLogD.push_back(std::log(double(t.samples[columns[c]])));
            colIndex.push_back(double(c));
        }
    if (rowsLogN.size() < 2 || colsLogD.size() < 2)
        return h;
    double lo = INFINITY, hi = -INFINITY;
    for (const auto &row : h.mean)
        for (double v : row)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    const core::ScalingLaw &law = fit->law;
    for (int k = 1; k <= 4; ++k) {
        const double level = lo + (hi - lo) * k / 5.0;
        widgets::HeatmapChart::Contour contour;
        contour.label = QLocale().toString(level, 'g', 3);
        for (int s = 0; s <= 200; ++s) {
            const double row = -0.5 + double(W) * s / 200.0;
            const double logN = interpolate(rowIndex, rowsLogN, row);
            const double rest = level - law.E - law.A * std::exp(-law.alpha * logN);
            if (!(rest > 0) || !(law.B > 0) || !(law.beta > 0))
                continue;
            const double column = interpolate(colsLogD, colIndex, (std::log(law.B) - std::log(rest)) / law.beta);
            if (column < -0.5 || column > double(F) - 0.5)
                continue;
            contour.column.push_back(column);
            contour.row.push_back(row);
        }
        if (contour.column.size() > 1)
            h.contours.push_back(std::move(contour));
    }
    if (h.contours.empty())
        h.note = QCoreApplication::translate("ScalingViews", "The law's iso-loss lines for these levels lie outside the grid.");
    return h;
}

widgets::SeriesChart::Data scalingByParams(const core::GridStudyResult &result, const QString &metric)
{
    const ScalingMetric &info = scalingMetric(metric);
    const Table t = tableOf(result, QString::fromLatin1(info.key));
    widgets::SeriesChart::Data d;
    d.xLabel = QCoreApplication::translate("ScalingViews", "parameters");
    d.yLabel = QCoreApplication::translate("ScalingViews", info.title);
    d.logY = QString::fromLatin1(info.key).endsWith(QLatin1String("loss"));
    for (std::size_t f : ascendingColumns(t.fractions.size())) {
        widgets::SeriesChart::Series s;
        s.name = QCoreApplication::translate("ScalingViews", "%1 images").replace(QLatin1String("%1"), QString::number(t.samples[f]));
        for (std::size_t w = 0; w < t.widths.size(); ++w) {
            s.x.push_back(double(t.params[w]));
            s.y.push_back(t.mean[w][f]);
            s.error.push_back(t.stddev[w][f]);
        }
        d.series.push_back(std::move(s));
    }
    return d;
}

widgets::SeriesChart::Data scalingBySamples(const core::GridStudyResult &result, const QString &metric)
{
    const ScalingMetric &info = scalingMetric(metric);
    const Table t = tableOf(result, QString::fromLatin1(info.key));
    widgets::SeriesChart::Data d;
    d.xLabel = QCoreApplication::translate("ScalingViews", "training images");
    d.yLabel = QCoreApplication::translate("ScalingViews", info.title);
    d.logY = QString::fromLatin1(info.key).endsWith(QLatin1String("loss"));
    const std::vector<std::size_t> columns = ascendingColumns(t.fractions.size());
    for (std::size_t w = 0; w < t.widths.size(); ++w) {
        widgets::SeriesChart::Series s;
        s.name = QCoreApplication::translate("ScalingViews", "width %1").replace(QLatin1String("%1"), QString::number(t.widths[w]));
        for (std::size_t f : columns) {
            s.x.push_back(double(t.samples[f]));
            s.y.push_back(t.mean[w][f]);
            s.error.push_back(t.stddev[w][f]);
        }
        d.series.push_back(std::move(s));
    }
    return d;
}

widgets::SeriesChart::Data scalingCompute(const core::GridStudyResult &result)
{
    const Table t = tableOf(result, QStringLiteral("test_loss"));
    widgets::SeriesChart::Data d;
    d.xLabel = QCoreApplication::translate("ScalingViews", "training compute (FLOPs)");
    d.yLabel = QCoreApplication::translate("ScalingViews", "test loss");
    d.logY = true;
    std::vector<std::pair<double, double>> all;
    for (std::size_t w = 0; w < t.widths.size(); ++w) {
        widgets::SeriesChart::Series s;
        s.name = QCoreApplication::translate("ScalingViews", "width %1").replace(QLatin1String("%1"), QString::number(t.widths[w]));
        s.line = false;
        for (std::size_t f = 0; f < t.fractions.size(); ++f) {
            s.x.push_back(t.flops[w][f]);
            s.y.push_back(t.mean[w][f]);
            s.error.push_back(t.stddev[w][f]);
            if (std::isfinite(t.flops[w][f]) && std::isfinite(t.mean[w][f]))
                all.emplace_back(t.flops[w][f], t.mean[w][f]);
        }
        d.series.push_back(std::move(s));
    }
    std::sort(all.begin(), all.end());
    widgets::SeriesChart::Series frontier;
    frontier.name = QCoreApplication::translate("ScalingViews", "compute-efficient frontier");
    frontier.highlight = true;
    double best = INFINITY;
    for (const auto &[c, l] : all)
        if (l < best) {
            best = l;
            frontier.x.push_back(c);
            frontier.y.push_back(l);
        }
    if (!frontier.x.empty())
        d.series.push_back(std::move(frontier));
    if (result.setup.grid.budget == "steps")
        d.note = QCoreApplication::translate("ScalingViews", "Equal steps: the cells of one width spent the same compute; the frontier runs over widths.");
    return d;
}

} // namespace wb::app
