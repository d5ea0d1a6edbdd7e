#pragma once
/// @file csv_cells.hpp
/// @brief The small formats inside CSV cells (docs/list-format.md §"CSV"): numbers, item lists,
/// "CO-1:焦炉1号:炼焦" lines and "SO2=0.094;NOx=0.409" pollutant lists. ASCII and full-width
/// separators are both accepted. Internal to parse_list_csv.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/enterprises/enterprise.hpp"

namespace hazeguard::engine::detail {

/// @brief Items between any of the separators, trimmed; empty items are dropped.
std::vector<std::string_view> split_items(std::string_view text,
                                          std::initializer_list<std::string_view> separators);

/// @brief A decimal number filling the whole (trimmed) text, or nullopt.
std::optional<double> parse_number(std::string_view text);

/// @brief Lines separated by ';', '；' or newlines, each "id[:name[:process[:shares]]]" with ':' or
/// '：', shares as "SO2=0.45,NOx=0.35". Problems are appended to `errors`.
std::vector<ProductionLine> parse_lines(std::string_view text, std::vector<std::string>& errors);

/// @brief "SO2=0.094;NOx=0.409" (';' '；' ',' '，' between items, '=' '＝' ':' '：' inside) into
/// `out`; pollutant names are made canonical ("so2", "二氧化硫" → "SO2").
void parse_pollutants(std::string_view text, Pollutants& out, std::vector<std::string>& errors);

/// @brief A measure parameter: a number, or a percentage ("50%" → 0.5).
std::optional<double> parse_parameter(std::string_view text);

}  // namespace hazeguard::engine::detail
