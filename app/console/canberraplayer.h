#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QStringList>

struct ca_context;

namespace Frontdesk {

/**
 * @brief Plays event sounds of the desktop's sound theme through libcanberra;
 * the only class that knows canberra.
 *
 * It lives on a thread of its own (AlertSound moves it there): opening the
 * context connects to the sound server (PulseAudio, PipeWire's pulse server or
 * ALSA) and may take a while, and libcanberra's calls share one lock, so none of
 * them may run on the GUI thread. The context is opened on this thread when
 * first needed (prepare() or the first play), never at construction; a sound system that cannot be opened is reported once, then
 * tried again at most every retryInterval, so a sound server that starts after the console (a desktop session still starting up)
 * is found.
 */
class CanberraPlayer : public QObject
{
    Q_OBJECT

public:
    /// How long after a failed open the next play tries again.
    static constexpr int retryIntervalMs = 10000;

    explicit CanberraPlayer(QObject *parent = nullptr);
    ~CanberraPlayer() override;

public Q_SLOTS:
    /// Opens the sound system now, so whether it works is known before the first sound.
    void prepare();
    /// Plays the first of @p eventIds the theme has (a theme without the first one still sounds),
    /// @p decibels relative to the stream's full volume, as play @p id (a later play with the same
    /// id does not stop this one; cancel() does).
    void play(uint id, const QStringList &eventIds, double decibels, const QString &description);
    /// Stops what play @p id is playing, if it still is.
    void cancel(uint id);

Q_SIGNALS:
    /// The sound server took @p eventId for play @p id: it is sounding now.
    void started(uint id, const QString &eventId);
    /// Play @p id is over: played to the end, cancelled, or failed with @p error (a sentence; empty when it did not fail).
    void finished(uint id, const QString &error);
    /// The sound system could (@p available) or could not be opened; @p reason says why not.
    void availabilityChanged(bool available, const QString &reason);

private:
    [[nodiscard]] bool open();
    void close();
    /// One attempt: the ca error code (0 on success), @p playedId the event id that plays.
    [[nodiscard]] int tryPlay(uint id, const QStringList &eventIds, double decibels, const QString &description,
                              QString *playedId);
    void setAvailable(bool available, const QString &reason);
    static void onFinished(ca_context *context, uint32_t id, int error, void *userdata);

    ca_context *m_context = nullptr;
    QDeadlineTimer m_nextOpen{0}; ///< no open before this, after a failure
    enum class State { Unknown, Available, Unavailable } m_state = State::Unknown;
    QString m_reason;
};

} // namespace Frontdesk
