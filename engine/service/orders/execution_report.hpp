#pragma once
/// @file execution_report.hpp
/// @brief An enterprise's execution report (执行情况): each line's status, meter readings and a
/// note — as the API has read and checked it — and the check that needs the plant's entry.

#include <optional>
#include <string>
#include <vector>

#include "engine/enterprises/enterprise.hpp"
#include "engine/service/error.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

struct LineStatus {
    std::string line_id;
    std::string status;   ///< stopped, limited, running, other
    std::string note;
};

struct MeterReading {
    std::string meter;
    double kwh = 0;
    std::optional<engine::Instant> at;
};

struct ExecutionReport {
    std::vector<LineStatus> lines;
    std::vector<MeterReading> readings;
    std::string note;
};

/// @brief The lines the report names that the plant does not have, as field errors.
std::vector<FieldError> unknown_lines(ExecutionReport const& report, engine::Enterprise const& plant);

}  // namespace hazeguard::service
