// fdload: a load generator for the Frontdesk server (and for the bare
// QWebSocketServer echo server that serves as its limit).
//
// One thread, one epoll set, edge-triggered, no Qt: a minimal RFC 6455
// client (handshake, masked text frames, server frames with fragmentation,
// ping/pong, close) and just enough HTTP/1.1 for the agent login and
// /widget.js. It spreads its connections over many 127.0.0.x source
// addresses (bind() with IP_BIND_ADDRESS_NO_PORT before connect()), so it
// neither runs out of ephemeral ports nor hits the server's per-address cap,
// and raises its own RLIMIT_NOFILE.
//
// It only ever connects to 127.0.0.0/8 and stops by itself: every scenario
// has a count and a deadline (--timeout, plus an alarm() backstop).
//
// Output: progress on stderr, one JSON object with every figure on stdout.
// The exit status is non-zero when a connection, hello or message failed.
//
// Scenarios (--scenario):
//   idle       hold --idle visitors (connect + hello) and report the server's
//              RSS per connection (--server-pid)
//   handshake  with --idle held, open --count new visitors (connect, upgrade,
//              hello, welcome, close), --concurrency at a time
//   messages   with --idle held and an agent connected, --senders visitors
//              send --rate messages/s for --duration s; latency from the send
//              to the agent's `message` event, and to the visitor's `ack`
//   saturate   like messages, closed loop: each sender keeps --window
//              messages unacknowledged; reports durable messages/s
//   rush       many new conversations at once: --count fresh visitors (default
//              2,000) connect and say hello, then each sends its first message,
//              --rate a second in all (default 200/s), with an agent connected;
//              latency from the send to the agent's `message`, the time until
//              every first message is acknowledged, and the `queue` frames the
//              visitors received
//   burst      the rush with --idle visitors (default 5,000) connected and
//              idle the whole time, as on a busy site: the rush's figures
//   history    one conversation of --history-size messages, then the agent
//              asks `history` (limit 200) --count times, --window at a time
//   widget     GET /widget.js (gzip, keep-alive) on --concurrency connections
//              for --duration s
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif

namespace {

uint64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000ull + uint64_t(ts.tv_nsec);
}

double ms(uint64_t ns)
{
    return double(ns) / 1e6;
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "fdload: %s\n", what);
    std::exit(2);
}

// ---- options ------------------------------------------------------------

struct Options {
    std::string scenario = "idle";
    std::string host = "127.0.0.1";
    int port = 0;
    int serverPid = 0;
    int sources = 40;
    std::string site;
    std::string origin = "http://bench.test";
    bool echo = false; // target: the bare echo server (path /, any text frame answers hello)
    int idle = 0;
    int count = 0;
    int concurrency = 32;
    double rate = 1000;
    bool rateGiven = false; // rush has its own default rate
    std::vector<double> rates; // --rate 500,1000,2000: one phase (and one JSON line) each
    double duration = 10;
    int senders = 100;
    int window = 1;
    int historySize = 200;
    int historyLimit = 200;
    std::string agentEmail = "admin@frontdesk.local";
    std::string agentPassword;
    double timeout = 300;
    double settle = 2;
    std::string label;
    std::string trace; // rush: one CSV line per first message (times in ms from the first send)
};

void usage()
{
    std::fputs("usage: fdload --server 127.0.0.1:PORT [--server-pid PID] [--site KEY] [--origin URL] [--echo]\n"
               "              --scenario idle|handshake|messages|saturate|rush|burst|history|widget\n"
               "              [--idle N] [--count N] [--concurrency N] [--rate R] [--duration S] [--senders N]\n"
               "              [--window N] [--history-size N] [--sources N] [--agent-email E] [--timeout S]\n"
               "              [--settle S] [--label TEXT] [--trace CSV]   (agent password: FRONTDESK_ADMIN_PASSWORD)\n",
               stderr);
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    if (const char *pw = std::getenv("FRONTDESK_ADMIN_PASSWORD"))
        o.agentPassword = pw;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                die(("missing value for " + a).c_str());
            }
            return argv[++i];
        };
        if (a == "--scenario")
            o.scenario = value();
        else if (a == "--server") {
            std::string s = value();
            auto colon = s.rfind(':');
            if (colon == std::string::npos)
                die("--server is HOST:PORT");
            o.host = s.substr(0, colon);
            o.port = std::atoi(s.c_str() + colon + 1);
        } else if (a == "--server-pid")
            o.serverPid = std::atoi(value().c_str());
        else if (a == "--sources")
            o.sources = std::atoi(value().c_str());
        else if (a == "--site")
            o.site = value();
        else if (a == "--origin")
            o.origin = value();
        else if (a == "--echo")
            o.echo = true;
        else if (a == "--idle")
            o.idle = std::atoi(value().c_str());
        else if (a == "--count")
            o.count = std::atoi(value().c_str());
        else if (a == "--concurrency")
            o.concurrency = std::atoi(value().c_str());
        else if (a == "--rate") {
            std::string list = value();
            for (size_t p = 0; p <= list.size();) {
                size_t comma = list.find(',', p);
                if (comma == std::string::npos)
                    comma = list.size();
                if (comma > p)
                    o.rates.push_back(std::atof(list.substr(p, comma - p).c_str()));
                p = comma + 1;
            }
            if (!o.rates.empty()) {
                o.rate = o.rates.front();
                o.rateGiven = true;
            }
        } else if (a == "--duration")
            o.duration = std::atof(value().c_str());
        else if (a == "--senders")
            o.senders = std::atoi(value().c_str());
        else if (a == "--window")
            o.window = std::atoi(value().c_str());
        else if (a == "--history-size")
            o.historySize = std::atoi(value().c_str());
        else if (a == "--history-limit")
            o.historyLimit = std::atoi(value().c_str());
        else if (a == "--agent-email")
            o.agentEmail = value();
        else if (a == "--timeout")
            o.timeout = std::atof(value().c_str());
        else if (a == "--settle")
            o.settle = std::atof(value().c_str());
        else if (a == "--label")
            o.label = value();
        else if (a == "--trace")
            o.trace = value();
        else if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        } else {
            usage();
            die(("unknown option " + a).c_str());
        }
    }
    in_addr addr{};
    if (o.port <= 0 || inet_pton(AF_INET, o.host.c_str(), &addr) != 1 || (ntohl(addr.s_addr) >> 24) != 127)
        die("--server must be a loopback address 127.x.x.x:PORT (load only ever targets loopback)");
    if (o.rates.empty())
        o.rates.push_back(o.rate);
    if (o.sources < 1 || o.sources > 250)
        die("--sources is 1 to 250");
    o.concurrency = std::max(1, o.concurrency);
    o.window = std::max(1, o.window);
    o.senders = std::max(1, o.senders);
    return o;
}

// ---- process figures ----------------------------------------------------

long rssKb(int pid)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmRSS:", 6) == 0)
            kb = std::atol(line + 6);
    std::fclose(f);
    return kb;
}

