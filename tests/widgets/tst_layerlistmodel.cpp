#include "layerlistmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace wb;
using widgets::LayerListModel;

class tst_LayerListModel : public QObject
{
    Q_OBJECT

private:
    static QString cell(const LayerListModel &m, int row, int column, int role = Qt::DisplayRole)
    {
        return m.data(m.index(row, column), role).toString();
    }

private Q_SLOTS:
    void showsShapesAndCounts()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("lenet5", 0, {1, 28, 28}, 10));
        QCOMPARE(m.rowCount(), 12);
        QCOMPARE(cell(m, 0, LayerListModel::OutputColumn), QString("[6,28,28]"));
        QCOMPARE(cell(m, 7, LayerListModel::TypeColumn), QString("linear"));
        QCOMPARE(cell(m, 7, LayerListModel::CountColumn), QLocale().toString(48120)); // grouped in the UI's locale
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(cell(m, 7, LayerListModel::CountColumn), QString("48.120"));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(cell(m, 0, LayerListModel::ParamsColumn), QString("kernel=5 out=6 padding=2"));
        QVERIFY(m.valid());
    }

    void editingParamsUpdatesSpecAndShapes()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("lenet5", 0, {1, 28, 28}, 10));
        QSignalSpy changed(&m, &LayerListModel::specChanged);
        // First linear layer 400→120 becomes 400→100: its count and the next layer's change.
        QVERIFY(m.setData(m.index(7, LayerListModel::ParamsColumn), "out=100", Qt::EditRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.spec().layers[7].params.at("out"), 100.0);
        QCOMPARE(cell(m, 7, LayerListModel::OutputColumn), QString("[100]"));
        QCOMPARE(cell(m, 7, LayerListModel::CountColumn), QLocale().toString(400 * 100 + 100));
        QCOMPARE(cell(m, 9, LayerListModel::CountColumn), QLocale().toString(100 * 84 + 84));
        QVERIFY(m.valid());
    }

    void invalidStackMarksTheRow()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("lenet5", 0, {1, 28, 28}, 10));
        QVERIFY(m.setData(m.index(7, LayerListModel::ParamsColumn), "in=300 out=120", Qt::EditRole));
        QVERIFY(!m.valid());
        QCOMPARE(m.check().errorLayer, 7);
        QVERIFY(cell(m, 7, LayerListModel::TypeColumn, Qt::ToolTipRole).contains("expects 300 inputs, receives 400"));
        QVERIFY(m.data(m.index(7, 0), Qt::BackgroundRole).isValid());
        QVERIFY(!m.data(m.index(6, 0), Qt::BackgroundRole).isValid());
        QCOMPARE(cell(m, 6, LayerListModel::OutputColumn), QString("[400]")); // rows above still inferred
        QVERIFY(cell(m, 9, LayerListModel::OutputColumn).isEmpty());         // rows below unknown
    }

    void rejectsUnparsableParams()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("linear", 0, {1, 28, 28}, 10));
        QSignalSpy rejected(&m, &LayerListModel::editRejected);
        QVERIFY(!m.setData(m.index(1, LayerListModel::ParamsColumn), "out=ten", Qt::EditRole));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.first().first().toString().contains("out=ten"));
        QCOMPARE(m.spec().layers[1].params.at("out"), 10.0); // unchanged
    }

    void insertRemoveMove()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("mlp", 0, {1, 28, 28}, 10));
        const int rows = m.rowCount();
        m.insertLayer(2, {"dropout", {{"p", 0.25}}});
        QCOMPARE(m.rowCount(), rows + 1);
        QCOMPARE(m.spec().layers[2].type, std::string("dropout"));
        QVERIFY(m.valid());
        QCOMPARE(m.moveLayer(2, 1), 3); // dropout after the relu
        QCOMPARE(m.spec().layers[3].type, std::string("dropout"));
        QCOMPARE(m.spec().layers[2].type, std::string("relu"));
        m.removeLayer(3);
        QCOMPARE(m.rowCount(), rows);
        m.removeLayer(0); // without flatten the first linear layer cannot take [1,28,28]
        QVERIFY(!m.valid());
        QCOMPARE(m.check().errorLayer, 0);
    }

    void changingTypeResetsParams()
    {
        LayerListModel m;
        m.setSpec(core::presetSpec("lenet5", 0, {1, 28, 28}, 10));
        QVERIFY(m.setData(m.index(1, LayerListModel::TypeColumn), "gelu", Qt::EditRole));
        QCOMPARE(m.spec().layers[1].type, std::string("gelu"));
        QVERIFY(m.spec().layers[1].params.empty());
        QVERIFY(m.valid());
    }
};

QTEST_MAIN(tst_LayerListModel)
#include "tst_layerlistmodel.moc"
