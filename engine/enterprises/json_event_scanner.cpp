// scan_json_events: nlohmann's grammar and events (RFC 8259, a UTF-8 byte-order mark skipped, no
// comments), read from a window of bytes instead of a byte at a time through an input adapter.
// What the list reader spends most of its time on is strings (Chinese text, checked as UTF-8 in
// one pass while the run is found) and short numbers; both are taken without copying each byte
// through a token buffer. Anything the scanner refuses is read again by nlohmann's parser for its
// message, so the two must refuse the same documents: the checks below follow its lexer's.
#include "engine/enterprises/detail/json_event_scanner.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace hazeguard::engine::detail {

namespace {

using json = nlohmann::json;

struct Fault {};    // the document is not acceptable JSON
struct Stopped {};  // the receiver asked to stop (an event returned false)

// The receiver of a second reading that only wants its failure.
class IgnoringSax final : public nlohmann::json_sax<json> {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, string_t const&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, std::string const&, nlohmann::detail::exception const&) override { return false; }
};

constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

class EventScanner {
public:
    EventScanner(JsonSource& source, nlohmann::json_sax<json>& sax, int max_depth)
        : source_(source), sax_(sax), max_depth_(max_depth), window_(source.take()) {}

    void document() {
        byte_order_mark();
        value(next_token());
        if (next_token() != kEnd) throw Fault{};
    }

    // The offset of the byte the scanner stopped at (for a stream that cannot be read again).
    std::size_t offset() const { return source_.bytes_read() - (window_.size() - at_); }

private:
    static constexpr int kEnd = -1;

