// The only translation unit that includes Boost.Beast (with beast_messages.hpp, its message conversions,
// included here only): every Beast type stays behind HttpServer::Impl.
// Shape follows Beast's advanced_server example (a listener, one http_session per connection), with
// the write queue as fixed in Boost 1.85: a response stays at the front of the queue until its
// async_write completes, so there is never more than one write in flight.
//
// Handlers are asynchronous: a session hands the request over and reads nothing more until the
// response comes back (from any thread; answers of the same moment are handed to the I/O threads in
// one batch, answer_batcher.hpp, and each runs on its session's strand), so a connection has one
// request in the application at a time and its responses can never be reordered. Pipelined bytes
// wait in the read buffer. While the application works no I/O thread is blocked, so a few threads
// serve many connections whose writes wait for a group commit.
//
// Hostile input: the header is read first and shown to the application's Admit (authentication,
// route, role, body limit) before one byte of body is read; the read buffer is bounded, which also
// bounds chunked trailers (Beast would otherwise collect a trailer of any size and throw on a
// field over 64 KiB); bodies of all connections together are capped; so are connections. Nothing
// a client sends can end the process: every parser error answers a problem or closes the
// connection, and an exception escaping a handler is logged and costs only its connection.
#include "api/server/http_server.hpp"
#include "api/server/answer_batcher.hpp"
#include "api/server/beast_messages.hpp"
#include "api/server/server_log.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
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
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hazeguard::api {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
// The message conversions (beast_messages.hpp).
using wire::BeastRequest, wire::BeastResponse, wire::Clock, wire::RequestInfo, wire::Outgoing;
using wire::problem, wire::to_beast, wire::to_headers, wire::to_string;

/// Responses a connection may have waiting before we stop reading more pipelined requests.
constexpr std::size_t queue_limit = 8;
/// The read buffer holds a request header (Beast's limit: 8 KiB), pipelined bytes and a chunked
/// body's trailer section, which Beast parses only once it is whole: this bound is the trailer's.
constexpr std::size_t read_buffer_limit = 32 * 1024;
/// After shutting down our side we keep reading (and discarding) until the client goes quiet:
/// closing a socket with unread data makes the kernel send RST, which can destroy a 413/400 (or
/// the answer to a "Connection: close" request) before the client has read it. Bounded in idle
/// time, total time and bytes so a client cannot hold the session open.
constexpr auto linger_idle = std::chrono::milliseconds(500);
constexpr auto linger_total = std::chrono::seconds(5);
constexpr std::size_t linger_cap = 8 * 1024 * 1024;

class HttpSession;

/// What the listener and every session share: options, the handler and the server-wide tallies.
struct Shared {
    ServerOptions options;
    Handler handler;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> body_bytes{0};
    std::atomic<bool> draining{false};
    AnswerBatcher answers;  // answers from other threads, handed to the I/O threads in batches
    std::mutex sessions_mutex;
    std::unordered_map<HttpSession const*, std::weak_ptr<HttpSession>> sessions;

    /// Claims `n` more bytes of the in-flight body budget; false when that would exceed it.
    bool reserve(std::size_t n) {
        auto current = body_bytes.load();
        do {
            if (current + n > options.max_body_bytes_in_flight) return false;
        } while (!body_bytes.compare_exchange_weak(current, current + n));
        return true;
    }
    void release(std::size_t n) { body_bytes -= n; }
};

/// Errors that are part of normal connection life and not worth a log line.
bool is_quiet(beast::error_code const& ec) {
    return ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
           ec == beast::error::timeout || ec == net::error::connection_reset;
}

void fail(beast::error_code const& ec, char const* what) {
    if (is_quiet(ec)) return;
    log_line("warn", std::string(what) + ": " + ec.message(), {{"error_code", ec.value()}});
}

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket&& socket, std::shared_ptr<Shared> shared, std::weak_ptr<net::io_context> context)
        : stream_(std::move(socket)), shared_(std::move(shared)), context_(std::move(context)),
          buffer_(read_buffer_limit) {
        ++shared_->connections;
        beast::error_code ec;
        auto const endpoint = stream_.socket().remote_endpoint(ec);
        if (!ec) peer_ = endpoint.address().to_string();
    }

    ~HttpSession() {
        release_body();
        {
            std::lock_guard lock(shared_->sessions_mutex);
            shared_->sessions.erase(this);
        }
        --shared_->connections;
    }

    void run() {
        {
            std::lock_guard lock(shared_->sessions_mutex);
            shared_->sessions.emplace(this, weak_from_this());
        }
        // Start on the connection's strand: the socket was accepted on the listener's.
        net::dispatch(stream_.get_executor(), beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
    }

    /// The server is stopping: an idle connection closes now; one with a request in progress
    /// closes after answering it (deliver() then sends "Connection: close").
    void stop_when_idle() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            // Bytes already sent to us (in our buffer, or still in the kernel's) are a request in
            // progress: it is read and answered.
            bool const idle = self->read_state_ == ReadState::reading && self->parser_ &&
                              !self->parser_->got_some() && !self->request_waiting();
            if (idle) self->stream_.cancel();
        });
    }

