#pragma once

#include <QDialog>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace wb::app {

/// "Label next…": which unlabelled images to send to the annotators — the pool (a folder or a
/// list file), the network that scores it (the loop's last one, a trained run, or a new one
/// trained on the labelled images first), the strategy (pre-selected from the session's
/// active-learning study when it has one, saying why), how many, and at most how many per class.
class LabelNextDialog : public QDialog
{
    Q_OBJECT

public:
    /// A network choice: a run id, or 0 for "train a new one first".
    struct Network
    {
        QString text;
        std::int64_t runId = 0;
    };
    LabelNextDialog(const std::vector<Network> &networks, const QString &pool, const std::string &advisedStrategy,
                    const QString &advice, QWidget *parent = nullptr);

    QString pool() const;
    std::int64_t runId() const;  ///< 0: train a new network first
    std::string strategy() const;
    std::size_t count() const;
    int perClassCap() const;

    void accept() override;

private:
    QLineEdit *m_pool;
    QComboBox *m_network, *m_strategy;
    QSpinBox *m_count, *m_cap;
    QLabel *m_problem;
};

} // namespace wb::app
