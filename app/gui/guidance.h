#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace wb::app {

/// What the pages' hints depend on: a snapshot of the session and the loaded data.
struct GuideState
{
    bool dataLoaded = false;
    bool dataLoading = false;
    int runs = 0;              ///< runs in the session
    int trainedRuns = 0;       ///< runs with at least one finished epoch
    int sufficiencyStudies = 0, gridStudies = 0, activeStudies = 0, varianceStudies = 0;
};

/// The main window's pages, in tab order.
enum class GuidePage { Dataset, Architecture, Training, Evaluation, Sufficiency, Scaling, Active, Variance };

/// A thin bar above the pages showing the current page's next step, with a close button
/// (the choice is remembered).
class GuideBar : public QWidget
{
    Q_OBJECT

public:
    explicit GuideBar(QWidget *parent = nullptr);

    /// The next step on `page` for a user in `state`, one or two sentences (rich text): the
    /// path through the app for someone who has never used it.
    static QString nextStepHint(GuidePage page, const GuideState &state);
    /// The "Getting started" text of the Help menu: the path from a dataset to an answer,
    /// with links "page:N" that switch to page N.
    static QString gettingStartedHtml();

    void setHint(const QString &html);
    QString hint() const;
    /// Shows or hides the bar for good (QSettings "hints/visible").
    void setEnabledByUser(bool on);
    bool enabledByUser() const { return m_enabled; }

Q_SIGNALS:
    void linkActivated(const QString &link);
    void enabledChanged(bool on);

private:
    QLabel *m_text;
    bool m_enabled = true;
};

} // namespace wb::app
