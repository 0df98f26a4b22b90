// What every study report shares: dispatch by type, status, protocol, how to reproduce, and
// the configuration embedded for `study replay`.
#include "studyreports.h"

#include "wb/dataset.h"
#include "wb/device.h"
#include "wb/errors.h"
#include "wb/modelspec.h"
#include "wb/session.h"
#include "util/jsonutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <unistd.h>
#include <fstream>

namespace wb::core {

using Json = nlohmann::json;
using namespace report;

namespace {

const char *statusSource(StudyStatus s)
{
    switch (s) {
    case StudyStatus::Running: return QT_TRANSLATE_NOOP("Report", "running");
    case StudyStatus::Submitted: return QT_TRANSLATE_NOOP("Report", "submitted to Slurm");
    case StudyStatus::Complete: return QT_TRANSLATE_NOOP("Report", "complete");
    case StudyStatus::Cancelled: return QT_TRANSLATE_NOOP("Report", "cancelled");
    case StudyStatus::Failed: return QT_TRANSLATE_NOOP("Report", "failed");
    case StudyStatus::Interrupted: return QT_TRANSLATE_NOOP("Report", "interrupted");
    }
    return "";
}

std::string cpuName()
{
    std::ifstream info("/proc/cpuinfo");
    std::string line;
    while (std::getline(info, line))
        if (line.rfind("model name", 0) == 0)
            if (const auto colon = line.find(':'); colon != std::string::npos)
                return line.substr(line.find_first_not_of(" \t", colon + 1));
    return "unknown CPU";
}

// Values of a JSON object as "key value" rows (training settings, study settings).
std::string jsonValue(const Json &v, const ReportLanguage &language)
{
    if (v.is_number_integer())
        return language.count(v.get<double>());
    if (v.is_number())
        return language.significant(v.get<double>(), 4);
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_boolean())
        return v.get<bool>() ? "true" : "false";
    return v.dump();
}

} // namespace

namespace report {

Rows dataSelectionRows(const ReportLanguage &L, const char *trainLabel, std::int64_t train, std::int64_t test,
                       const std::string &limitMode, std::uint64_t seed)
{
    const std::string all = L.translated(QT_TRANSLATE_NOOP("Report", "all"));
    return {{L.translated(trainLabel), train ? L.count(double(train)) : all},
            {L.translated(QT_TRANSLATE_NOOP("Report", "Test images T")), test ? L.count(double(test)) : all},
            {L.translated(QT_TRANSLATE_NOOP("Report", "How L and T are picked")), limitMode},
            {L.translated(QT_TRANSLATE_NOOP("Report", "Study seed")), std::to_string(seed)}};
}

void writeStatus(ReportWriter &w, const StudyRecord &study)
{
    if (study.status == StudyStatus::Complete)
        return;
    w.paragraph("<b>" + w.say(QT_TRANSLATE_NOOP("Report", "This study is incomplete (%1): %2 of %3 cells are done.")
                            , {w.language().translated(statusSource(study.status)), std::to_string(study.cellsDone),
                              std::to_string(study.cellCount)})
                    + "</b> " + w.say(QT_TRANSLATE_NOOP("Report", "Every number below comes from the finished cells only. To finish it where it is stored:")),
                "warning");
    w.code("workbench-cli study resume --session " + (w.options().session.empty() ? std::string("SESSION.wbs") : w.options().session)
           + " --study " + std::to_string(study.id));
}

void writeDataset(ReportWriter &w, const Session &session, std::int64_t datasetId)
{
    const ReportLanguage &L = w.language();
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Dataset")));
    if (datasetId > 0) {
        const DatasetRecord d = session.dataset(datasetId);
        std::string classes;
        for (std::size_t i = 0; i < d.classNames.size() && i < 20; ++i)
            classes += (i ? ", " : "") + d.classNames[i];
        if (d.classNames.size() > 20)
            classes += ", …";
        w.keyValues({{L.translated(QT_TRANSLATE_NOOP("Report", "Name")), d.name},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Folder")), d.path},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Images")), reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1 training, %2 test")),
                                                              {L.count(double(d.trainCount)), L.count(double(d.testCount))})},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Image shape")), std::to_string(d.channels) + " × " + std::to_string(d.height) + " × "
                                                             + std::to_string(d.width)},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Classes")), std::to_string(d.classNames.size()) + ": " + classes},
                     {L.translated(QT_TRANSLATE_NOOP("Report", "Content fingerprint")), d.fingerprint}});
    } else {
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "The session holds no dataset record for this study (made by an older version).")));
    }

}

