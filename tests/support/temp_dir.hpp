#pragma once
/// @file temp_dir.hpp
/// @brief A fresh directory under the system's temporary directory, removed with everything in
/// it when the object goes.

#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace hazeguard::test {

struct TempDir {
    /// @param prefix names the directory: "<prefix>-<pid>-<random>"
    explicit TempDir(std::string const& prefix)
        : path(std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(TempDir const&) = delete;
    TempDir& operator=(TempDir const&) = delete;
    std::string file(std::string const& name) const { return (path / name).string(); }

    std::filesystem::path path;
};

}  // namespace hazeguard::test