private:
    enum class ReadState { reading, handling, paused, stopped };

    /// One request's way back: the first call of its Respond (from any thread) hands the response
    /// to the I/O threads (in a batch with the other answers of the same moment, AnswerBatcher),
    /// which dispatch it to the session's strand. It keeps the session and the io_context alive
    /// while the application holds it, so an answer arriving after stop() touches nothing
    /// destroyed; the handed-over task holds only the session, so a stopped io_context's queue
    /// never owns it.
    struct Pending {
        std::shared_ptr<net::io_context> context;  // declared first: released last
        std::shared_ptr<HttpSession> session;
        beast::tcp_stream::executor_type executor;
        RequestInfo info;
        std::atomic<bool> answered{false};
    };

    ServerOptions const& options() const { return shared_->options; }

    /// Bytes of a next request already sent to us: in our buffer, or still in the kernel's.
    bool request_waiting() {
        beast::error_code ec;
        return buffer_.size() > 0 || (stream_.socket().available(ec) > 0 && !ec);
    }

    void do_read() {
        if (shared_->draining && !request_waiting()) return do_close();
        read_state_ = ReadState::reading;
        parser_.emplace();
        // No body limit while the header is read: the route decides it (on_header). Beast would
        // otherwise refuse a Content-Length above its default before the route could raise it.
        parser_->body_limit(boost::none);
        if (options().read_timeout_seconds > 0)  // 0 or less: no timeout
            stream_.expires_after(std::chrono::seconds(options().read_timeout_seconds));
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) return on_read_error(ec);
        auto const& h = parser_->get();
        info_ = {h.version(), h.keep_alive(), h.method() == http::verb::head, to_string(h.method_string()),
                 to_string(h.target()), Clock::now()};
        Admission admission{std::nullopt, options().body_limit, nullptr};
        if (options().admit) {
            try {
                RequestHead head{info_.method, info_.target, to_headers(h), peer_};
                admission = options().admit(head);
                head_fields_ = std::move(head.headers);
            } catch (std::exception const& e) {
                log_line("error", "admission failed", {{"error", e.what()}, {"target", info_.target}});
                return refuse(internal_error(info_), {});
            }
        }
        if (admission.refusal) {
            ExchangeLabels labels = admission.refusal->labels;
            return refuse(to_beast(std::move(*admission.refusal), info_), std::move(labels));
        }
        limit_ = admission.body_limit;
        admitted_ = std::move(admission.note);
        auto const declared = parser_->content_length();
        if (declared && *declared > limit_) return refuse(too_large(info_.version), {});
        if (!reserve_body(declared.value_or(0))) return refuse(overloaded(info_.version), {});
        parser_->body_limit(limit_);
        if (buffer_.size() > 0 && !parser_->is_done()) return parse_buffered_body();
        if (parser_->is_done()) return on_read({}, 0);
        if (beast::iequals(h[http::field::expect], "100-continue")) return send_continue();
        do_read_body();
    }

    /// The body (or its start) came with the head, as a small request's does: parsed here, without
    /// another asynchronous read and its trip through the scheduler.
    void parse_buffered_body() {
        beast::error_code ec;
        buffer_.consume(parser_->put(buffer_.data(), ec));
        if (ec == http::error::need_more) ec = {};
        on_body(ec, 0);
    }

    /// A client that asked to wait (Expect: 100-continue, as curl does for large uploads) is told
    /// to send its body now that the head has been admitted.
    void send_continue() {
        continue_.emplace(http::status::continue_, info_.version);
        http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->continue_.reset();
            if (ec) return fail(ec, "write");
            self->do_read_body();
        });
    }

    void do_read_body() {
        http::async_read_some(stream_, buffer_, *parser_,
                              beast::bind_front_handler(&HttpSession::on_body, shared_from_this()));
    }

    void on_body(beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) return on_read_error(ec);
        // A chunked body has no declared size: claim the budget as it grows.
        auto const size = parser_->get().body().size();
        if (size > reserved_ && !reserve_body(size - reserved_)) return refuse(overloaded(info_.version), {});
        if (!parser_->is_done()) return do_read_body();
        on_read({}, 0);
    }

    bool reserve_body(std::size_t n) {
        if (!shared_->reserve(n)) return false;
        reserved_ += n;
        return true;
    }

    void release_body() {
        shared_->release(reserved_);
        reserved_ = 0;
    }

    void on_read(beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) return on_read_error(ec);
        read_state_ = ReadState::handling;
        stream_.expires_never();  // the application may take its time (a group commit); writes set their own

        bool const chunked = parser_->chunked();
        BeastRequest req = parser_->release();
        auto pending = std::make_shared<Pending>();
        pending->context = context_.lock();
        pending->session = shared_from_this();
        pending->executor = stream_.get_executor();
        pending->info = info_;
        Respond respond = [pending](Response response) {
            if (pending->answered.exchange(true)) return;  // the first answer wins
            auto answer = [session = pending->session, info = pending->info,
                           response = std::move(response)]() mutable { session->on_response(info, std::move(response)); };
            if (!pending->context) return net::post(pending->executor, std::move(answer));
            pending->session->shared_->answers.hand_over(
                *pending->context, [executor = pending->executor, answer = std::move(answer)]() mutable {
                    // On an I/O thread: runs at once unless the strand is busy elsewhere.
                    net::dispatch(executor, std::move(answer));
                });
        };
        Request request;
        request.method = info_.method;
        request.target = info_.target;
        // The head's fields as admit() saw them, unless a chunked body's trailer may have added some.
        request.headers = head_fields_ && !chunked ? std::move(*head_fields_) : to_headers(req);
        head_fields_.reset();
        request.peer = peer_;
        request.body = std::move(req.body());
        request.admitted = std::move(admitted_);
        std::string error;
        try {
            shared_->handler(std::move(request), std::move(respond));
            return;
        } catch (std::exception const& e) {
            error = e.what();
        } catch (...) {
            error = "non-standard exception";
        }
        // what() goes to the operator's log only: it may hold internals the client must not see.
        log_line("error", "handler failed", {{"error", error}, {"method", info_.method}, {"target", info_.target}});
        if (!pending->answered.exchange(true)) deliver(internal_error(info_), {});
    }

    void on_response(RequestInfo const& info, Response response) {
        std::string error;
        try {
            ExchangeLabels labels = std::move(response.labels);
            return deliver(to_beast(std::move(response), info), std::move(labels));
        } catch (std::exception const& e) {
            error = e.what();
        }
        log_line("error", "handler failed", {{"error", error}, {"method", info.method}, {"target", info.target}});
        deliver(internal_error(info), {});
    }

    static BeastResponse internal_error(RequestInfo const& info) {
        return problem(500, "/problems/internal-error", "Internal server error",
                       "The server could not complete the request.", info.version, info.keep_alive);
    }

    BeastResponse too_large(unsigned version) const {
        return problem(413, "/problems/payload-too-large", "Request body too large",
                       "The request body exceeds " + std::to_string(limit_) + " bytes.", version, false);
    }

    static BeastResponse overloaded(unsigned version) {
        auto res = problem(503, "/problems/overloaded", "Server busy",
                           "The server is receiving too many request bodies at once; retry shortly.", version, false);
        res.set(http::field::retry_after, "2");
        return res;
    }

    /// Answers the request whose body will not be read, then closes the connection.
    void refuse(BeastResponse res, ExchangeLabels labels) {
        read_state_ = ReadState::stopped;
        res.keep_alive(false);
        release_body();
        queue_write({std::move(res), info_, std::move(labels)});
    }

    /// Queues the answer to the request in hand and reads the next one.
    void deliver(BeastResponse res, ExchangeLabels labels) {
        release_body();
        if (!stream_.socket().is_open()) return;  // a write failed while the application worked
        if (shared_->draining) res.keep_alive(false);
        if (!res.keep_alive())
            read_state_ = ReadState::stopped;
        else if (queue_.size() + 1 >= queue_limit)
            read_state_ = ReadState::paused;  // on_write resumes once the queue drains a slot
        queue_write({std::move(res), info_, std::move(labels)});
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
        unsigned const version = parser_->is_header_done() ? parser_->get().version() : 11;
        if (ec == http::error::body_limit) return refuse(too_large(version), {});
        if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
            return refuse(problem(431, "/problems/header-too-large", "Request header fields too large",
                                  "The request's header or trailer section exceeds the server's limit.", version, false),
                          {});
        }
        if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
            return refuse(problem(400, "/problems/malformed-request", "Malformed HTTP request",
                                  "The request could not be parsed: " + ec.message() + ".", version, false),
                          {});
        }
        fail(ec, "read");
    }

    void queue_write(Outgoing out) {
        if (out.info.started == Clock::time_point{}) out.info.started = Clock::now();
        queue_.push_back(std::move(out));
        if (queue_.size() == 1) do_write();
    }

    void do_write() {
        if (queue_.empty()) return;
        BeastResponse& res = queue_.front().res;
        if (options().read_timeout_seconds > 0)  // a client that stops reading is dropped
            stream_.expires_after(std::chrono::seconds(options().read_timeout_seconds));
        http::async_write(stream_, res,
                          beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), res.keep_alive()));
    }

    void on_write(bool keep_alive, beast::error_code ec, std::size_t /*bytes_transferred*/) {
        if (ec) {
            fail(ec, "write");
            // Also aborts a pending read so the session is released now, not at the read timeout.
            stream_.close();
            return;
        }
        observe(queue_.front());
        queue_.pop_front();
        if (!keep_alive) return do_close();
        if (read_state_ == ReadState::paused) do_read();
        if (!queue_.empty())
            do_write();
        else if (close_when_idle_)
            do_close();
    }

    void observe(Outgoing const& out) const {
        if (!options().observe) return;
        Exchange e;
        e.method = out.info.method;
        e.target = out.info.target;
        e.request_id = to_string(out.res["X-Request-Id"]);
        e.labels = out.labels;
        e.status = static_cast<int>(out.res.result_int());
        e.bytes = out.res.body().size();
        e.seconds = std::chrono::duration<double>(Clock::now() - out.info.started).count();
        try {
            options().observe(e);
        } catch (...) {  // documented as not allowed; a log line must never cost a connection
        }
    }

    void do_close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return;
        linger_deadline_ = Clock::now() + linger_total;
        do_drain();
    }

    void do_drain() {
        auto const remaining = linger_deadline_ - Clock::now();
        if (remaining <= Clock::duration::zero()) return;
        stream_.expires_after(std::min<Clock::duration>(linger_idle, remaining));
        stream_.async_read_some(net::buffer(drain_), beast::bind_front_handler(&HttpSession::on_drain, shared_from_this()));
    }

    void on_drain(beast::error_code ec, std::size_t bytes_transferred) {
        if (ec) return;  // EOF, timeout or reset: the session ends and the socket closes
        drained_ += bytes_transferred;
        if (drained_ < linger_cap) do_drain();
    }

    beast::tcp_stream stream_;
    std::shared_ptr<Shared> shared_;
    std::weak_ptr<net::io_context> context_;  // weak: the io_context's own queue holds sessions
    beast::flat_buffer buffer_;
    std::string peer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;  // a 100 Continue being written
    RequestInfo info_;
    std::size_t limit_ = 0;     // the body limit of the request being read
    std::shared_ptr<void const> admitted_;  // its Admission's note, for the Handler
    std::optional<Headers> head_fields_;    // its head's fields, as admit() saw them
    std::size_t reserved_ = 0;  // its share of the in-flight body budget
    std::deque<Outgoing> queue_;
    ReadState read_state_ = ReadState::reading;
    bool close_when_idle_ = false;
    std::array<char, 4096> drain_{};
    std::size_t drained_ = 0;
    Clock::time_point linger_deadline_{};
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(std::shared_ptr<net::io_context> const& ioc, tcp::endpoint const& endpoint, std::string const& label,
             std::shared_ptr<Shared> shared)
        : ioc_(*ioc), context_(ioc), acceptor_(net::make_strand(*ioc)), retry_timer_(acceptor_.get_executor()),
          shared_(std::move(shared)) {
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

    /// Stops accepting and frees the port; safe from any thread. Connections the kernel has
    /// already completed (waiting in the backlog, perhaps with a request sent) are taken first, so
    /// that their requests are answered rather than reset; `then` runs once they are sessions.
    /// (The acceptor lives on a strand: from another thread this runs later, never inline, so
    /// whatever depends on those sessions must wait for `then`.)
    void close(std::function<void()> then) {
        net::dispatch(acceptor_.get_executor(), [self = shared_from_this(), then = std::move(then)] {
            beast::error_code ec;
            self->acceptor_.non_blocking(true, ec);
            for (int taken = 0; !ec && taken < 4096; ++taken) {
                tcp::socket socket(net::make_strand(self->ioc_));
                self->acceptor_.accept(socket, ec);
                if (!ec) std::make_shared<HttpSession>(std::move(socket), self->shared_, self->context_)->run();
            }
            self->acceptor_.close(ec);
            self->retry_timer_.cancel();
            then();
        });
    }

    /// Once the io_context has stopped (no handler runs any more): frees the port now.
    void close_stopped() {
        beast::error_code ec;
        acceptor_.close(ec);
        retry_timer_.cancel();
    }

private:
    void do_accept() {
        // Each connection gets its own strand; handlers of one session never run concurrently.
        acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    void on_accept(beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted) return;
        if (ec) {
            if (!acceptor_.is_open()) return;
            fail(ec, "accept");
            // Errors such as EMFILE persist; retrying at once would spin and flood the log.
            retry_timer_.expires_after(std::chrono::milliseconds(100));
            retry_timer_.async_wait([self = shared_from_this()](beast::error_code const& wait_ec) {
                if (!wait_ec) self->do_accept();
            });
            return;
        }
        // Accepted before a stop closed the acceptor: still a client waiting for an answer.
        if (shared_->connections >= shared_->options.max_connections)
            turn_away(std::move(socket));
        else
            std::make_shared<HttpSession>(std::move(socket), shared_, context_)->run();
        if (acceptor_.is_open()) do_accept();
    }

    /// Over the connection limit: a short 503 written straight into the fresh socket's empty send
    /// buffer, then close. No session, so no memory is held for it.
    static void turn_away(tcp::socket socket) {
        static constexpr std::string_view kBusy =
            "HTTP/1.1 503 Service Unavailable\r\nServer: hazeguard\r\nContent-Type: application/problem+json\r\n"
            "Retry-After: 2\r\nConnection: close\r\nContent-Length: 114\r\n\r\n"
            "{\"type\":\"/problems/overloaded\",\"title\":\"Server busy\",\"status\":503,"
            "\"detail\":\"Too many connections; retry shortly.\"}";
        beast::error_code ec;
        socket.non_blocking(true, ec);
        net::write(socket, net::buffer(kBusy.data(), kBusy.size()), ec);
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }

    net::io_context& ioc_;
    std::weak_ptr<net::io_context> context_;
    tcp::acceptor acceptor_;
    net::steady_timer retry_timer_;
    std::shared_ptr<Shared> shared_;
};

