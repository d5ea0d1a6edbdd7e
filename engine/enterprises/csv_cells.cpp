#include "engine/enterprises/detail/csv_cells.hpp"

#include <charconv>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/csv_columns.hpp"
#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

namespace {

// Byte width of the separator at text[i], or 0.
std::size_t separator_at(std::string_view text, std::size_t i,
                         std::initializer_list<std::string_view> separators) {
    for (auto const sep : separators)
        if (text.substr(i, sep.size()) == sep) return sep.size();
    return 0;
}

// Like split_items, but keeps empty parts ("CO-1::炼焦" has an empty name).
std::vector<std::string_view> split_parts(std::string_view text,
                                          std::initializer_list<std::string_view> separators) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto const width = separator_at(text, i, separators);
        if (width == 0) {
            ++i;
            continue;
        }
        parts.push_back(trim(text.substr(start, i - start)));
        i += width;
        start = i;
    }
    parts.push_back(trim(text.substr(start)));
    return parts;
}

}  // namespace

std::vector<std::string_view> split_items(std::string_view text,
                                          std::initializer_list<std::string_view> separators) {
    std::vector<std::string_view> items;
    for (auto const part : split_parts(text, separators))
        if (!part.empty()) items.push_back(part);
    return items;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    double value = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<ProductionLine> parse_lines(std::string_view text, std::vector<std::string>& errors) {
    std::vector<ProductionLine> lines;
    for (auto const item : split_items(text, {";", "；", "\n"})) {
        auto const parts = split_parts(item, {":", "："});
        if (parts.size() > 4) {
            errors.push_back("line " + in_quotes(item) + " has more than 4 parts (id:name:process:shares)");
            continue;
        }
        ProductionLine line;
        line.id = std::string(parts[0]);
        if (parts.size() > 1) line.name = std::string(parts[1]);
        if (parts.size() > 2) line.process = std::string(parts[2]);
        if (parts.size() > 3) parse_pollutants(parts[3], line.emission_share, errors);
        lines.push_back(std::move(line));
    }
    return lines;
}

void parse_pollutants(std::string_view text, Pollutants& out, std::vector<std::string>& errors) {
    for (auto const item : split_items(text, {";", "；", ",", "，"})) {
        auto const parts = split_parts(item, {"=", "＝", ":", "："});
        auto const value = parts.size() == 2 ? parse_number(parts[1]) : std::nullopt;
        if (parts.size() != 2 || parts[0].empty()) {
            errors.push_back("expected POLLUTANT=NUMBER, got " + in_quotes(item));
        } else if (!value) {
            errors.push_back("not a number: " + in_quotes(parts[1]) + " in " + in_quotes(item));
        } else {
            out[canonical_pollutant(parts[0])] = *value;
        }
    }
}

std::optional<double> parse_parameter(std::string_view text) {
    text = trim(text);
    bool const percent = text.ends_with("%") || text.ends_with("％");
    if (!percent) return parse_number(text);
    auto const number = parse_number(text.substr(0, text.size() - (text.ends_with("%") ? 1 : 3)));
    return number ? std::optional<double>(*number / 100) : std::nullopt;
}

}  // namespace hazeguard::engine::detail
