// One POST per call, synchronous with a deadline: the dispatcher sends one delivery at a time
// (docs/delivery.md), so nothing here needs an io_context of its own beyond the call.
#include "api/delivery/webhook_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <exception>
#include <optional>

namespace hazeguard::api {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

/// A webhook or gateway URL taken apart.
struct WebhookUrl {
    bool tls = false;
    std::string host, port, target;
};

namespace {

using Url = WebhookUrl;

std::optional<Url> parse_url(std::string const& url) {
    Url u;
    std::size_t rest = 0;
    if (url.rfind("https://", 0) == 0) {
        u.tls = true;
        rest = 8;
    } else if (url.rfind("http://", 0) == 0) {
        rest = 7;
    } else {
        return std::nullopt;
    }
    auto const slash = url.find('/', rest);
    std::string const authority = url.substr(rest, slash == std::string::npos ? std::string::npos : slash - rest);
    u.target = slash == std::string::npos ? "/" : url.substr(slash);
    std::size_t colon = std::string::npos;
    if (!authority.empty() && authority[0] == '[') {  // [IPv6]:port
        auto const close = authority.find(']');
        if (close == std::string::npos) return std::nullopt;
        u.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size() && authority[close + 1] == ':') colon = close + 1;
    } else {
        colon = authority.rfind(':');
        u.host = authority.substr(0, colon);
    }
    u.port = colon == std::string::npos ? (u.tls ? "443" : "80") : authority.substr(colon + 1);
    if (u.host.empty() || u.port.empty()) return std::nullopt;
    return u;
}

template <class Stream>
service::WebhookResult exchange(Stream& stream, Url const& url, service::WebhookRequest const& request,
                               bool* keep_alive = nullptr) {
    http::request<http::string_body> req{http::verb::post, url.target, 11};
    req.set(http::field::host, url.host);
    req.set(http::field::user_agent, "hazeguard");
    for (auto const& [name, value] : request.headers) req.set(name, value);
    req.body() = request.body;
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024);  // a webhook's answer matters by its status, a gateway's by a small JSON body
    http::read(stream, buffer, parser);
    if (keep_alive) *keep_alive = parser.get().keep_alive();
    return {static_cast<int>(parser.get().result_int()), "", parser.get().body()};
}

ssl::context client_tls(WebhookClientOptions const& options) {
    ssl::context ctx(ssl::context::tls_client);
    ctx.set_default_verify_paths();
    if (!options.ca_file.empty()) ctx.load_verify_file(options.ca_file);
    ctx.set_verify_mode(ssl::verify_peer);
    return ctx;
}

}  // namespace

// --- KeepAliveClient ---------------------------------------------------------------------------

struct KeepAliveClient::Connection {
    Connection(WebhookUrl u, WebhookClientOptions const& options) : url(std::move(u)), tls(client_tls(options)) {}
    WebhookUrl url;
    net::io_context ioc;
    ssl::context tls;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;

    beast::tcp_stream& lowest() { return plain ? *plain : beast::get_lowest_layer(*secure); }
    void open(std::chrono::seconds timeout) {
        tcp::resolver resolver(ioc);
        auto const endpoints = resolver.resolve(url.host, url.port);
        if (!url.tls) {
            plain.emplace(ioc);
            plain->expires_after(timeout);
            plain->connect(endpoints);
            return;
        }
        secure.emplace(ioc, tls);
        if (!SSL_set_tlsext_host_name(secure->native_handle(), url.host.c_str()))
            throw std::runtime_error("TLS: cannot set the server name");
        secure->set_verify_callback(ssl::host_name_verification(url.host));
        beast::get_lowest_layer(*secure).expires_after(timeout);
        beast::get_lowest_layer(*secure).connect(endpoints);
        secure->handshake(ssl::stream_base::client);
    }
    service::WebhookResult post(service::WebhookRequest const& request, std::chrono::seconds timeout, bool& keep_alive) {
        lowest().expires_after(timeout);
        return plain ? exchange(*plain, url, request, &keep_alive) : exchange(*secure, url, request, &keep_alive);
    }
};

KeepAliveClient::KeepAliveClient(WebhookClientOptions options) : options_(std::move(options)) {}
KeepAliveClient::~KeepAliveClient() = default;

service::WebhookResult KeepAliveClient::post(service::WebhookRequest const& request) {
    auto const url = parse_url(request.url);
    if (!url) return {0, "not an http(s) URL: " + request.url, ""};
    if (connection_ && (connection_->url.host != url->host || connection_->url.port != url->port ||
                        connection_->url.tls != url->tls))
        connection_.reset();
    // A kept connection the server has closed meanwhile fails at once: then once more on a new one.
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool const reused = connection_ != nullptr;
        try {
            if (!connection_) {
                connection_ = std::make_unique<Connection>(*url, options_);
                connection_->open(options_.timeout);
            }
            connection_->url.target = url->target;
            bool keep_alive = false;
            auto result = connection_->post(request, options_.timeout, keep_alive);
            if (!keep_alive) connection_.reset();
            return result;
        } catch (boost::system::system_error const& e) {
            connection_.reset();
            if (!reused) return {0, e.code().message(), ""};
        } catch (std::exception const& e) {
            connection_.reset();
            if (!reused) return {0, e.what(), ""};
        }
    }
    return {0, "the connection closed twice", ""};
}

service::WebhookResult send_webhook(service::WebhookRequest const& request, WebhookClientOptions const& options) {
    auto const url = parse_url(request.url);
    if (!url) return {0, "not an http(s) URL: " + request.url, ""};
    try {
        net::io_context ioc;
        tcp::resolver resolver(ioc);
        auto const endpoints = resolver.resolve(url->host, url->port);
        if (!url->tls) {
            beast::tcp_stream stream(ioc);
            stream.expires_after(options.timeout);
            stream.connect(endpoints);
            auto result = exchange(stream, *url, request);
            beast::error_code ec;
            stream.socket().shutdown(tcp::socket::shutdown_both, ec);
            return result;
        }
        auto ctx = client_tls(options);
        beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
        if (!SSL_set_tlsext_host_name(stream.native_handle(), url->host.c_str()))
            return {0, "TLS: cannot set the server name", ""};
        stream.set_verify_callback(ssl::host_name_verification(url->host));
        beast::get_lowest_layer(stream).expires_after(options.timeout);
        beast::get_lowest_layer(stream).connect(endpoints);
        stream.handshake(ssl::stream_base::client);
        auto result = exchange(stream, *url, request);
        beast::error_code ec;
        stream.shutdown(ec);  // many servers just close: not an error of the delivery
        return result;
    } catch (boost::system::system_error const& e) {
        return {0, e.code().message(), ""};  // "Connection refused", without Boost's source location
    } catch (std::exception const& e) {
        return {0, e.what(), ""};
    }
}

}  // namespace hazeguard::api
