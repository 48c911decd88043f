#include "alertsound.h"

#include "canberraplayer.h"

#include <QtMath>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

/// A ring that never reported its end (a sound server that lost it) blocks the next ones no longer than this.
constexpr qint64 ringTimeoutMs = 10'000;

uint playId(AlertSound::Sound sound)
{
    return uint(sound) + 1; // canberra's ids: 0 would be "no id"
}

} // namespace

AlertSound::AlertSound(QObject *parent) : QObject(parent), m_player(new CanberraPlayer)
{
    m_thread.setObjectName(u"sound"_s);
    m_player->moveToThread(&m_thread);
    // QThread's finish deletes what deleteLater left, on that thread: the context closes there.
    connect(&m_thread, &QThread::finished, m_player, &QObject::deleteLater);
    connect(m_player, &CanberraPlayer::started, this, &AlertSound::onStarted);
    connect(m_player, &CanberraPlayer::finished, this, &AlertSound::onFinished);
    connect(m_player, &CanberraPlayer::availabilityChanged, this, &AlertSound::onAvailabilityChanged);
    m_thread.start(QThread::LowPriority);
}

AlertSound::~AlertSound()
{
    m_thread.quit();
    m_thread.wait();
}

void AlertSound::setVolume(int percent)
{
    percent = std::clamp(percent, 0, 100);
    if (m_volume == percent)
        return;
    m_volume = percent;
    Q_EMIT volumeChanged();
}

QStringList AlertSound::eventIds(Sound sound)
{
    // Names from the freedesktop sound naming spec; a theme that lacks the first (many lack
    // phone-incoming-call) still rings with the next, and "bell" every theme has.
    switch (sound) {
    case Sound::Waiting:
    case Sound::Test:
        return {u"phone-incoming-call"_s, u"message-new-instant"_s, u"bell"_s};
    case Sound::Message:
        return {u"message-new-instant"_s, u"message"_s, u"bell"_s};
    }
    return {u"bell"_s};
}

double AlertSound::decibels(int percent)
{
    // PulseAudio's and the desktops' percent is cubic in amplitude: dB = 20·log10((p/100)³).
    percent = std::clamp(percent, 1, 100);
    return 60.0 * std::log10(percent / 100.0);
}

void AlertSound::prepare()
{
    QMetaObject::invokeMethod(m_player, &CanberraPlayer::prepare, Qt::QueuedConnection);
}

void AlertSound::play(Sound sound)
{
    if (m_volume == 0)
        return;
    if (sound == Sound::Waiting) {
        if (m_ringing && m_ringStarted.isValid() && m_ringStarted.elapsed() < ringTimeoutMs)
            return;
        m_ringing = true;
        m_ringStarted.start();
    }
    const double dB = decibels(m_volume) - (sound == Sound::Message ? messageAttenuationDb : 0.0);
    const QString description = sound == Sound::Message ? tr("A visitor wrote in a chat") : tr("A visitor is waiting");
    const uint id = playId(sound);
    const QStringList ids = eventIds(sound);
    QMetaObject::invokeMethod(
        m_player, [player = m_player, id, ids, dB, description] { player->play(id, ids, dB, description); },
        Qt::QueuedConnection);
}

void AlertSound::stopRinging()
{
    if (!m_ringing)
        return;
    m_ringing = false; // the next visitor rings at once, not after the cancelled ring reports its end
    const uint id = playId(Sound::Waiting);
    QMetaObject::invokeMethod(
        m_player, [player = m_player, id] { player->cancel(id); }, Qt::QueuedConnection);
}

void AlertSound::test()
{
    play(Sound::Test);
}

void AlertSound::onStarted(uint id, const QString &eventId)
{
    Q_EMIT played(Sound(id - 1), eventId);
}

void AlertSound::onFinished(uint id, const QString &error)
{
    Q_UNUSED(error); // the player logged it
    if (id == playId(Sound::Waiting))
        m_ringing = false;
}

void AlertSound::onAvailabilityChanged(bool available, const QString &reason)
{
    if (m_available == available && m_errorString == reason)
        return;
    m_available = available;
    m_errorString = reason;
    Q_EMIT availabilityChanged();
}

} // namespace Frontdesk
