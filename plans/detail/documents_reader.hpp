#pragma once
/// @file documents_reader.hpp
/// @brief Reads the plan's "documents" member (the settings of notices, 调度令 and orders).
/// Internal to the plan parser.

#include "plans/detail/json_reader.hpp"
#include "plans/plan.hpp"

namespace hazeguard::plans::detail {

/// @brief Reads and validates `root["documents"]` into `plan.documents`, reporting every problem
/// through `reader`. Every level of the plan needs its wording (checked when `levels_readable`).
void read_documents(JsonReader& reader, Json const& root, Plan& plan, bool levels_readable);

}  // namespace hazeguard::plans::detail
