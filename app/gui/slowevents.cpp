#include "slowevents.h"

#include <QAbstractEventDispatcher>
#include <QEvent>
#include <QMetaEnum>
#include <QWidget>

#include <cstdio>

namespace wb::app {

Application::Application(int &argc, char **argv) : QApplication(argc, argv)
{
    bool ok = false;
    const qint64 limit = qEnvironmentVariableIntValue("WB_SLOW_EVENTS_MS", &ok);
    if (ok && limit > 0)
        m_limitMs = limit;
}

void Application::watchNestedLoops()
{
    // An event that opens a dialog (exec) runs a nested event loop: the window answers all the
    // while, so its time is the user's, not a freeze. The dispatcher blocking inside it tells.
    if (m_watching || !QAbstractEventDispatcher::instance())
        return;
    m_watching = true;
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this, [this] {
        if (m_depth > 0)
            m_nestedLoop = true;
    });
}

bool Application::notify(QObject *receiver, QEvent *event)
{
    if (m_limitMs == 0)
        return QApplication::notify(receiver, event);
    watchNestedLoops();
    if (m_depth == 0)
        m_nestedLoop = false;
    QElapsedTimer timer;
    timer.start();
    ++m_depth;
    const QEvent::Type type = event->type();
    const bool result = QApplication::notify(receiver, event);
    --m_depth;
    const qint64 ms = timer.elapsed();
    if (ms >= m_limitMs && m_depth == 0 && !m_nestedLoop) { // outermost only; a nested loop's events are logged themselves
        QString where = QString::fromLatin1(receiver->metaObject()->className());
        if (!receiver->objectName().isEmpty())
            where += QLatin1Char(' ') + receiver->objectName();
        if (const auto *w = qobject_cast<const QWidget *>(receiver); w && w->window() && w->window() != w)
            where += QStringLiteral(" in ") + QString::fromLatin1(w->window()->metaObject()->className());
        const char *typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        std::fprintf(stderr, "workbench: slow event: %lld ms, %s to %s\n", static_cast<long long>(ms),
                     typeName ? typeName : "?", qPrintable(where));
    }
    return result;
}

} // namespace wb::app
