#pragma once
/// @file forecast_repository.hpp
/// @brief Port: the forecast products (预报会商结果) with the assessment made when each came in.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct ForecastRecord {
    engine::Instant issued_at = 0;
    std::string issuer;
    engine::Instant consulted_at = 0;
    std::string body;         ///< the product, JSON text (service/forecast_codec.hpp)
    std::string assessment;   ///< JSON text
    std::string rule_set;
    std::string plan_version;
    std::string created_by;
    engine::Instant created_at = 0;   ///< wall clock
};

class ForecastRepository {
public:
    virtual ~ForecastRepository() = default;
    /// @brief Stores a forecast; returns its id.
    virtual std::int64_t add(ForecastRecord const& forecast) = 0;
    virtual std::optional<ForecastRecord> find(std::int64_t id) = 0;
    /// @brief The most recently issued forecast's id (the last stored among equal issue times).
    virtual std::optional<std::int64_t> latest() = 0;
};

}  // namespace hazeguard::ports