void writeModel(ReportWriter &w, const ModelSpec *spec, const std::string &modelName)
{
    const ReportLanguage &L = w.language();
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Model")));
    Rows model = {{L.translated(QT_TRANSLATE_NOOP("Report", "Name")), modelName}};
    if (spec) {
        try {
            const ShapeReport shapes = inferShapes(*spec);
            std::string layers;
            for (std::size_t i = 0; i < shapes.layers.size(); ++i)
                layers += (i ? " → " : "") + shapes.layers[i].summary;
            model.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Parameters")), L.count(double(shapes.totalParameters))});
            model.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Forward FLOPs per image")), L.count(double(shapes.totalFlops))});
            model.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Input")), std::to_string(spec->input[0]) + " × " + std::to_string(spec->input[1])
                                                             + " × " + std::to_string(spec->input[2])});
            if (!layers.empty())
                model.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Layers")), layers});
        } catch (const Error &e) {
            model.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Parameters")), reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "not computed: %1")), {e.what()})});
        }
    }
    w.keyValues(model);

}

void writeSoftware(ReportWriter &w)
{
    const ReportLanguage &L = w.language();
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Software")));
}

void writeProtocol(ReportWriter &w, const Session &session, const StudyRecord &study, const Rows &settings,
                   const ModelSpec *spec, const std::string &modelName)
{
    const ReportLanguage &L = w.language();
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "Protocol")));
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Study")));
    Rows rows = {{L.translated(QT_TRANSLATE_NOOP("Report", "Study")), "#" + std::to_string(study.id) + " " + study.name},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Status")), reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1, %2 of %3 cells done, %4 failed")),
                                                          {L.translated(statusSource(study.status)), std::to_string(study.cellsDone),
                                                           std::to_string(study.cellCount), std::to_string(study.cellsFailed)})},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Created")), study.created},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Finished")), study.finished.empty() ? "–" : study.finished},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Computing time")), reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "%1 s wall-clock over all executions")),
                                                                  {L.fixed(study.wallSeconds, 1)})}};
    rows.insert(rows.end(), settings.begin(), settings.end());
    w.keyValues(rows);

    writeDataset(w, session, study.datasetId);
    writeModel(w, spec, modelName);
    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Training settings")));
    Rows training;
    try {
        const Json config = Json::parse(study.configJson);
        if (config.contains("train_config") && config["train_config"].is_object())
            for (const auto &[key, value] : config["train_config"].items())
                training.push_back({key, jsonValue(value, L)});
        if (config.contains("setups") && config["setups"].is_array()) // a variance study: per setup
            for (const auto &setup : config["setups"])
                if (setup.is_object() && setup.contains("train_config") && setup["train_config"].is_object())
                    for (const auto &[key, value] : setup["train_config"].items())
                        training.push_back({setup.value("name", std::string("?")) + " · " + key, jsonValue(value, L)});
    } catch (const Json::exception &) {
        training.push_back({L.translated(QT_TRANSLATE_NOOP("Report", "Configuration")), L.translated(QT_TRANSLATE_NOOP("Report", "damaged in the session"))});
    }
    w.keyValues(training);

    w.heading(3, L.translated(QT_TRANSLATE_NOOP("Report", "Cells")));
    std::vector<std::vector<std::string>> cells;
    double seconds = 0;
    for (const StudyCell &c : session.studyCells(study.id)) {
        seconds += c.seconds;
        cells.push_back({std::to_string(c.cell), c.status == "done" ? L.translated(QT_TRANSLATE_NOOP("Report", "done")) : L.translated(QT_TRANSLATE_NOOP("Report", "failed")),
                         L.fixed(c.seconds, 1), c.host, c.device, c.finished});
    }
    w.table({L.translated(QT_TRANSLATE_NOOP("Report", "cell")), L.translated(QT_TRANSLATE_NOOP("Report", "status")), L.translated(QT_TRANSLATE_NOOP("Report", "seconds")), L.translated(QT_TRANSLATE_NOOP("Report", "host")),
             L.translated(QT_TRANSLATE_NOOP("Report", "device")), L.translated(QT_TRANSLATE_NOOP("Report", "finished"))},
            cells,
            reportArg(L.translated(QT_TRANSLATE_NOOP("Report", "The finished cells (%1 of %2), where and how long each ran: %3 s in all.")),
                      {std::to_string(cells.size()), std::to_string(study.cellCount), L.fixed(seconds, 1)}),
            {true, false, true, false, false, false});

    writeSoftware(w);
    w.keyValues({{L.translated(QT_TRANSLATE_NOOP("Report", "Written by")), "Sufficiency Workbench " + w.options().version},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Written on")), w.options().platform},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Session")), w.options().session},
                 {L.translated(QT_TRANSLATE_NOOP("Report", "Written at")), w.options().generated.empty() ? utcNow() : w.options().generated}});
}

