#pragma once

#include "core/domainevents.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Frontdesk {

class PresenceService;

/// @brief Each domain event as the frames of protocol v1 that tell it, once
/// per audience: what every agent console sees, and what the visitor
/// concerned (or every visitor) sees. Encoded here, once per event; the
/// fan-out hands the same bytes to every connection of that audience.
namespace EventFrames {

/// The frames for every agent console, in order; empty when agents are not told.
[[nodiscard]] QList<QByteArray> forAgents(const DomainEvent &event, const PresenceService &presence);
/// Whether forAgents()' frames go to admins only: the outbox's status names
/// the SMTP server's refusals, which are an admin's to read and mend.
[[nodiscard]] bool forAdminsOnly(const DomainEvent &event);

/// Who of the visitors hears an event, and what.
struct VisitorFrames {
    QString visitorId; ///< the visitor concerned; empty with `everyone` or when no visitor is told
    bool everyone = false; ///< every connected visitor (the count of agents online)
    QList<QByteArray> frames;
};
[[nodiscard]] VisitorFrames forVisitors(const DomainEvent &event);

} // namespace EventFrames

} // namespace Frontdesk