/// A graceful stop: no new connections, idle ones closed, requests in progress answered; the
/// io_context stops once no connection is left or the drain time is over.
class Drain : public std::enable_shared_from_this<Drain> {
public:
    Drain(net::io_context& ioc, std::shared_ptr<Shared> shared, std::shared_ptr<Listener> listener)
        : ioc_(ioc), timer_(ioc), shared_(std::move(shared)), listener_(std::move(listener)) {}

    void start() {
        if (shared_->draining.exchange(true)) return ioc_.stop();  // a second stop: at once
        if (shared_->options.on_stop) {
            try {
                shared_->options.on_stop();
            } catch (std::exception const& e) {
                log_line("error", "stop hook failed", {{"error", e.what()}});
            }
        }
        // The backlog's connections become sessions first; only then is "no connection left"
        // a reason to stop (before, a stop could end the io_context before the backlog was
        // taken, and those clients saw their connection reset).
        listener_->close([self = shared_from_this()] { self->drain_sessions(); });
    }

private:
    void drain_sessions() {
        std::vector<std::shared_ptr<HttpSession>> sessions;
        {
            std::lock_guard lock(shared_->sessions_mutex);
            for (auto const& [key, weak] : shared_->sessions)
                if (auto session = weak.lock()) sessions.push_back(std::move(session));
        }
        for (auto const& session : sessions) session->stop_when_idle();
        deadline_ = Clock::now() + std::chrono::seconds(std::max(0, shared_->options.drain_seconds));
        wait();
    }

