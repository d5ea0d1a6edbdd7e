#pragma once
/// @file console_assets.hpp
/// @brief The console's stylesheet and script (templates/console/assets/), compiled in: nothing
/// is fetched from outside, and the server needs no file next to it.

#include <map>
#include <string>
#include <string_view>

namespace hazeguard::templates {

struct ConsoleAsset {
    std::string_view content_type;
    std::string_view body;
};

/// @brief "console.css", "console.js" → the file as compiled in.
std::map<std::string, ConsoleAsset> const& console_assets();

}  // namespace hazeguard::templates
