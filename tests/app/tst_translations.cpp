#include <QFile>
#include <QTranslator>
#include "tscatalogue.h"
#include <QtTest>

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanIsComplete()
    {
        bool ok = false;
        const QList<TsMessage> catalogue = readTsCatalogue(QStringLiteral(WB_SOURCE_DIR "/translations/workbench_de.ts"), &ok);
        QVERIFY(ok);
        int messages = 0, finished = 0;
        QStringList open;
        for (const TsMessage &m : catalogue) {
            ++messages;
            if (m.unfinished || m.translation.trimmed().isEmpty())
                open << m.source;
            else
                ++finished;
        }
        QVERIFY(messages > 150);
        QVERIFY2(open.isEmpty(), qPrintable("untranslated: " + open.join(" | ")));
        QCOMPARE(finished, messages);
    }

    // Every "%n" text has English singular and plural forms: "1 epoch", not "1 epoch(s)".
    void englishPluralsAreComplete()
    {
        auto numerusSources = [](const QString &path) {
            QFile ts(path);
            QStringList sources;
            if (!ts.open(QIODevice::ReadOnly))
                return sources;
            QXmlStreamReader xml(&ts);
            bool numerus = false;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("message"))
                    numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                else if (xml.isStartElement() && xml.name() == QLatin1String("source") && numerus)
                    sources << xml.readElementText();
            }
            sources.sort();
            return sources;
        };
        const QStringList german = numerusSources(QStringLiteral(WB_SOURCE_DIR "/translations/workbench_de.ts"));
        QVERIFY(german.size() >= 5);
        QCOMPARE(numerusSources(QStringLiteral(WB_SOURCE_DIR "/translations/workbench_en.ts")), german);
        QTranslator t;
        QVERIFY(t.load("workbench_en", ":/i18n"));
        QCoreApplication::installTranslator(&t);
        QCOMPARE(QCoreApplication::translate("wb::app::EvaluationPage", "%1 (%n epoch(s))", nullptr, 1).arg("#3 a"),
                 QString("#3 a (1 epoch)"));
        QCOMPARE(QCoreApplication::translate("wb::app::EvaluationPage", "%1 (%n epoch(s))", nullptr, 8).arg("#3 a"),
                 QString("#3 a (8 epochs)"));
        QCoreApplication::removeTranslator(&t);
    }

    void embeddedCatalogueTranslates()
    {
        QTranslator t;
        QVERIFY(t.load(QLocale(QLocale::German), "workbench", "_", ":/i18n"));
        QCOMPARE(t.translate("wb::app::MainWindow", "&File"), QString("&Datei"));
        QCOMPARE(t.translate("wb::app::TrainingPage", "Smoothing:"), QString("Glättung:"));
        QCOMPARE(t.translate("RunStatus", "diverged"), QString("divergiert")); // statuses too
        QCOMPARE(t.translate("StudyStatus", "interrupted"), QString("unterbrochen"));
        QCOMPARE(t.translate("EngineMessage", "epoch %1/%2, loss %3"), QString("Epoche %1/%2, Verlust %3"));
        QCoreApplication::installTranslator(&t); // as the app does; %n is filled in by translate()
        QCOMPARE(QCoreApplication::translate("wb::app::MainWindow", "%n job(s) running", nullptr, 3),
                 QString("3 Aufträge laufen"));
        QCOMPARE(QCoreApplication::translate("wb::app::MainWindow", "%n job(s) running", nullptr, 1),
                 QString("1 Auftrag läuft"));
        QCoreApplication::removeTranslator(&t);
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
