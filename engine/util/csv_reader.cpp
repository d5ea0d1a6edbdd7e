#include "engine/util/csv_reader.hpp"

#include <istream>
#include <string>
#include <string_view>
#include <utility>

namespace hazeguard::engine {

namespace {

constexpr std::size_t kCsvChunk = std::size_t{1} << 20;

bool ends_field(char c) { return c == ',' || c == '\r' || c == '\n'; }

}  // namespace

CsvRecordReader::CsvRecordReader(std::string_view text) : window_(text) {
    if (window_.substr(0, 3) == "\xEF\xBB\xBF") at_ = begin_ = 3;
}

CsvRecordReader::CsvRecordReader(std::istream& in) : in_(&in), ended_(false) {
    while (window_.size() < 3 && fill()) {
    }
    if (window_.substr(0, 3) == "\xEF\xBB\xBF") at_ = begin_ = 3;
}

bool CsvRecordReader::fill() {
    if (ended_) return false;
    buffer_.erase(0, begin_);
    consumed_ += begin_;
    at_ -= begin_;
    begin_ = 0;
    std::size_t const kept = buffer_.size();
    buffer_.resize(kept + kCsvChunk);
    in_->read(buffer_.data() + kept, static_cast<std::streamsize>(kCsvChunk));
    auto const got = static_cast<std::size_t>(in_->gcount());
    buffer_.resize(kept + got);
    if (got == 0 || !*in_) ended_ = true;
    window_ = buffer_;
    return got > 0;
}

bool CsvRecordReader::at_end() {
    if (at_ < window_.size()) return false;
    if (!ended_) throw Starved{};
    return true;
}

bool CsvRecordReader::next(CsvRecord& record, std::vector<CsvError>& errors) {
    begin_ = at_;
    for (;;) {
        int const line = line_;
        std::size_t const known = errors.size();
        try {
            if (at_end()) return false;
            record = CsvRecord{};
            this->record(record, errors);
            ++records_;
            return true;
        } catch (Starved const&) {  // read the record again with the next chunk
            line_ = line;
            errors.resize(known);
            at_ = begin_;
            fill();
        }
    }
}

void CsvRecordReader::record(CsvRecord& r, std::vector<CsvError>& errors) {
    r.line = line_;
    for (;;) {
        r.fields.push_back(!at_end() && window_[at_] == '"' ? in_quotes(errors) : field());
        if (at_end()) break;
        if (window_[at_] == ',') {
            ++at_;
            continue;
        }
        newline();
        break;
    }
}

// Consumes CRLF, LF or a lone CR.
void CsvRecordReader::newline() {
    if (window_[at_] == '\r') {
        ++at_;
        if (!at_end() && window_[at_] == '\n') ++at_;
    } else {
        ++at_;
    }
    ++line_;
}

std::string CsvRecordReader::field() {
    std::size_t const start = at_;
    while (!at_end() && !ends_field(window_[at_])) ++at_;
    return std::string(window_.substr(start, at_ - start));
}

std::string CsvRecordReader::in_quotes(std::vector<CsvError>& errors) {
    std::string out;
    ++at_;  // opening quote
    for (;;) {
        auto const close = window_.find('"', at_);
        if (close == std::string_view::npos) {
            std::size_t const rest = at_;
            at_ = window_.size();
            at_end();  // more may come
            error(errors, "a quoted field is not closed before the end of the file");
            append_counting_lines(out, window_.substr(rest));
            return out;
        }
        append_counting_lines(out, window_.substr(at_, close - at_));
        at_ = close + 1;
        if (!at_end() && window_[at_] == '"') {  // "" inside quotes
            out += '"';
            ++at_;
            continue;
        }
        break;
    }
    if (!at_end() && !ends_field(window_[at_])) {
        error(errors, "text after the closing quote of a field (write a quote inside a quoted field as \"\")");
        while (!at_end() && !ends_field(window_[at_])) out += window_[at_++];
    }
    return out;
}

void CsvRecordReader::append_counting_lines(std::string& out, std::string_view part) {
    for (std::size_t k = 0; k < part.size(); ++k)
        if (part[k] == '\n' || (part[k] == '\r' && (k + 1 == part.size() || part[k + 1] != '\n')))
            ++line_;
    out += part;
}

void CsvRecordReader::error(std::vector<CsvError>& errors, std::string message) {
    errors.push_back({records_, std::move(message) + " (line " + std::to_string(line_) + ")"});
}

CsvDocument read_csv(std::string_view text) {
    CsvDocument doc;
    CsvRecordReader reader(text);
    CsvRecord record;
    while (reader.next(record, doc.errors)) doc.records.push_back(std::move(record));
    return doc;
}

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