// CPU seconds (user + system) of a process, from /proc/PID/stat.
double cpuSeconds(int pid)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return -1;
    char buf[2048];
    size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = 0;
    const char *p = std::strrchr(buf, ')'); // the command name may hold spaces
    if (!p)
        return -1;
    unsigned long utime = 0, stime = 0;
    // after ") ": state(3) ppid ... utime is field 14, stime 15
    int field = 2;
    for (const char *q = p + 1; *q; ++q) {
        if (*q == ' ') {
            ++field;
            if (field == 14)
                utime = std::strtoul(q + 1, nullptr, 10);
            if (field == 15) {
                stime = std::strtoul(q + 1, nullptr, 10);
                break;
            }
        }
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

double selfCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct CpuWindow {
    int pid;
    uint64_t t0;
    double server0, self0;
    explicit CpuWindow(int p) : pid(p), t0(nowNs()), server0(cpuSeconds(p)), self0(selfCpuSeconds()) { }
    // Busy fraction of one core (1.0 = one core fully used).
    double serverShare() const { return pid > 0 ? (cpuSeconds(pid) - server0) / (double(nowNs() - t0) / 1e9) : -1; }
    double selfShare() const { return (selfCpuSeconds() - self0) / (double(nowNs() - t0) / 1e9); }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    size_t i = size_t(std::ceil(p / 100.0 * double(v.size())));
    i = i == 0 ? 0 : i - 1;
    return v[std::min(i, v.size() - 1)];
}

// ---- JSON output ----------------------------------------------------------

struct Json {
    std::string s = "{";
    void key(const char *k)
    {
        if (s.size() > 1)
            s += ',';
        s += '"';
        s += k;
        s += "\":";
    }
    void num(const char *k, double v)
    {
        key(k);
        char b[64];
        if (std::isfinite(v))
            std::snprintf(b, sizeof b, "%.6g", v);
        else
            std::snprintf(b, sizeof b, "null");
        s += b;
    }
    void str(const char *k, const std::string &v)
    {
        key(k);
        s += '"';
        for (char c : v)
            if (c == '"' || c == '\\') {
                s += '\\';
                s += c;
            } else if (uint8_t(c) >= 0x20)
                s += c;
        s += '"';
    }
    std::string done() { return s + "}"; }
};

// ---- tiny JSON readers (the server sends compact JSON; Qt sorts keys) -----

// The string value of a top-level key, e.g. topString(text, "type").
std::string_view topString(std::string_view t, std::string_view key)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        else if (c == '"') {
            if (depth == 1 && t.compare(i + 1, key.size(), key) == 0 && i + 1 + key.size() + 2 < t.size()
                && t[i + 1 + key.size()] == '"' && t[i + 2 + key.size()] == ':' && t[i + 3 + key.size()] == '"') {
                size_t start = i + 4 + key.size();
                size_t end = t.find('"', start);
                return end == std::string_view::npos ? std::string_view() : t.substr(start, end - start);
            }
            inString = true;
        }
    }
    return {};
}

// The first occurrence anywhere of "key":"value" / "key":number.
std::string_view anyString(std::string_view t, std::string_view key)
{
    std::string pat = "\"" + std::string(key) + "\":\"";
    size_t p = t.find(pat);
    if (p == std::string_view::npos)
        return {};
    size_t start = p + pat.size();
    size_t end = t.find('"', start);
    return end == std::string_view::npos ? std::string_view() : t.substr(start, end - start);
}

long long anyNumber(std::string_view t, std::string_view key)
{
    std::string pat = "\"" + std::string(key) + "\":";
    size_t p = t.find(pat);
    if (p == std::string_view::npos)
        return -1;
    return std::atoll(std::string(t.substr(p + pat.size(), 24)).c_str());
}

// ---- connections ------------------------------------------------------------

enum class Kind { WebSocket, Http };
enum class State { Connecting, Handshaking, Open, Closed };
enum class Role { Idle, Handshaker, Sender, Agent, Login, Widget };

struct Conn {
    int fd = -1;
    Kind kind = Kind::WebSocket;
    State state = State::Connecting;
    Role role = Role::Idle;
    int index = 0;
    bool welcomed = false;
    bool failed = false;
    int outstanding = 0;
    uint64_t t0 = 0; // connect() called
    uint64_t tRequest = 0; // last HTTP request sent
    std::string in;
    std::string out;
    size_t outOff = 0;
    std::string fragments;
    std::string path; // WebSocket path or HTTP request to send on connect
    std::string request;
};

struct Handler {
    virtual ~Handler() = default;
    virtual void onOpen(Conn *c) = 0; // WebSocket upgraded / HTTP connected
    virtual void onText(Conn *c, std::string_view text) = 0;
    virtual void onHttp(Conn *c, int status, std::string_view headers, std::string_view body) = 0;
    virtual void onClosed(Conn *c, const char *why) = 0;
};

