#include "reportoutput.h"

#include "learningcurvedata.h"
#include "statusnames.h"
#include "wb/errors.h"
#include "wb/session.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace wb::app {

core::ReportLanguage reportLanguage()
{
    core::ReportLanguage language;
    const QLocale locale;
    language.code = locale.language() == QLocale::C ? std::string("en") : locale.name().section(QLatin1Char('_'), 0, 0).toStdString();
    language.translate = [](const char *source) { return QCoreApplication::translate("Report", source).toStdString(); };
    language.engine = [](const std::string &message) {
        return engineMessageText(QString::fromStdString(message)).toStdString();
    };
    // The page's own sentences for the sufficiency answer's warnings and next steps.
    language.sufficiencyWarnings = [](const core::SufficiencyAnalysis &a) {
        std::vector<std::string> texts;
        for (const QString &t : curveWarningTexts(a.warnings, a.steps.empty() ? 0 : a.steps.back(), missedChecks(a)))
            texts.push_back(t.toStdString());
        return texts;
    };
    language.sufficiencyNextStep = [](const core::SufficiencyAnalysis &a, double target) {
        return targetAnswer(a, target).nextStep.toStdString();
    };
    language.decimalPoint = locale.decimalPoint().toStdString();
    language.groupSeparator = locale.groupSeparator().toStdString();
    return language;
}

bool writeReportPdf(const core::Report &report, const QString &title, const QString &path, QString *error)
{
    QTextDocument document;
    // Figures: drawn from their SVG at three times their size (sharp in print), white behind.
    for (std::size_t i = 0; i < report.figures.size(); ++i) {
        const core::ReportFigure &figure = report.figures[i];
        QSvgRenderer svg(QByteArray::fromStdString(figure.svg));
        QImage image(figure.width * 3, figure.height * 3, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("wbfig:%1").arg(i)), image);
    }
    document.setHtml(QString::fromStdString(report.html));
    QSaveFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Report", "%1 cannot be written: %2")
                     .arg(path, QFileInfo(path).isDir() ? QCoreApplication::translate("Report", "it is a folder") : file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Sufficiency Workbench"));
        // The studies' configurations travel in the metadata: `study replay --config report.pdf`.
        writer.setDocumentXmpMetadata(QByteArray::fromStdString(core::reportXmpMetadata(report, title.toStdString())));
        document.print(&writer); // paginated, a page number at the foot of each page
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("Report", "%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writeReport(const ReportRequest &request, QString *error)
{
    try {
        const core::Session session(request.sessionPath.toStdString(), core::Session::Mode::ReadOnly);
        core::ReportOptions options;
        options.title = request.title.toStdString();
        options.session = request.sessionName.toStdString();
        options.file = QFileInfo(request.output).fileName().toStdString();
        options.version = QCoreApplication::applicationVersion().toStdString();
        options.targets = request.targets;
        options.language = reportLanguage();
        const bool pdf = request.pdf;
        options.forPrint = pdf;
        const core::Report report = request.run > 0     ? core::runReport(session, request.run, options)
                                    : request.study > 0 ? core::studyReport(session, request.study, options)
                                                        : core::sessionReport(session, options);
        if (pdf) {
            QString title = request.title;
            if (title.isEmpty() && request.run > 0)
                title = QString::fromStdString(session.run(request.run).name);
            else if (title.isEmpty() && request.study > 0)
                title = QString::fromStdString(session.study(request.study).name);
            return writeReportPdf(report, title, request.output, error);
        }
        core::writeReportFile(request.output.toStdString(), report.html);
        return true;
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

} // namespace wb::app
