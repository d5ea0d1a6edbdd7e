#pragma once
/// @file csv_reader.hpp
/// @brief RFC 4180 records from text: comma-separated fields, CRLF/LF/CR record ends, fields in
/// double quotes may hold commas, newlines and "" (a quote). Lenient where Excel is: a quote inside
/// an unquoted field is kept as is. Used by the list and observation importers.

#include <cstddef>
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

/// @brief Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace hazeguard::engine
