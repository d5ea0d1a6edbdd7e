#pragma once
/// @file group_commit.hpp
/// @brief Group commit: writes from many threads run one after another on one connection inside a
/// single transaction, each in its own SAVEPOINT, and are committed together — one fsync for the
/// whole group. Each job learns its outcome only once the group that holds it is on disk: through
/// a callback (submit_async, nobody waits) or by blocking (submit).

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace hazeguard::storage {

class GroupCommitter {
public:
    /// @brief A job's outcome: null when it committed, else its own exception or the commit's.
    using Done = std::function<void(std::exception_ptr error)>;

    /// @param db the writer connection; @param db_mutex guards it against other users
    /// @param max_group most jobs per transaction
    GroupCommitter(SQLite::Database& db, std::mutex& db_mutex, std::size_t max_group = 512);
    /// @brief Runs and commits every job already submitted (their callbacks included), then stops.
    ~GroupCommitter();
    GroupCommitter(GroupCommitter const&) = delete;
    GroupCommitter& operator=(GroupCommitter const&) = delete;

    /// @brief Queues `job` and returns at once. The writer thread runs it inside the next group's
    /// transaction; if it throws, only its own changes are rolled back. After the group's commit,
    /// still on the writer thread and in submission order, `done` gets null, the job's exception,
    /// or — if the commit failed — the commit's exception (every job of the group then gets it).
    /// `done` must be quick and must not throw (an exception from it is dropped) nor call submit();
    /// it may call submit_async(). Throws std::logic_error from inside a job (use submit()) or
    /// once the committer is stopping.
    void submit_async(std::function<void()> job, Done done);

    /// @brief submit_async() and wait: returns once the job's group has committed, or rethrows its
    /// error. Inside a job it runs `job` inline, in the same transaction. Throws std::logic_error
    /// from a `done` callback (it would wait for its own thread).
    void submit(std::function<void()> job);

    /// @brief The connection a job must use; nullptr outside a job.
    static SQLite::Database* current();

    /// @brief Sees every group once it is committed or has failed, on the writer thread: how many
    /// jobs it held, how long BEGIN to COMMIT took, and whether it reached the disk. Must be quick
    /// and must not throw. Set it once, before the first write.
    using Observer = std::function<void(std::size_t jobs, double seconds, bool committed)>;
    void observe(Observer observer);

private:
    struct Job {
        std::function<void()> work;
        Done done;
        std::exception_ptr error;
    };
    void loop();
    bool run_group(std::deque<Job>& group);  ///< true when the group's COMMIT succeeded
    void run_statement(std::unique_ptr<SQLite::Statement>& statement, char const* sql);

    SQLite::Database& db_;
    std::mutex& db_mutex_;
    std::size_t max_group_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    Observer observer_;  // guarded by mutex_
    // The savepoint statements, prepared on first use by the writer thread (which alone uses them).
    std::unique_ptr<SQLite::Statement> savepoint_, release_, rollback_;
    std::thread thread_;
};

}  // namespace hazeguard::storage