    void wait() {
        if (shared_->connections == 0 || Clock::now() >= deadline_) {
            if (shared_->connections > 0)
                log_line("warn", "stopping with connections still open", {{"connections", shared_->connections.load()}});
            return ioc_.stop();
        }
        timer_.expires_after(std::chrono::milliseconds(20));
        timer_.async_wait([self = shared_from_this()](beast::error_code const&) { self->wait(); });
    }

    net::io_context& ioc_;
    net::steady_timer timer_;
    std::shared_ptr<Shared> shared_;
    std::shared_ptr<Listener> listener_;
    Clock::time_point deadline_{};
};

/// Runs the io_context until it is stopped. An exception escaping a handler would end the thread
/// and the process; it is logged instead (its connection is gone with the handler) and the loop
/// goes on.
void run_until_stopped(net::io_context& ioc) {
    for (;;) {
        try {
            ioc.run();
            return;
        } catch (std::exception const& e) {
            log_line("error", "handler escaped with an exception", {{"error", e.what()}});
        } catch (...) {
            log_line("error", "handler escaped with a non-standard exception");
        }
    }
}

}  // namespace

struct HttpServer::Impl {
    std::shared_ptr<Shared> shared;
    std::atomic<std::uint16_t> port{0};
    std::mutex mutex;                          // guards the two fields below
    std::function<void()> begin_stop;          // set while run() serves
    bool stop_requested = false;               // sticky: a stop() before run() makes run() return at once
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
    impl_->shared = std::make_shared<Shared>();
    impl_->shared->options = std::move(options);
    impl_->shared->handler = std::move(handler);
}

