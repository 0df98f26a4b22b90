#include "architecturepage.h"
#include "scriptmodelpanel.h"
#include "statustext.h"

#include "layerlistmodel.h"
#include "layertypedelegate.h"
#include "wb/errors.h"
#include "wb/scriptmodel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QTableView>
#include <QVBoxLayout>

namespace wb::app {

ArchitecturePage::ArchitecturePage(QWidget *parent) : QWidget(parent)
{
    m_model = new widgets::LayerListModel(this);
    auto *splitter = new QSplitter;
    splitter->addWidget(buildTableSide());
    splitter->addWidget(buildJsonSide());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 420}); // the JSON pane wide enough for a layer per line
    m_scriptPanel = new ScriptModelPanel;
    m_stack = new QStackedWidget;
    m_stack->addWidget(splitter);
    m_stack->addWidget(m_scriptPanel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    connect(m_scriptPanel, &ScriptModelPanel::closeRequested, this, &ArchitecturePage::leaveScriptModel);
    connect(m_scriptPanel, &ScriptModelPanel::optionsChanged, this, [this] {
        if (m_script)
            checkScript({}, *m_script, m_scriptPanel->options());
    });

    // A cell edited in the table (emitted before specChanged): the network is no preset now.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { m_modelName = QStringLiteral("custom"); });
    connect(m_model, &widgets::LayerListModel::specChanged, this, [this] {
        recordHistory();
        modelToText();
        updateStatus();
        Q_EMIT specChanged();
    });
    connect(m_model, &widgets::LayerListModel::editRejected, this, [this](const QString &message) {
        m_status->setText(errorText(message));
    });
    applyPreset(QStringLiteral("lenet5"), 0);
    m_undo.clear(); // the default is where history starts

    // Undo and redo are the main window's Edit menu (standard shortcuts; the JSON editor, while it
    // has the focus, undoes its own typing first).
}

namespace {

// "layer 3 (conv)", "adding a layer", "network lenet5": what turned `before` into `after`.
QString describeChange(const QString &before, const QString &beforeName, const QString &after, const QString &afterName)
{
    if (beforeName != afterName && afterName != QLatin1String("custom"))
        return ArchitecturePage::tr("network %1").arg(afterName);
    try {
        const core::ModelSpec a = core::parseModelSpec(before.toStdString());
        const core::ModelSpec b = core::parseModelSpec(after.toStdString());
        if (b.layers.size() > a.layers.size())
            return ArchitecturePage::tr("adding a layer");
        if (b.layers.size() < a.layers.size())
            return ArchitecturePage::tr("removing a layer");
        for (std::size_t i = 0; i < a.layers.size(); ++i)
            if (a.layers[i].type != b.layers[i].type || a.layers[i].params != b.layers[i].params)
                return ArchitecturePage::tr("layer %1 (%2)").arg(i + 1).arg(QString::fromStdString(b.layers[i].type));
    } catch (const core::Error &) {
    }
    return ArchitecturePage::tr("network settings");
}

} // namespace

void ArchitecturePage::recordHistory()
{
    const QString now = QString::fromStdString(core::toJson(m_model->spec()));
    if (!m_restoringHistory && !m_shownJson.isEmpty() && now != m_shownJson) {
        m_undo.push_back({m_shownJson, m_shownName, describeChange(m_shownJson, m_shownName, now, m_modelName)});
        if (m_undo.size() > 200)
            m_undo.pop_front();
        m_redo.clear();
        Q_EMIT historyChanged();
    }
    m_shownJson = now;
    m_shownName = m_modelName;
}

void ArchitecturePage::restoreSnapshot(const Snapshot &snapshot)
{
    m_restoringHistory = true;
    try {
        core::ModelSpec spec = core::parseModelSpec(snapshot.json.toStdString(), "undo history");
        spec.input = m_model->spec().input; // the data decides the input, as on import
        spec.classes = m_model->spec().classes;
        m_model->setSpec(spec);
        m_modelName = snapshot.modelName;
        m_preset->setCurrentText(m_modelName);
    } catch (const core::Error &) {
        // Snapshots are specs this page wrote: they parse.
    }
    m_restoringHistory = false;
    m_shownJson = snapshot.json;
    m_shownName = snapshot.modelName;
}

