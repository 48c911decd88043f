#include "webhookrecords.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

QStringList WebhookEvents::all()
{
    return {conversationCreated, conversationAccepted, conversationTransferred, conversationClosed, conversationRated,
            messageVisitor,      messageAgent};
}

QString toString(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Queued:
        return u"queued"_s;
    case DeliveryStatus::Delivered:
        return u"delivered"_s;
    case DeliveryStatus::Failed:
        return u"failed"_s;
    }
    return u"queued"_s;
}

DeliveryStatus deliveryStatusFromString(const QString &text)
{
    if (text == u"delivered"_s)
        return DeliveryStatus::Delivered;
    if (text == u"failed"_s)
        return DeliveryStatus::Failed;
    return DeliveryStatus::Queued;
}

} // namespace Frontdesk