void writeReproduce(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    const ReportLanguage &L = w.language();
    w.heading(2, L.translated(QT_TRANSLATE_NOOP("Report", "How to reproduce")));
    std::string fingerprint;
    if (study.datasetId > 0)
        fingerprint = session.dataset(study.datasetId).fingerprint;
    Json config;
    try {
        config = Json::parse(study.configJson);
    } catch (const Json::exception &) {
        w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "The study's configuration is damaged in the session: it cannot be reproduced from this report.")));
        return;
    }
    std::string dataset = config.value("dataset", std::string());
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "Every cell is a pure function of the study's configuration and the cell's index: the seeds come "
                                   "from the study's seed and the index, never from threads, timing or order. With the same "
                                   "dataset (%1, fingerprint %2), this command recreates the study from scratch in a new "
                                   "session and runs its %3 cells:"),
                      {name(dataset), fingerprint.empty() ? "–" : fingerprint, std::to_string(study.cellCount)}));
    const Json doc = {{"workbench_study", 1},
                      {"type", study.type},
                      {"name", study.name},
                      {"cells", study.cellCount},
                      {"dataset_fingerprint", fingerprint},
                      {"config", config}};
    const int index = w.addConfig(doc.dump(-1, ' ', false, Json::error_handler_t::replace));
    const std::string file = w.options().file.empty() ? std::string(w.options().forPrint ? "report.pdf" : "report.html")
                                                      : w.options().file;
    w.code("workbench-cli study replay --config " + file + (w.options().several ? " --index " + std::to_string(index) : std::string())
           + " --session reproduce.wbs");
    w.paragraph(w.say(QT_TRANSLATE_NOOP("Report", "The configuration is embedded in this report (below, and in a PDF's metadata); saved as a file of its own, it "
                                   "works the same. On the same kind of CPU with the same LibTorch build the cells come out "
                                   "the same to the last digit. On another CPU (AVX2 against AVX-512, say) or a GPU, the float "
                                   "rounding of training differs: the numbers can differ in their last digits, and over many "
                                   "epochs by more. Compare them with %1."),
                      {"workbench-cli study export"}));
    // In print one line that wraps (indented, it took 2.5 pages, a value per line).
    w.block(L.translated(QT_TRANSLATE_NOOP("Report", "The study's configuration (JSON)")),
            w.options().forPrint ? doc.dump(-1, ' ', false, Json::error_handler_t::replace)
                                 : doc.dump(1, ' ', false, Json::error_handler_t::replace),
            kReportConfigId);
}

} // namespace report

const std::vector<std::string> &reportableStudyTypes()
{
    static const std::vector<std::string> types = {"sufficiency", "grid", "active", "variance"};
    return types;
}

namespace {

void writeStudy(ReportWriter &w, const Session &session, const StudyRecord &study)
{
    if (study.type == "grid")
        writeGridReport(w, session, study);
    else if (study.type == "variance")
        writeVarianceReport(w, session, study);
    else if (study.type == "active")
        writeActiveReport(w, session, study);
    else
        writeSufficiencyReport(w, session, study);
}

} // namespace

Report studyReport(const Session &session, std::int64_t id, const ReportOptions &options)
{
    const StudyRecord study = session.study(id);
    if (std::find(reportableStudyTypes().begin(), reportableStudyTypes().end(), study.type) == reportableStudyTypes().end())
        throw Error(ErrorCode::InvalidArgument, "study " + std::to_string(id) + " is a " + study.type
                                                    + " study: reports are written for sufficiency, scaling-grid, "
                                                      "active-learning and variance/A-B studies");
    ReportOptions o = options;
    if (o.platform.empty())
        o.platform = platformDescription();
    ReportWriter w(o);
    writeStudy(w, session, study);
    const std::string title = o.title.empty() ? study.name : o.title;
    return w.finish(title);
}

Report runReport(const Session &session, std::int64_t id, const ReportOptions &options)
{
    const RunRecord run = session.run(id);
    ReportOptions o = options;
    if (o.platform.empty())
        o.platform = platformDescription();
    ReportWriter w(o);
    writeRunReport(w, session, id);
    return w.finish(o.title.empty() ? "#" + std::to_string(run.id) + " " + run.name : o.title);
}

