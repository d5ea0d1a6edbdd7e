#include "engine/storage/open_service.hpp"

#include "engine/storage/sqlite/sqlite_backend.hpp"

#include "engine/storage/database.hpp"

namespace hazeguard::storage {

std::unique_ptr<service::Service> open_service(std::string const& path, plans::Plan const& plan,
                                               std::string const& plan_json) {
    auto db = open_database(path);
    service::ServiceOptions options;
    {
        SQLite::Statement q(*db, "SELECT value FROM settings WHERE key = 'mode'");
        options.drill = q.executeStep() && q.getColumn(0).getString() == "drill";
    }
    return std::make_unique<service::Service>(std::make_unique<SqliteBackend>(std::move(db)), plan, plan_json, options);
}

}  // namespace hazeguard::storage
