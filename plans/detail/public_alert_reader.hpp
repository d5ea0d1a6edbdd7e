#pragma once
/// @file public_alert_reader.hpp
/// @brief Reads the plan's optional "public_alert" member (how public warnings are published as
/// CAP 1.2 alerts). Internal to the plan parser.

#include "plans/detail/json_reader.hpp"
#include "plans/plan.hpp"

namespace hazeguard::plans::detail {

/// @brief Reads and validates `root["public_alert"]`, when present, into `plan.public_alert`,
/// reporting every problem through `reader`. Level references are checked only when
/// `levels_readable`.
void read_public_alert(JsonReader& reader, Json const& root, Plan& plan, bool levels_readable);

}  // namespace hazeguard::plans::detail
