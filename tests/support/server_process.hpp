#pragma once
/// @file server_process.hpp
/// @brief Runs a server executable as a child process for integration tests.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace hazeguard::test {

/// @brief A child process started with fork+exec whose stdout and stderr go to a log file.
///
/// The log file is removed by the destructor unless the environment variable
/// HG_KEEP_SERVER_LOGS is set, so a failing run can be inspected afterwards.
class ServerProcess {
public:
    /// @brief Starts `executable` (a path; PATH is not searched) with `args` (argv[1..]).
    /// Throws std::runtime_error if the log file cannot be created or fork fails; an exec failure
    /// shows up as the child exiting with status 127 and a message in the log.
    ServerProcess(std::string executable, std::vector<std::string> args);
    /// @brief Kills the child (SIGKILL) and reaps it if it is still running.
    ~ServerProcess();
    ServerProcess(ServerProcess const&) = delete;
    ServerProcess& operator=(ServerProcess const&) = delete;

    /// @brief Polls GET /healthz on 127.0.0.1:`port` until it answers 200. False if the timeout
    /// passes or the child exits first.
    bool wait_ready(std::uint16_t port, std::chrono::milliseconds timeout);
    /// @brief SIGKILL and reap; a no-op once the child has exited.
    void kill_hard();
    /// @brief SIGTERM, then waits (SIGKILL after 10 s so a test cannot hang) and returns the exit
    /// code, or 128 + signal number if a signal ended it (shell convention).
    int terminate();
    /// @brief True until the child has exited (reaps it without blocking).
    bool running() const;
    pid_t pid() const { return pid_; }
    std::string log_path() const { return log_path_; }
    /// @brief Everything the child has written to stdout and stderr so far.
    std::string log() const;

private:
    /// Records the status of a reaped child; returns true if it had exited.
    bool reap(bool block) const;

    std::string executable_;
    pid_t pid_ = -1;
    std::string log_path_;
    mutable bool exited_ = false;
    mutable int exit_code_ = 0;
};

/// @brief A port that was free a moment ago: binds 127.0.0.1:0, reads the port, closes. Another
/// process may take it before the caller binds it, which is acceptable for tests.
std::uint16_t free_port();

}  // namespace hazeguard::test
