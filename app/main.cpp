// workbench: the desktop application (thin main; everything lives in wb_app).
#include "gui/data/datasetpage.h"
#include "gui/evaluation/plotexport.h"
#include "gui/mainwindow.h"
#include "gui/report/reportoutput.h"
#include "gui/sessiondocument.h"
#include "gui/slowevents.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/threadpolicy.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <cstring>

namespace {

void installTranslators(QApplication &app)
{
    const QString setting = QSettings().value(QStringLiteral("language"), QStringLiteral("system")).toString();
    const QLocale locale = setting == QLatin1String("system") ? QLocale::system() : QLocale(setting);
    // Numbers follow the language of the interface: "2.133 Beispiele" in German, even on an
    // English system (QLocale() and %L1 use the default locale).
    QLocale::setDefault(locale);
    // English plurals first: any language without its own catalogue still reads "1 epoch".
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral("workbench_en"), QStringLiteral(":/i18n")))
        app.installTranslator(english);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

// Headless: render every plot of a session to PNG/CSV files, no window.
int exportAll(const QString &sessionPath, const QString &dir)
{
    try {
        const wb::core::Session session(sessionPath.toStdString(), wb::core::Session::Mode::ReadOnly);
        wb::app::ExportReport report;
        const auto data = wb::app::exportDataset(session, report.warnings);
        QString error;
        if (!wb::app::exportAllPlots(session, dir, data.get(), 0.9, report, &error)) {
            std::fprintf(stderr, "workbench: error: %s\n", qPrintable(error));
            return 1;
        }
        for (const QString &w : report.warnings)
            std::fprintf(stderr, "workbench: note: %s\n", qPrintable(w));
        for (const QString &f : report.files)
            std::printf("%s\n", qPrintable(f));
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "workbench: error: %s\n", e.what());
        return 1;
    }
}

// Headless: write a study's report (PDF or HTML by the file's suffix), no window.
int writeReportHeadless(const QString &session, const QString &output, const QString &format, const QString &study,
                        const QString &run, const QString &title, const QString &targets)
{
    wb::app::ReportRequest request;
    request.sessionPath = request.sessionName = session;
    request.output = output;
    request.pdf = format.isEmpty() ? output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) : format == QLatin1String("pdf");
    if (!format.isEmpty() && format != QLatin1String("pdf") && format != QLatin1String("html")) {
        std::fprintf(stderr, "workbench: error: --report-format: pdf or html, not '%s'\n", qPrintable(format));
        return 2;
    }
    request.title = title;
    bool ok = true;
    request.study = study == QLatin1String("all") ? 0 : study.toLongLong(&ok);
    if (ok && !run.isEmpty()) {
        request.run = run.toLongLong(&ok);
        ok = ok && request.run > 0;
    }
    if (!ok || request.study < 0) {
        std::fprintf(stderr, "workbench: error: --report-study/--report-run: an id (or all), not '%s'\n",
                     qPrintable(run.isEmpty() ? study : run));
        return 2;
    }
    if (!targets.isEmpty()) {
        request.targets.clear();
        for (const QString &t : targets.split(QLatin1Char(','))) {
            const double v = t.toDouble(&ok);
            if (!ok || !(v > 0 && v < 1)) {
                std::fprintf(stderr, "workbench: error: --report-targets: accuracies between 0 and 1, not '%s'\n", qPrintable(t));
                return 2;
            }
            request.targets.push_back(v);
        }
    }
    QString error;
    if (!wb::app::writeReport(request, &error)) {
        std::fprintf(stderr, "workbench: error: %s\n", qPrintable(error));
        return error.contains(QLatin1String("cannot be written")) ? 1 : 3;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    wb::core::applyOpenMpDefaults(argv); // may re-execute this program once
    // Export needs no display: default to the offscreen platform when asked to export.
    for (int i = 1; i < argc; ++i)
        if ((std::strcmp(argv[i], "--export-all") == 0 || std::strcmp(argv[i], "--report") == 0)
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    wb::app::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SufficiencyWorkbench"));
    QApplication::setApplicationName(QStringLiteral("workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sufficiency Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/workbench.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Deep learning on small image datasets."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption open(QStringLiteral("open"), QApplication::translate("main", "Open the session FILE."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption exportAllOption(QStringLiteral("export-all"),
                                             QApplication::translate("main", "Render every plot of the session given with --open to PNG files in DIR, without a window, and exit."),
                                             QStringLiteral("DIR"));
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QApplication::translate("main", "Load this dataset (fashion-mnist or a folder) at start."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption report(QStringLiteral("report"),
                                    QApplication::translate("main", "Write the report of the session given with --open to FILE (.pdf or .html), without a window, and exit."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption reportStudy(QStringLiteral("report-study"),
                                         QApplication::translate("main", "The study the report is about (an id, or all)."),
                                         QStringLiteral("ID"), QStringLiteral("all"));
    const QCommandLineOption reportRun(QStringLiteral("report-run"),
                                       QApplication::translate("main", "The report is about this run instead of a study."),
                                       QStringLiteral("ID"));
    const QCommandLineOption reportTitle(QStringLiteral("report-title"), QApplication::translate("main", "The report's title."),
                                         QStringLiteral("TITLE"));
    const QCommandLineOption reportTargets(QStringLiteral("report-targets"),
                                           QApplication::translate("main", "Accuracy targets the report answers, comma-separated."),
                                           QStringLiteral("LIST"));
    const QCommandLineOption reportFormat(QStringLiteral("report-format"),
                                          QApplication::translate("main", "pdf or html (default: by the file's suffix)."),
                                          QStringLiteral("FORMAT"));
    parser.addOptions({open, exportAllOption, dataset, report, reportStudy, reportRun, reportTitle, reportTargets, reportFormat});
    parser.process(app);

    if (parser.isSet(report)) {
        if (!parser.isSet(open)) {
            std::fprintf(stderr, "workbench: error: --report needs --open FILE\n");
            return 2;
        }
        return writeReportHeadless(parser.value(open), parser.value(report), parser.value(reportFormat),
                                   parser.value(reportStudy), parser.value(reportRun), parser.value(reportTitle),
                                   parser.value(reportTargets));
    }

    if (parser.isSet(exportAllOption)) {
        if (!parser.isSet(open)) {
            std::fprintf(stderr, "workbench: error: --export-all needs --open FILE\n");
            return 2;
        }
        return exportAll(parser.value(open), parser.value(exportAllOption));
    }

    wb::app::MainWindow window;
    const QString last = QSettings().value(QStringLiteral("lastSession")).toString();
    bool opened = false;
    if (parser.isSet(open))
        opened = window.openSession(parser.value(open));
    else if (window.offerRecovery()) // an untitled session a crash left comes first
        opened = true;
    else if (!last.isEmpty() && QFileInfo::exists(last))
        opened = window.openSession(last);
    if (!opened && !window.newSession())
        return 1;
    // A new session already loads the default dataset: asking for it again would load it twice.
    if (parser.isSet(dataset) && window.datasetPage()->requestedName() != parser.value(dataset))
        window.datasetPage()->load(parser.value(dataset));
    window.show();
    return app.exec();
}
