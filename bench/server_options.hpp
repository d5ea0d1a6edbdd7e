#pragma once
/// @file server_options.hpp
/// @brief The command line of the bench servers: --port P --threads N. Exits 2 with `usage` on
/// anything else.

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "api/server/http_server.hpp"

namespace hazeguard::bench {

inline api::ServerOptions server_options(int argc, char** argv, char const* usage) {
    api::ServerOptions options;
    options.port = 0;
    options.threads = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--port") == 0)
            options.port = static_cast<std::uint16_t>(std::stoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--threads") == 0)
            options.threads = std::stoi(argv[i + 1]);
        else {
            std::cerr << usage << "\n";
            std::exit(2);
        }
    }
    return options;
}

}  // namespace hazeguard::bench