class Loop
{
public:
    explicit Loop(const Options &o) : m_o(o)
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0)
            die("epoll_create1 failed");
        inet_pton(AF_INET, o.host.c_str(), &m_server.sin_addr);
        m_server.sin_family = AF_INET;
        m_server.sin_port = htons(uint16_t(o.port));
        m_hostHeader = o.host + ":" + std::to_string(o.port);
    }

    Handler *handler = nullptr;
    std::function<void()> tick; // called every iteration

    Conn *open(Kind kind, Role role, int index, const std::string &pathOrRequest)
    {
        auto owned = std::make_unique<Conn>();
        Conn *c = owned.get();
        m_conns.push_back(std::move(owned));
        c->kind = kind;
        c->role = role;
        c->index = index;
        c->t0 = nowNs();
        if (kind == Kind::WebSocket)
            c->path = pathOrRequest;
        else
            c->request = pathOrRequest;
        c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c->fd < 0) {
            fail(c, "socket() failed (file limit?)");
            return c;
        }
        int one = 1;
        setsockopt(c->fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        // 127.0.0.2 … 127.0.0.(1 + sources): never the server's own 127.0.0.1
        src.sin_addr.s_addr = htonl((127u << 24) | uint32_t(2 + (m_nextSource++ % m_o.sources)));
        if (bind(c->fd, reinterpret_cast<sockaddr *>(&src), sizeof src) != 0) {
            fail(c, "bind() to a 127.0.0.x source failed");
            return c;
        }
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        ev.data.ptr = c;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c->fd, &ev);
        if (connect(c->fd, reinterpret_cast<sockaddr *>(&m_server), sizeof m_server) != 0 && errno != EINPROGRESS) {
            fail(c, "connect() failed");
            return c;
        }
        ++m_live;
        return c;
    }

    void sendText(Conn *c, std::string_view payload) { sendFrame(c, 0x1, payload); }

    void sendHttp(Conn *c, const std::string &request)
    {
        c->tRequest = nowNs();
        c->out += request;
        flush(c);
    }

    void close(Conn *c)
    {
        if (c->state == State::Closed)
            return;
        c->state = State::Closed;
        ::close(c->fd);
        --m_live;
    }

    // Runs until done() or the deadline (absolute, ns). False on deadline.
    bool runUntil(const std::function<bool()> &done, uint64_t deadline)
    {
        epoll_event events[512];
        for (;;) {
            if (tick)
                tick();
            if (done())
                return true;
            uint64_t now = nowNs();
            if (now >= deadline)
                return false;
            int timeoutMs = tick ? 1 : int(std::min<uint64_t>((deadline - now) / 1'000'000 + 1, 100));
            int n = epoll_wait(m_epoll, events, 512, timeoutMs);
            for (int i = 0; i < n; ++i) {
                Conn *c = static_cast<Conn *>(events[i].data.ptr);
                if (c->state == State::Closed)
                    continue;
                if (events[i].events & EPOLLOUT)
                    onWritable(c);
                if (c->state != State::Closed && (events[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
                    onReadable(c);
            }
        }
    }

    [[nodiscard]] int live() const { return m_live; }
    [[nodiscard]] size_t created() const { return m_conns.size(); }

private:
    // Before connect() was issued: not counted in m_live yet.
    void fail(Conn *c, const char *why)
    {
        if (c->fd >= 0)
            ::close(c->fd);
        c->state = State::Closed;
        c->failed = true;
        handler->onClosed(c, why);
    }

    void sendFrame(Conn *c, uint8_t opcode, std::string_view payload)
    {
        char header[14];
        size_t n = 0;
        header[n++] = char(0x80 | opcode);
        size_t len = payload.size();
        if (len < 126) {
            header[n++] = char(0x80 | len);
        } else if (len < 65536) {
            header[n++] = char(0x80 | 126);
            header[n++] = char(len >> 8);
            header[n++] = char(len & 0xff);
        } else {
            header[n++] = char(0x80 | 127);
            for (int i = 7; i >= 0; --i)
                header[n++] = char((uint64_t(len) >> (8 * i)) & 0xff);
        }
        m_rng ^= m_rng << 13;
        m_rng ^= m_rng >> 7;
        m_rng ^= m_rng << 17;
        uint8_t mask[4];
        std::memcpy(mask, &m_rng, 4);
        std::memcpy(header + n, mask, 4);
        n += 4;
        c->out.append(header, n);
        size_t base = c->out.size();
        c->out.append(payload.data(), len);
        for (size_t i = 0; i < len; ++i)
            c->out[base + i] = char(uint8_t(c->out[base + i]) ^ mask[i & 3]);
        flush(c);
    }

    void flush(Conn *c)
    {
        if (c->state == State::Connecting || c->state == State::Closed)
            return;
        while (c->outOff < c->out.size()) {
            ssize_t w = ::send(c->fd, c->out.data() + c->outOff, c->out.size() - c->outOff, MSG_NOSIGNAL);
            if (w > 0) {
                c->outOff += size_t(w);
            } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                break;
            } else if (w < 0 && errno == EINTR) {
                continue;
            } else {
                drop(c, "send() failed");
                return;
            }
        }
        if (c->outOff == c->out.size()) {
            c->out.clear();
            c->outOff = 0;
        } else if (c->outOff > 65536) {
            c->out.erase(0, c->outOff);
            c->outOff = 0;
        }
    }

    void drop(Conn *c, const char *why)
    {
        if (c->state == State::Closed)
            return;
        close(c);
        c->failed = true;
        handler->onClosed(c, why);
    }

    void onWritable(Conn *c)
    {
        if (c->state == State::Connecting) {
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0) {
                drop(c, err == ECONNREFUSED ? "connection refused" : "connect failed");
                return;
            }
            if (c->kind == Kind::WebSocket) {
                c->state = State::Handshaking;
                std::string req = "GET " + c->path + " HTTP/1.1\r\nHost: " + m_hostHeader
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\n";
                if (c->role != Role::Agent && !m_o.origin.empty())
                    req += "Origin: " + m_o.origin + "\r\n";
                req += "\r\n";
                c->out += req;
                flush(c);
            } else {
                c->state = State::Open;
                handler->onOpen(c);
            }
            return;
        }
        flush(c);
    }

    void onReadable(Conn *c)
    {
        char buf[65536];
        for (;;) {
            ssize_t r = ::recv(c->fd, buf, sizeof buf, 0);
            if (r > 0) {
                c->in.append(buf, size_t(r));
                if (size_t(r) < sizeof buf)
                    break;
            } else if (r == 0) {
                parse(c);
                drop(c, "closed by the server");
                return;
            } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                break;
            } else if (errno == EINTR) {
                continue;
            } else {
                parse(c);
                drop(c, "recv() failed");
                return;
            }
        }
        parse(c);
    }

    void parse(Conn *c)
    {
        if (c->state == State::Closed)
            return;
        if (c->kind == Kind::Http) {
            parseHttp(c);
            return;
        }
        if (c->state == State::Handshaking) {
            size_t end = c->in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            if (c->in.compare(0, 12, "HTTP/1.1 101") != 0) {
                std::string status = c->in.substr(0, c->in.find("\r\n"));
                size_t body = c->in.find("\r\n\r\n");
                if (m_reportedRefusals++ < 3)
                    std::fprintf(stderr, "fdload: upgrade refused: %s %s\n", status.c_str(),
                                 body == std::string::npos ? "" : c->in.substr(body + 4, 200).c_str());
                drop(c, "upgrade refused");
                return;
            }
            c->in.erase(0, end + 4);
            c->state = State::Open;
            handler->onOpen(c);
            if (c->state == State::Closed)
                return;
        }
        parseFrames(c);
    }

    void parseFrames(Conn *c)
    {
        size_t pos = 0;
        std::string &in = c->in;
        while (c->state == State::Open) {
            size_t avail = in.size() - pos;
            if (avail < 2)
                break;
            const uint8_t b0 = uint8_t(in[pos]), b1 = uint8_t(in[pos + 1]);
            uint64_t len = b1 & 0x7f;
            size_t header = 2;
            if (len == 126) {
                if (avail < 4)
                    break;
                len = (uint64_t(uint8_t(in[pos + 2])) << 8) | uint8_t(in[pos + 3]);
                header = 4;
            } else if (len == 127) {
                if (avail < 10)
                    break;
                len = 0;
                for (int i = 0; i < 8; ++i)
                    len = (len << 8) | uint8_t(in[pos + 2 + i]);
                header = 10;
            }
            const bool masked = b1 & 0x80;
            if (masked)
                header += 4;
            if (avail < header + len)
                break;
            std::string_view payload(in.data() + pos + header, size_t(len));
            std::string unmasked;
            if (masked) {
                unmasked.assign(payload);
                for (size_t i = 0; i < unmasked.size(); ++i)
                    unmasked[i] = char(uint8_t(unmasked[i]) ^ uint8_t(in[pos + header - 4 + (i & 3)]));
                payload = unmasked;
            }
            pos += header + size_t(len);
            const uint8_t opcode = b0 & 0x0f;
            const bool fin = b0 & 0x80;
            if (opcode == 0x8) {
                drop(c, "WebSocket closed by the server");
                return;
            } else if (opcode == 0x9) {
                sendFrame(c, 0xA, payload);
            } else if (opcode == 0xA) {
                // pong: nothing to do
            } else if (opcode == 0x1 || opcode == 0x2 || opcode == 0x0) {
                if (!fin || opcode == 0x0) { // a fragment, or the continuation that ends one
                    c->fragments.append(payload);
                    if (fin) {
                        std::string whole;
                        whole.swap(c->fragments);
                        handler->onText(c, whole);
                    }
                } else {
                    handler->onText(c, payload);
                }
            }
        }
        if (c->state != State::Closed)
            in.erase(0, pos);
    }

    void parseHttp(Conn *c)
    {
        for (;;) {
            size_t end = c->in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            std::string_view head(c->in.data(), end + 4);
            int status = std::atoi(c->in.c_str() + 9);
            size_t length = 0;
            // Content-Length, case-insensitive
            for (size_t p = 0; (p = head.find("\r\n", p)) != std::string_view::npos;) {
                p += 2;
                if (head.size() - p > 15 && strncasecmp(head.data() + p, "content-length:", 15) == 0)
                    length = size_t(std::atol(head.data() + p + 15));
            }
            if (c->in.size() < end + 4 + length)
                return;
            std::string copy = c->in.substr(0, end + 4 + length);
            c->in.erase(0, end + 4 + length);
            handler->onHttp(c, status, std::string_view(copy).substr(0, end + 4), std::string_view(copy).substr(end + 4, length));
            if (c->state == State::Closed)
                return;
        }
    }

    const Options &m_o;
    int m_epoll = -1;
    sockaddr_in m_server{};
    std::string m_hostHeader;
    std::vector<std::unique_ptr<Conn>> m_conns;
    uint64_t m_nextSource = 0;
    uint64_t m_rng = 0x9E3779B97F4A7C15ull ^ uint64_t(getpid());
    int m_live = 0;
    int m_reportedRefusals = 0;
};

