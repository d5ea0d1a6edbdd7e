#pragma once
/// @file list_rules_reader.hpp
/// @brief Reads the plan members about the emergency emission-reduction list and its orders:
/// districts, industries, non_key_industry, grades, self_determined_grades, stop_grades,
/// guarantee_types, measure_catalog and orders. Internal to the plan parser.

#include "plans/detail/json_reader.hpp"
#include "plans/plan.hpp"

namespace hazeguard::plans::detail {

/// @brief Reads and validates the list-related members of `root` into `plan`, reporting every
/// problem through `reader`. `plan.levels` must already be read; level references are checked
/// only when `levels_readable` (so a broken "levels" is reported once, not at every reference).
void read_list_rules(JsonReader& reader, Json const& root, Plan& plan, bool levels_readable);

}  // namespace hazeguard::plans::detail
