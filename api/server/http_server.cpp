// The only translation unit that includes Boost.Beast: every Beast type stays behind HttpServer::Impl.
// Shape follows Beast's advanced_server example (a listener, one http_session per connection), with
// the write queue as fixed in Boost 1.85: a response stays at the front of the queue until its
// async_write completes, so there is never more than one write in flight.
//
// Handlers are asynchronous: a session hands the request over and reads nothing more until the
// response comes back (from any thread, posted to the session's strand), so a connection has one
// request in the application at a time and its responses can never be reordered. Pipelined bytes
// wait in the read buffer. While the application works no I/O thread is blocked, so a few threads
// serve many connections whose writes wait for a group commit.
#include "api/server/http_server.hpp"
#include "api/server/server_log.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace hazeguard::api {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

/// Responses a connection may have waiting before we stop reading more pipelined requests.
constexpr std::size_t queue_limit = 8;
/// After shutting down our side we keep reading (and discarding) until the client goes quiet:
/// closing a socket with unread data makes the kernel send RST, which can destroy a 413/400 (or
/// the answer to a "Connection: close" request) before the client has read it. Bounded in idle
/// time, total time and bytes so a client cannot hold the session open.
constexpr auto linger_idle = std::chrono::milliseconds(500);
constexpr auto linger_total = std::chrono::seconds(5);
constexpr std::size_t linger_cap = 8 * 1024 * 1024;

struct SessionConfig {
    Handler handler;
    std::size_t body_limit;
    int read_timeout_seconds;
    std::function<std::size_t(std::string const&, std::string const&)> body_limit_for;
};

std::string to_string(beast::string_view sv) { return {sv.data(), sv.size()}; }

/// Errors that are part of normal connection life and not worth a log line.
bool is_quiet(beast::error_code const& ec) {
    return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
           ec == beast::error::timeout;
}

void fail(beast::error_code const& ec, char const* what) {
    if (is_quiet(ec)) return;
    log_line("warn", std::string(what) + ": " + ec.message(), {{"error_code", ec.value()}});
}

BeastResponse problem(int status, std::string const& type, std::string const& title,
                      std::string const& detail, unsigned version, bool keep_alive) {
    nlohmann::ordered_json body;
    body["type"] = type;
    body["title"] = title;
    body["status"] = status;
    body["detail"] = detail;
    BeastResponse res{static_cast<http::status>(status), version};
    res.set(http::field::server, "hazeguard");
    res.set(http::field::content_type, "application/problem+json");
    res.keep_alive(keep_alive);
    res.body() = body.dump();
    res.prepare_payload();
    return res;
}

/// Moves the body out of `req`; the rest of `req` stays usable for building the response.
Request to_request(BeastRequest& req) {
    Request out;
    out.method = to_string(req.method_string());
    out.target = to_string(req.target());
    for (auto const& field : req) {
        std::string name = to_string(field.name_string());
        std::string value = to_string(field.value());
        // Headers keeps one value per name; a repeated field is the comma-joined list (RFC 9110 §5.3).
        if (auto existing = out.headers.get(name)) value = *existing + ", " + value;
        out.headers.set(std::move(name), std::move(value));
    }
    out.body = std::move(req.body());
    return out;
}