bool ArchitecturePage::undo()
{
    if (m_undo.isEmpty())
        return false;
    const Snapshot back = m_undo.takeLast();
    m_redo.push_back({m_shownJson, m_modelName, back.change});
    restoreSnapshot(back);
    Q_EMIT historyChanged();
    return true;
}

bool ArchitecturePage::redo()
{
    if (m_redo.isEmpty())
        return false;
    const Snapshot again = m_redo.takeLast();
    m_undo.push_back({m_shownJson, m_modelName, again.change});
    restoreSnapshot(again);
    Q_EMIT historyChanged();
    return true;
}

// Preset and width, the layer table with its edit row, and the status line.
QWidget *ArchitecturePage::buildTableSide()
{
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(widgets::LayerListModel::TypeColumn, new widgets::LayerTypeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(widgets::LayerListModel::ParamsColumn, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *tableSide = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(buildPresetRow());
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(buildEditRow());
    tableLayout->addWidget(m_status);
    return tableSide;
}

QLayout *ArchitecturePage::buildPresetRow()
{
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("preset"));
    for (const auto &name : core::presetNames())
        m_preset->addItem(QString::fromStdString(name));
    m_width = new QSpinBox;
    m_width->setRange(0, 4096);
    m_width->setSpecialValueText(tr("default"));
    auto *apply = new QPushButton(tr("Use preset"));
    m_inputLabel = new QLabel;
    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:")));
    presetRow->addWidget(m_preset);
    presetRow->addWidget(new QLabel(tr("Width:")));
    presetRow->addWidget(m_width);
    presetRow->addWidget(apply);
    m_openScript = new QPushButton(tr("Open PyTorch model…"));
    m_openScript->setToolTip(tr("Train your own network: a TorchScript file (torch.jit.script(net).save(\"net.pt\"))"));
    presetRow->addWidget(m_openScript);
    connect(m_openScript, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open PyTorch model"), QString(),
                                                          tr("TorchScript models (*.pt *.pth *.ptc);;All files (*)"));
        if (!path.isEmpty())
            openScriptModel(path);
    });
    presetRow->addStretch();
    presetRow->addWidget(m_inputLabel);
    // It may be cut rather than widen the page past a laptop's screen (German, 1280 px).
    m_inputLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_inputLabel->setMinimumWidth(60);

    apply->setToolTip(tr("Apply the preset again (e.g. after changing the width)"));
    // Choosing a preset applies it: no second click.
    connect(m_preset, &QComboBox::activated, this, [this] { applyPreset(m_preset->currentText(), m_width->value()); });
    connect(apply, &QPushButton::clicked, this, [this] { applyPreset(m_preset->currentText(), m_width->value()); });
    return presetRow;
}

// New layer type, Add / Remove / Up / Down, Import / Export.
QLayout *ArchitecturePage::buildEditRow()
{
    m_newType = new QComboBox;
    for (const auto &type : core::layerTypes())
        m_newType->addItem(QString::fromStdString(type));
    auto *add = new QPushButton(tr("Add"));
    auto *remove = new QPushButton(tr("Remove"));
    auto *up = new QPushButton(tr("Up"));
    auto *down = new QPushButton(tr("Down"));
    auto *importButton = new QPushButton(tr("Import JSON…"));
    auto *exportButton = new QPushButton(tr("Export JSON…"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    remove->setShortcut(QKeySequence::Delete);
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(m_newType);
    editRow->addWidget(add);
    editRow->addWidget(remove);
    editRow->addWidget(up);
    editRow->addWidget(down);
    editRow->addStretch();
    editRow->addWidget(importButton);
    editRow->addWidget(exportButton);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + 1 : m_model->rowCount();
        m_modelName = QStringLiteral("custom"); // before the change: the undo history records it
        m_model->insertLayer(row, {m_newType->currentText().toStdString(), {}});
        m_table->selectRow(row);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentIndex().isValid()) {
            m_modelName = QStringLiteral("custom");
            m_model->removeLayer(m_table->currentIndex().row());
        }
    });
    for (auto [button, delta] : {std::pair{up, -1}, std::pair{down, 1}})
        connect(button, &QPushButton::clicked, this, [this, delta = delta] {
            if (!m_table->currentIndex().isValid())
                return;
            m_modelName = QStringLiteral("custom");
            const int row = m_model->moveLayer(m_table->currentIndex().row(), delta);
            m_table->selectRow(row);
        });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import spec"), QString(), tr("JSON specs (*.json)"));
        QString error;
        if (!path.isEmpty() && !importSpec(path, &error))
            QMessageBox::warning(this, tr("Import spec"), error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export spec"), m_modelName + QStringLiteral(".json"),
                                                          tr("JSON specs (*.json)"));
        QString error;
        if (!path.isEmpty() && !exportSpec(path, &error))
            QMessageBox::warning(this, tr("Export spec"), error);
    });
    return editRow;
}

