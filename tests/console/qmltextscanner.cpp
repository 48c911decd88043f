#include "qmltextscanner.h"

#include <QRegularExpression>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

/// Properties that put a string on the screen.
const QStringList textProperties{u"text"_s, u"title"_s, u"placeholderText"_s, u"ToolTip.text"_s, u"displayText"_s};

/// Built-in types whose `text` is never interpreted as markup.
const QSet<QString> plainBuiltins{u"TextField"_s, u"TextInput"_s};

/// Built-in types whose `title` is the window's title (the platform shows it as plain text).
const QSet<QString> windowTypes{u"ApplicationWindow"_s, u"Window"_s};

bool isUpperIdentifier(const QString &text)
{
    return !text.isEmpty() && text.front().isUpper();
}

/// One string literal, or qsTr/qsTrId/qsTranslate of string literals only, and nothing else.
bool isLiteral(const QString &value)
{
    static const QRegularExpression literal(uR"(^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|)"
                                            uR"(qsTr\(\s*"(?:[^"\\]|\\.)*"\s*\)|qsTr\(\s*'(?:[^'\\]|\\.)*'\s*\))\s*$)"_s);
    return literal.match(value).hasMatch();
}

} // namespace

void QmlTextScanner::addFile(const QString &fileName, const QString &source)
{
    if (!m_files.contains(fileName))
        m_order.append(fileName);
    File &file = m_files[fileName];
    file = File();
    file.name = fileName;
    file.source = source;
}

QStringList QmlTextScanner::violations()
{
    QStringList out;
    for (const QString &name : std::as_const(m_order))
        out += violations(name);
    return out;
}

QStringList QmlTextScanner::violations(const QString &fileName)
{
    for (const QString &name : std::as_const(m_order)) {
        File &file = m_files[name];
        if (!file.parsed)
            parse(file);
    }
    const File &file = m_files[fileName];
    QStringList out = file.errors;
    if (file.root)
        check(file, file.root, &out);
    for (const Object *component : file.components) // inline components are not children of anything
        check(file, component, &out);
    return out;
}

