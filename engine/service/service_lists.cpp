// Legacy wrappers: the warning code that still runs its own SQL (proposals, episodes, fan-out)
// reaches the list through these, with a store over conn() — the writer inside its write job.
// They go when that code passes its transaction's store to lists() itself.
#include <SQLiteCpp/Database.h>

#include "engine/service/service.hpp"
#include "engine/storage/sqlite/sqlite_store.hpp"

namespace hazeguard::service {
using nlohmann::json;

std::optional<std::int64_t> Service::current_list_version() {
    storage::SqliteStore store(conn());
    return lists_->current_list_version(store);
}

void Service::ensure_levels(std::int64_t list_version) {
    storage::SqliteStore store(conn());
    lists_->ensure_levels(store, list_version);
}

json Service::reduction_plan(std::optional<std::int64_t> list_version, std::string const& level) {
    storage::SqliteStore store(conn());
    return lists_->reduction_plan(store, list_version, level);
}

json Service::reduction_summary(std::optional<std::int64_t> list_version, std::string const& level,
                                std::int64_t enterprises, std::array<double, 4> const& planned) const {
    return lists_->reduction_summary(list_version, level, enterprises, planned);
}

}  // namespace hazeguard::service
