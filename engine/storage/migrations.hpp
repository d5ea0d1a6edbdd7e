#pragma once
/// @file migrations.hpp
/// @brief The schema as numbered migrations; migration N brings user_version from N-1 to N.
/// Never edit a released migration: add the next one.

#include <string_view>
#include <vector>

namespace hazeguard::storage {

std::vector<std::string_view> const& migrations();

}  // namespace hazeguard::storage
