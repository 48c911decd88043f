#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace Frontdesk {

/// @brief A real SMTP server for a test: Debian's aiosmtpd (tests/mail/smtpserver.py)
/// on 127.0.0.1, writing each message it accepts to a folder the test reads.
///
/// It can be stopped and started again on the same port (the retry tests),
/// and optionally requires AUTH and STARTTLS.
class SmtpTestServer
{
public:
    struct Options {
        QString user; ///< empty: no AUTH
        QString password;
        QString tlsCertificate; ///< with tlsKey: STARTTLS required
        QString tlsKey;
    };

    SmtpTestServer();
    ~SmtpTestServer();

    /// A free port for start(), chosen before the server runs (so a test can
    /// configure Frontdesk with it while the SMTP server is still down).
    quint16 reservePort();
    /// Starts on reservePort()'s port (reserving one if none was); false with a sentence.
    [[nodiscard]] bool start(const Options &options, QString *error);
    [[nodiscard]] bool start(QString *error) { return start(Options{}, error); }
    void stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url() const;
    /// What the server received so far, oldest first: the records smtpserver.py wrote.
    [[nodiscard]] QList<QJsonObject> messages() const;
    /// Waits until at least @p count messages arrived; false on timeout.
    [[nodiscard]] bool waitForMessages(int count, int timeoutMs = 15000) const;
    /// The raw bytes of the @p index-th message (0-based), as received.
    [[nodiscard]] QByteArray raw(int index) const;

    /// A self-signed certificate for localhost and 127.0.0.1 (openssl), in @p folder.
    [[nodiscard]] static bool makeCertificate(const QString &folder, QString *certificate, QString *key, QString *error);

private:
    QTemporaryDir m_folder;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace Frontdesk
