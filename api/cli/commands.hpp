#pragma once
/// @file commands.hpp
/// @brief The subcommands of the `hazeguard` executable; each returns the process exit code.

#include <string>

#include "engine/service/service.hpp"
#include "plans/plan.hpp"

namespace hazeguard::cli {

int serve(int argc, char** argv);          ///< hazeguard serve [options]
int plan_check(int argc, char** argv);     ///< hazeguard plan check FILE
int token_create(int argc, char** argv);   ///< hazeguard token create --role R --name N ...
int list_import(int argc, char** argv);    ///< hazeguard list import FILE [--dry-run]
int list_generate(int argc, char** argv);  ///< hazeguard list generate [--count N] [--seed S]
int observations_import(int argc, char** argv);  ///< hazeguard observations import FILE
int report(int argc, char** argv);         ///< hazeguard report EPISODE [--format json|html|csv]
int backup(int argc, char** argv);         ///< hazeguard backup FILE [--db PATH]
int audit_verify(int argc, char** argv);   ///< hazeguard audit verify [--db PATH] [--expect-head HASH]

/// @brief Live or drill, as the database was first started (a CLI command opens it the same way).
service::ServiceOptions stored_options(SQLite::Database& db);

/// @brief The plan to run: FILE when given, else the embedded Taiyuan plan. Returns the JSON text
/// and the plan; prints every problem and throws std::runtime_error when it is invalid.
std::pair<std::string, plans::Plan> load_plan(std::string const& file);

}  // namespace hazeguard::cli
