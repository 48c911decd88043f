#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

namespace Frontdesk {

/**
 * @brief A private PulseAudio (Debian's pulseaudio) with one null sink, and
 * every sound that played on it, as the sound server saw it.
 *
 * It runs in a temporary folder of its own (socket, cookie, runtime dir), as
 * root too, and points this process at it (PULSE_SERVER), so libcanberra's
 * pulse backend plays there. `pactl subscribe` reports each new sink input,
 * and `pactl -f json list sink-inputs` reads its properties and volume while
 * it plays (the null sink plays in real time, so a sound lasts as long as it
 * does on speakers).
 */
class TestSoundServer : public QObject
{
    Q_OBJECT

public:
    /// @brief One stream that played: who asked, which sound, how loud.
    struct Played {
        int index = -1;
        QString eventId; ///< event.id (empty: the stream was gone before it could be read)
        QString applicationName;
        QString applicationId;
        QString mediaRole;
        double decibels = 0; ///< the stream's volume (first channel)
        qint64 atMs = 0; ///< when it started, on clockMs()'s clock
    };

    explicit TestSoundServer(QObject *parent = nullptr);
    ~TestSoundServer() override;

    /// Starts the daemon and the watcher, and sets PULSE_SERVER for this process.
    [[nodiscard]] bool start(QString *error);
    /// The daemon's address ("unix:/tmp/.../native").
    [[nodiscard]] QString address() const;
    [[nodiscard]] const QList<Played> &played() const { return m_played; }
    /// What played from @p sinceMs on.
    [[nodiscard]] QList<Played> playedSince(qint64 sinceMs) const;
    [[nodiscard]] qint64 clockMs() const { return m_clock.elapsed(); }

Q_SIGNALS:
    void soundPlayed();

private:
    [[nodiscard]] QProcessEnvironment environment() const;
    [[nodiscard]] bool pactl(const QStringList &arguments, QByteArray *output = nullptr) const;
    void readEvents();
    void readSinkInputs(qint64 atMs);

    QTemporaryDir m_dir;
    QProcess m_daemon;
    QProcess m_subscribe;
    QByteArray m_events;
    QSet<int> m_seen;
    QList<Played> m_played;
    QElapsedTimer m_clock;
    bool m_subscribed = false;
};

} // namespace Frontdesk
