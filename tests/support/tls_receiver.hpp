#pragma once
/// @file tls_receiver.hpp
/// @brief An HTTPS webhook receiver for the tests: WebhookReceiver behind TLS (Asio SSL,
/// OpenSSL). Listens on 127.0.0.1 with the given certificate chain and key; for each connection,
/// one at a time on one thread: the TLS handshake, one POST read (head and a Content-Length body)
/// and kept, 204, close. A handshake that fails (the client refused the certificate) is counted,
/// not fatal. A connection gets 5 s in all, so a silent client cannot hold the thread or the
/// destructor.

#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "tests/support/loopback_server.hpp"
#include "tests/support/webhook_receiver.hpp"

namespace hazeguard::test {

class TlsReceiver {
public:
    /// @brief Listens on 127.0.0.1:`port` (0: a port the system picks; see port()), presenting the
    /// PEM certificate chain `chain_file` (the server's certificate first) and key `key_file`.
    TlsReceiver(std::string const& chain_file, std::string const& key_file, std::uint16_t port = 0)
        : context_(make_context(chain_file, key_file)),
          server_(port, "TlsReceiver", [this](int c) { handle(c); }) {}
    std::uint16_t port() const { return server_.port(); }
    TlsReceiver(TlsReceiver const&) = delete;
    TlsReceiver& operator=(TlsReceiver const&) = delete;

    /// @brief The requests read after a completed handshake.
    std::vector<ReceivedWebhook> received() const {
        std::lock_guard lock(mutex_);
        return received_;
    }
    /// @brief The connections whose TLS handshake did not complete.
    int failed_handshakes() const { return failed_handshakes_; }

private:
    using Tls = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

    static boost::asio::ssl::context make_context(std::string const& chain_file, std::string const& key_file) {
        boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_server);
        ctx.use_certificate_chain_file(chain_file);
        ctx.use_private_key_file(key_file, boost::asio::ssl::context::pem);
        return ctx;
    }

    /// Asio's blocking calls ignore a receive timeout (they poll without one), so the exchange
    /// runs asynchronously on an io_context of its own, for 5 s at most.
    void handle(int c) {
        boost::asio::io_context ioc;
        Tls tls(ioc, context_);
        tls.next_layer().assign(boost::asio::ip::tcp::v4(), ::dup(c));  // LoopbackServer closes `c`
        boost::asio::co_spawn(ioc, exchange(tls), boost::asio::detached);
        ioc.run_for(std::chrono::seconds(5));
        if (!ioc.stopped()) {  // out of patience: cancel, and let the exchange end
            boost::system::error_code ignored;
            tls.next_layer().close(ignored);
            ioc.restart();
            ioc.run();
        }
    }

    boost::asio::awaitable<void> exchange(Tls& tls) {
        using boost::asio::use_awaitable;
        try {
            co_await tls.async_handshake(boost::asio::ssl::stream_base::server, use_awaitable);
        } catch (boost::system::system_error const&) {
            ++failed_handshakes_;
            co_return;
        }
        try {
            std::string data;
            auto const head = co_await boost::asio::async_read_until(tls, boost::asio::dynamic_buffer(data), "\r\n\r\n",
                                                                     use_awaitable);
            ReceivedWebhook w = parse_webhook_head(data, head - 4);
            std::size_t const length = body_length(w);
            if (w.body.size() < length) {
                co_await boost::asio::async_read(tls, boost::asio::dynamic_buffer(w.body),
                                                 boost::asio::transfer_exactly(length - w.body.size()), use_awaitable);
            }
            {
                std::lock_guard lock(mutex_);
                received_.push_back(std::move(w));
            }
            static std::string const answer = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            co_await boost::asio::async_write(tls, boost::asio::buffer(answer), use_awaitable);
        } catch (boost::system::system_error const&) {
            // The client went away or fell silent: nothing to keep.
        }
    }

    boost::asio::ssl::context context_;
    mutable std::mutex mutex_;
    std::vector<ReceivedWebhook> received_;
    std::atomic<int> failed_handshakes_{0};
    LoopbackServer server_;  // last: its thread stops before the members it uses go
};

}  // namespace hazeguard::test
