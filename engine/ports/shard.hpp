#pragma once
/// @file shard.hpp
/// @brief One of `count` dispatchers working side by side on a queue: it takes the rows whose id
/// modulo `count` is `index`, so no row is sent by two of them.

namespace hazeguard::ports {

struct Shard {
    int index = 0;
    int count = 1;
};

}  // namespace hazeguard::ports
