#include "guidance.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>

namespace wb::app {

QString GuideBar::nextStepHint(GuidePage page, const GuideState &s)
{
    if (s.dataLoading && page != GuidePage::Dataset)
        return tr("The dataset is loading (see the Jobs panel below); the pages fill in when it is there.");
    if (!s.dataLoaded && !s.dataLoading)
        return tr("<b>Start here:</b> load a dataset on the Dataset page (Ctrl+1): Fashion-MNIST, a folder of "
                  "IDX files, or an image folder with one sub-folder per class.");
    switch (page) {
    case GuidePage::Dataset:
        return tr("Check the samples and the class balance, and set how many images to train and test on. "
                  "<b>Next:</b> pick a network on the Architecture page (Ctrl+2).");
    case GuidePage::Architecture:
        return tr("Pick a preset (LeNet-5 is a good first try), edit the layers, or open your own PyTorch model; the input follows the dataset. "
                  "<b>Next:</b> train it on the Training page (Ctrl+3).");
    case GuidePage::Training:
        return s.runs == 0
                   ? tr("Press <b>Train</b> (Ctrl+R) to train the network; not sure of the learning rate? Run the "
                        "<b>LR range test</b> (tab on the right) and press a Use button first.")
                   : tr("Right-click a run to resume, evaluate, export, rename or delete it. <b>Next:</b> look at its "
                        "mistakes on the Evaluation page (Ctrl+4), or ask how much data you need on the "
                        "Sufficiency page (Ctrl+5).");
    case GuidePage::Evaluation:
        return s.trainedRuns == 0
                   ? tr("Nothing to evaluate yet: train a run for at least one epoch on the Training page (Ctrl+3).")
                   : tr("Choose a run and press <b>Evaluate</b>: confusion matrix, per-class accuracy, the images it "
                        "gets most wrong, reject and calibration curves, and a t-SNE map of its features.");
    case GuidePage::Sufficiency:
        return s.sufficiencyStudies == 0
                   ? tr("<b>Is more data worth it?</b> Press Run: the network is trained on growing subsets and "
                         "the learning curve is extrapolated; the slider then says how many images a target "
                         "accuracy needs.")
                   : tr("Move the target-accuracy slider to read the images needed. <b>Next:</b> the Scaling "
                         "page (Ctrl+6) tells whether a bigger model would need fewer.");
    case GuidePage::Scaling:
        return s.gridStudies == 0
                   ? tr("<b>Model size × data size:</b> a grid of trainings over widths and subset sizes, and the "
                         "scaling law fitted to it. Press Run.")
                   : tr("Pick a cell or a view on the right. <b>Next:</b> which images to label next? The Active "
                         "learning page (Ctrl+7).");
    case GuidePage::Active:
        return s.activeStudies == 0
                   ? tr("<b>Which images to label next?</b> Compares selection strategies against random "
                         "picking on your pool. Press Run.")
                   : tr("Compare the strategies' curves. <b>Next:</b> the tab Your pool picks the images to label "
                         "from your own unlabelled ones.");
    case GuidePage::Variance:
        return s.varianceStudies == 0
                   ? tr("<b>Is a difference real?</b> Trains setup A (and B) several times with different seeds "
                         "and says whether B is better beyond the noise. Press Run.")
                   : tr("Read the verdict and the intervals; more repeats narrow them.");
    }
    return {};
}

QString GuideBar::gettingStartedHtml()
{
    return tr("<h3>Getting started</h3>"
              "<p>Sufficiency Workbench answers: <i>is it worth collecting more data, how much, with which model — "
              "and which images to label next?</i> A session file keeps everything you do; save it with "
              "Ctrl+S.</p><ol>"
              "<li><a href='page:0'>Dataset</a>: load Fashion-MNIST, a folder of IDX files, or an image folder "
              "(<tt>root/&lt;class&gt;/*.png</tt>, or <tt>root/train/…</tt> and <tt>root/test/…</tt>).</li>"
              "<li><a href='page:1'>Architecture</a>: pick a preset network or edit its layers.</li>"
              "<li><a href='page:2'>Training</a>: find a learning rate with the LR range test, then Train "
              "(Ctrl+R). Runs overlay; right-click one to resume, evaluate, rename or delete it, or to export "
              "its trained network for PyTorch or ONNX.</li>"
              "<li><a href='page:3'>Evaluation</a>: what a run gets wrong — confusion, per class, worst images, "
              "reject and calibration curves, t-SNE.</li>"
              "<li><a href='page:4'>Sufficiency</a>: the learning curve and the images a target accuracy "
              "needs.</li>"
              "<li><a href='page:5'>Scaling</a>, <a href='page:6'>Active learning</a>, "
              "<a href='page:7'>Variance</a>: bigger models, which images to label, and whether a difference "
              "is real.</li></ol>"
              "<p>Studies run on this computer or as a Slurm job array; every plot exports (right-click it, or "
              "File → Export All Plots). The same work runs headless with <tt>workbench-cli</tt>.</p>");
}

GuideBar::GuideBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("GuideBar"));
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("#GuideBar { background: #fff8d8; border-bottom: 1px solid #e0d49a; }"));
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    auto *close = new QToolButton;
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide the hints (Help → Show Hints brings them back)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_text, 1);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, [this] { setEnabledByUser(false); });
    connect(m_text, &QLabel::linkActivated, this, &GuideBar::linkActivated);
    m_enabled = QSettings().value(QStringLiteral("hints/visible"), true).toBool();
    if (!m_enabled)
        hide(); // showing is left to the parent (a parentless show would open a window)
}

void GuideBar::setHint(const QString &html) { m_text->setText(html); }
QString GuideBar::hint() const { return m_text->text(); }

void GuideBar::setEnabledByUser(bool on)
{
    m_enabled = on;
    QSettings().setValue(QStringLiteral("hints/visible"), on);
    setVisible(on);
    Q_EMIT enabledChanged(on);
}

} // namespace wb::app
