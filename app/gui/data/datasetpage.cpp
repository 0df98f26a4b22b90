#include "datasetpage.h"

#include "jobmanager.h"
#include "histogramchart.h"
#include "imagegrid.h"
#include "wb/datasetloader.h"
#include "wb/errors.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>

#include <random>

namespace wb::app {

namespace {
constexpr int kSamplesPerPage = 40;
}

DatasetPage::DatasetPage(JobManager *jobs, QWidget *parent) : QWidget(parent), m_jobs(jobs)
{
    m_summary = new QLabel(tr("No dataset loaded."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(buildSourceBox());
    leftLayout->addWidget(buildSplitBox());
    leftLayout->addWidget(m_summary);
    leftLayout->addStretch();

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(buildPreview());
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
}

// Fashion-MNIST or a folder, image size and channels for image folders, Load.
QWidget *DatasetPage::buildSourceBox()
{
    auto *sourceBox = new QGroupBox(tr("Source"));
    auto *sourceForm = new QFormLayout(sourceBox);
    m_source = new QComboBox;
    m_source->addItem(tr("Fashion-MNIST (Debian package)"), QStringLiteral("fashion-mnist"));
    m_source->addItem(tr("Folder (IDX files or class folders)"), QStringLiteral("folder"));
    m_path = new QLineEdit;
    m_path->setPlaceholderText(tr("folder with train-images-idx3-ubyte or <class>/ folders"));
    m_browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(m_browse);
    m_imageSize = new QSpinBox;
    m_imageSize->setRange(4, 512);
    m_imageSize->setValue(28);
    m_imageSize->setSuffix(tr(" px"));
    m_imageChannels = new QComboBox;
    m_imageChannels->addItem(tr("automatic"), 0);
    m_imageChannels->addItem(tr("grayscale"), 1);
    m_imageChannels->addItem(tr("RGB"), 3);
    m_load = new QPushButton(tr("Load"));
    m_load->setToolTip(tr("Read the chosen dataset (Fashion-MNIST, a folder of IDX files, or an image folder) "
                          "and show its samples and classes"));
    sourceForm->addRow(tr("Dataset:"), m_source);
    sourceForm->addRow(tr("Folder:"), pathRow);
    sourceForm->addRow(tr("Image size:"), m_imageSize);
    sourceForm->addRow(tr("Channels:"), m_imageChannels);
    sourceForm->addRow(m_load);

    auto updateSourceUi = [this] {
        const bool folder = m_source->currentData().toString() == QLatin1String("folder");
        m_path->setEnabled(folder);
        m_browse->setEnabled(folder);
        m_imageSize->setEnabled(folder);
        m_imageChannels->setEnabled(folder);
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, updateSourceUi);
    updateSourceUi();
    connect(m_browse, &QPushButton::clicked, this, &DatasetPage::browse);
    connect(m_load, &QPushButton::clicked, this, [this] {
        const bool folder = m_source->currentData().toString() == QLatin1String("folder");
        load(folder ? m_path->text().trimmed() : QStringLiteral("fashion-mnist"));
    });
    return sourceBox;
}

// Validation fraction, seed, stratification, limits and the resulting split sizes.
QWidget *DatasetPage::buildSplitBox()
{
    auto *splitBox = new QGroupBox(tr("Split"));
    auto *splitForm = new QFormLayout(splitBox);
    m_valFraction = new QDoubleSpinBox;
    m_valFraction->setRange(0.0, 0.9);
    m_valFraction->setSingleStep(0.05);
    m_valFraction->setDecimals(3);
    m_valFraction->setValue(0.1);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_stratified = new QCheckBox(tr("stratified by class"));
    m_stratified->setChecked(true);
    m_trainLimit = new QSpinBox;
    m_trainLimit->setRange(0, 100000000);
    m_trainLimit->setSpecialValueText(tr("all"));
    m_testLimit = new QSpinBox;
    m_testLimit->setRange(0, 100000000);
    m_testLimit->setSpecialValueText(tr("all"));
    m_splitSummary = new QLabel;
    m_splitSummary->setWordWrap(true);
    splitForm->addRow(tr("Validation fraction:"), m_valFraction);
    splitForm->addRow(tr("Seed:"), m_seed);
    splitForm->addRow(QString(), m_stratified);
    splitForm->addRow(tr("Training images:"), m_trainLimit);
    splitForm->addRow(tr("Test images:"), m_testLimit);
    splitForm->addRow(m_splitSummary);

    for (auto *spin : {m_seed, m_trainLimit, m_testLimit})
        connect(spin, &QSpinBox::valueChanged, this, &DatasetPage::updateSplitSummary);
    connect(m_valFraction, &QDoubleSpinBox::valueChanged, this, &DatasetPage::updateSplitSummary);
    connect(m_stratified, &QCheckBox::toggled, this, &DatasetPage::updateSplitSummary);
    return splitBox;
}

// One example per class, pageable random samples and the class histogram.
QWidget *DatasetPage::buildPreview()
{
    m_examples = new widgets::ImageGrid;
    m_samples = new widgets::ImageGrid;
    m_samples->setCellSize(48);
    m_histogram = new widgets::HistogramChart;
    m_histogram->setMinimumHeight(220);
    auto *prev = new QPushButton(tr("◀ Previous"));
    auto *next = new QPushButton(tr("Next ▶"));
    m_pageLabel = new QLabel;
    auto *pageRow = new QHBoxLayout;
    pageRow->addWidget(new QLabel(tr("<b>Random samples</b>")));
    pageRow->addStretch();
    pageRow->addWidget(prev);
    pageRow->addWidget(m_pageLabel);
    pageRow->addWidget(next);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("<b>One example per class</b>")));
    rightLayout->addWidget(m_examples);
    rightLayout->addLayout(pageRow);
    rightLayout->addWidget(m_samples);
    rightLayout->addWidget(new QLabel(tr("<b>Images per class</b>")));
    rightLayout->addWidget(m_histogram, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(right);

    connect(prev, &QPushButton::clicked, this, [this] { m_page = std::max(0, m_page - 1); showSamplesPage(); });
    connect(next, &QPushButton::clicked, this, [this] { ++m_page; showSamplesPage(); });
    return scroll;
}

void DatasetPage::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Dataset folder"), m_path->text());
    if (!dir.isEmpty())
        m_path->setText(dir);
}

QString DatasetPage::datasetName() const { return m_loadedName; }

core::DataConfig DatasetPage::dataConfig() const
{
    core::DataConfig c;
    c.dataset = m_loadedName.toStdString();
    c.valFraction = m_valFraction->value();
    c.stratified = m_stratified->isChecked();
    c.trainLimit = m_trainLimit->value();
    c.testLimit = m_testLimit->value();
    c.seed = std::uint64_t(m_seed->value());
    c.imageChannels = m_imageChannels->currentData().toInt();
    c.imageHeight = c.imageWidth = m_imageSize->value();
    return c;
}

void DatasetPage::load(const QString &nameOrDir)
{
    if (nameOrDir.isEmpty()) {
        Q_EMIT loadFailed(tr("Choose a dataset folder first."));
        return;
    }
    if (nameOrDir == QLatin1String("fashion-mnist"))
        m_source->setCurrentIndex(0);
    else {
        m_source->setCurrentIndex(1);
        m_path->setText(nameOrDir);
    }
    m_loading = true;
    m_requestedName = nameOrDir;
    m_load->setEnabled(false);
    m_summary->setText(tr("Loading %1…").arg(nameOrDir));
    auto result = std::make_shared<std::pair<core::DatasetPair, std::vector<core::SkippedFile>>>();
    const core::ImageFolderOptions folder{m_imageChannels->currentData().toInt(),
                                          m_imageSize->value(), m_imageSize->value()};
    const std::string name = nameOrDir.toStdString();
    Job *job = m_jobs->start(tr("Load %1").arg(nameOrDir), [result, folder, name](Job &job) {
        result->first = core::loadDataset(name, folder, result->second, &job);
    }, JobManager::Io);
    const int generation = ++m_loadGeneration;
    connect(job, &Job::finished, this, [this, job, result, nameOrDir, folder, generation] {
        if (generation != m_loadGeneration)
            return; // a later request superseded this load: its data must not replace the newer one
        m_loading = false;
        m_load->setEnabled(true);
        if (job->state() != Job::State::Finished) {
            m_summary->setText(m_data ? m_summary->text() : tr("No dataset loaded."));
            if (job->state() == Job::State::Failed)
                Q_EMIT loadFailed(job->error());
            if (m_data)
                showData();
            return;
        }
        m_data = std::make_shared<const core::DatasetPair>(std::move(result->first));
        m_loadedFolder = folder;
        m_loadedName = nameOrDir;
        m_page = 0;
        showData();
        if (!result->second.empty()) {
            QStringList names;
            for (const auto &s : result->second)
                names << QStringLiteral("%1: %2").arg(QString::fromStdString(s.path), QString::fromStdString(s.reason));
            Q_EMIT loadFailed(tr("%n file(s) could not be read and were skipped:\n", nullptr, int(names.size()))
                              + names.mid(0, 20).join(QLatin1Char('\n')));
        }
        Q_EMIT dataChanged();
    });
}

void DatasetPage::showData()
{
    const core::ImageDataset &train = m_data->train;
    const core::ImageDataset &test = m_data->test;
    const core::ChannelStats stats = core::channelStats(train);
    QStringList meanStd;
    for (std::size_t c = 0; c < stats.mean.size(); ++c)
        meanStd << QStringLiteral("%1 ± %2").arg(QLocale().toString(stats.mean[c], 'f', 4)).arg(QLocale().toString(stats.stddev[c], 'f', 4));
    m_summary->setText(tr("<b>%1</b><br>%2<br>train: %3 images, test: %4 images<br>"
                          "shape: %5 × %6 × %7 (C×H×W), %8 classes<br>per-channel mean ± std (train): %9")
                           .arg(m_loadedName.toHtmlEscaped(), QString::fromStdString(m_data->source).toHtmlEscaped())
                           .arg(train.size()).arg(test.size())
                           .arg(train.channels).arg(train.height).arg(train.width)
                           .arg(train.classCount()).arg(meanStd.join(QStringLiteral(", "))));
    QList<QImage> examples;
    QStringList names;
    std::vector<std::int64_t> trainCounts(std::size_t(train.classCount()), 0), testCounts;
    for (auto l : train.labels)
        ++trainCounts[std::size_t(l)];
    if (test.size() > 0) {
        testCounts.assign(std::size_t(train.classCount()), 0);
        for (auto l : test.labels)
            ++testCounts[std::size_t(l)];
    }
    QStringList classes;
    for (int k = 0; k < train.classCount(); ++k) {
        classes << QString::fromStdString(train.classNames[std::size_t(k)]);
        for (std::size_t i = 0; i < train.size(); ++i)
            if (train.labels[i] == k) {
                examples << widgets::toQImage(train, i);
                names << classes.back();
                break;
            }
    }
    m_examples->setImages(examples, names);
    m_histogram->setCounts(classes, trainCounts, testCounts);
    showSamplesPage();
    updateSplitSummary();
}

void DatasetPage::showSamplesPage()
{
    if (!m_data || m_data->train.size() == 0)
        return;
    const core::ImageDataset &train = m_data->train;
    const int pages = int((train.size() + kSamplesPerPage - 1) / kSamplesPerPage); // ~one view of each image
    m_page = std::min(m_page, pages - 1);
    // Each page is a seeded random draw, so paging back shows the same images again.
    std::mt19937_64 rng(std::uint64_t(m_seed->value()) * 1000003ull + std::uint64_t(m_page));
    QList<QImage> images;
    QStringList captions;
    for (int i = 0; i < kSamplesPerPage; ++i) {
        const std::size_t idx = std::size_t(rng() % train.size());
        images << widgets::toQImage(train, idx);
        captions << QString::fromStdString(train.classNames[std::size_t(train.labels[idx])]);
    }
    m_samples->setImages(images, captions);
    m_pageLabel->setText(tr("page %1 of %2").arg(m_page + 1).arg(pages));
}

void DatasetPage::updateSplitSummary()
{
    if (!m_data) {
        m_splitSummary->clear();
        return;
    }
    try {
        const core::DataSelection sel = core::selectData(*m_data, dataConfig());
        m_splitSummary->setText(tr("→ %1 training, %2 validation, %3 test images")
                                    .arg(sel.train.size()).arg(sel.validation.size()).arg(sel.test.size()));
        m_splitSummary->setStyleSheet(QString());
    } catch (const core::Error &e) {
        m_splitSummary->setText(QString::fromUtf8(e.what()));
        m_splitSummary->setStyleSheet(QStringLiteral("color: #b00020"));
    }
}

QJsonObject DatasetPage::saveState() const
{
    return {{QStringLiteral("dataset"), m_loadedName},
            {QStringLiteral("valFraction"), m_valFraction->value()},
            {QStringLiteral("seed"), m_seed->value()},
            {QStringLiteral("stratified"), m_stratified->isChecked()},
            {QStringLiteral("trainLimit"), m_trainLimit->value()},
            {QStringLiteral("testLimit"), m_testLimit->value()},
            {QStringLiteral("imageSize"), m_imageSize->value()},
            {QStringLiteral("imageChannels"), m_imageChannels->currentIndex()}};
}

void DatasetPage::restoreState(const QJsonObject &s)
{
    m_valFraction->setValue(s.value(QStringLiteral("valFraction")).toDouble(0.1));
    m_seed->setValue(s.value(QStringLiteral("seed")).toInt(1));
    m_stratified->setChecked(s.value(QStringLiteral("stratified")).toBool(true));
    m_trainLimit->setValue(s.value(QStringLiteral("trainLimit")).toInt(0));
    m_testLimit->setValue(s.value(QStringLiteral("testLimit")).toInt(0));
    m_imageSize->setValue(s.value(QStringLiteral("imageSize")).toInt(28));
    m_imageChannels->setCurrentIndex(s.value(QStringLiteral("imageChannels")).toInt(0));
    const QString dataset = s.value(QStringLiteral("dataset")).toString();
    if (!dataset.isEmpty() && dataset != m_loadedName)
        load(dataset);
}

} // namespace wb::app
