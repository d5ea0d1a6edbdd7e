#include "api/app/route.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace hazeguard::api {
namespace {
/// The next segment of `s` at or after `pos` (empty ones, from repeated slashes, are skipped);
/// empty at the end. Matching walks pattern and path side by side without copying either.
std::string_view next_segment(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && s[pos] == '/') ++pos;
    auto const end = std::min(s.find('/', pos), s.size());
    auto const segment = s.substr(pos, end - pos);
    pos = end;
    return segment;
}

std::string percent_decode(std::string const& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size()) {
            int v = 0;
            auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
            if (ec == std::errc() && p == s.data() + i + 3) {
                out += static_cast<char>(v);
                i += 2;
            } else {
                out += s[i];
            }
        } else {
            out += s[i];
        }
    }
    return out;
}
}  // namespace

std::string percent_encode(std::string const& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else out += std::string("%") + kHex[c >> 4] + kHex[c & 15];
    }
    return out;
}

Target split_target(std::string const& target) {
    Target t;
    auto const q = target.find('?');
    t.path = target.substr(0, q);
    if (q == std::string::npos) return t;
    std::string const query = target.substr(q + 1);
    std::size_t i = 0;
    while (i <= query.size()) {
        auto j = query.find('&', i);
        if (j == std::string::npos) j = query.size();
        auto const part = query.substr(i, j - i);
        if (!part.empty()) {
            auto const eq = part.find('=');
            t.query.emplace_back(percent_decode(part.substr(0, eq)),
                                 eq == std::string::npos ? "" : percent_decode(part.substr(eq + 1)));
        }
        i = j + 1;
    }
    return t;
}

bool match_pattern(std::string const& pattern, std::string const& path, RouteMatch& out) {
    std::size_t at_pattern = 0, at_path = 0;
    for (;;) {
        auto const p = next_segment(pattern, at_pattern), s = next_segment(path, at_path);
        if (p.empty() || s.empty()) {
            if (!p.empty() || !s.empty()) return false;  // one has more segments than the other
            break;
        }
        if (p == "{id}") {
            std::int64_t v = 0;
            auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            if (ec != std::errc() || ptr != s.data() + s.size() || v < 1) return false;
            out.id = v;
        } else if (p == "{code}") {
            out.code = percent_decode(std::string(s));
        } else if (p != s) {
            return false;
        }
    }
    out.path = path;
    return true;
}

std::string route_key(std::string_view pattern) {
    std::string key;
    std::size_t at = 0;
    for (int n = 0; n < 2; ++n) {
        auto const segment = next_segment(pattern, at);
        if (segment.empty() || segment.front() == '{') break;
        if (!key.empty()) key += '/';
        key += segment;
    }
    return key;
}

std::array<std::string, 3> path_keys(std::string_view path) {
    std::array<std::string, 3> keys;
    std::size_t at = 0;
    for (std::size_t n = 1; n < keys.size(); ++n) {
        keys[n] = keys[n - 1];
        auto const segment = next_segment(path, at);
        if (segment.empty()) continue;
        if (!keys[n].empty()) keys[n] += '/';
        keys[n] += segment;
    }
    return keys;
}

}  // namespace hazeguard::api