// ---- the scenarios ----------------------------------------------------------

class Bench : public Handler
{
public:
    explicit Bench(const Options &o) : m_o(o), m_loop(o) { m_loop.handler = this; }

    int run();

private:
    // Opening visitors
    std::string visitorPath() const { return m_o.echo ? std::string("/") : "/v1/visitor?site=" + m_o.site; }

    // Opens `total` connections of `role`, at most `concurrency` not yet
    // welcomed at a time; returns when all are welcomed or failed.
    bool openVisitors(Role role, int total, int concurrency, std::vector<Conn *> *into, double timeoutS)
    {
        int opened = 0;
        m_welcomed = 0;
        m_failedOpen = 0;
        m_handshakeMs.clear();
        m_loop.tick = [&] {
            while (opened < total && opened - (m_welcomed + m_failedOpen) < concurrency) {
                Conn *c = m_loop.open(Kind::WebSocket, role, opened, visitorPath());
                if (into)
                    into->push_back(c);
                ++opened;
            }
        };
        const uint64_t deadline = nowNs() + uint64_t(timeoutS * 1e9);
        bool ok = m_loop.runUntil([&] { return opened == total && m_welcomed + m_failedOpen == total; }, deadline);
        m_loop.tick = nullptr;
        return ok && m_failedOpen == 0;
    }

    bool loginAgent()
    {
        if (m_o.echo)
            return true;
        std::string body = "{\"email\":\"" + m_o.agentEmail + "\",\"password\":\"" + m_o.agentPassword + "\"}";
        std::string req = "POST /v1/agent/login HTTP/1.1\r\nHost: " + m_o.host + ":" + std::to_string(m_o.port)
            + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        m_loop.open(Kind::Http, Role::Login, 0, req);
        const uint64_t deadline = nowNs() + 30'000'000'000ull;
        if (!m_loop.runUntil([&] { return !m_agentToken.empty() || m_loginFailed; }, deadline) || m_loginFailed) {
            std::fprintf(stderr, "fdload: agent login failed (set FRONTDESK_ADMIN_PASSWORD)\n");
            return false;
        }
        m_agent = m_loop.open(Kind::WebSocket, Role::Agent, 0, "/v1/agent");
        if (!m_loop.runUntil([&] { return m_agentReady || m_agent->state == State::Closed; }, deadline) || !m_agentReady) {
            std::fprintf(stderr, "fdload: agent auth failed\n");
            return false;
        }
        return true;
    }

    void sendMessage(Conn *c, const std::string &clientId, long seq)
    {
        char frame[200];
        std::snprintf(frame, sizeof frame,
                      "{\"type\":\"message\",\"clientId\":\"%s\",\"body\":\"Benchmark message %ld: do you ship to Norway?\"}",
                      clientId.c_str(), seq);
        ++c->outstanding;
        m_loop.sendText(c, frame);
    }

    // Handler
    void onOpen(Conn *c) override
    {
        switch (c->role) {
        case Role::Idle:
        case Role::Handshaker:
        case Role::Sender:
            m_loop.sendText(c, "{\"type\":\"hello\",\"v\":1}");
            break;
        case Role::Agent:
            m_loop.sendText(c, "{\"type\":\"auth\",\"id\":1,\"token\":\"" + m_agentToken + "\"}");
            break;
        case Role::Login:
        case Role::Widget:
            m_loop.sendHttp(c, c->request);
            break;
        }
    }

    void onText(Conn *c, std::string_view text) override
    {
        ++m_framesIn;
        if (m_o.echo) {
            if (!c->welcomed)
                welcome(c);
            return;
        }
        const std::string_view type = topString(text, "type");
        if (c->role == Role::Agent) {
            onAgentFrame(type, text);
            return;
        }
        if (type == "welcome") {
            welcome(c);
        } else if (type == "ack") {
            --c->outstanding;
            std::string_view id = topString(text, "clientId");
            uint64_t t = nowNs();
            if (!id.empty() && (id[0] == 'm' || id[0] == 'r')) {
                // m<seq>: a measured message; r<seq>: a rush visitor's first message
                long seq = std::atol(std::string(id.substr(1)).c_str()) - (id[0] == 'm' ? m_seqBase : 0);
                if (seq >= 0 && size_t(seq) < m_ackAt.size() && m_ackAt[size_t(seq)] == 0) {
                    m_ackAt[size_t(seq)] = t;
                    ++m_acked;
                    m_lastAck = t;
                }
            } else {
                ++m_warmAcked;
                if (m_conversationId <= 0)
                    m_conversationId = anyNumber(text, "conversationId");
            }
            if (m_onAck)
                m_onAck(c);
        } else if (type == "queue") {
            // The visitor's place among the waiting conversations changed.
            ++m_queueFrames;
            if (text.find("\"position\":null") != std::string_view::npos)
                ++m_queueNullFrames;
        } else if (type == "error") {
            ++m_errors;
            if (m_errors <= 5)
                std::fprintf(stderr, "fdload: error frame: %.*s\n", int(std::min<size_t>(text.size(), 300)), text.data());
            if (!c->welcomed) {
                c->failed = true;
                ++m_failedOpen;
                m_loop.close(c);
            }
        }
    }

    void welcome(Conn *c)
    {
        c->welcomed = true;
        ++m_welcomed;
        m_handshakeMs.push_back(ms(nowNs() - c->t0));
        if (c->role == Role::Handshaker)
            m_loop.close(c); // churn: the next one takes its place
    }

    void onAgentFrame(std::string_view type, std::string_view text)
    {
        if (type == "snapshot") {
            m_agentReady = true;
        } else if (type == "conversation_created") {
            ++m_conversationsCreated;
        } else if (type == "message") {
            std::string_view id = anyString(text, "clientId");
            if (!id.empty() && (id[0] == 'm' || id[0] == 'r')) {
                long seq = std::atol(std::string(id.substr(1)).c_str()) - (id[0] == 'm' ? m_seqBase : 0);
                if (seq >= 0 && size_t(seq) < m_seenAt.size() && m_seenAt[size_t(seq)] == 0) {
                    m_seenAt[size_t(seq)] = nowNs();
                    ++m_seen;
                }
            }
        } else if (type == "result") {
            long long ref = anyNumber(text, "ref");
            if (ref >= 2 && size_t(ref - 2) < m_historyAt.size()) {
                m_historyMs.push_back(ms(nowNs() - m_historyAt[size_t(ref - 2)]));
                m_historyBytes += double(text.size());
                // count messages in the page
                size_t n = 0;
                for (size_t p = 0; (p = text.find("\"author\":", p)) != std::string_view::npos; ++p)
                    ++n;
                m_historyMessages = long(n);
                ++m_historyDone;
                if (m_onHistory)
                    m_onHistory();
            }
        } else if (type == "error") {
            ++m_errors;
            if (m_errors <= 5)
                std::fprintf(stderr, "fdload: agent error frame: %.*s\n", int(std::min<size_t>(text.size(), 300)), text.data());
        }
    }

