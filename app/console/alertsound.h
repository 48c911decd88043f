#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QQmlEngine>
#include <QThread>

namespace Frontdesk {

class CanberraPlayer;

/**
 * @brief The console's own alert sounds, played through the desktop's sound
 * theme whatever the notification daemon does with sound: a ring for a
 * waiting visitor and a softer chime for a message in a chat not in view.
 *
 * It knows sounds, not visitors: the Notifier says when to ring. A ring that
 * is still sounding is not started again, so a rush of visitors rings once;
 * stopRinging() cuts it short when someone answers. The sounds play on a
 * thread of its own (CanberraPlayer), so nothing here waits on the sound
 * server; a missing sound device is a log line and `available` false.
 */
class AlertSound : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Notifier owns the alert sound: use notifier.alertSound.")

    /// @brief Loudness in percent, 0 (silent) to 100 (the theme's full volume), on the desktop's volume scale.
    Q_PROPERTY(int volume READ volume WRITE setVolume NOTIFY volumeChanged)
    /// @brief False once the sound system could not be opened (no device, no sound server); true before the first sound.
    Q_PROPERTY(bool available READ isAvailable NOTIFY availabilityChanged)
    /// @brief Why the sounds cannot play (for Settings); empty while they can.
    Q_PROPERTY(QString errorString READ errorString NOTIFY availabilityChanged)

public:
    enum class Sound {
        Waiting, ///< a visitor waits for an answer: the ring
        Message, ///< a visitor wrote in a chat not in view: softer
        Test, ///< the Settings button: the ring, at the volume set
    };
    Q_ENUM(Sound)

    /// The chime for a message is this many dB below the ring.
    static constexpr double messageAttenuationDb = 8.0;

    explicit AlertSound(QObject *parent = nullptr);
    ~AlertSound() override;

    [[nodiscard]] int volume() const { return m_volume; }
    void setVolume(int percent);
    [[nodiscard]] bool isAvailable() const { return m_available; }
    [[nodiscard]] QString errorString() const { return m_errorString; }

    /// Opens the sound system on the sound thread, if not yet done: `available` is then known
    /// before the first visitor (the Notifier asks once it has a client to watch).
    void prepare();
    /// Plays @p sound; a Waiting ring while the last one still sounds is dropped. Volume 0 plays nothing.
    void play(Sound sound);
    /// Cuts a ring that is sounding short: the visitor was answered, or left.
    void stopRinging();
    /// @brief Plays the ring at the volume set, whatever the Notifier's settings ("Test sound").
    Q_INVOKABLE void test();

    /// The theme's event ids for @p sound, the first that the theme has plays.
    [[nodiscard]] static QStringList eventIds(Sound sound);
    /// @p percent on the cubic scale that PulseAudio and the desktops' sliders use: 100 → 0 dB, 50 → −18 dB.
    [[nodiscard]] static double decibels(int percent);

Q_SIGNALS:
    void volumeChanged();
    void availabilityChanged();
    /// The sound server started @p sound as @p eventId (diagnostics and tests).
    void played(Frontdesk::AlertSound::Sound sound, const QString &eventId);

private:
    void onStarted(uint id, const QString &eventId);
    void onFinished(uint id, const QString &error);
    void onAvailabilityChanged(bool available, const QString &reason);

    QThread m_thread;
    CanberraPlayer *m_player = nullptr; ///< lives on m_thread
    int m_volume = 80;
    bool m_available = true;
    QString m_errorString;
    bool m_ringing = false; ///< a Waiting ring was asked for and has not finished
    QElapsedTimer m_ringStarted;
};

} // namespace Frontdesk