QList<QmlTextScanner::Token> QmlTextScanner::tokenize(const QString &source, QStringList *errors)
{
    static const QStringList puncts{u">>>="_s, u"==="_s, u"!=="_s, u">>>"_s, u"<<="_s, u">>="_s, u"**="_s, u"&&"_s,
                                    u"||"_s,   u"??"_s,  u"?."_s,  u"=="_s,  u"!="_s,  u"<="_s,  u">="_s,  u"=>"_s,
                                    u"++"_s,   u"--"_s,  u"+="_s,  u"-="_s,  u"*="_s,  u"/="_s,  u"%="_s,  u"&="_s,
                                    u"|="_s,   u"^="_s,  u"<<"_s,  u">>"_s,  u"**"_s,  u"..."_s};
    // After these (or at the start) a '/' starts a regular expression, not a division.
    static const QSet<QString> regexAfter{u"("_s, u","_s, u"="_s, u":"_s, u"["_s,      u"!"_s,  u"&&"_s, u"||"_s,
                                          u"?"_s, u"{"_s, u"}"_s, u";"_s, u"return"_s, u"=>"_s, u"=="_s, u"==="_s};
    QList<Token> tokens;
    int line = 1;
    bool newline = true;
    qsizetype i = 0;
    const qsizetype n = source.size();
    while (i < n) {
        const QChar c = source.at(i);
        if (c == u'\n') {
            ++line;
            newline = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && source.at(i + 1) == u'/') {
            while (i < n && source.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && source.at(i + 1) == u'*') {
            const qsizetype close = source.indexOf(u"*/"_s, i + 2);
            if (close < 0) {
                errors->append(u"%1: unterminated comment"_s.arg(line));
                return tokens;
            }
            line += int(QStringView(source).mid(i, close - i).count(u'\n'));
            if (source.mid(i, close - i).contains(u'\n'))
                newline = true;
            i = close + 2;
            continue;
        }
        Token token;
        token.line = line;
        token.begin = i;
        token.newlineBefore = newline;
        newline = false;
        if (c.isLetter() || c == u'_' || c == u'$') {
            qsizetype j = i + 1;
            while (j < n && (source.at(j).isLetterOrNumber() || source.at(j) == u'_' || source.at(j) == u'$'))
                ++j;
            token.kind = Token::Identifier;
            token.text = source.mid(i, j - i);
            i = j;
        } else if (c.isDigit()) {
            qsizetype j = i + 1;
            while (j < n && (source.at(j).isLetterOrNumber() || source.at(j) == u'.'))
                ++j;
            token.kind = Token::Number;
            token.text = source.mid(i, j - i);
            i = j;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            qsizetype j = i + 1;
            while (j < n && source.at(j) != c) {
                if (source.at(j) == u'\\')
                    ++j;
                else if (source.at(j) == u'\n')
                    ++line;
                ++j;
            }
            if (j >= n) {
                errors->append(u"%1: unterminated string"_s.arg(token.line));
                return tokens;
            }
            token.kind = Token::String;
            token.text = source.mid(i, j + 1 - i);
            i = j + 1;
        } else if (c == u'/' && (tokens.isEmpty() || regexAfter.contains(tokens.last().text))) {
            qsizetype j = i + 1;
            bool inClass = false;
            while (j < n && (inClass || source.at(j) != u'/') && source.at(j) != u'\n') {
                if (source.at(j) == u'\\')
                    ++j;
                else if (source.at(j) == u'[')
                    inClass = true;
                else if (source.at(j) == u']')
                    inClass = false;
                ++j;
            }
            if (j >= n || source.at(j) != u'/') {
                errors->append(u"%1: unterminated regular expression"_s.arg(token.line));
                return tokens;
            }
            ++j;
            while (j < n && source.at(j).isLetter())
                ++j;
            token.kind = Token::Regex;
            token.text = source.mid(i, j - i);
            i = j;
        } else {
            token.kind = Token::Punct;
            token.text = c;
            for (const QString &p : puncts) {
                if (QStringView(source).mid(i).startsWith(p)) {
                    token.text = p;
                    break;
                }
            }
            i += token.text.size();
        }
        token.end = i;
        tokens.append(token);
    }
    Token end;
    end.line = line;
    end.begin = end.end = n;
    end.newlineBefore = true;
    tokens.append(end);
    return tokens;
}

void QmlTextScanner::parse(File &file)
{
    file.parsed = true;
    const QList<Token> tokens = tokenize(file.source, &file.errors);
    if (!file.errors.isEmpty()) {
        for (QString &error : file.errors)
            error.prepend(file.name + u':');
        return;
    }
    qsizetype pos = 0;
    auto at = [&](qsizetype k) -> const Token & { return tokens.at(std::min(k, tokens.size() - 1)); };
    auto fail = [&](const QString &why) {
        if (file.errors.isEmpty())
            file.errors.append(u"%1:%2: cannot read this QML (%3)"_s.arg(file.name).arg(at(pos).line).arg(why));
    };
    auto isPunct = [&](qsizetype k, const QString &p) { return at(k).kind == Token::Punct && at(k).text == p; };

    // A dotted name starting at pos ("Layout.fillWidth", "QtQuick.Controls.Button"); returns its length in tokens.
    auto dottedName = [&](qsizetype k, QString *name) -> qsizetype {
        if (at(k).kind != Token::Identifier)
            return 0;
        QString text = at(k).text;
        qsizetype length = 1;
        while (isPunct(k + length, u"."_s) && at(k + length + 1).kind == Token::Identifier) {
            text += u'.' + at(k + length + 1).text;
            length += 2;
        }
        *name = text;
        return length;
    };
    // An object declaration starts at k: "Type {" (Type's first and last parts upper case).
    auto objectStartsAt = [&](qsizetype k, QString *type) -> qsizetype {
        QString name;
        const qsizetype length = dottedName(k, &name);
        if (length == 0 || !isUpperIdentifier(name) || !isUpperIdentifier(name.section(u'.', -1)))
            return 0;
        if (!isPunct(k + length, u"{"_s))
            return 0;
        *type = name;
        return length;
    };
    // Skips a balanced ( [ { group starting at pos.
    auto skipGroup = [&]() -> bool {
        int depth = 0;
        do {
            const Token &t = at(pos);
            if (t.kind == Token::End)
                return false;
            if (t.kind == Token::Punct && (t.text == u"("_s || t.text == u"["_s || t.text == u"{"_s))
                ++depth;
            else if (t.kind == Token::Punct && (t.text == u")"_s || t.text == u"]"_s || t.text == u"}"_s))
                --depth;
            ++pos;
        } while (depth > 0);
        return true;
    };
    // The expression starting at pos, to the end of its statement; returns [begin, end) in the source.
    auto expression = [&](qsizetype *begin, qsizetype *end) -> bool {
        static const QSet<QString> continuesAfter{u"?"_s,  u":"_s,  u"+"_s,  u"-"_s,   u"*"_s,  u"/"_s,   u"%"_s,  u"&&"_s,
                                                  u"||"_s, u"??"_s, u"=="_s, u"==="_s, u"!="_s, u"!=="_s, u"<"_s,  u">"_s,
                                                  u"<="_s, u">="_s, u","_s,  u"."_s,   u"?."_s, u"!"_s,   u"=>"_s, u"="_s,
                                                  u"("_s,  u"["_s,  u"{"_s,  u"&"_s,   u"|"_s,  u"^"_s};
        static const QSet<QString> continuesBefore{u"?"_s,  u":"_s,  u"+"_s,   u"-"_s,  u"*"_s,   u"/"_s,  u"%"_s,
                                                   u"&&"_s, u"||"_s, u"??"_s,  u"."_s,  u"?."_s,  u")"_s,  u"]"_s,
                                                   u","_s,  u"=="_s, u"==="_s, u"!="_s, u"!=="_s, u"<="_s, u">="_s};
        *begin = at(pos).begin;
        int depth = 0;
        bool first = true;
        while (true) {
            const Token &t = at(pos);
            if (t.kind == Token::End) {
                if (depth > 0)
                    return false;
                break;
            }
            if (depth == 0 && !first) {
                if (t.kind == Token::Punct && (t.text == u";"_s || t.text == u"}"_s))
                    break;
                const Token &previous = at(pos - 1);
                const bool continues = (previous.kind == Token::Punct && continuesAfter.contains(previous.text))
                    || (t.kind == Token::Punct && continuesBefore.contains(t.text));
                if (t.newlineBefore && !continues)
                    break;
            }
            first = false;
            if (t.kind == Token::Punct && (t.text == u"("_s || t.text == u"["_s || t.text == u"{"_s))
                ++depth;
            else if (t.kind == Token::Punct && (t.text == u")"_s || t.text == u"]"_s || t.text == u"}"_s)) {
                if (--depth < 0)
                    return false;
            }
            ++pos;
        }
        *end = at(pos - 1).end;
        return true;
    };

    std::function<Object *(const QString &, qsizetype, const QString &)> readObject;
    readObject = [&](const QString &type, qsizetype nameLength, const QString &assignedTo) -> Object * {
        auto owned = std::make_shared<Object>();
        Object *object = owned.get();
        file.objects.push_back(std::move(owned));
        object->type = type;
        object->line = at(pos).line;
        object->assignedTo = assignedTo;
        pos += nameLength + 1; // the name and "{"
        while (true) {
            const Token &t = at(pos);
            if (t.kind == Token::End) {
                fail(u"missing }"_s);
                return nullptr;
            }
            if (isPunct(pos, u"}"_s)) {
                ++pos;
                return object;
            }
            if (isPunct(pos, u";"_s)) {
                ++pos;
                continue;
            }
            QString childType;
            if (const qsizetype length = objectStartsAt(pos, &childType)) {
                Object *child = readObject(childType, length, QString());
                if (!child)
                    return nullptr;
                object->children.append(child);
                continue;
            }
            if (t.kind != Token::Identifier) {
                fail(u"unexpected \"%1\""_s.arg(t.text));
                return nullptr;
            }
            const QString word = t.text;
            if (word == u"function"_s) {
                const int line = t.line;
                pos += 2; // "function" name
                if (!isPunct(pos, u"("_s) || !skipGroup() || !isPunct(pos, u"{"_s)) {
                    fail(u"function"_s);
                    return nullptr;
                }
                const qsizetype begin = at(pos).begin;
                if (!skipGroup()) {
                    fail(u"function body"_s);
                    return nullptr;
                }
                object->scripts.append({file.source.mid(begin, at(pos - 1).end - begin), line});
                continue;
            }
            if (word == u"signal"_s) {
                pos += 2;
                if (isPunct(pos, u"("_s) && !skipGroup()) {
                    fail(u"signal"_s);
                    return nullptr;
                }
                continue;
            }
            if (word == u"enum"_s) {
                pos += 2;
                if (!isPunct(pos, u"{"_s) || !skipGroup()) {
                    fail(u"enum"_s);
                    return nullptr;
                }
                continue;
            }
            if (word == u"component"_s && at(pos + 1).kind == Token::Identifier && isPunct(pos + 2, u":"_s)) {
                const QString name = at(pos + 1).text;
                pos += 3;
                QString baseType;
                const qsizetype length = objectStartsAt(pos, &baseType);
                if (!length) {
                    fail(u"component"_s);
                    return nullptr;
                }
                Object *component = readObject(baseType, length, QString());
                if (!component)
                    return nullptr;
                file.components.insert(name, component);
                continue;
            }
            QString name;
            bool declaration = false;
            if ((word == u"property"_s || word == u"readonly"_s || word == u"required"_s || word == u"default"_s)
                && !isPunct(pos + 1, u":"_s)) { // "property: ..." is a binding (Binding has one)
                while (at(pos).kind == Token::Identifier
                       && (at(pos).text == u"readonly"_s || at(pos).text == u"required"_s || at(pos).text == u"default"_s))
                    ++pos;
                if (at(pos).text != u"property"_s) {
                    fail(u"property declaration"_s);
                    return nullptr;
                }
                ++pos;
                // The type: a name, maybe dotted, maybe list<Type>.
                QString ignored;
                pos += std::max<qsizetype>(1, dottedName(pos, &ignored));
                if (isPunct(pos, u"<"_s)) {
                    while (at(pos).kind != Token::End && !isPunct(pos, u">"_s))
                        ++pos;
                    ++pos;
                }
                if (at(pos).kind != Token::Identifier) {
                    fail(u"property name"_s);
                    return nullptr;
                }
                name = at(pos).text;
                object->declared.append(name);
                ++pos;
                declaration = true;
                if (!isPunct(pos, u":"_s))
                    continue; // declared without a value
            } else {
                const qsizetype length = dottedName(pos, &name);
                pos += length;
                if (at(pos).kind == Token::Identifier && at(pos).text == u"on"_s) {
                    // "Behavior on x { ... }"
                    pos += 2;
                    if (!isPunct(pos, u"{"_s) || !skipGroup()) {
                        fail(u"property value source"_s);
                        return nullptr;
                    }
                    continue;
                }
                if (!isPunct(pos, u":"_s)) {
                    fail(u"expected \":\" after %1"_s.arg(name));
                    return nullptr;
                }
            }
            ++pos; // ":"
            const int line = at(pos).line;
            if (name == u"id"_s) {
                object->id = at(pos).text;
                file.ids.insert(object->id, object);
                ++pos;
                continue;
            }
            QString valueType;
            if (const qsizetype length = objectStartsAt(pos, &valueType)) {
                Object *value = readObject(valueType, length, name);
                if (!value)
                    return nullptr;
                object->children.append(value);
                object->objectProperties.append(name);
                continue;
            }
            if (isPunct(pos, u"["_s) && objectStartsAt(pos + 1, &valueType)) {
                ++pos;
                while (true) {
                    const qsizetype length = objectStartsAt(pos, &valueType);
                    if (!length) {
                        fail(u"list of objects"_s);
                        return nullptr;
                    }
                    Object *value = readObject(valueType, length, name);
                    if (!value)
                        return nullptr;
                    object->children.append(value);
                    if (isPunct(pos, u","_s)) {
                        ++pos;
                        continue;
                    }
                    if (isPunct(pos, u"]"_s)) {
                        ++pos;
                        break;
                    }
                    fail(u"list of objects"_s);
                    return nullptr;
                }
                object->objectProperties.append(name);
                continue;
            }
            qsizetype begin = 0;
            qsizetype end = 0;
            if (!expression(&begin, &end)) {
                fail(u"unbalanced expression"_s);
                return nullptr;
            }
            const QString value = file.source.mid(begin, end - begin);
            if (!declaration)
                object->bindings.append({name, value, line});
            object->scripts.append({value, line});
        }
    };

    while (at(pos).kind == Token::Identifier && (at(pos).text == u"import"_s || at(pos).text == u"pragma"_s)) {
        ++pos;
        while (at(pos).kind != Token::End && !at(pos).newlineBefore)
            ++pos;
    }
    QString rootType;
    const qsizetype length = objectStartsAt(pos, &rootType);
    if (!length) {
        fail(u"no root object"_s);
        return;
    }
    file.root = readObject(rootType, length, QString());
    if (file.root && at(pos).kind != Token::End)
        fail(u"text after the root object"_s);
}

const QmlTextScanner::File *QmlTextScanner::fileFor(const QString &type) const
{
    const auto it = m_files.constFind(type.section(u'.', -1) + u".qml"_s);
    return it == m_files.constEnd() || !it->root ? nullptr : &*it;
}

bool QmlTextScanner::isPlain(const File &file, const Object *object, const QString &property, QString *why) const
{
    const File *context = &file;
    QSet<const Object *> seen;
    while (object && !seen.contains(object)) {
        seen.insert(object);
        if (object->declared.contains(property))
            return true; // the component's own property: checked where it is shown
        if (property == u"text"_s) {
            for (const Binding &binding : object->bindings) {
                if (binding.name == u"textFormat"_s) {
                    if (binding.value.trimmed().endsWith(u".PlainText"_s))
                        return true;
                    *why = u"textFormat is %1, not PlainText"_s.arg(binding.value.trimmed());
                    return false;
                }
            }
        }
        if (property == u"text"_s || property == u"displayText"_s) {
            if (object->objectProperties.contains(u"contentItem"_s))
                return true;
        }
        if (property == u"title"_s) {
            if (object->objectProperties.contains(u"header"_s) || object->objectProperties.contains(u"label"_s))
                return true;
            if (windowTypes.contains(object->type))
                return true;
        }
        // Follow the type: an inline component of this file, another file, or a built-in type.
        if (const auto component = context->components.constFind(object->type); component != context->components.constEnd()) {
            object = *component;
        } else if (const File *other = fileFor(object->type)) {
            context = other;
            object = other->root;
        } else {
            if (property == u"text"_s && plainBuiltins.contains(object->type.section(u'.', -1)))
                return true;
            *why = u"%1 does not set a plain format for \"%2\" (Qt Quick's labels default to AutoText)"_s.arg(object->type,
                                                                                                              property);
            return false;
        }
    }
    *why = u"cannot follow the type"_s;
    return false;
}

void QmlTextScanner::checkText(const File &file, const Object *object, const QString &property, const QString &value, int line,
                               bool assignment, QStringList *out) const
{
    if (!assignment && isLiteral(value))
        return;
    const QString shown = value.simplified().left(60);
    if (property == u"ToolTip.text"_s || property == u"placeholderText"_s) {
        // The attached ToolTip and a field's placeholder cannot be made plain: only constant text there.
        out->append(u"%1:%2: %3 \"%4\" is shown as rich text; only a literal may go there (use a ToolTip item "
                    u"with a PlainLabel contentItem)"_s.arg(file.name)
                        .arg(line)
                        .arg(property, shown));
        return;
    }
    QString why;
    if (isPlain(file, object, property, &why))
        return;
    out->append(u"%1:%2: %3 %4: %5 is not plain text: %6 (use PlainLabel, textFormat: Text.PlainText, or a plain "
                u"contentItem)"_s.arg(file.name)
                    .arg(line)
                    .arg(object->type, property, shown, why));
}

void QmlTextScanner::check(const File &file, const Object *object, QStringList *out) const
{
    for (const Binding &binding : object->bindings) {
        if (textProperties.contains(binding.name))
            checkText(file, object, binding.name, binding.value, binding.line, false, out);
    }
    // JavaScript that sets a text: "toast.text = message".
    static const QRegularExpression assignment(uR"(\b([A-Za-z_]\w*)\.(text|title|placeholderText|displayText)\s*=(?!=))"_s);
    for (const Script &script : object->scripts) {
        auto matches = assignment.globalMatch(script.code);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const Object *target = file.ids.value(match.captured(1));
            const int line = script.line + int(QStringView(script.code).left(match.capturedStart()).count(u'\n'));
            if (!target) {
                out->append(u"%1:%2: cannot tell what \"%3\" is; set its text through a binding on a plain item"_s.arg(file.name)
                                .arg(line)
                                .arg(match.captured(0)));
                continue;
            }
            const QString rest = script.code.mid(match.capturedEnd()).section(u'\n', 0, 0);
            checkText(file, target, match.captured(2), rest, line, true, out);
        }
    }
    for (const Object *child : object->children)
        check(file, child, out);
}

} // namespace Frontdesk