    void onHttp(Conn *c, int status, std::string_view headers, std::string_view body) override
    {
        if (c->role == Role::Login) {
            std::string_view token = anyString(body, "token");
            if (status == 200 && !token.empty())
                m_agentToken.assign(token);
            else {
                std::fprintf(stderr, "fdload: login answered %d: %.*s\n", status, int(body.size()), body.data());
                m_loginFailed = true;
            }
            m_loop.close(c);
            return;
        }
        if (c->role == Role::Widget) {
            if (status != 200) {
                ++m_errors;
                if (m_errors <= 3)
                    std::fprintf(stderr, "fdload: /widget.js answered %d\n", status);
            }
            if (headers.find("Content-Encoding: gzip") != std::string_view::npos
                || headers.find("content-encoding: gzip") != std::string_view::npos)
                ++m_widgetGzip;
            m_widgetBytes = double(body.size());
            m_widgetMs.push_back(ms(nowNs() - c->tRequest));
            ++m_widgetDone;
            if (m_widgetRunning)
                m_loop.sendHttp(c, c->request);
        }
    }

    void onClosed(Conn *c, const char *why) override
    {
        if (c->role == Role::Handshaker && c->welcomed)
            return;
        if (c->role == Role::Login) {
            if (m_agentToken.empty())
                m_loginFailed = true;
            return;
        }
        if (!c->welcomed && (c->role == Role::Idle || c->role == Role::Handshaker || c->role == Role::Sender)) {
            ++m_failedOpen;
        } else {
            ++m_dropped;
        }
        if (m_reportedCloses++ < 5)
            std::fprintf(stderr, "fdload: connection %d (%s) closed: %s\n", c->index,
                         c->role == Role::Agent        ? "agent"
                             : c->role == Role::Sender ? "sender"
                                                       : "visitor",
                         why);
    }

    // Scenario bodies
    int scenarioIdle(Json &out);
    int scenarioHandshake(Json &out);
    int scenarioMessages(Json &out, bool saturate);
    int messagePhase(Json &out, const std::vector<Conn *> &senders, bool saturate, double rate);
    int scenarioRush(Json &out);
    int scenarioHistory(Json &out);
    int scenarioWidget(Json &out);

    const Options &m_o;
    Loop m_loop;

    int m_welcomed = 0;
    int m_failedOpen = 0;
    int m_dropped = 0;
    int m_errors = 0;
    int m_reportedCloses = 0;
    long m_framesIn = 0;
    std::vector<double> m_handshakeMs;

    std::string m_agentToken;
    bool m_loginFailed = false;
    bool m_agentReady = false;
    Conn *m_agent = nullptr;

    // messages: index = sequence number
    std::vector<uint64_t> m_sentAt, m_plannedAt, m_ackAt, m_seenAt;
    long m_acked = 0, m_seen = 0, m_warmAcked = 0;
    long m_seqBase = 0, m_phaseTotal = 0;
    uint64_t m_lastAck = 0;
    long long m_conversationId = 0;
    std::function<void(Conn *)> m_onAck;
    long m_queueFrames = 0, m_queueNullFrames = 0, m_conversationsCreated = 0;

    // history
    std::vector<uint64_t> m_historyAt;
    std::vector<double> m_historyMs;
    double m_historyBytes = 0;
    long m_historyMessages = 0;
    long m_historyDone = 0;
    std::function<void()> m_onHistory;

    // widget
    bool m_widgetRunning = false;
    long m_widgetDone = 0;
    long m_widgetGzip = 0;
    double m_widgetBytes = 0;
    std::vector<double> m_widgetMs;

    std::vector<Conn *> m_idle;
};

int Bench::run()
{
    Json out;
    out.str("scenario", m_o.scenario);
    if (!m_o.label.empty())
        out.str("label", m_o.label);
    out.str("target", m_o.echo ? "echo" : "frontdesk");
    const uint64_t start = nowNs();
    int rc = 0;
    if (m_o.scenario == "idle")
        rc = scenarioIdle(out);
    else if (m_o.scenario == "handshake")
        rc = scenarioHandshake(out);
    else if (m_o.scenario == "messages")
        rc = scenarioMessages(out, false);
    else if (m_o.scenario == "saturate")
        rc = scenarioMessages(out, true);
    else if (m_o.scenario == "rush" || m_o.scenario == "burst")
        rc = scenarioRush(out);
    else if (m_o.scenario == "history")
        rc = scenarioHistory(out);
    else if (m_o.scenario == "widget")
        rc = scenarioWidget(out);
    else
        die("unknown --scenario");
    out.num("errors", m_errors);
    out.num("failed_connections", m_failedOpen);
    out.num("dropped_connections", m_dropped);
    out.num("fdload_rss_kb", double(rssKb(getpid())));
    out.num("elapsed_s", double(nowNs() - start) / 1e9);
    out.num("ok", rc == 0 ? 1 : 0);
    std::printf("%s\n", out.done().c_str());
    std::fflush(stdout);
    return rc;
}

// Idle visitors: connect + hello, then hold; the server's RSS before and after.
int Bench::scenarioIdle(Json &out)
{
    if (!m_o.echo && !loginAgent())
        return 1;
    const long rss0 = rssKb(m_o.serverPid);
    CpuWindow cpu(m_o.serverPid);
    const uint64_t t0 = nowNs();
    bool ok = openVisitors(Role::Idle, m_o.idle, m_o.concurrency, &m_idle, m_o.timeout);
    const double rampS = double(nowNs() - t0) / 1e9;
    std::fprintf(stderr, "fdload: %d idle visitors welcomed in %.1f s (%d failed)\n", m_welcomed, rampS, m_failedOpen);
    out.num("server_cpu_share_ramp", cpu.serverShare());
    out.num("fdload_cpu_share_ramp", cpu.selfShare());
    // Let the server settle (deferred deletes, best-effort writes) before reading RSS.
    std::fprintf(stderr, "fdload: measuring\n"); // the held connections, idle
    m_loop.runUntil([] { return false; }, nowNs() + uint64_t(m_o.settle * 1e9));
    const long rss1 = rssKb(m_o.serverPid);
    int held = 0;
    for (Conn *c : m_idle)
        held += c->state == State::Open && c->welcomed;
    out.num("idle_requested", m_o.idle);
    out.num("idle_held", held);
    out.num("ramp_s", rampS);
    out.num("ramp_per_s", m_welcomed / rampS);
    out.num("server_rss_before_kb", double(rss0));
    out.num("server_rss_after_kb", double(rss1));
    if (held > 0 && rss0 > 0)
        out.num("server_rss_per_conn_kb", double(rss1 - rss0) / held);
    out.num("hello_p50_ms", percentile(m_handshakeMs, 50));
    out.num("hello_p99_ms", percentile(m_handshakeMs, 99));
    return ok && held == m_o.idle ? 0 : 1;
}

