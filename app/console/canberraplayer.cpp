#include "canberraplayer.h"

#include <QLoggingCategory>
#include <QPointer>

#include <canberra.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSound, "frontdesk.console.sound")

namespace Frontdesk {

namespace {

QString errorText(int code)
{
    return QString::fromUtf8(ca_strerror(code));
}

} // namespace

CanberraPlayer::CanberraPlayer(QObject *parent) : QObject(parent) { }

CanberraPlayer::~CanberraPlayer()
{
    close();
}

bool CanberraPlayer::open()
{
    if (m_context)
        return true;
    if (!m_nextOpen.hasExpired())
        return false;
    int error = ca_context_create(&m_context);
    if (error == CA_SUCCESS) {
        // What the sound server shows for the stream (pavucontrol, pactl) and what a desktop's
        // per-application settings match on.
        error = ca_context_change_props(m_context, CA_PROP_APPLICATION_NAME, "Frontdesk", CA_PROP_APPLICATION_ID, "frontdesk",
                                        CA_PROP_APPLICATION_ICON_NAME, "frontdesk", nullptr);
    }
    if (error == CA_SUCCESS)
        error = ca_context_open(m_context); // the slow part: connects to the sound server
    if (error != CA_SUCCESS) {
        close();
        m_nextOpen.setRemainingTime(retryIntervalMs);
        setAvailable(false, tr("No sound device: %1").arg(errorText(error)));
        return false;
    }
    setAvailable(true, {});
    return true;
}

void CanberraPlayer::close()
{
    if (!m_context)
        return;
    // Plays still sounding are ended with CA_ERROR_DESTROYED: onFinished tells AlertSound.
    ca_context_destroy(m_context);
    m_context = nullptr;
}

void CanberraPlayer::setAvailable(bool available, const QString &reason)
{
    const State state = available ? State::Available : State::Unavailable;
    if (m_state == state && m_reason == reason)
        return;
    // A log line per change, not per ring: a missing device rings every 30 s.
    if (available)
        qCInfo(lcSound) << "sound system opened; alert sounds play through libcanberra";
    else
        qCWarning(lcSound).noquote() << reason << "- alert sounds are off; trying again on the next sound, at most every"
                                     << retryIntervalMs / 1000 << "s";
    m_state = state;
    m_reason = reason;
    Q_EMIT availabilityChanged(available, reason);
}

void CanberraPlayer::prepare()
{
    (void)open();
}

void CanberraPlayer::play(uint id, const QStringList &eventIds, double decibels, const QString &description)
{
    if (!open()) {
        Q_EMIT finished(id, m_reason);
        return;
    }
    QString playedId;
    int error = tryPlay(id, eventIds, decibels, description, &playedId);
    if (error != CA_SUCCESS && error != CA_ERROR_NOTFOUND) {
        // The sound server went away (restarted, or the user's session changed it): open again
        // once, at once, before calling it unavailable.
        qCInfo(lcSound).noquote() << "playing" << eventIds.value(0) << "failed (" << errorText(error) << "); reopening";
        close();
        m_nextOpen = QDeadlineTimer(0);
        if (!open()) {
            Q_EMIT finished(id, m_reason);
            return;
        }
        error = tryPlay(id, eventIds, decibels, description, &playedId);
    }
    if (error != CA_SUCCESS) {
        const QString reason = error == CA_ERROR_NOTFOUND ? tr("The sound theme has none of %1").arg(eventIds.join(u", "_s))
                                                          : tr("Cannot play %1: %2").arg(eventIds.value(0), errorText(error));
        qCWarning(lcSound).noquote() << reason;
        Q_EMIT finished(id, reason);
        return;
    }
    Q_EMIT started(id, playedId);
}

int CanberraPlayer::tryPlay(uint id, const QStringList &eventIds, double decibels, const QString &description, QString *playedId)
{
    int error = CA_ERROR_NOTFOUND;
    for (const QString &eventId : eventIds) {
        ca_proplist *properties = nullptr;
        if (ca_proplist_create(&properties) != CA_SUCCESS)
            return CA_ERROR_OOM;
        ca_proplist_sets(properties, CA_PROP_EVENT_ID, eventId.toUtf8().constData());
        ca_proplist_sets(properties, CA_PROP_EVENT_DESCRIPTION, description.toUtf8().constData());
        // "event": the sound server applies the desktop's own volume and mute for event sounds.
        ca_proplist_sets(properties, CA_PROP_MEDIA_ROLE, "event");
        // In dB, as text: QByteArray::number is locale-independent (printf's %f would write "-6,00" in de_DE).
        ca_proplist_sets(properties, CA_PROP_CANBERRA_VOLUME, QByteArray::number(decibels, 'f', 2).constData());
        // A stream each time, no sample cache: one path, the one the tests observe, and decoding
        // a second of Ogg per reminder costs nothing.
        ca_proplist_sets(properties, CA_PROP_CANBERRA_CACHE_CONTROL, "never");
        error = ca_context_play_full(m_context, id, properties, &CanberraPlayer::onFinished, this);
        ca_proplist_destroy(properties);
        if (error != CA_ERROR_NOTFOUND) {
            if (error == CA_SUCCESS)
                *playedId = eventId;
            return error;
        }
    }
    return error;
}

void CanberraPlayer::cancel(uint id)
{
    if (m_context)
        ca_context_cancel(m_context, id);
}

void CanberraPlayer::onFinished(ca_context *context, uint32_t id, int error, void *userdata)
{
    Q_UNUSED(context);
    // On canberra's own thread: hand it to the player's.
    auto *player = static_cast<CanberraPlayer *>(userdata);
    const QString reason = error == CA_SUCCESS || error == CA_ERROR_CANCELED || error == CA_ERROR_DESTROYED
        ? QString()
        : tr("The sound stopped: %1").arg(errorText(error));
    QMetaObject::invokeMethod(
        player, [player, id, reason] { Q_EMIT player->finished(id, reason); }, Qt::QueuedConnection);
}

} // namespace Frontdesk
