#pragma once
/// @file execution_report.hpp
/// @brief An enterprise's execution report (执行情况) read from its request: each line's status,
/// meter readings and a note, every fault with its pointer.

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/service/error.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

struct ExecutionReport {
    nlohmann::json lines = nlohmann::json::array();      ///< [{line_id, status, note}]
    nlohmann::json readings = nlohmann::json::array();   ///< [{meter, kwh, at}]
    std::string note;
};

/// @brief Throws Error(validation) listing every fault.
ExecutionReport read_execution_report(nlohmann::json const& body, ViewContext const& views);

/// @brief The lines the report names that the plant does not have, as field errors.
std::vector<FieldError> unknown_lines(ExecutionReport const& report, engine::Enterprise const& plant);

}  // namespace hazeguard::service