// New connections + hello per second while --idle are held.
int Bench::scenarioHandshake(Json &out)
{
    if (!m_o.echo && !loginAgent())
        return 1;
    if (m_o.idle > 0 && !openVisitors(Role::Idle, m_o.idle, m_o.concurrency, &m_idle, m_o.timeout)) {
        std::fprintf(stderr, "fdload: could not hold %d idle visitors\n", m_o.idle);
        return 1;
    }
    m_loop.runUntil([] { return false; }, nowNs() + 500'000'000ull);
    const int count = m_o.count > 0 ? m_o.count : 2000;
    std::fprintf(stderr, "fdload: measuring\n"); // run-benchmarks.sh profile starts perf here
    CpuWindow cpu(m_o.serverPid);
    const uint64_t t0 = nowNs();
    bool ok = openVisitors(Role::Handshaker, count, m_o.concurrency, nullptr, m_o.timeout);
    const double s = double(nowNs() - t0) / 1e9;
    out.num("server_cpu_share", cpu.serverShare());
    out.num("fdload_cpu_share", cpu.selfShare());
    int held = 0;
    for (Conn *c : m_idle)
        held += c->state == State::Open;
    std::fprintf(stderr, "fdload: %d handshakes in %.2f s = %.0f/s with %d held\n", m_welcomed, s, m_welcomed / s, held);
    out.num("idle_held", held);
    out.num("handshakes", m_welcomed);
    out.num("concurrency", m_o.concurrency);
    out.num("handshakes_per_s", m_welcomed / s);
    out.num("handshake_p50_ms", percentile(m_handshakeMs, 50));
    out.num("handshake_p99_ms", percentile(m_handshakeMs, 99));
    return ok && held == m_o.idle ? 0 : 1;
}

