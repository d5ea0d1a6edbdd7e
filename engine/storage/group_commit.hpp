#pragma once
/// @file group_commit.hpp
/// @brief Group commit: writes from many threads run one after another on one connection inside a
/// single transaction, each in its own SAVEPOINT, and are committed together — one fsync for the
/// whole group. A caller returns only after the group that holds its job is on disk.

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <semaphore>
#include <thread>

#include <SQLiteCpp/Database.h>

namespace hazeguard::storage {

class GroupCommitter {
public:
    /// @param db the writer connection; @param db_mutex guards it against other users
    /// @param max_group most jobs per transaction
    GroupCommitter(SQLite::Database& db, std::mutex& db_mutex, std::size_t max_group = 512);
    ~GroupCommitter();
    GroupCommitter(GroupCommitter const&) = delete;
    GroupCommitter& operator=(GroupCommitter const&) = delete;

    /// @brief Runs `job` on the writer thread inside the current group's transaction and waits
    /// until that transaction has committed. If `job` throws, only its own changes are rolled
    /// back and the exception is rethrown here; if the commit fails, every job of the group
    /// gets the commit's exception.
    void submit(std::function<void()> job);

    /// @brief The connection a job must use; nullptr outside the writer thread.
    static SQLite::Database* current();

private:
    struct Job {
        std::function<void()> work;
        std::exception_ptr error;
        std::binary_semaphore done{0};  // one wake-up per job, no thundering herd
    };
    void loop();
    void run_group(std::deque<Job*>& group);

    SQLite::Database& db_;
    std::mutex& db_mutex_;
    std::size_t max_group_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job*> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace hazeguard::storage
