#pragma once
/// @file console_list_data.hpp
/// @brief The list pages' data (/lists, /lists/changes, the check's table), built from the lists
/// service in the words of a bureau: the version in force with its plants by grade and district,
/// the versions, the problems of a checked file (行, 字段, 问题), what changed between two versions.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api::console_list {

/// @brief The problems shown on the page at most; the count says how many there are.
inline constexpr std::size_t kShownProblems = 500;

/// @brief GET /lists: {"current" (absent before the first import), "grades", "districts",
/// "versions", "compare" (from/to preselected when there are two versions)}.
nlohmann::json lists_data(service::Service& s);

/// @brief The check of a clean file: {"clean": true, "count", "warnings": [{row_cn, field_cn, text}]}.
nlohmann::json clean_check_data(service::ListImport const& dry_run);

/// @brief A refused file's problems: {"clean": false, "problem_count", "problems": [{row_cn,
/// field_cn, text}] (the first kShownProblems), "more"}; `detail` is the refusal's sentence for a
/// file that could not be read at all.
nlohmann::json problems_data(service::Error const& refusal);

/// @brief GET /lists/changes: the two versions, the counts (first page), each plant with
/// 新增/删除/变更 and its changed fields, and the next page's link.
nlohmann::json changes_data(service::Service& s, service::ListChangesQuery const& query);

}  // namespace hazeguard::api::console_list