// The JSON spec, parsed 400 ms after the last keystroke.
QWidget *ArchitecturePage::buildJsonSide()
{
    m_json = new QPlainTextEdit;
    m_json->setFont(QFont(QStringLiteral("monospace")));
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth); // a long layer line stays whole in view
    m_json->setMinimumWidth(300);
    auto *jsonSide = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonSide);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    auto *jsonTitle = new QLabel(tr("<b>JSON spec</b> (edits apply as you type)"));
    jsonTitle->setWordWrap(true); // wraps instead of widening the page
    jsonLayout->addWidget(jsonTitle);
    jsonLayout->addWidget(m_json);

    m_parseDelay.setSingleShot(true);
    m_parseDelay.setInterval(400);
    connect(&m_parseDelay, &QTimer::timeout, this, &ArchitecturePage::textToModel);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_syncing)
            m_parseDelay.start();
    });
    return jsonSide;
}

core::ModelSpec ArchitecturePage::spec() const { return m_script ? *m_script : m_model->spec(); }
bool ArchitecturePage::isValid() const { return m_script ? m_scriptValid && m_checking == 0 : m_model->valid(); }

void ArchitecturePage::openScriptModel(const QString &path)
{
    checkScript(path, {}, {});
}

namespace {
struct ScriptCheck
{
    core::ModelSpec spec;
    core::ScriptModelReport report;
    QString error;
};
} // namespace

