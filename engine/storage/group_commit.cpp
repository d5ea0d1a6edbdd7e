#include "engine/storage/group_commit.hpp"

#include <chrono>
#include <semaphore>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

namespace hazeguard::storage {
namespace {
thread_local SQLite::Database* tl_current = nullptr;
}

SQLite::Database* GroupCommitter::current() { return tl_current; }

GroupCommitter::GroupCommitter(SQLite::Database& db, std::mutex& db_mutex, std::size_t max_group)
    : db_(db), db_mutex_(db_mutex), max_group_(max_group), thread_([this] { loop(); }) {}

GroupCommitter::~GroupCommitter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void GroupCommitter::submit_async(std::function<void()> work, Done done) {
    if (tl_current) throw std::logic_error("submit_async() inside a write job: use submit()");
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw std::logic_error("the group committer is stopping");
        queue_.push_back(Job{std::move(work), std::move(done), nullptr});
    }
    wake_.notify_one();
}

void GroupCommitter::submit(std::function<void()> work) {
    if (tl_current) {  // already inside a job (a job that submits): run inline, same transaction
        work();
        return;
    }
    if (std::this_thread::get_id() == thread_.get_id())
        throw std::logic_error("submit() from a group commit callback would wait for itself");
    std::binary_semaphore committed{0};  // one wake-up per job, no thundering herd
    std::exception_ptr error;
    submit_async(std::move(work), [&](std::exception_ptr e) {
        error = std::move(e);
        committed.release();
    });
    committed.acquire();
    if (error) std::rethrow_exception(error);
}

void GroupCommitter::observe(Observer observer) {
    std::lock_guard lock(mutex_);
    observer_ = std::move(observer);
}

void GroupCommitter::loop() {
    for (;;) {
        std::deque<Job> group;
        Observer observer;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to write
            while (!queue_.empty() && group.size() < max_group_) {
                group.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            observer = observer_;
        }
        auto const started = std::chrono::steady_clock::now();
        bool const committed = run_group(group);
        if (observer) {
            try {
                observer(group.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                         committed);
            } catch (...) {  // documented as not allowed; the writer must survive it
            }
        }
        for (Job& j : group) {
            try {
                j.done(std::move(j.error));
            } catch (...) {  // documented as not allowed; the writer must survive it
            }
        }
    }
}

// Prepared once and stepped per job: sqlite3_exec would compile the same text for every job.
void GroupCommitter::run_statement(std::unique_ptr<SQLite::Statement>& statement, char const* sql) {
    if (!statement) statement = std::make_unique<SQLite::Statement>(db_, sql);
    else statement->reset();  // also after a failed step
    statement->exec();
}

bool GroupCommitter::run_group(std::deque<Job>& group) {
    std::lock_guard db_lock(db_mutex_);
    tl_current = &db_;
    try {
        SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
        for (Job& j : group) {
            run_statement(savepoint_, "SAVEPOINT job");
            try {
                j.work();
                run_statement(release_, "RELEASE job");
            } catch (...) {
                j.error = std::current_exception();
                run_statement(rollback_, "ROLLBACK TO job");
                run_statement(release_, "RELEASE job");
            }
        }
        tx.commit();
    } catch (...) {
        auto const error = std::current_exception();
        for (Job& j : group) j.error = error;
        tl_current = nullptr;
        return false;
    }
    tl_current = nullptr;
    return true;
}

}  // namespace hazeguard::storage
