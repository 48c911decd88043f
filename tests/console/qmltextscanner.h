#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Frontdesk {

/**
 * @brief Reads QML files just far enough to enforce "text from the wire is
 * plain text": every text-ish binding (text, title, placeholderText,
 * ToolTip.text, displayText, and JavaScript assignments such as
 * `toast.text = message`) must land on an item that shows it as plain text.
 *
 * An item shows its text plainly when it (or the component it is made from,
 * followed through inline components and the other files given) sets
 * `textFormat: Text.PlainText`, or replaces its `contentItem` (then the text
 * is only shown where the content item binds it, and that binding is checked
 * in turn); a title is plain when the item replaces its `header` (Dialog) or
 * `label` (GroupBox). TextField/TextInput never interpret text. A value that
 * is one string literal or one `qsTr("literal")` is exempt: nobody on the
 * wire can put markup into it. Everything else is a violation, reported as
 * "file:line: why".
 *
 * It is a small tokenizer and a recursive reader of object declarations, not
 * a QML parser: what it cannot read it reports as a violation too, so a new
 * construct in qml/ cannot slip past unchecked.
 */
class QmlTextScanner
{
public:
    /// Adds a file (its name, e.g. "ChatPane.qml", and its source).
    void addFile(const QString &fileName, const QString &source);
    /// Checks every file added; returns the violations, "file:line: why".
    [[nodiscard]] QStringList violations();
    /// Checks only @p fileName (the others are used to resolve its types).
    [[nodiscard]] QStringList violations(const QString &fileName);

private:
    struct Binding {
        QString name;
        QString value;
        int line = 0;
    };
    struct Script {
        QString code;
        int line = 0;
    };
    struct Object {
        QString type;
        int line = 0;
        QString assignedTo; ///< the property this object is the value of ("" for a plain child)
        QString id;
        QList<Binding> bindings;
        QStringList declared; ///< properties the object declares itself
        QStringList objectProperties; ///< properties bound to an object (contentItem, header, label...)
        QList<Script> scripts;
        QList<Object *> children;
    };
    struct File {
        QString name;
        QString source;
        bool parsed = false;
        QStringList errors;
        Object *root = nullptr;
        QHash<QString, Object *> components;
        QHash<QString, Object *> ids;
        std::vector<std::shared_ptr<Object>> objects; // shared: File lives in a QHash, which copies
    };
    struct Token {
        enum Kind { Identifier, String, Number, Punct, Regex, End } kind = End;
        QString text;
        int line = 0;
        qsizetype begin = 0;
        qsizetype end = 0;
        bool newlineBefore = false;
    };

    void parse(File &file);
    [[nodiscard]] static QList<Token> tokenize(const QString &source, QStringList *errors);
    [[nodiscard]] bool isPlain(const File &file, const Object *object, const QString &property, QString *why) const;
    [[nodiscard]] const File *fileFor(const QString &type) const;
    void check(const File &file, const Object *object, QStringList *out) const;
    void checkText(const File &file, const Object *object, const QString &property, const QString &value, int line,
                   bool assignment, QStringList *out) const;

    QList<QString> m_order;
    QHash<QString, File> m_files;
};

} // namespace Frontdesk
