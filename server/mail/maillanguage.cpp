#include "maillanguage.h"

#include <QHash>
#include <QRegularExpression>
#include <QTranslator>
#include <memory>

using namespace Qt::StringLiterals;

namespace Frontdesk::MailLanguage {

namespace {

const QStringList translated = {u"de"_s, u"es"_s, u"fr"_s};

/// The translators, loaded once (a function-local static: thread-safe) and
/// only read afterwards.
const QHash<QString, std::shared_ptr<QTranslator>> &translators()
{
    static const QHash<QString, std::shared_ptr<QTranslator>> loaded = [] {
        QHash<QString, std::shared_ptr<QTranslator>> all;
        for (const QString &language : translated) {
            auto translator = std::make_shared<QTranslator>();
            if (translator->load(u":/mail/i18n/mail_%1.qm"_s.arg(language)))
                all.insert(language, translator);
        }
        return all;
    }();
    return loaded;
}

QString siteLocale(const MailContext &context)
{
    return context.site.widgetSettings.value(u"locale"_s).toString();
}

} // namespace

QString supported(const QString &tag)
{
    const QString language = tag.trimmed().toLower().section(QRegularExpression(u"[-_]"_s), 0, 0);
    return language == u"en"_s || translated.contains(language) ? language : QString();
}

QString forVisitor(const MailContext &context)
{
    if (QString site = supported(siteLocale(context)); !site.isEmpty())
        return site;
    const QString browser = supported(context.visitor.attributes.value(u"locale"_s).toString());
    return browser.isEmpty() ? u"en"_s : browser;
}

QString forTeam(const MailContext &context)
{
    const QString site = supported(siteLocale(context));
    return site.isEmpty() ? u"en"_s : site;
}

QString translate(const QString &language, const char *source)
{
    const std::shared_ptr<QTranslator> translator = translators().value(language);
    const QString translation = translator ? translator->translate("MailComposer", source) : QString();
    return translation.isEmpty() ? QString::fromUtf8(source) : translation;
}

} // namespace Frontdesk::MailLanguage
