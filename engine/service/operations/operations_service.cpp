#include "engine/service/operations/operations_service.hpp"

namespace hazeguard::service {

bool OperationsService::ready() {
    if (!runner_.storage_writable()) return false;
    bool current = false;
    transactions_.read([&](ports::Store& store) { current = store.operations().schema_current(); });
    return current;
}

OperationalSnapshot OperationsService::snapshot() {
    OperationalSnapshot out;
    ports::OpenBatchTally t;
    transactions_.read([&](ports::Store& store) {
        out.timers_pending = store.operations().timers_pending();
        t = store.operations().open_batch_tally();
    });
    out.orders_by_status = {{"sent", t.total - t.acknowledged}, {"acknowledged", t.acknowledged - t.executed},
                            {"executed", t.executed}};
    return out;
}

std::pair<std::int64_t, std::string> OperationsService::timeline_head() {
    std::pair<std::int64_t, std::string> head;
    // A write job: queued after every write submitted so far.
    transactions_.write([&](ports::Store& store) { head = store.operations().timeline_head(); });
    return head;
}

}  // namespace hazeguard::service
