#include "engine/enterprises/enterprise.hpp"

namespace hazeguard::engine {

Pollutants Enterprise::baseline_t_per_day() const {
    Pollutants out;
    for (auto const& [p, t] : baseline_t_per_year) out[p] = operating_days > 0 ? t / operating_days : 0.0;
    return out;
}

}  // namespace hazeguard::engine
