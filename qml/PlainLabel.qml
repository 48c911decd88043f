import QtQuick
import QtQuick.Controls

// The console's only kind of label: its text is never interpreted. Visitors,
// agents and admins set most of what the console shows, and Label's default
// (AutoText) would turn "<img src=…>" into a remote image or lay out
// "<font size=7>" as rich text. Controls items that show a wire string get a
// PlainLabel as their contentItem (tests/console/tst_plaintextrule checks
// every view in qml/).
Label {
    textFormat: Text.PlainText
}
