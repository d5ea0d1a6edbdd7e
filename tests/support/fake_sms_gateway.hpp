#pragma once
/// @file fake_sms_gateway.hpp
/// @brief A fake Alibaba Cloud SMS gateway (Dysmsapi SendSms) for the tests: listens on
/// 127.0.0.1, reads each POST (head and a Content-Length form body), checks its RPC signature V1
/// with the AccessKey secret it was given, keeps what a correctly signed SendSms would send, and
/// answers SendSms's JSON, then closes. One thread, blocking sockets (LoopbackServer).
///
/// - A bad signature is answered 200 {"Code":"SignatureDoesNotMatch",…}, as Alibaba does, and
///   nothing is kept.
/// - set_failing("isv.BUSINESS_LIMIT_CONTROL") answers that Code to later sends (kept nowhere);
///   set_failing("") restores "OK".
/// - set_down(true) reads each request and closes without answering.

#include <sys/socket.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/delivery/aliyun_sms.hpp"
#include "tests/support/loopback_server.hpp"

namespace hazeguard::test {

/// @brief One SendSms the fake gateway accepted.
struct SentSms {
    std::string phone, sign_name, template_code;
    std::string template_param;  ///< JSON text, as sent
    std::string out_id;
    std::string biz_id;  ///< given by the gateway: "biz-1", "biz-2", …
};

class FakeSmsGateway {
public:
    /// @brief Listens on 127.0.0.1:`port` (0: a port the system picks; see port()).
    FakeSmsGateway(std::uint16_t port, std::string access_key_secret)
        : secret_(std::move(access_key_secret)),
          server_(port, "FakeSmsGateway", [this](int connection) { serve(connection); }) {}

    std::uint16_t port() const { return server_.port(); }

    std::vector<SentSms> sent() const {
        std::lock_guard lock(mutex_);
        return sent_;
    }
    /// @brief Later sends answer this Code (not "OK") and are not kept; "" answers OK again.
    void set_failing(std::string code) {
        std::lock_guard lock(mutex_);
        failing_ = std::move(code);
    }
    /// @brief While down, each request is read and its connection closed without an answer.
    void set_down(bool down) { down_ = down; }

private:
    void serve(int connection) {
        std::string body;
        if (!read_post(connection, body) || down_) return;  // down: closed unanswered
        auto const answer_text = answer(body).dump();
        std::string const reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\n"
                                  "Content-Length: " +
                                  std::to_string(answer_text.size()) + "\r\nConnection: close\r\n\r\n" + answer_text;
        ::send(connection, reply.data(), reply.size(), MSG_NOSIGNAL);
    }

    /// Reads one request; true when it is a POST whose Content-Length body arrived whole.
    static bool read_post(int connection, std::string& body) {
        std::string data;
        char chunk[4096];
        auto const more = [&] {
            auto const n = ::recv(connection, chunk, sizeof chunk, 0);
            if (n > 0) data.append(chunk, static_cast<std::size_t>(n));
            return n > 0;
        };
        std::size_t blank = std::string::npos;
        while ((blank = data.find("\r\n\r\n")) == std::string::npos)
            if (!more()) return false;
        std::size_t length = 0;
        for (std::size_t at = data.find("\r\n") + 2; at < blank;) {
            std::size_t const end = data.find("\r\n", at);
            std::string line = data.substr(at, end - at);
            at = end + 2;
            for (auto& ch : line) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            std::string_view const prefix = "content-length:";
            if (line.rfind(prefix, 0) != 0) continue;
            auto const digits = line.find_first_not_of(' ', prefix.size());
            if (digits != std::string::npos) std::from_chars(line.data() + digits, line.data() + line.size(), length);
        }
        while (data.size() < blank + 4 + length)
            if (!more()) return false;
        body = data.substr(blank + 4, length);
        return data.rfind("POST ", 0) == 0;
    }

    nlohmann::json answer(std::string const& body) {
        auto params = engine::parse_form(body);
        std::lock_guard lock(mutex_);
        std::string const request_id = "req-" + std::to_string(++requests_);
        if (!engine::aliyun_signature_valid(params, secret_))
            return {{"Code", "SignatureDoesNotMatch"},
                    {"Message", "Specified signature is not matched with our calculation."},
                    {"RequestId", request_id}};
        if (params["Action"] != "SendSms")
            return {{"Code", "InvalidAction.NotFound"}, {"Message", "Specified api is not found."},
                    {"RequestId", request_id}};
        if (!failing_.empty())
            return {{"Code", failing_}, {"Message", "fake gateway failure: " + failing_}, {"RequestId", request_id}};
        SentSms sms{params["PhoneNumbers"], params["SignName"], params["TemplateCode"], params["TemplateParam"],
                    params["OutId"],        "biz-" + std::to_string(sent_.size() + 1)};
        sent_.push_back(sms);
        return {{"Code", "OK"}, {"Message", "OK"}, {"BizId", sms.biz_id}, {"RequestId", request_id}};
    }

    std::string const secret_;
    std::atomic<bool> down_{false};
    mutable std::mutex mutex_;
    std::vector<SentSms> sent_;
    std::string failing_;
    std::int64_t requests_ = 0;
    LoopbackServer server_;  // last: its thread stops before the members it uses go
};

}  // namespace hazeguard::test
