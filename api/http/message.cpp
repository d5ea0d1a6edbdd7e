#include "api/http/message.hpp"

#include <algorithm>
#include <cctype>

namespace hazeguard::api {
namespace {
bool iequals(std::string const& a, std::string const& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

void Headers::set(std::string name, std::string value) {
    for (auto& [n, v] : items_)
        if (iequals(n, name)) {
            v = std::move(value);
            return;
        }
    items_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> Headers::get(std::string const& name) const {
    for (auto const& [n, v] : items_)
        if (iequals(n, name)) return v;
    return std::nullopt;
}

}  // namespace hazeguard::api