void check_header_text(std::string const& text) {
    // A CR or LF coming from application data would let it inject headers into the response.
    if (text.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
        throw std::invalid_argument("response header contains CR, LF or NUL: " + text.substr(0, 64));
}

/// What answering a request needs to know of it once the request itself has been handed over.
struct RequestInfo {
    unsigned version = 11;
    bool keep_alive = true;
    bool head = false;
    std::string method, target;  // for the log
};

BeastResponse to_beast(Response&& response, RequestInfo const& req) {
    if (response.status < 100 || response.status > 599)
        throw std::invalid_argument("handler returned invalid status " + std::to_string(response.status));
    BeastResponse res;
    res.version(req.version);
    res.result(static_cast<unsigned>(response.status));
    res.set(http::field::server, "hazeguard");
    if (!response.content_type.empty()) {
        check_header_text(response.content_type);
        res.set(http::field::content_type, response.content_type);
    }
    bool handler_closes = false;
    for (auto const& [name, value] : response.headers.all()) {
        check_header_text(name);
        check_header_text(value);
        // Framing belongs to the server: prepare_payload() computes it from the body.
        if (beast::iequals(name, "Content-Length") || beast::iequals(name, "Transfer-Encoding")) continue;
        if (beast::iequals(name, "Connection")) {
            handler_closes = http::token_list{value}.exists("close");
            continue;
        }
        res.set(name, value);
    }
    bool const bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    if (!bodyless) res.body() = std::move(response.body);
    res.keep_alive(req.keep_alive && !handler_closes);
    res.prepare_payload();
    // A HEAD answer carries the GET's Content-Length but no body.
    if (req.head) res.body().clear();
    return res;
}

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket&& socket, std::shared_ptr<SessionConfig const> config,
                std::weak_ptr<net::io_context> context)
        : stream_(std::move(socket)), config_(std::move(config)), context_(std::move(context)) {}

    void run() {
        // Start on the connection's strand: the socket was accepted on the listener's.
        net::dispatch(stream_.get_executor(),
                      beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
    }

private:
    enum class ReadState { reading, handling, paused, stopped };

    /// One request's way back: the first call of its Respond (from any thread) posts the response
    /// to the session's strand. It keeps the session and the io_context alive while the
    /// application holds it, so an answer arriving after stop() touches nothing destroyed; the
    /// posted handler holds only the session, so a stopped io_context's queue never owns it.
    struct Pending {
        std::shared_ptr<net::io_context> context;  // declared first: released last
        std::shared_ptr<HttpSession> session;
        beast::tcp_stream::executor_type executor;
        RequestInfo info;
        std::atomic<bool> answered{false};
    };

    void do_read() {
        read_state_ = ReadState::reading;
        parser_.emplace();
        limit_ = config_->body_limit;
        parser_->body_limit(limit_);
        if (config_->read_timeout_seconds > 0)  // 0 or less: no timeout
            stream_.expires_after(std::chrono::seconds(config_->read_timeout_seconds));
        // Header first: the body limit depends on the route (a list import is larger than an ack).
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) return on_read_error(ec);
        if (config_->body_limit_for) {
            auto const& h = parser_->get();
            limit_ = config_->body_limit_for(std::string(h.method_string()), std::string(h.target()));
            parser_->body_limit(limit_);
        }
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) return on_read_error(ec);
        read_state_ = ReadState::handling;
        stream_.expires_never();  // the application may take its time (a group commit); writes set their own

        BeastRequest req = parser_->release();
        auto pending = std::make_shared<Pending>();
        pending->context = context_.lock();
        pending->session = shared_from_this();
        pending->executor = stream_.get_executor();
        pending->info = {req.version(), req.keep_alive(), req.method() == http::verb::head,
                         to_string(req.method_string()), to_string(req.target())};
        Respond respond = [pending](Response response) {
            if (pending->answered.exchange(true)) return;  // the first answer wins
            net::post(pending->executor, [session = pending->session, info = pending->info,
                                          response = std::move(response)]() mutable {
                session->on_response(info, std::move(response));
            });
        };
        std::string error;
        try {
            config_->handler(to_request(req), std::move(respond));
            return;
        } catch (std::exception const& e) {
            error = e.what();
        } catch (...) {
            error = "non-standard exception";
        }
        // what() goes to the operator's log only: it may hold internals the client must not see.
        log_line("error", "handler failed",
                 {{"error", error}, {"method", pending->info.method}, {"target", pending->info.target}});
        if (!pending->answered.exchange(true)) deliver(internal_error(pending->info));
    }

    void on_response(RequestInfo const& info, Response response) {
        std::string error;
        try {
            return deliver(to_beast(std::move(response), info));
        } catch (std::exception const& e) {
            error = e.what();
        }
        log_line("error", "handler failed", {{"error", error}, {"method", info.method}, {"target", info.target}});
        deliver(internal_error(info));
    }

    static BeastResponse internal_error(RequestInfo const& info) {
        return problem(500, "/problems/internal-error", "Internal server error",
                       "The server could not complete the request.", info.version, info.keep_alive);
    }

    /// Queues the answer to the request in hand and reads the next one.
    void deliver(BeastResponse res) {
        if (!stream_.socket().is_open()) return;  // a write failed while the application worked
        if (!res.keep_alive())
            read_state_ = ReadState::stopped;
        else if (queue_.size() + 1 >= queue_limit)
            read_state_ = ReadState::paused;  // on_write resumes once the queue drains a slot
        queue_write(std::move(res));
        if (read_state_ == ReadState::handling) do_read();
    }

    void on_read_error(beast::error_code const& ec) {
        read_state_ = ReadState::stopped;
        if (ec == http::error::end_of_stream) {
            // The client half-closed; finish the responses it is still waiting for first.
            if (queue_.empty())
                do_close();
            else
                close_when_idle_ = true;
            return;
        }
        if (ec == http::error::body_limit) {
            unsigned const version = parser_->is_header_done() ? parser_->get().version() : 11;
            return queue_write(problem(413, "/problems/payload-too-large", "Request body too large",
                                       "The request body exceeds " + std::to_string(limit_) +
                                           " bytes.",
                                       version, false));
        }
        if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
            return queue_write(problem(400, "/problems/malformed-request", "Malformed HTTP request",
                                       "The request could not be parsed: " + ec.message() + ".", 11,
                                       false));
        }
        fail(ec, "read");
    }

    void queue_write(BeastResponse res) {
        queue_.push_back(std::move(res));
        if (queue_.size() == 1) do_write();
    }

    void do_write() {
        if (queue_.empty()) return;
        BeastResponse& res = queue_.front();
        if (config_->read_timeout_seconds > 0)  // a client that stops reading is dropped
            stream_.expires_after(std::chrono::seconds(config_->read_timeout_seconds));
        http::async_write(stream_, res,
                          beast::bind_front_handler(&HttpSession::on_write, shared_from_this(),
                                                    res.keep_alive()));
    }

    void on_write(bool keep_alive, beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) {
            fail(ec, "write");
            // Also aborts a pending read so the session is released now, not at the read timeout.
            stream_.close();
            return;
        }
        queue_.pop_front();
        if (!keep_alive) return do_close();
        if (read_state_ == ReadState::paused) do_read();
        if (!queue_.empty())
            do_write();
        else if (close_when_idle_)
            do_close();
    }

    void do_close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return;
        linger_deadline_ = std::chrono::steady_clock::now() + linger_total;
        do_drain();
    }

    void do_drain() {
        auto const remaining = linger_deadline_ - std::chrono::steady_clock::now();
        if (remaining <= std::chrono::steady_clock::duration::zero()) return;
        stream_.expires_after(std::min<std::chrono::steady_clock::duration>(linger_idle, remaining));
        stream_.async_read_some(net::buffer(drain_),
                                beast::bind_front_handler(&HttpSession::on_drain, shared_from_this()));
    }

    void on_drain(beast::error_code ec, std::size_t bytes_transferred) {
        if (ec) return;  // EOF, timeout or reset: the session ends and the socket closes
        drained_ += bytes_transferred;
        if (drained_ < linger_cap) do_drain();
    }

    beast::tcp_stream stream_;
    std::shared_ptr<SessionConfig const> config_;
    std::weak_ptr<net::io_context> context_;  // weak: the io_context's own queue holds sessions
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::size_t limit_ = 0;  // the body limit of the request being read
    std::deque<BeastResponse> queue_;
    ReadState read_state_ = ReadState::reading;
    bool close_when_idle_ = false;
    std::array<char, 4096> drain_{};
    std::size_t drained_ = 0;
    std::chrono::steady_clock::time_point linger_deadline_{};
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(std::shared_ptr<net::io_context> const& ioc, tcp::endpoint const& endpoint, std::string const& label,
             std::shared_ptr<SessionConfig const> config)
        : ioc_(*ioc), context_(ioc), acceptor_(net::make_strand(*ioc)), retry_timer_(acceptor_.get_executor()),
          config_(std::move(config)) {
        beast::error_code ec;
        auto check = [&] {
            if (ec) throw std::runtime_error("cannot listen on " + label + ": " + ec.message());
        };
        acceptor_.open(endpoint.protocol(), ec);
        check();
        acceptor_.set_option(net::socket_base::reuse_address(true), ec);
        check();
        acceptor_.bind(endpoint, ec);
        check();
        acceptor_.listen(net::socket_base::max_listen_connections, ec);
        check();
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

    void run() { do_accept(); }

    /// Once the io_context has stopped: frees the port now, even if a response still pending in
    /// the application keeps the io_context (and so this listener) alive a little longer.
    void close() {
        beast::error_code ec;
        acceptor_.close(ec);
        retry_timer_.cancel();
    }

private:
    void do_accept() {
        // Each connection gets its own strand; handlers of one session never run concurrently.
        acceptor_.async_accept(net::make_strand(ioc_),
                               beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    void on_accept(beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted) return;
        if (ec) {
            fail(ec, "accept");
            // Errors such as EMFILE persist; retrying at once would spin and flood the log.
            retry_timer_.expires_after(std::chrono::milliseconds(100));
            retry_timer_.async_wait([self = shared_from_this()](beast::error_code const& wait_ec) {
                if (!wait_ec) self->do_accept();
            });
            return;
        }
        std::make_shared<HttpSession>(std::move(socket), config_, context_)->run();
        do_accept();
    }

    net::io_context& ioc_;
    std::weak_ptr<net::io_context> context_;
    tcp::acceptor acceptor_;
    net::steady_timer retry_timer_;
    std::shared_ptr<SessionConfig const> config_;
};

}  // namespace

