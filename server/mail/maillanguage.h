#pragma once

#include "core/records.h"

#include <QString>

namespace Frontdesk {

/// @brief The language an email is written in, and its words in it.
///
/// The languages are the widget's own (English, German, Spanish, French), so
/// a visitor reads the email in the language the chat spoke. The words are
/// MailComposer's strings, translated in translations/mail_{de,es,fr}.ts and
/// compiled by lrelease into the resource :/mail/i18n.
namespace MailLanguage {

/// Of an email to the visitor: the site's widget `locale` when it is set (not
/// "auto"), else the visitor's browser language; "en" when neither is one of ours.
[[nodiscard]] QString forVisitor(const MailContext &context);
/// Of an email to the team: the site's widget `locale` when it is set, else
/// "en" (the server does not know which language each agent reads).
[[nodiscard]] QString forTeam(const MailContext &context);
/// The language of ours a BCP 47 tag names ("fr-CA" → "fr"); empty when none.
[[nodiscard]] QString supported(const QString &tag);
/// @p source, a string of the "MailComposer" translation context, in @p language
/// (the source itself, English, when there is no translation).
[[nodiscard]] QString translate(const QString &language, const char *source);

} // namespace MailLanguage

} // namespace Frontdesk
