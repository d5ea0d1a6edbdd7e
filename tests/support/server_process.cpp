#include "tests/support/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/support/http_client.hpp"

namespace hazeguard::test {
namespace {

int decode_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

ServerProcess::ServerProcess(std::string executable, std::vector<std::string> args)
    : executable_(std::move(executable)) {
    std::string pattern = "/tmp/hazeguard-server-XXXXXX.log";
    // O_CLOEXEC: other children of this test process must not inherit the log descriptor.
    int const log_fd = ::mkostemps(pattern.data(), 4, O_CLOEXEC);
    if (log_fd < 0) throw std::runtime_error("ServerProcess: cannot create log file: " + std::string(std::strerror(errno)));
    log_path_ = pattern;

    // Everything the child needs is prepared before fork: after fork in a multi-threaded
    // process only async-signal-safe calls are allowed, so no allocation there.
    std::vector<std::string> storage;
    storage.reserve(args.size() + 1);
    storage.push_back(executable_);
    for (auto& arg : args) storage.push_back(std::move(arg));
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    static constexpr char exec_failed[] = "ServerProcess: exec failed\n";

    pid_ = ::fork();
    if (pid_ < 0) {
        ::close(log_fd);
        throw std::runtime_error("ServerProcess: fork: " + std::string(std::strerror(errno)));
    }
    if (pid_ == 0) {
        ::dup2(log_fd, STDOUT_FILENO);
        ::dup2(log_fd, STDERR_FILENO);
        // The test process may have blocked or ignored these; the server must see the defaults.
        sigset_t all;
        ::sigemptyset(&all);
        ::sigprocmask(SIG_SETMASK, &all, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::execv(argv[0], argv.data());
        [[maybe_unused]] auto const ignored = ::write(STDERR_FILENO, exec_failed, sizeof exec_failed - 1);
        ::_exit(127);
    }
    ::close(log_fd);
}

ServerProcess::~ServerProcess() {
    kill_hard();
    if (std::getenv("HG_KEEP_SERVER_LOGS") == nullptr) ::unlink(log_path_.c_str());
}

bool ServerProcess::reap(bool block) const {
    if (exited_) return true;
    int status = 0;
    for (;;) {
        pid_t const r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
        if (r == pid_) {
            exited_ = true;
            exit_code_ = decode_status(status);
            return true;
        }
        if (r == 0) return false;
        if (errno == EINTR) continue;
        // ECHILD: someone else reaped it; treat it as gone rather than waiting forever.
        exited_ = true;
        exit_code_ = -1;
        return true;
    }
}

bool ServerProcess::running() const { return !reap(false); }

void ServerProcess::kill_hard() {
    if (reap(false)) return;
    ::kill(pid_, SIGKILL);
    reap(true);
}

int ServerProcess::terminate() {
    if (!reap(false)) {
        ::kill(pid_, SIGTERM);
        auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!reap(false) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        kill_hard();
    }
    return exit_code_;
}

bool ServerProcess::wait_ready(std::uint16_t port, std::chrono::milliseconds timeout) {
    auto const deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running()) return false;
        try {
            HttpClient client(port);
            if (client.get("/healthz").status == 200) return true;
        } catch (std::runtime_error const&) {
            // Not listening yet.
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

std::string ServerProcess::log() const {
    std::ifstream in(log_path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::uint16_t free_port() {
    int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("free_port: socket: " + std::string(std::strerror(errno)));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        std::string const reason = std::strerror(errno);
        ::close(fd);
        throw std::runtime_error("free_port: " + reason);
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

}  // namespace hazeguard::test
