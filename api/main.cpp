// hazeguard: heavy-pollution-weather emergency response. Thin entry point: picks a subcommand.
#include <iostream>
#include <string>

#include "api/cli/commands.hpp"

namespace {
int usage() {
    std::cerr << "usage:\n"
                 "  hazeguard serve [--port 8765] [--address 127.0.0.1] [--db var/hazeguard.sqlite] [--plan FILE]\n"
                 "                  [--drill-start 2026-12-14T08:00:00+08:00 --drill-speed 60]\n"
                 "                  [--demo-tokens var/demo-tokens.txt | --no-demo-tokens] [--threads 4]\n"
                 "                  [--list FILE | --sample-size 1555 | --no-sample-list]\n"
                 "  hazeguard plan check FILE\n"
                 "  hazeguard list import FILE.json|FILE.csv [--dry-run] [--db var/hazeguard.sqlite]\n"
                 "  hazeguard list generate [--count 1555] [--seed 2026] > list.json\n"
                 "  hazeguard observations import FILE.csv|FILE.json [--source NAME] [--db var/hazeguard.sqlite]\n"
                 "  hazeguard report EPISODE [--format json|html|csv] [--output FILE] [--db var/hazeguard.sqlite]\n"
                 "  hazeguard backup FILE [--db var/hazeguard.sqlite]\n"
                 "  hazeguard audit verify [--db var/hazeguard.sqlite] [--expect-head HASH]\n"
                 "  hazeguard token create --role ROLE --name NAME [--authority A] [--enterprise ID]\n"
                 "                  [--db var/hazeguard.sqlite] [--plan FILE]\n";
    return 2;
}
}  // namespace

int main(int argc, char** argv) {
    std::string const cmd = argc > 1 ? argv[1] : "";
    std::string const sub = argc > 2 ? argv[2] : "";
    if (cmd == "serve") return hazeguard::cli::serve(argc, argv);
    if (cmd == "plan" && sub == "check") return hazeguard::cli::plan_check(argc, argv);
    if (cmd == "token" && sub == "create") return hazeguard::cli::token_create(argc, argv);
    if (cmd == "list" && sub == "import") return hazeguard::cli::list_import(argc, argv);
    if (cmd == "list" && sub == "generate") return hazeguard::cli::list_generate(argc, argv);
    if (cmd == "observations" && sub == "import") return hazeguard::cli::observations_import(argc, argv);
    if (cmd == "report") return hazeguard::cli::report(argc, argv);
    if (cmd == "backup") return hazeguard::cli::backup(argc, argv);
    if (cmd == "audit" && sub == "verify") return hazeguard::cli::audit_verify(argc, argv);
    return usage();
}
