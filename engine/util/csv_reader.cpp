#include "engine/util/csv_reader.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace hazeguard::engine {

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    }

    CsvDocument run() {
        while (i_ < text_.size()) record();
        return std::move(doc_);
    }

private:
    void record() {
        CsvRecord r;
        r.line = line_;
        for (;;) {
            r.fields.push_back(field());
            if (i_ >= text_.size()) break;
            if (text_[i_] == ',') {
                ++i_;
                continue;
            }
            newline();
            break;
        }
        doc_.records.push_back(std::move(r));
    }

    // Consumes CRLF, LF or a lone CR.
    void newline() {
        if (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
        ++i_;
        ++line_;
    }

    static bool ends_field(char c) { return c == ',' || c == '\r' || c == '\n'; }

    std::string field() {
        std::string out;
        if (i_ < text_.size() && text_[i_] == '"') return in_quotes();
        while (i_ < text_.size() && !ends_field(text_[i_])) out += text_[i_++];
        return out;
    }

    std::string in_quotes() {
        std::string out;
        ++i_;  // opening quote
        for (;;) {
            auto const close = text_.find('"', i_);
            if (close == std::string_view::npos) {
                error("a quoted field is not closed before the end of the file");
                append_counting_lines(out, text_.substr(i_));
                i_ = text_.size();
                return out;
            }
            append_counting_lines(out, text_.substr(i_, close - i_));
            i_ = close + 1;
            if (i_ < text_.size() && text_[i_] == '"') {  // "" inside quotes
                out += '"';
                ++i_;
                continue;
            }
            break;
        }
        if (i_ < text_.size() && !ends_field(text_[i_])) {
            error("text after the closing quote of a field (write a quote inside a quoted field as \"\")");
            while (i_ < text_.size() && !ends_field(text_[i_])) out += text_[i_++];
        }
        return out;
    }

    void append_counting_lines(std::string& out, std::string_view part) {
        for (std::size_t k = 0; k < part.size(); ++k)
            if (part[k] == '\n' || (part[k] == '\r' && (k + 1 == part.size() || part[k + 1] != '\n')))
                ++line_;
        out += part;
    }

    void error(std::string message) {
        doc_.errors.push_back(
            {doc_.records.size(), std::move(message) + " (line " + std::to_string(line_) + ")"});
    }

    std::string_view text_;
    std::size_t i_ = 0;
    int line_ = 1;
    CsvDocument doc_;
};

}  // namespace

CsvDocument read_csv(std::string_view text) { return Scanner(text).run(); }

std::size_t invalid_utf8_at(std::string_view text) {
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned const b = byte(i);
        std::size_t extra = 0;
        unsigned min = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= text.size()) return i;
        unsigned cp = b & (0x3Fu >> extra);
        for (std::size_t k = 1; k <= extra; ++k) {
            unsigned const c = byte(i + k);
            if ((c & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += extra + 1;
    }
    return std::string_view::npos;
}

}  // namespace hazeguard::engine
