#pragma once

#include "wb/modelspec.h"

#include <QWidget>

#include <array>
#include <functional>
#include <vector>

class QLabel;
class QPushButton;

namespace wb::app {

/// The Scaling page's other model axis: a family of the user's own TorchScript files of
/// different sizes, read and checked in the background, smallest first.
class ModelFamilyPicker : public QWidget
{
    Q_OBJECT

public:
    /// `shape` gives the current dataset's [C,H,W] and classes (false when none is loaded).
    explicit ModelFamilyPicker(std::function<bool(std::array<int, 3> &, int &)> shape, QWidget *parent = nullptr);

    /// Whether a family is chosen (and checked): the grid's model axis.
    bool active() const { return !m_specs.empty(); }
    const std::vector<core::ModelSpec> &specs() const { return m_specs; }
    /// "a.pt,b.pt,c.pt", smallest first.
    QString names() const;

Q_SIGNALS:
    void changed();

private:
    void choose();
    void clear();
    std::function<bool(std::array<int, 3> &, int &)> m_shape;
    std::vector<core::ModelSpec> m_specs;
    QPushButton *m_choose, *m_clear;
    QLabel *m_status;
    int m_serial = 0;
};

} // namespace wb::app