Report sessionReport(const Session &session, const ReportOptions &options)
{
    ReportOptions o = options;
    o.several = true;
    if (o.platform.empty())
        o.platform = platformDescription();
    ReportWriter w(o);
    int written = 0;
    for (const StudyRecord &study : session.studies()) {
        if (std::find(reportableStudyTypes().begin(), reportableStudyTypes().end(), study.type) == reportableStudyTypes().end())
            continue;
        if (written++)
            w.pageBreak();
        writeStudy(w, session, study);
    }
    if (!written)
        throw Error(ErrorCode::InvalidArgument, "the session has no study a report is written for (sufficiency, "
                                                "scaling-grid, active-learning and variance/A-B studies)");
    return w.finish(o.title.empty() ? std::string("Sufficiency Workbench report") : o.title);
}

std::string platformDescription()
{
    const int gpus = cudaDeviceCount();
    return "LibTorch " + torchVersion() + ", " + cpuName() + " (" + std::to_string(cpuCores()) + " threads)"
           + (gpus > 0 ? ", " + deviceDescription("cuda:0") : std::string(", no GPU"));
}

std::string reportXmpMetadata(const Report &report, const std::string &title)
{
    std::string xmp = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                      "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:wb=\"urn:sufficiency-workbench:report:1\">\n"
                      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escapeHtml(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                      "<pdf:Producer>Sufficiency Workbench</pdf:Producer>\n";
    for (const std::string &config : report.configs)
        xmp += std::string("<wb:studyConfig id=\"") + kReportConfigId + "\">" + escapeHtml(config) + "</wb:studyConfig>\n";
    xmp += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xmp;
}

void writeReportFile(const std::string &path, const std::string &content)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path target = fs::absolute(path, ec);
    if (fs::is_directory(target, ec))
        throw Error(ErrorCode::Io, path + ": is a folder; name the report's file");
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".part-" + std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(ErrorCode::Io, path + ": cannot be written (" + target.parent_path().string() + ")");
        out.write(content.data(), std::streamsize(content.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temp, ec);
            throw Error(ErrorCode::Io, path + ": cannot be written (disk full?)");
        }
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw Error(ErrorCode::Io, path + ": cannot be written (" + ec.message() + ")");
    }
}

std::string reportStudyConfig(const std::string &text, const std::string &where, int index)
{
    std::string jsonText;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        jsonText = text;
    } else {
        // The index-th element with the id: the HTML's <pre>, or a PDF's metadata (XMP).
        const std::string marker = std::string("id=\"") + kReportConfigId + "\"";
        std::size_t at = std::string::npos, from = 0;
        for (int k = 0; k < std::max(1, index); ++k) {
            at = text.find(marker, from);
            if (at == std::string::npos)
                break;
            from = at + marker.size();
        }
        const auto open = at == std::string::npos ? at : text.find('>', at);
        const auto close = open == std::string::npos ? open : text.find("</", open); // its content is escaped: no "<"
        if (close == std::string::npos) {
            if (index > 1 && text.find(marker) != std::string::npos)
                throw Error(ErrorCode::InvalidArgument, where + ": the report holds fewer than " + std::to_string(index)
                                                            + " studies (--index)");
            throw Error(ErrorCode::InvalidArgument, where + ": neither a study configuration (JSON) nor a report that "
                                                            "embeds one (no element " + kReportConfigId + ")");
        }
        const std::string escaped = text.substr(open + 1, close - open - 1);
        for (std::size_t i = 0; i < escaped.size(); ++i) {
            if (escaped[i] != '&') {
                jsonText += escaped[i];
                continue;
            }
            static const std::pair<const char *, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool known = false;
            for (const auto &[entity, c] : entities)
                if (escaped.compare(i, std::strlen(entity), entity) == 0) {
                    jsonText += c;
                    i += std::strlen(entity) - 1;
                    known = true;
                    break;
                }
            if (!known)
                jsonText += '&';
        }
    }
    Json doc;
    try {
        doc = Json::parse(jsonText);
    } catch (const Json::exception &e) {
        throw Error(ErrorCode::InvalidArgument, where + ": the study configuration is not valid JSON (" + json::message(e) + ")");
    }
    if (!doc.is_object() || !doc.contains("type") || !doc["type"].is_string() || !doc.contains("config")
        || !doc["config"].is_object())
        throw Error(ErrorCode::InvalidArgument, where + ": the study configuration needs \"type\" (text) and \"config\" "
                                                        "(an object), as a report embeds them");
    return doc.dump();
}

} // namespace wb::core
