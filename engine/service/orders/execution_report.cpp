#include "engine/service/orders/execution_report.hpp"

#include <algorithm>

namespace hazeguard::service {

std::vector<FieldError> unknown_lines(ExecutionReport const& report, engine::Enterprise const& plant) {
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < report.lines.size(); ++i) {
        auto const& lid = report.lines[i].line_id;
        bool const known = std::any_of(plant.lines.begin(), plant.lines.end(), [&](auto const& l) { return l.id == lid; });
        if (!known) errors.push_back({"/lines/" + std::to_string(i) + "/line_id", "the plant has no line " + lid});
    }
    return errors;
}

}  // namespace hazeguard::service
