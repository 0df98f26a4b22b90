// Every page of the app in German (issue 34): with a session holding a run, its evaluation and a
// study of every kind, no text a user sees — labels, buttons, group boxes, tabs, table headers,
// axis titles, legends — is an English text whose German translation exists but is not used
// (the fault of a tr() looked up in the wrong context).
#include "clirun.h"
#include "job.h"
#include "mainwindow.h"
#include "plotwidget.h"
#include "sessiondocument.h"
#include "tscatalogue.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QSignalSpy>
#include <QtTest>

using namespace wb;

namespace {

/// The English texts of the German catalogue that have a German translation of their own.
QSet<QString> translatedEnglish()
{
    bool ok = false;
    QSet<QString> out;
    for (const TsMessage &m : readTsCatalogue(WB_SOURCE_DIR "/translations/workbench_de.ts", &ok))
        if (!m.unfinished && !m.translation.isEmpty() && m.translation != m.source && m.source.size() > 3)
            out.insert(m.source);
    return out;
}

QString plain(QString text)
{
    text.remove(QRegularExpression("<[^>]*>"));
    text.remove(QLatin1Char('&'));
    return text.trimmed();
}

/// What a user can read on `page` (the page shown): texts of labels, buttons, group boxes,
/// tabs, table headers, and the plots' axis titles and legend entries.
QStringList visibleTexts(QWidget *page)
{
    QStringList texts;
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(page))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            texts << l->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            texts << b->text() << b->toolTip();
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            texts << g->title();
        else if (auto *t = qobject_cast<QTabWidget *>(w))
            for (int i = 0; i < t->count(); ++i)
                texts << t->tabText(i);
        else if (auto *h = qobject_cast<QHeaderView *>(w); h && h->model())
            for (int i = 0; i < h->count(); ++i)
                texts << h->model()->headerData(i, h->orientation()).toString();
        else if (auto *c = qobject_cast<QComboBox *>(w))
            texts << c->currentText();
        if (auto *plot = qobject_cast<widgets::PlotWidget *>(w)) {
            texts << plot->xAxis->label() << plot->yAxis->label() << plot->emptyHint();
            for (int i = 0; i < plot->legend->itemCount(); ++i)
                if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
                    texts << item->plottable()->name();
        }
    }
    QStringList out;
    for (const QString &t : texts)
        if (!plain(t).isEmpty())
            out << plain(t);
    return out;
}

} // namespace

class tst_German : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void everyPageSpeaksGerman()
    {
        const QString session = m_dir.filePath("all.wbs");
        const QString mnist = WB_TEST_SHARED_DATA "/mnist10k";
        const QStringList small{"--data", mnist, "--model", "lenet5", "--epochs", "1", "--session", session};
        QVERIFY(cliSucceeds(QStringList{"train", "--train-limit", "300", "--test-limit", "200"} + small));
        QVERIFY(cliSucceeds({"evaluate", "--session", session, "--run", "1", "--tsne"}));
        QVERIFY(cliSucceeds(QStringList{"sufficiency", "run", "--runs", "2", "--steps", "100,200", "--train-size", "200",
                                "--test-size", "200"} + small));
        QVERIFY(cliSucceeds(QStringList{"grid", "run", "--widths", "2", "4", "--fractions", "1", "0.5", "--train-size", "300",
                                "--test-size", "200", "--data", mnist, "--model", "lenet5", "--epochs", "1",
                                "--session", session}));
        QVERIFY(cliSucceeds(QStringList{"active", "run", "--trials", "1", "--initial", "50", "--budget", "50", "--max-labels",
                                "150", "--steps-per-round", "20", "--train-size", "600", "--test-size", "200",
                                "--data", mnist, "--model", "lenet5", "--session", session}));
        QFile b(m_dir.filePath("b.json"));
        QVERIFY(b.open(QIODevice::WriteOnly) && b.write(R"({"lr": 0.02})") > 0);
        b.close();
        QVERIFY(cliSucceeds(QStringList{"compare", "--runs", "2", "--train-size", "300", "--test-size", "200", "--b",
                                m_dir.filePath("b.json")} + small));

        const QSet<QString> english = translatedEnglish();
        QVERIFY2(english.size() > 500, "the German catalogue was not found");
        QTranslator german;
        QVERIFY(german.load(QStringLiteral("workbench_de"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&german);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QStringList untranslated;
        {
            app::MainWindow w;
            w.setInteractive(false);
            w.resize(1500, 950);
            w.show();
            QVERIFY(w.openSession(session));
            for (int page = 0; page < w.pages()->count(); ++page) {
                w.pages()->setCurrentIndex(page);
                QTest::qWait(1500); // studies load, fits finish in the background
                for (const QString &text : visibleTexts(w.currentPage()))
                    if (english.contains(text))
                        untranslated << QStringLiteral("%1: %2").arg(w.pages()->tabText(page), text);
            }
            // The report of the sufficiency study, as File → Export Report writes it: German too.
            QString error;
            const QString report = m_dir.filePath("bericht.html");
            app::Job *job = w.startExportReport(1, report, false, &error);
            QVERIFY2(job, qPrintable(error));
            QSignalSpy done(job, &app::Job::finished);
            QVERIFY(job->state() == app::Job::State::Finished || done.wait(60000));
            QCOMPARE(job->state(), app::Job::State::Finished);
            QFile file(report);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString html = QString::fromUtf8(file.readAll());
            QVERIFY(html.contains("<html lang=\"de\">") && html.contains("Frage: Wie viele Trainingsbilder"));
            for (const QString &text : english)
                if (text.size() >= 16 && !text.contains(QLatin1Char('%')) && html.contains(text))
                    untranslated << QStringLiteral("report: %1").arg(text);
            untranslated.removeDuplicates();
        }
        QCoreApplication::removeTranslator(&german);
        QLocale::setDefault(QLocale::c());
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join("\n")));
    }
};

QTEST_MAIN(tst_German)
#include "tst_german.moc"