// Visitor→agent messages at a fixed offered rate (or closed loop when
// saturating) with --idle visitors held.
int Bench::scenarioMessages(Json &out, bool saturate)
{
    if (!loginAgent())
        return 1;
    if (m_o.idle > 0 && !openVisitors(Role::Idle, m_o.idle, m_o.concurrency, &m_idle, m_o.timeout)) {
        std::fprintf(stderr, "fdload: could not hold %d idle visitors\n", m_o.idle);
        return 1;
    }
    std::vector<Conn *> senders;
    if (!openVisitors(Role::Sender, m_o.senders, m_o.concurrency, &senders, 60)) {
        std::fprintf(stderr, "fdload: could not open %d senders\n", m_o.senders);
        return 1;
    }
    // Warm-up: every sender's first message opens its conversation
    // (conversation_created); the measured ones then go into open conversations.
    for (Conn *c : senders)
        sendMessage(c, "w" + std::to_string(c->index), -1);
    if (!m_loop.runUntil([&] { return m_warmAcked >= long(senders.size()); }, nowNs() + 60'000'000'000ull)) {
        std::fprintf(stderr, "fdload: warm-up messages not acknowledged\n");
        return 1;
    }
    m_loop.runUntil([] { return false; }, nowNs() + 500'000'000ull);

    // One phase per offered rate, on the same connections; every phase but
    // the last prints its own JSON line, the last one goes into `out`.
    int rc = 0;
    const std::vector<double> rates = saturate ? std::vector<double>{0} : m_o.rates;
    for (size_t r = 0; r < rates.size(); ++r) {
        Json phase;
        Json &target = r + 1 == rates.size() ? out : phase;
        if (&target == &phase) {
            phase.str("scenario", m_o.scenario);
            if (!m_o.label.empty())
                phase.str("label", m_o.label);
            phase.str("target", "frontdesk");
        }
        if (messagePhase(target, senders, saturate, rates[r]) != 0)
            rc = 1;
        if (&target == &phase) {
            phase.num("errors", m_errors);
            phase.num("ok", rc == 0 ? 1 : 0);
            std::printf("%s\n", phase.done().c_str());
            std::fflush(stdout);
            m_loop.runUntil([] { return false; }, nowNs() + 1'000'000'000ull);
        }
    }
    return rc;
}

int Bench::messagePhase(Json &out, const std::vector<Conn *> &senders, bool saturate, double rate)
{
    const long total = saturate ? long(std::max(1.0, m_o.duration * 20000)) : long(std::llround(rate * m_o.duration));
    // Client ids stay unique across phases (the server dedupes per visitor):
    // phase k numbers its messages from m_seqBase on.
    m_seqBase += m_phaseTotal;
    m_phaseTotal = total;
    m_sentAt.assign(size_t(total), 0);
    m_plannedAt.assign(size_t(total), 0);
    m_ackAt.assign(size_t(total), 0);
    m_seenAt.assign(size_t(total), 0);
    m_acked = 0;
    m_seen = 0;
    m_lastAck = 0;
    long next = 0;
    std::fprintf(stderr, "fdload: measuring\n");
    CpuWindow cpu(m_o.serverPid);
    const uint64_t t0 = nowNs();
    const uint64_t end = t0 + uint64_t(m_o.duration * 1e9);
    auto send = [&](Conn *c, uint64_t planned) {
        const uint64_t t = nowNs();
        m_plannedAt[size_t(next)] = planned;
        m_sentAt[size_t(next)] = t;
        sendMessage(c, "m" + std::to_string(m_seqBase + next), m_seqBase + next);
        ++next;
    };
    if (saturate) {
        // Closed loop: each sender keeps --window messages unacknowledged.
        m_onAck = [&](Conn *c) {
            const uint64_t t = nowNs();
            if (t < end && next < total && c->outstanding < m_o.window)
                send(c, t);
        };
        for (int w = 0; w < m_o.window; ++w)
            for (Conn *c : senders)
                if (next < total)
                    send(c, t0);
    } else {
        const double interval = 1e9 / rate;
        // By value: the tick runs after this block has ended (ASan's stack-use-after-scope).
        m_loop.tick = [&, interval] {
            const uint64_t now = nowNs();
            while (next < total) {
                const uint64_t planned = t0 + uint64_t(double(next) * interval);
                if (planned > now)
                    break;
                send(senders[size_t(next) % senders.size()], planned);
            }
        };
    }
    const uint64_t deadline = end + 15'000'000'000ull;
    m_loop.runUntil([&] { return nowNs() >= end && (next >= total || saturate) && m_acked == next && m_seen == next; }, deadline);
    const uint64_t stop = nowNs();
    const double serverShare = cpu.serverShare(), selfShare = cpu.selfShare();
    m_loop.tick = nullptr;
    m_onAck = nullptr;

    std::vector<double> agentMs, ackMs, lagMs;
    agentMs.reserve(size_t(next));
    ackMs.reserve(size_t(next));
    // Saturation: the figure is acknowledgements per second between the
    // first second (ramp) and the end of the sending window.
    long ackedInWindow = 0;
    const uint64_t windowStart = t0 + (saturate ? 1'000'000'000ull : 0);
    for (long i = 0; i < next; ++i) {
        const size_t k = size_t(i);
        if (m_seenAt[k])
            agentMs.push_back(ms(m_seenAt[k] - m_sentAt[k]));
        if (m_ackAt[k]) {
            ackMs.push_back(ms(m_ackAt[k] - m_sentAt[k]));
            if (m_ackAt[k] >= windowStart && m_ackAt[k] <= end)
                ++ackedInWindow;
        }
        lagMs.push_back(ms(m_sentAt[k] - m_plannedAt[k]));
    }
    const double sendSpanS = double(end - t0) / 1e9;
    out.num("idle_held", double(std::count_if(m_idle.begin(), m_idle.end(), [](Conn *c) { return c->state == State::Open; })));
    out.num("senders", double(senders.size()));
    out.num("offered_rate", saturate ? -1 : rate);
    out.num("window", saturate ? m_o.window : -1);
    out.num("sent", double(next));
    out.num("acked", double(m_acked));
    out.num("seen_by_agent", double(m_seen));
    out.num("sent_per_s", double(next) / sendSpanS);
    if (saturate)
        out.num("durable_per_s", double(ackedInWindow) / (double(end - windowStart) / 1e9));
    else
        out.num("durable_per_s", m_acked > 0 ? double(m_acked) / (double(m_lastAck - t0) / 1e9) : 0);
    out.num("agent_p50_ms", percentile(agentMs, 50));
    out.num("agent_p99_ms", percentile(agentMs, 99));
    out.num("agent_max_ms", percentile(agentMs, 100));
    out.num("ack_p50_ms", percentile(ackMs, 50));
    out.num("ack_p99_ms", percentile(ackMs, 99));
    out.num("send_lag_p99_ms", percentile(lagMs, 99));
    out.num("server_cpu_share", serverShare);
    out.num("fdload_cpu_share", selfShare);
    out.num("drain_s", double(stop - end) / 1e9);
    std::fprintf(stderr, "fdload: sent %ld, acked %ld, seen %ld; agent p50 %.2f ms p99 %.2f ms\n", next, m_acked, m_seen,
                 percentile(agentMs, 50), percentile(agentMs, 99));
    const bool complete = m_acked == next && m_seen == next && next > 0;
    return complete && m_errors == 0 ? 0 : 1;
}

// Many new conversations at once. The visitors connect first (not measured:
// the ramp is the idle scenario's figure); then visitor k sends its first
// message at t0 + k / rate. Every first message creates a `waiting`
// conversation, so the server tells every connected waiting visitor whose
// place changed (`queue`) and the agent gets `conversation_created` and
// `message`. Nobody accepts: the queue only grows, as in a rush with no
// agent free. The burst is the same rush on a busy site: --idle visitors
// (default 5,000) connect first and stay, idle, throughout.
int Bench::scenarioRush(Json &out)
{
    if (!loginAgent())
        return 1;
    const long count = m_o.count > 0 ? m_o.count : 2000;
    const double rate = m_o.rateGiven ? m_o.rate : 200;
    if (m_o.scenario == "burst") {
        const int idle = m_o.idle > 0 ? m_o.idle : 5000;
        if (!openVisitors(Role::Idle, idle, m_o.concurrency, &m_idle, m_o.timeout)) {
            std::fprintf(stderr, "fdload: could not open %d idle visitors (%d failed)\n", idle, m_failedOpen);
            return 1;
        }
        std::fprintf(stderr, "fdload: %d idle visitors held\n", idle);
        out.num("idle_held", double(idle));
    }
    std::vector<Conn *> visitors;
    const uint64_t r0 = nowNs();
    if (!openVisitors(Role::Sender, int(count), m_o.concurrency, &visitors, m_o.timeout)) {
        std::fprintf(stderr, "fdload: could not open %ld rush visitors (%d failed)\n", count, m_failedOpen);
        return 1;
    }
    const double rampS = double(nowNs() - r0) / 1e9;
    std::fprintf(stderr, "fdload: %ld visitors welcomed in %.1f s\n", count, rampS);
    m_loop.runUntil([] { return false; }, nowNs() + 500'000'000ull);
    m_queueFrames = m_queueNullFrames = m_conversationsCreated = 0; // none expected before a first message

    m_sentAt.assign(size_t(count), 0);
    m_plannedAt.assign(size_t(count), 0);
    m_ackAt.assign(size_t(count), 0);
    m_seenAt.assign(size_t(count), 0);
    m_acked = m_seen = 0;
    m_lastAck = 0;
    long next = 0;
    std::fprintf(stderr, "fdload: measuring\n");
    CpuWindow cpu(m_o.serverPid);
    const double interval = 1e9 / rate;
    const uint64_t t0 = nowNs();
    m_loop.tick = [&] {
        const uint64_t now = nowNs();
        while (next < count) {
            const uint64_t planned = t0 + uint64_t(double(next) * interval);
            if (planned > now)
                break;
            const size_t k = size_t(next);
            m_plannedAt[k] = planned;
            m_sentAt[k] = nowNs();
            sendMessage(visitors[k], "r" + std::to_string(next), next);
            ++next;
        }
    };
    const uint64_t deadline = t0 + uint64_t(m_o.timeout * 1e9);
    const bool finished = m_loop.runUntil([&] { return next >= count && m_acked == count && m_seen == count; }, deadline);
    const uint64_t stop = nowNs();
    const uint64_t lastSend = next > 0 ? m_sentAt[size_t(next - 1)] : t0;
    const double serverShare = cpu.serverShare(), selfShare = cpu.selfShare();
    m_loop.tick = nullptr;
    // The queue frames that trail the last ack (a visitor's `queue` comes
    // before its own ack, but not necessarily before the others').
    m_loop.runUntil([] { return false; }, nowNs() + 300'000'000ull);

    std::vector<double> agentMs, ackMs, lagMs, firstTenth, lastTenth, agentBehindAckMs;
    const long tenth = std::max(1L, count / 10);
    for (long i = 0; i < next; ++i) {
        const size_t k = size_t(i);
        if (m_seenAt[k]) {
            const double v = ms(m_seenAt[k] - m_sentAt[k]);
            agentMs.push_back(v);
            if (i < tenth)
                firstTenth.push_back(v);
            if (i >= count - tenth)
                lastTenth.push_back(v);
        }
        if (m_ackAt[k])
            ackMs.push_back(ms(m_ackAt[k] - m_sentAt[k]));
        // The server queues the agent's frames before the visitor's ack; a
        // positive figure is time the agent's copy spent behind the ack.
        if (m_ackAt[k] && m_seenAt[k])
            agentBehindAckMs.push_back((double(m_seenAt[k]) - double(m_ackAt[k])) / 1e6);
        lagMs.push_back(ms(m_sentAt[k] - m_plannedAt[k]));
    }
    if (!m_o.trace.empty()) {
        if (FILE *f = std::fopen(m_o.trace.c_str(), "w")) {
            std::fprintf(f, "index,sent_ms,ack_ms,agent_ms\n");
            auto rel = [&](uint64_t t) { return t ? ms(t - t0) : -1.0; };
            for (long i = 0; i < next; ++i)
                std::fprintf(f, "%ld,%.3f,%.3f,%.3f\n", i, rel(m_sentAt[size_t(i)]), rel(m_ackAt[size_t(i)]),
                             rel(m_seenAt[size_t(i)]));
            std::fclose(f);
        }
    }
    out.num("visitors", double(count));
    out.num("offered_rate", rate);
    out.num("ramp_s", rampS);
    out.num("sent", double(next));
    out.num("acked", double(m_acked));
    out.num("seen_by_agent", double(m_seen));
    out.num("conversations_created", double(m_conversationsCreated));
    out.num("queue_frames", double(m_queueFrames));
    out.num("queue_frames_per_visitor", double(m_queueFrames) / double(count));
    out.num("queue_null_frames", double(m_queueNullFrames));
    out.num("agent_p50_ms", percentile(agentMs, 50));
    out.num("agent_p99_ms", percentile(agentMs, 99));
    out.num("agent_max_ms", percentile(agentMs, 100));
    // How latency grows with the queue: the first and the last tenth of the sends.
    out.num("agent_p50_first_tenth_ms", percentile(firstTenth, 50));
    out.num("agent_p50_last_tenth_ms", percentile(lastTenth, 50));
    out.num("ack_p50_ms", percentile(ackMs, 50));
    out.num("ack_p99_ms", percentile(ackMs, 99));
    out.num("ack_max_ms", percentile(ackMs, 100));
    out.num("agent_behind_ack_p50_ms", percentile(agentBehindAckMs, 50));
    out.num("agent_behind_ack_p99_ms", percentile(agentBehindAckMs, 99));
    out.num("send_span_s", double(lastSend - t0) / 1e9);
    // From the first send to the last acknowledgement (-1 if some never came).
    out.num("all_acked_s", m_acked == count ? double(m_lastAck - t0) / 1e9 : -1);
    out.num("drain_s", double(stop - lastSend) / 1e9);
    out.num("durable_per_s", m_acked > 0 && m_lastAck > t0 ? double(m_acked) / (double(m_lastAck - t0) / 1e9) : 0);
    out.num("send_lag_p99_ms", percentile(lagMs, 99));
    out.num("server_cpu_share", serverShare);
    out.num("fdload_cpu_share", selfShare);
    std::fprintf(
        stderr,
        "fdload: rush of %ld at %.0f/s: acked %ld, seen %ld, %ld queue frames; agent p50 %.1f ms p99 %.1f ms max %.1f ms\n",
        count, rate, m_acked, m_seen, m_queueFrames, percentile(agentMs, 50), percentile(agentMs, 99), percentile(agentMs, 100));
    if (!finished)
        std::fprintf(stderr, "fdload: rush did not finish within --timeout %.0f s\n", m_o.timeout);
    return finished && m_conversationsCreated == count && m_errors == 0 ? 0 : 1;
}

// A conversation of --history-size messages; then the agent's `history`.
int Bench::scenarioHistory(Json &out)
{
    if (!loginAgent())
        return 1;
    std::vector<Conn *> senders;
    if (!openVisitors(Role::Sender, 1, 1, &senders, 30))
        return 1;
    Conn *visitor = senders.front();
    long sent = 0;
    m_onAck = [&](Conn *c) {
        if (sent < m_o.historySize)
            sendMessage(c, "h" + std::to_string(sent), sent), ++sent;
    };
    for (int i = 0; i < std::min(20, m_o.historySize); ++i)
        sendMessage(visitor, "h" + std::to_string(sent), sent), ++sent;
    if (!m_loop.runUntil([&] { return m_warmAcked >= m_o.historySize; }, nowNs() + 60'000'000'000ull)) {
        std::fprintf(stderr, "fdload: history messages not acknowledged\n");
        return 1;
    }
    m_onAck = nullptr;
    const int count = m_o.count > 0 ? m_o.count : 500;
    m_historyAt.assign(size_t(count), 0);
    int issued = 0;
    auto ask = [&] {
        m_historyAt[size_t(issued)] = nowNs();
        m_loop.sendText(m_agent,
                        "{\"type\":\"history\",\"id\":" + std::to_string(issued + 2) + ",\"conversationId\":"
                            + std::to_string(m_conversationId) + ",\"limit\":" + std::to_string(m_o.historyLimit) + "}");
        ++issued;
    };
    m_onHistory = [&] {
        if (issued < count)
            ask();
    };
    CpuWindow cpu(m_o.serverPid);
    const uint64_t t0 = nowNs();
    for (int i = 0; i < m_o.window && issued < count; ++i)
        ask();
    m_loop.runUntil([&] { return m_historyDone >= count; }, nowNs() + uint64_t(m_o.timeout * 1e9));
    const double s = double(nowNs() - t0) / 1e9;
    out.num("conversation_messages", m_o.historySize);
    out.num("requests", double(m_historyDone));
    out.num("window", m_o.window);
    out.num("messages_per_page", double(m_historyMessages));
    out.num("page_bytes", m_historyDone ? m_historyBytes / double(m_historyDone) : 0);
    out.num("history_per_s", double(m_historyDone) / s);
    out.num("history_p50_ms", percentile(m_historyMs, 50));
    out.num("history_p99_ms", percentile(m_historyMs, 99));
    out.num("server_cpu_share", cpu.serverShare());
    out.num("fdload_cpu_share", cpu.selfShare());
    return m_historyDone == count && m_errors == 0 ? 0 : 1;
}

// GET /widget.js, gzip, keep-alive, closed loop on --concurrency connections.
int Bench::scenarioWidget(Json &out)
{
    const std::string req = "GET /widget.js HTTP/1.1\r\nHost: " + m_o.host + ":" + std::to_string(m_o.port)
        + "\r\nAccept-Encoding: gzip, deflate, br\r\nUser-Agent: fdload\r\nAccept: */*\r\n\r\n";
    m_widgetRunning = true;
    std::vector<Conn *> conns;
    for (int i = 0; i < m_o.concurrency; ++i)
        conns.push_back(m_loop.open(Kind::Http, Role::Widget, i, req));
    // warm-up 0.5 s, then measure
    m_loop.runUntil([] { return false; }, nowNs() + 500'000'000ull);
    const long done0 = m_widgetDone;
    m_widgetMs.clear();
    CpuWindow cpu(m_o.serverPid);
    const uint64_t t0 = nowNs();
    m_loop.runUntil([] { return false; }, t0 + uint64_t(m_o.duration * 1e9));
    const double s = double(nowNs() - t0) / 1e9;
    const long done = m_widgetDone - done0;
    m_widgetRunning = false;
    out.num("connections", m_o.concurrency);
    out.num("requests", double(done));
    out.num("requests_per_s", double(done) / s);
    out.num("body_bytes", m_widgetBytes);
    out.num("gzip_responses", double(m_widgetGzip));
    out.num("request_p50_ms", percentile(m_widgetMs, 50));
    out.num("request_p99_ms", percentile(m_widgetMs, 99));
    out.num("server_cpu_share", cpu.serverShare());
    out.num("fdload_cpu_share", cpu.selfShare());
    int open = 0;
    for (Conn *c : conns)
        open += c->state == State::Open;
    return done > 0 && m_widgetGzip > 0 && open == m_o.concurrency && m_errors == 0 ? 0 : 1;
}

void raiseFileLimit()
{
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    rlimit want{1'048'576, 1'048'576};
    if (setrlimit(RLIMIT_NOFILE, &want) != 0) { // needs CAP_SYS_RESOURCE; else up to the hard limit
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parseOptions(argc, argv);
    raiseFileLimit();
    signal(SIGPIPE, SIG_IGN);
    // Backstop: whatever happens, stop.
    alarm(unsigned(o.timeout + 60));
    Bench bench(o);
    return bench.run();
}
