// hazeguard backup FILE, hazeguard audit verify: operating the database the server uses, while
// it runs. Storage does the work (engine/storage/backup.*, timeline_store.*); this parses and prints.
#include <iostream>

#include "api/cli/commands.hpp"
#include "engine/storage/backup.hpp"
#include "engine/storage/timeline_store.hpp"

namespace hazeguard::cli {

int backup(BackupOptions const& o) {
    try {
        auto const& file = o.file;
        auto const s = storage::backup_database(o.db, file);
        std::cout << "backup written to " << file << " (integrity_check ok)\n"
                  << "  size:           " << s.bytes << " bytes\n"
                  << "  schema version: " << s.schema_version << "\n"
                  << "  orders:         " << s.orders << " (" << s.acknowledged_orders << " acknowledged)\n"
                  << "  timeline rows:  " << s.timeline_rows << "\n";
        if (!s.timeline_head.empty()) std::cout << "  timeline head:  " << s.timeline_head << "\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard backup: " << e.what() << "\n";
        return 1;
    }
}

int audit_verify(AuditVerifyOptions const& o) {
    try {
        auto const r = storage::verify_timeline_file(
            o.db, o.expect_head.empty() ? std::nullopt : std::optional<std::string>(o.expect_head));
        if (r.finding) {
            std::cout << "FAILED at timeline row " << r.finding->id << ": " << engine::fault_name(r.finding->fault)
                      << " (" << r.finding->detail << ")\n"
                      << "the " << r.rows << " rows before it verify; their head is " << r.head << "\n";
            return 1;
        }
        if (r.expected_head && !r.expected_head_at) {
            std::cout << "FAILED: the recorded head " << *r.expected_head << " is not in the chain: rows up to it "
                      << "were deleted or the chain was rewritten\n"
                      << "the chain itself verifies: " << r.rows << " rows, head " << r.head << "\n";
            return 1;
        }
        std::cout << "ok: " << r.rows << " timeline rows, chain intact\nhead " << r.head << "\n";
        if (r.expected_head_at)
            std::cout << "the recorded head is row " << *r.expected_head_at << "; " << r.rows - *r.expected_head_at
                      << " row(s) appended since\n";
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard audit verify: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
