#pragma once
/// @file evaluation_reader.hpp
/// @brief Reads the plan's "evaluation" member (settings of the post-event report). Internal to
/// the plan parser.

#include "plans/detail/json_reader.hpp"
#include "plans/plan.hpp"

namespace hazeguard::plans::detail {

/// @brief Reads and validates `root["evaluation"]` into `plan.evaluation`, reporting every
/// problem through `reader`. Level references are checked only when `levels_readable`.
void read_evaluation(JsonReader& reader, Json const& root, Plan& plan, bool levels_readable);

}  // namespace hazeguard::plans::detail
