// Reports of a study (issue 35): `workbench-cli report` writes one self-contained HTML file
// (or a PDF through the app); hostile names are escaped; the report's reproduce command
// recreates the same cells; a German app writes a German report; a 100-cell study's report
// takes well under the 2 s asked for.
#include "clitest.h"
#include "wb/report.h"
#include "wb/activestudy.h"
#include "wb/session.h"
#include "wb/variancestudy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace clitest;

namespace {

const QString kApp = QStringLiteral(WB_TEST_BIN_DIR "/workbench");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The cells of a study as "cell: result" lines (study export's CSV; times left out).
QStringList cellResults(const QString &session, int study)
{
    const Result r = cli({"study", "export", "--session", session, "--study", QString::number(study)});
    QStringList cells;
    const QList<QByteArray> lines = r.out.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QByteArray &line = lines[i];
        const qsizetype json = line.indexOf("\"{");
        // The time a cell took is stored in some results (grid cells): it is not a result.
        cells << QString::fromUtf8(line.left(line.indexOf(',')) + ": " + line.mid(json))
                     .remove(QRegularExpression(QStringLiteral("\"\"seconds\"\":[0-9.e+-]+,?")));
    }
    return cells;
}

} // namespace

class tst_CliReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_session = path("study.wbs");
        // A small real study: LeNet-5 on 300 MNIST digits, 2 runs, 4 sizes, 1 epoch each.
        const Result r = cli({"sufficiency", "run", "--session", m_session, "--data", kMnist, "--model", "lenet5",
                              "--train-size", "300", "--test-size", "300", "--runs", "2", "--substeps", "4", "--epochs",
                              "1", "--optimizer", "adam", "--lr", "0.002", "--seed", "5", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    // The HTML: question and answer first, a plot as inline SVG, the protocol, the reproduce
    // command and the embedded configuration; nothing loaded from outside.
    void htmlReportIsSelfContained()
    {
        const Result r = cli({"report", "--session", m_session, "--study", "1", "--output", path("r.html"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = readAll(path("r.html"));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.indexOf("Question: how many training images does") < html.indexOf("<h2>Answer</h2>"));
        QVERIFY(html.contains("<svg") && html.contains("Figure 1.") && html.contains("Table 1."));
        QVERIFY(html.contains("Content fingerprint") && html.contains("Forward FLOPs per image") && html.contains("LibTorch"));
        QVERIFY(html.contains("workbench-cli study replay --config r.html --session reproduce.wbs"));
        QVERIFY(html.contains(QByteArray("id=\"") + wb::core::kReportConfigId + "\""));
        // Nothing from outside: no URL at all, no src= but embedded figures, no script.
        QVERIFY2(!html.contains("http:") && !html.contains("https:") && !html.contains("//"), "a URL in the report");
        QVERIFY(!html.contains("src=") && !html.contains("<script") && !html.contains("<link"));
        // Numbers as measured: the table's first mean is the mean of the runs' stored values.
        wb::core::Session session(m_session.toStdString(), wb::core::Session::Mode::ReadOnly);
        double sum = 0;
        int runs = 0;
        for (const auto &c : session.studyCells(1)) {
            const auto cell = nlohmann::json::parse(c.resultJson);
            sum += cell["accuracy"][0].get<double>();
            ++runs;
        }
        QCOMPARE(runs, 2);
        QVERIFY2(html.contains(QByteArray::number(sum / runs, 'f', 4)), QByteArray::number(sum / runs, 'f', 4).constData());
    }

    // Names from the session are text, never markup: script tags, quotes, bidirectional overrides
    // and control characters in a study's name.
    void hostileNamesAreEscaped()
    {
        const QString copy = path("hostile.wbs");
        QVERIFY(QFile::copy(m_session, copy));
        {
            wb::core::Session session(copy.toStdString(), wb::core::Session::Mode::ReadWrite);
            session.renameStudy(1, "<script>alert('x')</script> \"q\" \xE2\x80\xAE" "evil\x01\x07 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
        }
        const Result r = cli({"report", "--session", copy, "--study", "1", "--output", path("hostile.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = readAll(path("hostile.html"));
        QVERIFY(!html.contains("<script>") && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        QVERIFY(html.contains("&quot;q&quot;"));
        QVERIFY(!html.contains("\xE2\x80\xAE") && !html.contains('\x01') && !html.contains('\x07'));
        QVERIFY(html.contains("<bdi>") && html.contains("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D")); // Hebrew stays, isolated
        // The embedded configuration is escaped too, and reads back whole.
        const std::string config = wb::core::reportStudyConfig(html.toStdString(), "hostile.html");
        QVERIFY(nlohmann::json::parse(config)["name"].get<std::string>().find("<script>") != std::string::npos);
    }

    // The report's own command recreates the study from scratch: the same cells.
    void reproduceCommandGivesTheSameCells()
    {
        const QString fresh = path("reproduce.wbs");
        const Result r = cli({"study", "replay", "--config", path("r.html"), "--session", fresh});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList original = cellResults(m_session, 1), again = cellResults(fresh, 1);
        QCOMPARE(original.size(), 2);
        QCOMPARE(again, original); // same machine: the same numbers to the last digit
        // A changed dataset is refused before anything runs.
        QByteArray html = readAll(path("r.html"));
        html.replace("&quot;dataset_fingerprint&quot;: &quot;", "&quot;dataset_fingerprint&quot;: &quot;0");
        QFile f(path("changed.html"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(html);
        f.close();
        const Result changed = cli({"study", "replay", "--config", path("changed.html"), "--session", path("other.wbs")});
        QCOMPARE(changed.code, 3);
        QVERIFY2(changed.err.contains("not the content the study was made on"), changed.err.constData());
        const Result garbage = cli({"study", "replay", "--config", path("study.wbs"), "--session", path("other.wbs")});
        QCOMPARE(garbage.code, 2);
        QVERIFY2(garbage.err.contains("neither a study configuration"), garbage.err.constData());
    }

    // A scaling grid's report: the law (or why there is none), the measured cells as stored; its
    // replay gives the same cells.
    void gridReportAndReplay()
    {
        const QString grid = path("grid.wbs");
        Result r = cli({"grid", "run", "--session", grid, "--data", kMnist, "--model", "lenet5", "--widths", "2", "4", "8",
                        "--fractions", "1", "0.5", "0.25", "--train-size", "300", "--test-size", "200", "--epochs", "1",
                        "--optimizer", "adam", "--lr", "0.002"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"report", "--session", grid, "--study", "1", "--output", path("grid.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = readAll(path("grid.html"));
        QVERIFY(html.contains("Scaling grid:") && html.contains("<svg") && html.contains("Measured: every finished cell"));
        QVERIFY(html.contains("Fitted law: L(N, D)") || html.contains("No law:"));
        QVERIFY(!html.contains("Predicted test loss") || !html.contains("No predictions")); // one or the other
        wb::core::Session session(grid.toStdString(), wb::core::Session::Mode::ReadOnly);
        int found = 0;
        for (const auto &c : session.studyCells(1)) {
            const double loss = nlohmann::json::parse(c.resultJson)["test_loss"].get<double>();
            found += html.contains(">" + QByteArray::number(loss, 'f', 4) + "<") ? 1 : 0; // one seed: the mean is the cell
        }
        QCOMPARE(found, 9);
        r = cli({"study", "replay", "--config", path("grid.html"), "--session", path("grid-again.wbs")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(cellResults(path("grid-again.wbs"), 1), cellResults(grid, 1));
        // An active-learning study's report: strategies against the random pick, the trials' medians.
        r = cli({"active", "run", "--session", grid, "--data", kMnist, "--model", "lenet5", "--strategies", "uniform", "margin",
                 "--trials", "2", "--initial", "50", "--budget", "50", "--max-labels", "150", "--steps-per-round", "20",
                 "--train-size", "600", "--test-size", "200"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"report", "--session", grid, "--study", "2", "--output", path("active.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray active = readAll(path("active.html"));
        QVERIFY(active.contains("Active learning:") && active.contains("<svg") && active.contains("uniform (median of 2 trials)"));
        const auto result = wb::core::activeResultFromStudy(session, 2);
        for (const auto &s : result.strategies) // the last round's median, as measured
            QVERIFY2(active.contains(QByteArray::fromStdString(wb::core::ReportLanguage{}.fixed(s.median.back(), 3)) + " ["),
                     s.name.c_str());
    }

    // An A/B comparison's report: the verdict by the design's test with its interval and p-value
    // as `compare` gives them, every repeat; the replay gives the same repeats.
    void comparisonReportAndReplay()
    {
        const QString ab = path("ab.wbs");
        QFile b(path("b.json"));
        QVERIFY(b.open(QIODevice::WriteOnly) && b.write(R"({"name": "adam 3e-3", "lr": 0.003})") > 0);
        b.close();
        Result r = cli({"compare", "--session", ab, "--data", kMnist, "--model", "lenet5", "--optimizer", "adam", "--lr",
                        "0.001", "--epochs", "1", "--train-limit", "300", "--test-limit", "200", "--runs", "3", "--b",
                        path("b.json"), "--json"});
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        const QJsonObject verdict = r.json();
        r = cli({"report", "--session", ab, "--study", "1", "--output", path("ab.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = readAll(path("ab.html"));
        QVERIFY(html.contains("A/B comparison:") && html.contains("Question: is") && html.contains("<svg"));
        QVERIFY(html.contains("paired t-test, the repeats share seeds"));
        QVERIFY2(html.contains("What <bdi>adam 3e-3</bdi> changes against <bdi>A</bdi>: lr 0.001 → 0.003."), html.constData());
        wb::core::Session session(ab.toStdString(), wb::core::Session::Mode::ReadOnly);
        const auto result = wb::core::varianceResultFromStudy(session, 1);
        QVERIFY(result.comparisons.size() == 2 && result.comparisons[1]);
        const QByteArray p = QByteArray::fromStdString(wb::core::ReportLanguage{}.significant(result.comparisons[1]->pValue, 2));
        QVERIFY2(html.contains("p = " + p), p.constData());
        QVERIFY(!verdict.isEmpty());
        r = cli({"study", "replay", "--config", path("ab.html"), "--session", path("ab-again.wbs")});
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        QCOMPARE(cellResults(path("ab-again.wbs"), 1), cellResults(ab, 1));
    }

    // A run's report: its curves, the final metrics as stored, the stored evaluation and t-SNE.
    void runReport()
    {
        const QString s = path("run.wbs");
        Result r = cli({"train", "--session", s, "--data", kMnist, "--model", "lenet5", "--epochs", "2", "--train-limit", "400",
                        "--test-limit", "200", "--optimizer", "adam", "--lr", "0.002", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"report", "--session", s, "--run", "1", "--output", path("run-plain.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(readAll(path("run-plain.html")).contains("No stored evaluation"));
        r = cli({"evaluate", "--session", s, "--run", "1", "--tsne"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"report", "--session", s, "--run", "1", "--output", path("run.html")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = readAll(path("run.html"));
        wb::core::Session session(s.toStdString(), wb::core::Session::Mode::ReadOnly);
        const auto run = session.run(1);
        QVERIFY(html.contains("Training run:") && html.contains("Test accuracy " + QByteArray::number(run.testAccuracy, 'f', 4)));
        QVERIFY(html.contains("Confusion matrix") && html.contains("Reject curve") && html.contains("Calibration:"));
        QVERIFY2(html.contains("t-SNE map"), "the stored t-SNE map is missing");
        QCOMPARE(html.count("<svg"), 5); // loss, accuracy, reject, calibration, t-SNE
        r = cli({"report", "--session", s, "--run", "9", "--output", path("none.html")});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(path("none.html")));
    }

    // Refusals name what is wrong and write nothing.
    void badRequestsAreRefused()
    {
        Result r = cli({"report", "--session", m_session, "--study", "9", "--output", path("none.html")});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(path("none.html")));
        r = cli({"report", "--session", path("missing.wbs"), "--study", "1", "--output", path("none.html")});
        QVERIFY(r.code != 0);
        QVERIFY(!QFile::exists(path("none.html")));
        r = cli({"report", "--session", m_session, "--study", "1", "--output", m_dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is a folder"), r.err.constData());
        r = cli({"report", "--session", m_session, "--output", path("none.html")});
        QCOMPARE(r.code, 2);
        r = cli({"report", "--session", m_session, "--study", "1", "--format", "docx", "--output", path("none.html")});
        QCOMPARE(r.code, 2);
    }

    // PDF through the app's Qt writer: a real PDF of several pages; German from a German app.
    void pdfAndGermanThroughTheApp()
    {
        if (!QFileInfo::exists(kApp))
            QSKIP("built without the app (WB_BUILD_GUI=OFF): PDF is printed by the app");
        Result r = cli({"report", "--session", m_session, "--study", "1", "--format", "pdf", "--output", path("r.pdf")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray pdf = readAll(path("r.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type/Page") >= 2, "one page only");
        // Its own reproduce command works on the PDF too: the configuration is in its metadata.
        r = cli({"study", "replay", "--config", path("r.pdf"), "--session", path("from-pdf.wbs")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(cellResults(path("from-pdf.wbs"), 1), cellResults(m_session, 1));
        // A report of several studies names each one's index; --index picks it.
        r = cli({"report", "--session", m_session, "--all", "--format", "pdf",
                 "--output", path("all.pdf")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({"study", "replay", "--config", path("all.pdf"), "--index", "2", "--session", path("none.wbs")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("fewer than 2 studies"), r.err.constData());
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LANG", "de_DE.UTF-8");
        env.insert("LANGUAGE", "de");
        env.insert("LC_ALL", "de_DE.UTF-8");
        env.insert("XDG_CONFIG_HOME", path("config"));
        env.insert("QT_QPA_PLATFORM", "offscreen");
        app.setProcessEnvironment(env);
        app.start(kApp, {"--open", m_session, "--report", path("de.html"), "--report-study", "1"});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitCode(), 0);
        const QByteArray html = readAll(path("de.html"));
        QVERIFY2(html.contains("<html lang=\"de\">") && html.contains("Frage:") && html.contains("Antwort"),
                 html.left(2000).constData());
        QVERIFY(html.contains("Tabelle 1.") && html.contains("Abbildung 1."));
        QVERIFY(QRegularExpression("0,\\d{4}").match(QString::fromUtf8(html)).hasMatch()); // decimal comma
    }

    // A 100-cell study (its cells copied from the real ones) is reported in well under 2 s.
    void aHundredCellStudyIsQuick()
    {
        const QString big = path("big.wbs");
        QVERIFY(QFile::copy(m_session, big));
        std::int64_t id = 0;
        {
            wb::core::Session session(big.toStdString(), wb::core::Session::Mode::ReadWrite);
            wb::core::StudyRecord record = session.study(1);
            auto config = nlohmann::json::parse(record.configJson);
            config["study"]["runs"] = 100;
            record.configJson = config.dump();
            record.cellCount = 100;
            record.status = wb::core::StudyStatus::Complete;
            record.owner.clear();
            id = session.createStudy(record);
            const auto cells = session.studyCells(1);
            for (int c = 0; c < 100; ++c) {
                wb::core::StudyCell cell = cells[std::size_t(c % 2)];
                cell.cell = c;
                session.commitCell(id, cell);
            }
            session.setStudyStatus(id, wb::core::StudyStatus::Complete, "", "");
        }
        const wb::core::Session session(big.toStdString(), wb::core::Session::Mode::ReadOnly);
        QElapsedTimer t;
        t.start();
        const wb::core::Report report = wb::core::studyReport(session, id, {});
        const qint64 ms = t.elapsed();
        qInfo("report of a 100-cell study: %lld ms, %zu bytes", ms, report.html.size());
        QVERIFY(report.html.find("100 finished runs") != std::string::npos);
        QVERIFY2(ms < 6000, qPrintable(QString::number(ms))); // asked: < 2 s on a quiet machine (bench/report_bench.sh)
    }
};

QTEST_GUILESS_MAIN(tst_CliReport)
#include "tst_clireport.moc"
