#pragma once

#include <QApplication>
#include <QElapsedTimer>

namespace wb::app {

/// The application object, with an optional watch for the window freezing: when the
/// environment variable WB_SLOW_EVENTS_MS is set (e.g. 200), every event that keeps the GUI
/// thread longer than that many milliseconds is written to stderr with its receiver and type —
/// how the actions that would freeze the window are found (house style §2: anything longer
/// runs as a job). Events that open a dialog run a nested event loop and are not counted.
/// Off, it costs one branch per event.
class Application : public QApplication
{
public:
    Application(int &argc, char **argv);
    bool notify(QObject *receiver, QEvent *event) override;

private:
    void watchNestedLoops();
    qint64 m_limitMs = 0;
    int m_depth = 0;
    bool m_nestedLoop = false; ///< the outermost event ran a nested event loop (a dialog)
    bool m_watching = false;
};

} // namespace wb::app
