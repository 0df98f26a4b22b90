#pragma once

// The messages of a Qt Linguist catalogue (.ts), for the translation tests.
#include <QFile>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

struct TsMessage
{
    QString source, translation;
    bool unfinished = false;
};

/// Every message of the .ts file at `path`; empty (with `*ok` false) when it cannot be read.
inline QList<TsMessage> readTsCatalogue(const QString &path, bool *ok)
{
    QList<TsMessage> out;
    QFile ts(path);
    *ok = ts.open(QIODevice::ReadOnly);
    if (!*ok)
        return out;
    QXmlStreamReader xml(&ts);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            out.push_back({source, xml.readElementText(QXmlStreamReader::IncludeChildElements), unfinished});
        }
    }
    *ok = !xml.hasError();
    return out;
}