    // Keeps window_[keep...] and appends the next bytes of the source; at_ moves with them.
    // False at the end of the document.
    bool more(std::size_t keep) {
        std::size_t const kept = window_.size() - keep;
        if (kept == 0) {
            auto const next = source_.take();
            if (next.empty()) return false;
            window_ = next;
            at_ -= keep;
            return true;
        }
        std::string tail(window_.substr(keep));  // before take(), which may reuse the bytes
        auto const next = source_.take();
        if (next.empty()) return false;
        if (next.data() == window_.data() + window_.size()) {  // a text in memory: still contiguous
            window_ = std::string_view(window_.data() + keep, kept + next.size());
        } else {
            carry_ = std::move(tail);
            carry_.append(next);
            window_ = carry_;
        }
        at_ -= keep;
        return true;
    }
    // At least `n` bytes from at_ on, or a fault (the token cannot be complete).
    void need(std::size_t n) {
        while (window_.size() - at_ < n)
            if (!more(at_)) throw Fault{};
    }
    unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(window_[i]); }

    // The first byte of the next token, after whitespace (not consumed), or kEnd.
    int next_token() {
        for (;;) {
            while (at_ < window_.size()) {
                unsigned char const c = byte(at_);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
                ++at_;
            }
            if (!more(at_)) return kEnd;
        }
    }

    void byte_order_mark() {
        if (at_ == window_.size() && !more(at_)) return;
        if (byte(at_) != 0xEF) return;
        need(3);
        if (byte(at_ + 1) != 0xBB || byte(at_ + 2) != 0xBF) throw Fault{};
        at_ += 3;
    }

    static void check(bool ok) {
        if (!ok) throw Stopped{};
    }

    void value(int c) {
        switch (c) {
            case '{':
                ++at_;
                object();
                return;
            case '[':
                ++at_;
                array();
                return;
            case '"':
                ++at_;
                string(text_);
                check(sax_.string(text_));
                return;
            case 't':
                literal("true");
                check(sax_.boolean(true));
                return;
            case 'f':
                literal("false");
                check(sax_.boolean(false));
                return;
            case 'n':
                literal("null");
                check(sax_.null());
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw Fault{};
        }
    }

    void deeper() {
        if (++depth_ > max_depth_) throw Fault{};
    }

    void object() {
        deeper();
        check(sax_.start_object(static_cast<std::size_t>(-1)));
        int c = next_token();
        if (c != '}') {
            for (;;) {
                if (c != '"') throw Fault{};
                ++at_;
                string(text_);
                check(sax_.key(text_));
                if (next_token() != ':') throw Fault{};
                ++at_;
                value(next_token());
                c = next_token();
                if (c == '}') break;
                if (c != ',') throw Fault{};
                ++at_;
                c = next_token();
            }
        }
        ++at_;
        --depth_;
        check(sax_.end_object());
    }

    void array() {
        deeper();
        check(sax_.start_array(static_cast<std::size_t>(-1)));
        int c = next_token();
        if (c != ']') {
            for (;;) {
                value(c);
                c = next_token();
                if (c == ']') break;
                if (c != ',') throw Fault{};
                ++at_;
                c = next_token();
            }
        }
        ++at_;
        --depth_;
        check(sax_.end_array());
    }

    void literal(std::string_view word) {
        need(word.size());
        if (window_.substr(at_, word.size()) != word) throw Fault{};
        at_ += word.size();
    }

    // The length of the well-formed UTF-8 sequence at `i` (the ranges of nlohmann's lexer, which
    // are Unicode's), 0 when it is not one, or kEnd when the window ends inside it.
    int sequence(std::size_t i) const {
        unsigned char const b = byte(i);
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the second byte's range
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0) low = 0xA0;
            if (b == 0xED) high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0) low = 0x90;
            if (b == 0xF4) high = 0x8F;
        } else {
            return 0;
        }
        if (window_.size() - i < static_cast<std::size_t>(length)) return kEnd;
        if (byte(i + 1) < low || byte(i + 1) > high) return 0;
        for (int k = 2; k < length; ++k)
            if (byte(i + static_cast<std::size_t>(k)) < 0x80 || byte(i + static_cast<std::size_t>(k)) > 0xBF) return 0;
        return length;
    }

    // A string's contents after its opening quote, decoded into `out`, and its closing quote.
    void string(std::string& out) {
        out.clear();
        for (;;) {
            std::size_t const run = at_;
            while (at_ < window_.size()) {
                unsigned char const c = byte(at_);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    ++at_;
                } else if (c >= 0x80) {
                    int const length = sequence(at_);
                    if (length == 0) throw Fault{};
                    if (length == kEnd) break;
                    at_ += static_cast<std::size_t>(length);
                } else {
                    break;
                }
            }
            out.append(window_.data() + run, at_ - run);
            if (at_ == window_.size() || sequence_cut()) {
                if (!more(at_)) throw Fault{};
                continue;
            }
            unsigned char const c = byte(at_);
            if (c == '"') {
                ++at_;
                return;
            }
            if (c != '\\') throw Fault{};  // a control character
            escape(out);
        }
    }
    // True when the window ends inside a multi-byte sequence at at_.
    bool sequence_cut() const { return byte(at_) >= 0x80; }

    void escape(std::string& out) {
        need(2);
        char const c = window_[at_ + 1];
        char plain = 0;
        switch (c) {
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case '/': plain = '/'; break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            case 'u': return unicode_escape(out);
            default: throw Fault{};
        }
        out += plain;
        at_ += 2;
    }

    // Four hex digits at `i`, or a fault.
    unsigned hex4(std::size_t i) const {
        unsigned value = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            unsigned char const h = byte(i + k);
            unsigned digit = 0;
            if (h >= '0' && h <= '9') digit = h - '0';
            else if (h >= 'a' && h <= 'f') digit = h - 'a' + 10u;
            else if (h >= 'A' && h <= 'F') digit = h - 'A' + 10u;
            else throw Fault{};
            value = value * 16 + digit;
        }
        return value;
    }

    void unicode_escape(std::string& out) {
        need(6);
        unsigned code = hex4(at_ + 2);
        at_ += 6;
        if (code >= 0xDC00 && code <= 0xDFFF) throw Fault{};  // a low surrogate alone
        if (code >= 0xD800 && code <= 0xDBFF) {
            need(6);
            if (window_[at_] != '\\' || window_[at_ + 1] != 'u') throw Fault{};
            unsigned const low = hex4(at_ + 2);
            if (low < 0xDC00 || low > 0xDFFF) throw Fault{};
            at_ += 6;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    // The digits from at_ on; false when the window ended before a byte that is not one.
    bool digits() {
        while (at_ < window_.size() && is_digit(byte(at_))) ++at_;
        return at_ < window_.size();
    }

    // A number, as nlohmann's lexer reads it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, the
    // longest such prefix; what follows is the grammar's business.
    void number() {
        std::size_t start = at_;
        for (;;) {
            at_ = start;
            bool const whole = scan_number();
            if (whole) break;
            if (!more(start)) {  // the document ends with the number
                at_ = window_.size();
                break;
            }
            start = 0;
        }
        emit_number(window_.substr(start, at_ - start));
    }
    // Scans a number at at_; false when the window ended before the number did (it may go on).
    bool scan_number() {
        auto const ended = [&] { return at_ == window_.size(); };
        if (byte(at_) == '-') ++at_;
        if (ended()) return false;
        if (byte(at_) == '0') {
            ++at_;
        } else if (is_digit(byte(at_))) {
            if (!digits()) return false;
        } else {
            throw Fault{};
        }
        if (ended()) return false;
        if (byte(at_) == '.') {
            ++at_;
            if (ended()) return false;
            if (!is_digit(byte(at_))) throw Fault{};
            if (!digits()) return false;
        }
        if (byte(at_) == 'e' || byte(at_) == 'E') {
            ++at_;
            if (ended()) return false;
            if (byte(at_) == '+' || byte(at_) == '-') ++at_;
            if (ended()) return false;
            if (!is_digit(byte(at_))) throw Fault{};
            if (!digits()) return false;
        }
        return true;
    }
    // The last check of a number cut by the end of the document: complete or not.
    static bool complete(std::string_view text) {
        unsigned char const last = static_cast<unsigned char>(text.back());
        return is_digit(last);
    }

    void emit_number(std::string_view text) {
        if (!complete(text)) throw Fault{};
        bool const negative = text.front() == '-';
        std::string_view const unsigned_part = negative ? text.substr(1) : text;
        bool const integral = unsigned_part.find_first_of(".eE") == std::string_view::npos;
        if (integral && unsigned_part.size() <= 18) {
            std::int64_t value = 0;
            for (char const d : unsigned_part) value = value * 10 + (d - '0');
            if (negative) check(sax_.number_integer(-value));
            else check(sax_.number_unsigned(static_cast<std::uint64_t>(value)));
            return;
        }
        number_text_.assign(text);
        if (integral) {  // as the lexer does: strtoll / strtoull, a double when out of range
            char* end = nullptr;
            errno = 0;
            if (negative) {
                long long const v = std::strtoll(number_text_.c_str(), &end, 10);
                if (errno == 0) return check(sax_.number_integer(v));
            } else {
                unsigned long long const v = std::strtoull(number_text_.c_str(), &end, 10);
                if (errno == 0) return check(sax_.number_unsigned(v));
            }
        }
        double const value = to_double(unsigned_part, negative);
        if (!std::isfinite(value)) throw Fault{};
        check(sax_.number_float(value, number_text_));
    }

    // The double strtod gives: exactly, without it, when the digits fit a double's mantissa and
    // the power of ten is exact (one correctly rounded multiplication or division).
    double to_double(std::string_view text, bool negative) const {
        std::uint64_t mantissa = 0;
        int digit_count = 0, scale = 0;
        std::size_t i = 0;
        for (; i < text.size() && is_digit(static_cast<unsigned char>(text[i])); ++i, ++digit_count)
            mantissa = mantissa * 10 + static_cast<unsigned>(text[i] - '0');
        if (i < text.size() && text[i] == '.')
            for (++i; i < text.size() && is_digit(static_cast<unsigned char>(text[i])); ++i, ++digit_count, --scale)
                mantissa = mantissa * 10 + static_cast<unsigned>(text[i] - '0');
        if (i < text.size()) {  // the exponent
            ++i;
            bool const minus = text[i] == '-';
            if (text[i] == '+' || text[i] == '-') ++i;
            int exponent = 0;
            for (; i < text.size() && exponent < 100000; ++i) exponent = exponent * 10 + (text[i] - '0');
            scale += minus ? -exponent : exponent;
        }
        if (digit_count <= 19 && mantissa <= (std::uint64_t{1} << 53) && scale >= -22 && scale <= 22) {
            double const m = static_cast<double>(mantissa);
            double const v = scale >= 0 ? m * kExactPowers[scale] : m / kExactPowers[-scale];
            return negative ? -v : v;
        }
        return std::strtod(number_text_.c_str(), nullptr);
    }

    JsonSource& source_;
    nlohmann::json_sax<json>& sax_;
    int max_depth_;
    int depth_ = 0;
    std::string_view window_;  // the bytes at hand: a chunk of the source, or carry_
    std::size_t at_ = 0;       // the next byte in window_
    std::string carry_;        // a token cut by a chunk's end, and the next chunk
    std::string text_;         // the string being read
    std::string number_text_;  // a number that needs the C library, and a double's text
};

}  // namespace

void scan_json_events(JsonSource& source, nlohmann::json_sax<json>& sax, int max_depth) {
    std::size_t at = 0;
    {
        EventScanner scanner(source, sax, max_depth);
        try {
            scanner.document();
            return;
        } catch (Stopped const&) {
            return;
        } catch (Fault const&) {
            at = scanner.offset();
        }
    }
    // Refused: nlohmann's parser says why, and where.
    if (source.rewind()) {
        IgnoringSax ignoring;
        sax_parse_untrusted(source, ignoring, max_depth);
    }
    throw JsonInputError("malformed JSON", at);
}

}  // namespace hazeguard::engine::detail
