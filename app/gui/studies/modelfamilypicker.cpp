#include "modelfamilypicker.h"
#include "statustext.h"

#include "wb/errors.h"
#include "wb/scriptmodel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace wb::app {

namespace {

struct FamilyResult
{
    std::vector<core::ModelSpec> specs;
    std::vector<core::ScriptModelReport> reports;
    QString error;
};

} // namespace

ModelFamilyPicker::ModelFamilyPicker(std::function<bool(std::array<int, 3> &, int &)> shape, QWidget *parent)
    : QWidget(parent), m_shape(std::move(shape))
{
    m_choose = new QPushButton(tr("Your model files…"));
    m_choose->setToolTip(tr("A family of your own TorchScript models of different sizes as the model axis, instead "
                            "of a preset's widths"));
    m_clear = new QPushButton(tr("Use the preset"));
    m_clear->setVisible(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_choose);
    row->addWidget(m_clear);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    connect(m_choose, &QPushButton::clicked, this, &ModelFamilyPicker::choose);
    connect(m_clear, &QPushButton::clicked, this, &ModelFamilyPicker::clear);
}

QString ModelFamilyPicker::names() const
{
    QStringList out;
    for (const auto &s : m_specs)
        out << QString::fromStdString(s.script->fileName);
    return out.join(QLatin1Char(','));
}

void ModelFamilyPicker::clear()
{
    ++m_serial;
    m_specs.clear();
    m_status->clear();
    m_clear->setVisible(false);
    Q_EMIT changed();
}

void ModelFamilyPicker::choose()
{
    std::array<int, 3> input{};
    int classes = 0;
    if (!m_shape(input, classes)) {
        m_status->setText(errorText(tr("Load a dataset first: the models are checked on its images.")));
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Your model files"), QString(),
                                                            tr("TorchScript models (*.pt *.pth *.ptc);;All files (*)"));
    if (paths.isEmpty())
        return;
    if (paths.size() < 2) {
        m_status->setText(errorText(tr("A model axis needs at least 2 files of different sizes.")));
        return;
    }
    const int serial = ++m_serial;
    m_status->setText(tr("Reading the files…"));
    m_choose->setEnabled(false);
    auto *watcher = new QFutureWatcher<FamilyResult>(this);
    connect(watcher, &QFutureWatcher<FamilyResult>::finished, this, [this, watcher, serial] {
        watcher->deleteLater();
        m_choose->setEnabled(true);
        if (serial != m_serial)
            return;
        const FamilyResult r = watcher->result();
        if (!r.error.isEmpty()) {
            m_status->setText(errorText(r.error));
            return;
        }
        m_specs = r.specs;
        QStringList rows;
        for (std::size_t i = 0; i < r.specs.size(); ++i)
            rows << tr("%1. %2: %3 parameters, %4 FLOPs")
                        .arg(i + 1)
                        .arg(QString::fromStdString(r.specs[i].script->fileName))
                        .arg(QLocale().toString(qlonglong(r.reports[i].trainable)))
                        .arg(QLocale().toString(qlonglong(r.reports[i].forwardFlops)));
        m_status->setText(tr("Model axis, smallest first (FLOPs per image measured by LibTorch's profiler):")
                          + QStringLiteral("<br>") + rows.join(QStringLiteral("<br>")));
        m_status->updateGeometry();
        m_clear->setVisible(true);
        Q_EMIT changed();
    });
    watcher->setFuture(QtConcurrent::run([paths, input, classes] {
        FamilyResult r;
        try {
            std::vector<std::pair<core::ModelSpec, core::ScriptModelReport>> family;
            for (const QString &p : paths) {
                const core::ModelSpec spec = core::importScriptModelFitting(p.toStdString(), {}, input, classes);
                family.emplace_back(spec, core::inspectScriptModel(spec));
            }
            std::stable_sort(family.begin(), family.end(),
                             [](const auto &a, const auto &b) { return a.second.trainable < b.second.trainable; });
            for (std::size_t i = 0; i < family.size(); ++i) {
                if (i > 0 && family[i].second.trainable == family[i - 1].second.trainable)
                    throw core::Error(core::ErrorCode::InvalidArgument,
                                      family[i - 1].first.script->fileName + " and " + family[i].first.script->fileName
                                          + " have the same number of parameters: a model axis needs different sizes");
                r.specs.push_back(family[i].first);
                r.reports.push_back(family[i].second);
            }
        } catch (const std::exception &e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    }));
}

} // namespace wb::app
