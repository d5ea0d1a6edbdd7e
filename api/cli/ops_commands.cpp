// hazeguard backup FILE, hazeguard audit verify: operating the database the server uses, while
// it runs. Storage does the work (engine/storage/backup.*, timeline_store.*); this parses and prints.
#include <iostream>

#include "api/cli/args.hpp"
#include "api/cli/commands.hpp"
#include "engine/storage/backup.hpp"
#include "engine/storage/timeline_store.hpp"

namespace hazeguard::cli {

int backup(int argc, char** argv) {
    try {
        Args args(argc, argv, 2, {"--db"});
        if (args.positional().size() != 1) {
            std::cerr << "usage: hazeguard backup FILE [--db var/hazeguard.sqlite]\n";
            return 2;
        }
        auto const& file = args.positional().front();
        auto const s = storage::backup_database(args.get_or("--db", "var/hazeguard.sqlite"), file);
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

int audit_verify(int argc, char** argv) {
    try {
        Args args(argc, argv, 3, {"--db", "--expect-head"});
        if (!args.positional().empty() || args.get_or("--expect-head", "-").empty()) {
            std::cerr << "usage: hazeguard audit verify [--db var/hazeguard.sqlite] [--expect-head HASH]\n";
            return 2;
        }
        auto const r = storage::verify_timeline_file(args.get_or("--db", "var/hazeguard.sqlite"), args.get("--expect-head"));
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