void ArchitecturePage::checkScript(const QString &path, const core::ModelSpec &spec, const core::ScriptModel &options)
{
    const int serial = ++m_checkSerial;
    ++m_checking;
    m_scriptPanel->setBusy(true);
    if (!m_script)
        m_status->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const auto input = m_model->spec().input;
    const int classes = m_model->spec().classes;
    auto *watcher = new QFutureWatcher<ScriptCheck>(this);
    connect(watcher, &QFutureWatcher<ScriptCheck>::finished, this, [this, watcher, serial, path] {
        watcher->deleteLater();
        --m_checking;
        const ScriptCheck r = watcher->result();
        if (serial != m_checkSerial)
            return; // a newer request is on its way
        m_scriptPanel->setBusy(false);
        if (!r.error.isEmpty()) {
            if (m_script) {
                m_scriptValid = false;
                m_scriptPanel->setProblem(r.error + QLatin1Char(' ') + tr("(the model cannot be trained until this is fixed)"));
            } else {
                m_status->setText(errorText(r.error));
            }
            Q_EMIT specChanged();
            Q_EMIT scriptChecked(r.error);
            return;
        }
        const bool opened = !path.isEmpty();
        m_script = r.spec;
        m_scriptValid = true;
        m_modelName = QString::fromStdString(r.spec.script->fileName).section(QLatin1Char('.'), 0, 0);
        m_scriptPanel->setModel(r.spec, r.report);
        m_stack->setCurrentWidget(m_scriptPanel);
        if (opened)
            m_status->setText(tr("%1 opened.").arg(QString::fromStdString(r.spec.script->fileName)));
        Q_EMIT specChanged();
        Q_EMIT scriptChecked({});
    });
    watcher->setFuture(QtConcurrent::run([path, spec, options, input, classes]() {
        ScriptCheck r;
        try {
            core::ModelSpec s;
            if (!path.isEmpty()) { // a head for other classes (ImageNet's 1000): opened with a new head, ticked
                s = core::importScriptModelFitting(path.toStdString(), options, input, classes);
            } else {
                core::ModelSpec shaped = spec;
                shaped.input = input;
                shaped.classes = classes;
                s = core::withScriptOptions(shaped, options);
            }
            r.report = core::inspectScriptModel(s);
            r.spec = s;
        } catch (const std::exception &e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    }));
}

void ArchitecturePage::leaveScriptModel()
{
    m_script.reset();
    ++m_checkSerial; // a check on its way is moot
    m_stack->setCurrentIndex(0);
    m_modelName = m_preset->currentText();
    applyPreset(m_modelName, m_width->value());
    updateStatus();
    Q_EMIT specChanged();
}

void ArchitecturePage::setInput(const std::array<int, 3> &input, int classes)
{
    m_inputLabel->setText(tr("input %1×%2×%3, %4 classes").arg(input[0]).arg(input[1]).arg(input[2]).arg(classes));
    m_inputLabel->setToolTip(m_inputLabel->text());
    if (m_model->spec().input == input && m_model->spec().classes == classes)
        return;
    if (m_script) { // the user's model is checked again for the new images and classes
        m_model->setInput(input, classes);
        checkScript({}, *m_script, m_scriptPanel->options());
        return;
    }
    if (m_modelName != QLatin1String("custom"))
        applyPreset(m_modelName, m_width->value()); // presets adapt their sizes to the data
    else
        m_model->setInput(input, classes);
}

void ArchitecturePage::applyPreset(const QString &name, int width)
{
    try {
        const auto &current = m_model->spec();
        core::ModelSpec spec = core::presetSpec(name.toStdString(), width, current.input, current.classes);
        m_modelName = name;
        m_model->setSpec(spec);
        m_preset->setCurrentText(name);
        m_width->setValue(width);
    } catch (const core::Error &e) {
        m_status->setText(errorText(QString::fromUtf8(e.what())));
    }
}

void ArchitecturePage::modelToText()
{
    if (m_json->hasFocus() && m_parseDelay.isActive())
        return; // the user is typing; their text wins
    m_syncing = true;
    m_json->setPlainText(QString::fromStdString(core::toJson(m_model->spec())));
    m_syncing = false;
}

void ArchitecturePage::textToModel()
{
    try {
        core::ModelSpec parsed = core::parseModelSpec(m_json->toPlainText().toStdString(), "JSON");
        if (core::toJson(parsed) == core::toJson(m_model->spec()))
            return; // the same network (edited and put back, or only spaces changed): it keeps its name
        m_modelName = QStringLiteral("custom");
        m_syncing = true;
        m_model->setSpec(parsed);
        m_syncing = false;
    } catch (const core::Error &e) {
        m_status->setText(errorText(QString::fromUtf8(e.what())));
    }
}

void ArchitecturePage::updateStatus()
{
    const auto &check = m_model->check();
    if (check.ok())
        m_status->setText(tr("%1 layers, %2 trainable weights, %3 features into the last layer.")
                              .arg(m_model->rowCount())
                              .arg(QLocale().toString(qlonglong(check.report.totalParameters)))
                              .arg(check.report.featureDim));
    else
        m_status->setText(errorText(QString::fromStdString(check.message)) + QLatin1Char(' ')
                          + tr("(the network cannot be trained until this is fixed)"));
}

bool ArchitecturePage::importSpec(const QString &path, QString *error)
{
    try {
        core::ModelSpec spec = core::readModelSpec(path.toStdString());
        const auto &current = m_model->spec();
        spec.input = current.input; // the data decides the input
        spec.classes = current.classes;
        m_modelName = QStringLiteral("custom");
        m_model->setSpec(spec);
        return true;
    } catch (const core::Error &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool ArchitecturePage::exportSpec(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QByteArray::fromStdString(core::toJson(m_model->spec())));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QJsonObject ArchitecturePage::saveState() const
{
    return {{QStringLiteral("modelName"), m_modelName},
            {QStringLiteral("width"), m_width->value()},
            {QStringLiteral("spec"), QString::fromStdString(core::toJson(spec()))}};
}

void ArchitecturePage::restoreState(const QJsonObject &s)
{
    if (s.isEmpty())
        return; // nothing saved yet: keep the current (default) architecture
    try {
        const QString text = s.value(QStringLiteral("spec")).toString();
        if (!text.isEmpty()) {
            core::ModelSpec saved = core::parseModelSpec(text.toStdString(), "saved spec");
            if (saved.isScript()) { // the user's model: checked again in the background
                checkScript({}, saved, *saved.script);
                return;
            }
            if (m_script)
                leaveScriptModel();
            m_model->setSpec(saved);
        }
        m_modelName = s.value(QStringLiteral("modelName")).toString(QStringLiteral("custom"));
        m_width->setValue(s.value(QStringLiteral("width")).toInt(0));
        m_preset->setCurrentText(m_modelName);
    } catch (const core::Error &) {
        // An unreadable saved spec leaves the editor as it is.
    }
}

} // namespace wb::app
