#pragma once

#include "plotwidget.h"

#include <QColor>
#include <QHash>

#include <cstdint>
#include <vector>

namespace wb::widgets {

/// Live chart of one training metric for one or more runs, x in epochs: per-batch raw
/// values (faint), their debiased EWA (bold) and per-epoch validation points (markers).
/// Loss uses a log-scaled y axis. Copes with 100k+ points per run (adaptive sampling;
/// smoothing is recomputed only for the run that changed).
class TrainingChart : public PlotWidget
{
    Q_OBJECT

public:
    enum class Metric { Loss, Accuracy };

    explicit TrainingChart(Metric metric, QWidget *parent = nullptr);

    Metric metric() const { return m_metric; }
    /// Adds or replaces a run's data. x values are in epochs (batch i of an epoch with
    /// b batches sits at epoch−1 + (i+1)/b).
    void setRun(std::int64_t id, const QString &name, const std::vector<double> &x,
                const std::vector<double> &y, const std::vector<double> &valX,
                const std::vector<double> &valY);
    /// Appends batch points and validation points to a run created by setRun.
    void appendRun(std::int64_t id, const std::vector<double> &x, const std::vector<double> &y,
                   const std::vector<double> &valX = {}, const std::vector<double> &valY = {});
    void setRunVisible(std::int64_t id, bool visible);
    /// A diverged run is labelled so and leaves the y range to the other runs (its loss of
    /// 1e13 would squash them), unless it is the only one shown.
    void setRunDiverged(std::int64_t id, bool diverged);
    /// Renames a run in the legend (and the CSV).
    void setRunName(std::int64_t id, const QString &name);
    /// The legend's labels, in legend order (runs by id).
    QStringList legendLabels() const;
    void removeRun(std::int64_t id);
    void clearRuns();
    bool hasRun(std::int64_t id) const { return m_runs.contains(id); }
    int pointCount(std::int64_t id) const;

    /// EWA factor q in [0, 0.999]; re-smooths every run at once.
    void setSmoothing(double q);
    double smoothing() const { return m_q; }
    /// Smoothed values of a run (as plotted).
    std::vector<double> smoothed(std::int64_t id) const;

    QString csv() const override;

    /// Distinct colour for the n-th run.
    static QColor runColor(int n);

private:
    struct Run
    {
        QString name;
        QColor color;
        bool diverged = false;
        std::vector<double> x, y, valX, valY;
        QCPGraph *raw = nullptr, *smooth = nullptr, *validation = nullptr;
        double ewa = 0, ewaPow = 1; ///< running state of the debiased EWA
        std::size_t smoothedCount = 0; ///< points of y already smoothed into `smooth`
    };
    /// Smooths the points not yet smoothed (all of them after a reset): appending live
    /// batches costs only the new points, not the whole series.
    void smoothNew(Run &run);
    void resmooth(Run &run);
    void rescale();
    /// Re-adds the visible runs to the legend in id order (a replaced run would go last).
    void updateLegend();
    QList<std::int64_t> sortedIds() const;

    Metric m_metric;
    double m_q = 0.9;
    QHash<std::int64_t, Run> m_runs;
};

} // namespace wb::widgets
