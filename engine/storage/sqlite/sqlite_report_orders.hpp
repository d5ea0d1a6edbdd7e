#pragma once
/// @file sqlite_report_orders.hpp
/// @brief The report's walk over an episode's orders (ports::EvaluationRepository::orders): the
/// orders in id order, merged with their plants and planned reductions instead of looked up one
/// by one.

#include <cstdint>
#include <functional>
#include <string>

#include "engine/ports/evaluation_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

/// @brief Calls `each` for every order of `episode` (only those without an acknowledgement,
/// termination notices aside, when `unacknowledged_only`), by order id; an order whose plant is not
/// in its batch's list version is left out.
void walk_report_orders(StatementCache& st, std::int64_t episode, std::string const& plan_version,
                        bool unacknowledged_only, std::function<void(ports::EvaluationOrder&)> const& each);

}  // namespace hazeguard::storage
