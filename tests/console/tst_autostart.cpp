// "Start Frontdesk when I log in": the XDG autostart entry is written where
// the XDG Autostart Specification looks, valid for desktop-file-validate (also
// for program paths that need the Exec key's quoting), its Exec line reads back
// as the program and --minimized, a desktop that switches it off is believed,
// and switching it off removes it.
#include "autostartentry.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// The Exec value as a launcher reads it: the string escapes first, then the quoting (Desktop Entry Spec).
QStringList parseExec(const QString &value)
{
    QString unescaped;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\' && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            unescaped += next == u's' ? u' ' : next == u'n' ? u'\n' : next == u't' ? u'\t' : next;
        } else {
            unescaped += value.at(i);
        }
    }
    QStringList arguments;
    QString current;
    bool inQuotes = false;
    bool any = false;
    for (qsizetype i = 0; i < unescaped.size(); ++i) {
        const QChar c = unescaped.at(i);
        if (c == u'%' && i + 1 < unescaped.size() && unescaped.at(i + 1) == u'%') {
            current += u'%'; // a literal percent, inside quotes or not
            ++i;
        } else if (inQuotes) {
            if (c == u'\\' && i + 1 < unescaped.size())
                current += unescaped.at(++i);
            else if (c == u'"')
                inQuotes = false;
            else
                current += c;
        } else if (c == u'"') {
            inQuotes = any = true;
        } else if (c == u' ') {
            if (any || !current.isEmpty())
                arguments.append(current);
            current.clear();
            any = false;
        } else {
            current += c;
        }
    }
    if (any || !current.isEmpty())
        arguments.append(current);
    return arguments;
}

QString execValue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("Exec="))
            return QString::fromUtf8(line.mid(5));
    }
    return {};
}

} // namespace

class tst_Autostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_validate = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        QVERIFY2(!m_validate.isEmpty(), "desktop-file-validate (desktop-file-utils) is a test package");
    }

    void defaultPathIsXdgAutostart()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        QCOMPARE(AutostartEntry::defaultPath(), m_dir.filePath(u"config/autostart/frontdesk.desktop"_s));
    }

    void writtenValidAndRemoved_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("exec");
        QTest::newRow("installed") << u"/usr/bin/frontdesk"_s << u"/usr/bin/frontdesk --minimized"_s;
        QTest::newRow("space") << u"/opt/My Apps/frontdesk"_s << u"\"/opt/My Apps/frontdesk\" --minimized"_s;
        // ", `, $ and \ take a backslash inside the quotes; the string escaping doubles every backslash.
        QTest::newRow("odd")
            << u"/home/ann/it's $HOME \"x\" `y` back\\slash 100%/frontdesk"_s
            << u"\"/home/ann/it's \\\\$HOME \\\\\"x\\\\\" \\\\`y\\\\` back\\\\\\\\slash 100%%/frontdesk\" --minimized"_s;
        QTest::newRow("non-ascii") << u"/home/zoë/Frontdesk/frontdesk"_s << u"/home/zoë/Frontdesk/frontdesk --minimized"_s;
    }

    void writtenValidAndRemoved()
    {
        QFETCH(QString, program);
        QFETCH(QString, exec);
        const QString path
            = m_dir.filePath(u"autostart-%1/frontdesk.desktop"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
        AutostartEntry entry(path, program);
        QVERIFY(!entry.isEnabled());
        QSignalSpy changed(&entry, &AutostartEntry::enabledChanged);
        entry.setEnabled(true);
        QVERIFY2(entry.errorString().isEmpty(), qPrintable(entry.errorString()));
        QVERIFY(entry.isEnabled());
        QCOMPARE(changed.count(), 1);
        QVERIFY(QFile::exists(path));

        QCOMPARE(execValue(path), exec);
        QCOMPARE(parseExec(execValue(path)), (QStringList{program, u"--minimized"_s}));

        QProcess validate;
        validate.setProcessChannelMode(QProcess::MergedChannels);
        validate.start(m_validate, {path});
        QVERIFY(validate.waitForFinished(10'000));
        const QByteArray said = validate.readAll();
        QVERIFY2(validate.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());

        // Another AutostartEntry (the settings page opened later) reads it as on.
        QVERIFY(AutostartEntry(path, program).isEnabled());

        entry.setEnabled(false);
        QVERIFY(!entry.isEnabled());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(changed.count(), 2);
    }

    void aDesktopMaySwitchItOff_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("Hidden") << QByteArray("Hidden=true");
        QTest::newRow("GNOME") << QByteArray("X-GNOME-Autostart-enabled=false");
    }

    void aDesktopMaySwitchItOff()
    {
        QFETCH(QByteArray, line);
        const QString path = m_dir.filePath(u"off-%1.desktop"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
        AutostartEntry entry(path, u"/usr/bin/frontdesk"_s);
        entry.setEnabled(true);
        QVERIFY(entry.isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write(line + '\n');
        file.close();
        entry.refresh();
        QVERIFY(!entry.isEnabled());
        // Switched on again from the console: a fresh entry, on.
        entry.setEnabled(true);
        QVERIFY(entry.isEnabled());
    }

    void aRelativeProgramIsRefused()
    {
        const QString path = m_dir.filePath(u"relative.desktop"_s);
        AutostartEntry entry(path, u"frontdesk"_s);
        entry.setEnabled(true);
        QVERIFY(!entry.isEnabled());
        QVERIFY(!QFile::exists(path));
        QVERIFY(entry.errorString().contains(u"absolute"_s));
    }

    void theProgramKnowsMinimized()
    {
        QProcess frontdesk;
        frontdesk.start(QStringLiteral(FRONTDESK_BINARY), {u"--help"_s});
        QVERIFY(frontdesk.waitForFinished(20'000));
        QVERIFY(frontdesk.readAllStandardOutput().contains("--minimized"));
    }

private:
    QTemporaryDir m_dir;
    QString m_validate;
};

QTEST_GUILESS_MAIN(tst_Autostart)
#include "tst_autostart.moc"
