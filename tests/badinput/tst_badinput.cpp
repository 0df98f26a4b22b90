// The bad-input catalogue (tests/badinput/cases.txt): each case runs workbench-cli on hostile
// or wrong input in a fresh folder of fixtures and expects an exit code, a message matching a
// pattern on stderr, no crash, and every fixture file byte for byte unchanged.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "../cli/clitest.h"

using namespace clitest;

namespace {
const QString kCatalogue = QStringLiteral(WB_TEST_DATA_DIR "/../badinput");

struct Catalogue
{
    QStringList prepare;                // "copy SRC DEST", "head SRC BYTES DEST", "write DEST TEXT", "mkdir DIR"
    QList<QStringList> cases;           // name, exit code, pattern, arguments
};

Catalogue readCatalogue()
{
    Catalogue c;
    QFile f(kCatalogue + "/cases.txt");
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return c;
    for (const QString &raw : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("prepare ")))
            c.prepare << line.mid(8).trimmed();
        else
            c.cases << line.split(QStringLiteral(" | "));
    }
    return c;
}

// TorchScript files written once per test run by tests/scriptmodels/make_models.py (Debian's
// python3-torch), so that no binary model is committed.
QString modelsDir()
{
    static QTemporaryDir dir;
    static bool made = false;
    if (!made) {
        made = true;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QFileInfo::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
                {kCatalogue + "/../scriptmodels/make_models.py", dir.path()});
        if (!p.waitForFinished(300000) || p.exitCode() != 0)
            qWarning("make_models.py failed: %s", p.readAll().constData());
    }
    return dir.path();
}

QString expand(QString s, const QString &dir)
{
    if (s.contains(QLatin1String("{models}")))
        s.replace(QLatin1String("{models}"), modelsDir());
    return s.replace(QLatin1String("{tmp}"), dir)
        .replace(QLatin1String("{mnist}"), kMnist)
        .replace(QLatin1String("{files}"), kCatalogue + "/files")
        .replace(QLatin1String("{data}"), QStringLiteral(WB_TEST_DATA_DIR));
}

// The bytes of a "write" step: \n and \r as line ends, \xNN as that byte (for encodings).
QByteArray unescaped(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == 'r')) {
            out += text[i + 1] == 'n' ? '\n' : '\r';
            ++i;
        } else if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x') {
            out += char(text.mid(i + 2, 2).toInt(nullptr, 16));
            i += 3;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Builds the fixtures of one case's folder.
bool prepare(const QStringList &steps, const QString &dir, QString *error)
{
    for (const QString &step : steps) {
        const QStringList p = expand(step, dir).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool ok = false;
        if (p.value(0) == QLatin1String("copy") && p.size() == 3)
            ok = QFile::copy(p[1], p[2]) && QFile::setPermissions(p[2], QFile::ReadOwner | QFile::WriteOwner);
        else if (p.value(0) == QLatin1String("mkdir") && p.size() == 2)
            ok = QDir().mkpath(p[1]);
        else if (p.value(0) == QLatin1String("head") && p.size() == 4) {
            QFile in(p[1]), out(p[3]);
            ok = in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly)
                 && out.write(in.read(p[2].toLongLong())) == p[2].toLongLong();
        } else if (p.value(0) == QLatin1String("write") && p.size() >= 2) {
            QFile out(p[1]);
            const QByteArray text = unescaped(expand(step.section(QLatin1Char(' '), 2), dir).toUtf8());
            ok = out.open(QIODevice::WriteOnly) && out.write(text) == text.size();
        }
        if (!ok) {
            *error = QStringLiteral("prepare step failed: ") + step;
            return false;
        }
    }
    return true;
}

QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out[path] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    return out;
}
} // namespace

class tst_BadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsLargeEnough()
    {
        const Catalogue c = readCatalogue();
        QVERIFY2(c.cases.size() >= 60, qPrintable(QString::number(c.cases.size())));
        QSet<QString> names;
        for (const QStringList &row : c.cases) {
            QVERIFY2(row.size() == 4, qPrintable(row.join(" | ")));
            QVERIFY2(!names.contains(row[0]), qPrintable("duplicate case " + row[0]));
            names.insert(row[0]);
        }
    }

    void refusedCleanly_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("arguments");
        for (const QStringList &row : readCatalogue().cases)
            if (row.size() == 4)
                QTest::newRow(qPrintable(row[0])) << row[1].toInt() << row[2] << row[3];
    }

    void refusedCleanly()
    {
        QFETCH(int, exitCode);
        QFETCH(QString, pattern);
        QFETCH(QString, arguments);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(prepare(readCatalogue().prepare, dir.path(), &error), qPrintable(error));
        const auto before = snapshot(dir.path());
        const QStringList args = expand(arguments, dir.path()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const Result r = cli(args, 120000);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.code == exitCode, qPrintable(QString("exit %1, expected %2; stderr: %3").arg(r.code).arg(exitCode).arg(err)));
        QVERIFY2(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption).match(err).hasMatch(),
                 qPrintable(QString("stderr does not match /%1/: %2").arg(pattern, err)));
        QVERIFY2(!err.contains("terminate called") && !err.contains("json.exception") && !err.contains("stoi"),
                 qPrintable("a raw library message: " + err));
        const auto after = snapshot(dir.path());
        for (auto it = before.begin(); it != before.end(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + " was changed or removed"));
    }
};

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"
