#pragma once
/// @file fuzz_service.hpp
/// @brief A real Service + Application for the fuzz targets that go through the I/O edge, on a
/// real SQLite file. Every input gets a fresh copy of one template database (migrated, the Taiyuan
/// plan, one token per role, the ten-plant sample list), so an input's outcome never depends on the
/// inputs run before it: a saved crash file reproduces on its own.
///
/// The service runs as a drill frozen at D1 10:00 +08:00 (domain §14; speed 0), so seeds may use
/// the §14 dates and a run is deterministic. The files live in $HG_FUZZ_DB_DIR, else /dev/shm, else
/// the temp directory (a tmpfs keeps synchronous=FULL cheap), and are removed at exit.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "api/app/application.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::fuzz {

/// @brief One input's service and application on a fresh copy of the template database.
struct Instance {
    std::unique_ptr<service::Service> service;
    std::unique_ptr<api::Application> app;
    Instance() = default;
    Instance(Instance const&) = delete;
    Instance& operator=(Instance const&) = delete;
    /// Closes the application, then the service (its writer thread runs every queued job first).
    ~Instance();
};

class FuzzService {
public:
    /// @brief The process-wide fixture; builds the template database on first use.
    static FuzzService& get();

    /// @brief A fresh service on a copy of the template (the previous instance must be gone).
    std::unique_ptr<Instance> fresh();

    /// @brief The clear token of a placeholder ("@duty", "@mayor", ...), or nullopt.
    std::optional<std::string> token(std::string const& placeholder) const;
    /// @brief The principal behind a placeholder, for calling the service directly.
    service::Principal const& principal(std::string const& placeholder) const;

    FuzzService(FuzzService const&) = delete;
    FuzzService& operator=(FuzzService const&) = delete;
    ~FuzzService();

private:
    FuzzService();
    std::unique_ptr<service::Service> open(std::string const& path) const;

    std::string dir_, template_path_, work_path_;
    std::map<std::string, std::pair<std::string, service::Principal>> tokens_;   ///< placeholder → token, who
};

/// @brief How long a harness waits for an answer from the group-commit thread before calling it a
/// hang (libFuzzer's own -timeout is the backstop).
inline constexpr std::chrono::seconds kAnswerWait{5};

}  // namespace hazeguard::fuzz
