#include "api/app/input.hpp"

#include <algorithm>

#include "engine/util/untrusted_json.hpp"

namespace hazeguard::api {
using service::Error;
using service::Errc;
using service::FieldError;
namespace {
std::string escape_pointer_token(std::string const& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}
std::string type_name(nlohmann::json const& v) { return v.type_name(); }

/// A control character other than tab, line feed and carriage return: C0 (U+0000–U+001F), DEL
/// and C1 (U+0080–U+009F, UTF-8 C2 80–C2 9F). Such bytes in a name or note can hide text in a
/// printed notice or a log line.
bool has_control_character(std::string const& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto const c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
            static_cast<unsigned char>(s[i + 1]) >= 0x80)
            return true;
    }
    return false;
}
}  // namespace

Input::Input(nlohmann::json const& body, std::string pointer)
    : Input(body, std::move(pointer), std::make_shared<std::vector<FieldError>>()) {}

Input::Input(nlohmann::json const& body, std::string pointer, std::shared_ptr<std::vector<FieldError>> errors)
    : body_(body), pointer_(std::move(pointer)), errors_(std::move(errors)) {
    if (!body_.is_object()) errors_->push_back({pointer_, "must be a JSON object, not " + type_name(body_)});
}

std::string Input::pointer(std::string const& key) const { return pointer_ + "/" + escape_pointer_token(key); }

void Input::error(std::string const& key, std::string message) {
    errors_->push_back({key.empty() ? pointer_ : pointer(key), std::move(message)});
}

bool Input::has(std::string const& key) const { return body_.is_object() && body_.contains(key); }

bool Input::is_null(std::string const& key) const { return has(key) && body_.at(key).is_null(); }

nlohmann::json const* Input::member(std::string const& key, bool required) {
    if (!body_.is_object()) return nullptr;
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) {
        if (required) error(key, "is required");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Input::text(std::string const& key, bool required, std::size_t max_length) {
    auto const* v = member(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(key, "must be a string, not " + type_name(*v));
        return std::nullopt;
    }
    auto s = v->get<std::string>();
    if (required && s.empty()) {
        error(key, "must not be empty");
        return std::nullopt;
    }
    if (s.size() > max_length) {
        error(key, "must be at most " + std::to_string(max_length) + " bytes long");
        return std::nullopt;
    }
    if (has_control_character(s)) {
        error(key, "must not contain control characters (other than tab and line breaks)");
        return std::nullopt;
    }
    return s;
}

std::optional<int> Input::integer(std::string const& key, bool required, int min, int max) {
    auto const* v = member(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        error(key, "must be an integer, not " + type_name(*v));
        return std::nullopt;
    }
    auto const n = v->get<std::int64_t>();
    if (n < min || n > max) {
        error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return static_cast<int>(n);
}

std::optional<std::int64_t> Input::id(std::string const& key, bool required) {
    auto const* v = member(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<std::int64_t>() < 1) {
        error(key, "must be a positive integer id");
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

std::optional<engine::Instant> Input::instant(std::string const& key, bool required) {
    auto const* v = member(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(key, "must be an RFC 3339 date-time string, not " + type_name(*v));
        return std::nullopt;
    }
    auto t = engine::parse_rfc3339(v->get<std::string>());
    if (!t) error(key, "must be a valid RFC 3339 date-time with an offset, e.g. 2026-12-15T00:00:00+08:00");
    return t;
}

std::optional<std::string> Input::one_of(std::string const& key, bool required,
                                         std::vector<std::string> const& allowed) {
    auto s = text(key, required);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
        std::string list;
        for (auto const& a : allowed) list += (list.empty() ? "" : ", ") + a;
        error(key, "must be one of: " + list);
        return std::nullopt;
    }
    return s;
}

void Input::reject_unknown(std::vector<std::string> const& known) {
    if (!body_.is_object()) return;
    for (auto const& [k, v] : body_.items())
        if (std::find(known.begin(), known.end(), k) == known.end()) error(k, "is not a known member");
}

Input Input::child(nlohmann::json const& value, std::string const& suffix) const {
    return Input(value, pointer_ + "/" + suffix, errors_);
}

void Input::finish() const {
    if (errors_->empty()) return;
    std::string detail = std::to_string(errors_->size()) + " field(s) are invalid: " + errors_->front().pointer + " " +
                         errors_->front().message;
    throw Error(Errc::validation, detail, *errors_);
}

nlohmann::json parse_body(std::string const& text) {
    try {
        return engine::parse_untrusted_json(text);
    } catch (engine::JsonInputError const& e) {
        throw Error(Errc::malformed_json, "the request body is not valid JSON: " + std::string(e.what()),
                      {{"", e.reason}});
    }
}

void read_no_fields(nlohmann::json const& body) {
    Input in(body);
    in.reject_unknown({});
    in.finish();
}

}  // namespace hazeguard::api
