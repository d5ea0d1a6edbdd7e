#pragma once
/// @file csv_reader.hpp
/// @brief RFC 4180 records from text: comma-separated fields, CRLF/LF/CR record ends, fields in
/// double quotes may hold commas, newlines and "" (a quote). Lenient where Excel is: a quote inside
/// an unquoted field is kept as is. Used by the list and observation importers.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace hazeguard::engine {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 1;  ///< physical line (1-based) where the record starts
};

struct CsvError {
    std::size_t record = 0;  ///< index into CsvDocument::records (0 = the header)
    std::string message;
};

struct CsvDocument {
    std::vector<CsvRecord> records;
    std::vector<CsvError> errors;
};

/// @brief Splits `text` into records; a UTF-8 byte-order mark at the start is skipped.
CsvDocument read_csv(std::string_view text);

/// @brief read_csv's records one at a time, from a text or from a stream read a chunk at a time
/// (memory holds a chunk and the record being read).
class CsvRecordReader {
public:
    /// @brief `text` must outlive the reader.
    explicit CsvRecordReader(std::string_view text);
    /// @brief `in` must outlive the reader.
    explicit CsvRecordReader(std::istream& in);

    /// @brief The next record into `record`, or false at the end; the faults found in it are
    /// appended to `errors` (CsvError::record is its index: 0 for the first).
    bool next(CsvRecord& record, std::vector<CsvError>& errors);
    /// @brief The bytes of the last record as read, with its line end (the byte-order mark of the
    /// first is not part of it), and their offset in the input.
    std::string_view raw() const { return window_.substr(begin_, at_ - begin_); }
    std::size_t raw_offset() const { return consumed_ + begin_; }
    /// @brief The input's bytes read so far.
    std::size_t bytes_read() const { return consumed_ + at_; }

private:
    struct Starved {};  // the window ends inside the record and the input goes on
    bool fill();        // drops the bytes before the record, appends the next chunk; false at the end
    bool at_end();      // no byte at at_; throws Starved when more may come
    void record(CsvRecord& r, std::vector<CsvError>& errors);
    void newline();
    std::string field();
    std::string in_quotes(std::vector<CsvError>& errors);
    void append_counting_lines(std::string& out, std::string_view part);
    void error(std::vector<CsvError>& errors, std::string message);

    std::istream* in_ = nullptr;
    std::string buffer_;        // a stream's bytes at hand
    std::string_view window_;   // the text, or buffer_
    std::size_t consumed_ = 0;  // input bytes before window_
    std::size_t begin_ = 0;     // the last record's first byte in window_
    std::size_t at_ = 0;        // the next byte in window_
    bool ended_ = true;         // nothing comes after window_
    int line_ = 1;
    std::size_t records_ = 0;
};

/// @brief Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace hazeguard::engine