struct HttpServer::Impl {
    ServerOptions options;
    std::shared_ptr<SessionConfig const> config;
    std::atomic<std::uint16_t> port{0};
    std::mutex mutex;                    // guards the two fields below
    net::io_context* running = nullptr;  // the io_context of the active run(), for stop()
    bool stop_requested = false;         // sticky: a stop() before run() makes run() return at once
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
    impl_->config = std::make_shared<SessionConfig const>(
        SessionConfig{std::move(handler), options.body_limit, options.read_timeout_seconds, options.body_limit_for});
    impl_->options = std::move(options);
}

HttpServer::~HttpServer() = default;

void HttpServer::run() {
    Impl& impl = *impl_;
    int const threads = std::max(1, impl.options.threads);
    std::string const label = impl.options.address + ":" + std::to_string(impl.options.port);

    beast::error_code ec;
    auto const address = net::ip::make_address(impl.options.address, ec);
    if (ec) throw std::runtime_error("cannot listen on " + label + ": " + ec.message());

    // Declared first so it is released last: destroying it releases every session and closes their
    // sockets, so clients see the server go away when run() returns. A response still pending in
    // the application shares it until that response arrives (and is dropped).
    auto const context = std::make_shared<net::io_context>(threads);
    net::io_context& ioc = *context;
    auto listener = std::make_shared<Listener>(context, tcp::endpoint{address, impl.options.port}, label,
                                               impl.config);
    impl.port.store(listener->port());

    std::optional<net::signal_set> signals;
    if (impl.options.handle_signals) {
        signals.emplace(ioc, SIGINT, SIGTERM);
        signals->async_wait([&ioc](beast::error_code const& wait_ec, int /*signal*/) {
            if (!wait_ec) ioc.stop();
        });
    }
    listener->run();

    {
        std::lock_guard lock(impl.mutex);
        if (impl.stop_requested) return;
        impl.running = &ioc;
    }
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    auto finish = [&] {
        ioc.stop();
        for (auto& thread : pool) thread.join();
        listener->close();
        std::lock_guard lock(impl.mutex);
        impl.running = nullptr;
    };
    try {
        for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
        ioc.run();
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

void HttpServer::stop() {
    std::lock_guard lock(impl_->mutex);
    impl_->stop_requested = true;
    if (impl_->running != nullptr) impl_->running->stop();
}

std::uint16_t HttpServer::port() const { return impl_->port.load(); }

}  // namespace hazeguard::api
