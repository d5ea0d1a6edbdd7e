// hazeguard roster import FILE, hazeguard roster show: the roster of notice recipients
// (docs/roster-format.md).
#include <iostream>

#include "api/cli/commands.hpp"
#include "api/resources/delivery/delivery_json.hpp"
#include "api/resources/delivery/delivery_requests.hpp"
#include "engine/service/error.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/open_service.hpp"

namespace hazeguard::cli {

namespace {
int failed(char const* command, service::Error const& p) {
    std::cerr << "hazeguard roster " << command << ": " << p.detail << "\n";
    for (auto const& e : p.errors) std::cerr << "  " << e.pointer << ": " << e.message << "\n";
    return 1;
}
}  // namespace

int roster_import(RosterOptions const& o) {
    try {
        auto const text = read_file(o.file);
        if (!text) {
            std::cerr << o.file << ": cannot read file\n";
            return 1;
        }
        auto doc = nlohmann::json::parse(*text, nullptr, false);
        if (doc.is_discarded()) {
            std::cerr << o.file << ": not JSON\n";
            return 1;
        }
        auto [plan_text, plan] = load_plan(o.plan);
        auto const svc = storage::open_service(o.db, plan, plan_text);
        auto roster = api::read_roster(doc, plan);
        service::Command cmd{{"cli", "admin", "", ""}, std::nullopt, ""};
        auto const& views = svc->views();
        auto const reply = service::wait_for([&](service::Completion done) {
            svc->roster().import(cmd, std::move(roster), o.file,
                                 {[&views](service::RosterSheet const& r) { return service::Reply{200, api::roster_json(views, r), ""}; },
                                  std::move(done)});
        });
        std::cout << reply.body.dump(2) << "\n";
        return 0;
    } catch (service::Error const& p) {
        return failed("import", p);
    } catch (std::exception const& e) {
        std::cerr << "hazeguard roster import: " << e.what() << "\n";
        return 1;
    }
}

int roster_show(RosterOptions const& o) {
    try {
        auto [plan_text, plan] = load_plan(o.plan);
        auto const svc = storage::open_service(o.db, plan, plan_text);
        std::cout << api::roster_json(svc->views(), svc->roster().current()).dump(2) << "\n";
        return 0;
    } catch (service::Error const& p) {
        return failed("show", p);
    } catch (std::exception const& e) {
        std::cerr << "hazeguard roster show: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