HttpServer::~HttpServer() = default;

void HttpServer::run() {
    Impl& impl = *impl_;
    ServerOptions const& options = impl.shared->options;
    int const threads = std::max(1, options.threads);
    std::string const label = options.address + ":" + std::to_string(options.port);

    beast::error_code ec;
    auto const address = net::ip::make_address(options.address, ec);
    if (ec) throw std::runtime_error("cannot listen on " + label + ": " + ec.message());

    // Declared first so it is released last: destroying it releases every session and closes their
    // sockets, so clients see the server go away when run() returns. A response still pending in
    // the application shares it until that response arrives (and is dropped).
    auto const context = std::make_shared<net::io_context>(threads);
    net::io_context& ioc = *context;
    auto listener = std::make_shared<Listener>(context, tcp::endpoint{address, options.port}, label, impl.shared);
    impl.port.store(listener->port());
    auto const drain = std::make_shared<Drain>(ioc, impl.shared, listener);
    auto const begin_stop = [drain, &ioc] { net::post(ioc, [drain] { drain->start(); }); };

    std::optional<net::signal_set> signals;
    std::function<void()> await_signal;
    if (options.handle_signals) {
        signals.emplace(ioc, SIGINT, SIGTERM);
        await_signal = [&] {
            signals->async_wait([&](beast::error_code const& wait_ec, int /*signal*/) {
                if (wait_ec) return;
                drain->start();
                await_signal();  // a second signal stops at once
            });
        };
        await_signal();
    }
    listener->run();

    {
        std::lock_guard lock(impl.mutex);
        if (impl.stop_requested) return;
        impl.begin_stop = begin_stop;
    }
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    auto finish = [&] {
        ioc.stop();
        for (auto& thread : pool) thread.join();
        listener->close_stopped();
        std::lock_guard lock(impl.mutex);
        impl.begin_stop = nullptr;
    };
    try {
        for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { run_until_stopped(ioc); });
        run_until_stopped(ioc);
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

void HttpServer::stop() {
    std::lock_guard lock(impl_->mutex);
    impl_->stop_requested = true;
    if (impl_->begin_stop) impl_->begin_stop();
}

ServerLoad HttpServer::load() const {
    return {impl_->shared->connections.load(), impl_->shared->body_bytes.load()};
}

std::uint16_t HttpServer::port() const { return impl_->port.load(); }

}  // namespace hazeguard::api
