// "Text from the wire is plain text, always" (docs/architecture.md): every
// text a view in qml/ binds is shown as plain text, so a visitor named
// <img src=…> cannot make the console fetch an image or lay out rich text.
// QmlTextScanner reads the views; the first cases check the scanner itself.
#include "qmltextscanner.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class PlainTextRuleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerFindsRichText_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("violations");

        QTest::newRow("label with a wire string") << u"Label { text: visitor.name }"_s << 1;
        QTest::newRow("label with a literal") << u"Label { text: qsTr(\"Hello\") }"_s << 0;
        QTest::newRow("label with qsTr and arg") << u"Label { text: qsTr(\"with %1\").arg(agentName) }"_s << 1;
        QTest::newRow("plain label") << u"Label { text: visitor.name; textFormat: Text.PlainText }"_s << 0;
        QTest::newRow("rich label") << u"Label { text: visitor.name; textFormat: Text.RichText }"_s << 1;
        QTest::newRow("shared plain component") << u"PlainLabel { text: visitor.name }"_s << 0;
        QTest::newRow("shared component made rich") << u"PlainLabel { text: visitor.name; textFormat: Text.AutoText }"_s << 1;
        QTest::newRow("inline component") << u"Item {\n  component Hint: Label { textFormat: Text.PlainText }\n"
                                             u"  Hint { text: a.b }\n}"_s
                                          << 0;
        QTest::newRow("rich inline component") << u"Item {\n  component Hint: Label { color: \"red\" }\n"
                                                  u"  Hint { text: a.b }\n}"_s
                                               << 1;
        QTest::newRow("multi-line ternary") << u"Item {\n  Label {\n    text: a ? qsTr(\"x\")\n"
                                               u"          : b.name\n    color: \"red\"\n  }\n}"_s
                                            << 1;
        QTest::newRow("menu item") << u"Menu { MenuItem { text: name + \" · \" + status } }"_s << 1;
        QTest::newRow("menu item, plain content")
            << u"MenuItem { id: m; text: name; contentItem: PlainLabel { text: m.text } }"_s << 0;
        QTest::newRow("button label") << u"Button { text: \"/\" + modelData.shortcut }"_s << 1;
        QTest::newRow("attached tool tip") << u"Button { ToolTip.text: visitor.name }"_s << 1;
        QTest::newRow("attached tool tip, literal") << u"Button { ToolTip.text: qsTr(\"Close\") }"_s << 0;
        QTest::newRow("placeholder") << u"TextField { placeholderText: site.name }"_s << 1;
        QTest::newRow("text field") << u"TextField { text: visitor.name }"_s << 0;
        QTest::newRow("text area") << u"TextArea { text: visitor.name }"_s << 1;
        QTest::newRow("dialog title") << u"Dialog { title: qsTr(\"For %1\").arg(name) }"_s << 1;
        QTest::newRow("dialog title, plain header")
            << u"Dialog { id: d; title: qsTr(\"For %1\").arg(name); header: PlainLabel { text: d.title } }"_s << 0;
        QTest::newRow("window title") << u"ApplicationWindow { title: qsTr(\"(%1)\").arg(count) }"_s << 0;
        QTest::newRow("assignment in a handler")
            << u"Item {\n  ToolTip { id: toast }\n  Connections {\n    function onFailed(m) {\n      toast.text = m\n"
               u"    }\n  }\n}"_s
            << 1;
        QTest::newRow("assignment to a plain item")
            << u"Item {\n  PlainLabel { id: l }\n  Component.onCompleted: { l.text = x; l.text == y }\n}"_s << 0;
        QTest::newRow("component property") << u"Item {\n  property string text\n  PlainLabel { text: parent.text }\n}"_s << 0;
        QTest::newRow("regex and arrow") << u"Item {\n  function f(t) { return t.replace(/\\/[\\w-]*$/, \"x\") }\n"
                                            u"  Keys.onPressed: event => {\n    if (a) { b() }\n  }\n"
                                            u"  Label { text: f(a) }\n}"_s
                                         << 1;
        QTest::newRow("unreadable") << u"Item { Label { text: (a }"_s << 1;
    }

    void scannerFindsRichText()
    {
        QFETCH(QString, source);
        QFETCH(int, violations);
        QmlTextScanner scanner;
        scanner.addFile(u"PlainLabel.qml"_s, u"import QtQuick.Controls\nLabel { textFormat: Text.PlainText }\n"_s);
        scanner.addFile(u"Case.qml"_s, u"import QtQuick\nimport QtQuick.Controls\n\n"_s + source + u'\n');
        const QStringList found = scanner.violations(u"Case.qml"_s);
        QVERIFY2(found.size() == violations, qPrintable(found.join(u'\n')));
        for (const QString &violation : found)
            QVERIFY2(violation.startsWith(u"Case.qml:"_s), qPrintable(violation));
    }

    void everyViewShowsPlainText_data()
    {
        QTest::addColumn<QString>("fileName");
        // FRONTDESK_QML_DIR in the environment checks another tree (e.g. an older checkout).
        const QDir dir(qEnvironmentVariable("FRONTDESK_QML_DIR", QStringLiteral(FRONTDESK_QML_DIR)));
        const QStringList files = dir.entryList({u"*.qml"_s}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() > 10, qPrintable(dir.path()));
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            m_views.addFile(name, QString::fromUtf8(file.readAll()));
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void everyViewShowsPlainText()
    {
        QFETCH(QString, fileName);
        const QStringList found = m_views.violations(fileName);
        QVERIFY2(found.isEmpty(), qPrintable(u"\n"_s + found.join(u'\n')));
    }

private:
    QmlTextScanner m_views;
};

QTEST_GUILESS_MAIN(PlainTextRuleTest)
#include "tst_plaintextrule.moc"
