// engine/storage/group_commit.*: jobs from many threads, one transaction per group, outcomes only
// after the group's commit — through a callback (submit_async) or by waiting (submit).
#include "engine/storage/group_commit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <random>
#include <semaphore>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace hazeguard::storage {
namespace {

using namespace std::chrono_literals;

/// A WAL database file with one table `t(v)`, a committer over it, and a commit counter.
struct Fixture {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("hg-group-commit-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()) +
                         ".sqlite"))
                           .string();
    std::unique_ptr<SQLite::Database> db;
    std::mutex db_mutex;
    std::atomic<int> commits{0};
    std::unique_ptr<GroupCommitter> committer;

    Fixture() {
        db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
        db->exec("CREATE TABLE t(v INTEGER); CREATE TABLE parent(id INTEGER PRIMARY KEY); "
                 "CREATE TABLE child(p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
        sqlite3_commit_hook(
            db->getHandle(),
            [](void* n) {
                ++*static_cast<std::atomic<int>*>(n);
                return 0;
            },
            &commits);
        committer = std::make_unique<GroupCommitter>(*db, db_mutex);
    }
    ~Fixture() {
        committer.reset();
        db.reset();
        std::error_code ec;
        for (char const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
    }

    void insert(int v) const { GroupCommitter::current()->exec("INSERT INTO t(v) VALUES (" + std::to_string(v) + ")"); }

    /// The values committed, as another connection sees them.
    std::vector<int> committed() const {
        SQLite::Database other(path, SQLite::OPEN_READONLY);
        SQLite::Statement q(other, "SELECT v FROM t ORDER BY v");
        std::vector<int> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getInt());
        return out;
    }

    /// Occupies the writer until the returned function is called, so that the jobs submitted
    /// meanwhile form one group.
    std::function<void()> hold_writer() {
        auto started = std::make_shared<std::binary_semaphore>(0);
        auto release = std::make_shared<std::promise<void>>();
        committer->submit_async([started, gate = release->get_future().share()] {
            started->release();
            gate.wait();
        }, [](std::exception_ptr) {});
        started->acquire();
        return [release] { release->set_value(); };
    }
};

std::string what(std::exception_ptr e) {
    try {
        if (e) std::rethrow_exception(e);
    } catch (std::exception const& x) {
        return x.what();
    }
    return "";
}

}  // namespace

TEST_CASE("submit_async returns at once and calls back on the writer thread after the commit", "[storage][group-commit]") {
    Fixture f;
    auto const release = f.hold_writer();
    std::promise<std::vector<int>> seen;  // Catch2 assertions stay on this thread
    bool on_caller_thread = true, failed = true;
    auto const caller = std::this_thread::get_id();
    f.committer->submit_async([&] { f.insert(7); }, [&](std::exception_ptr error) {
        on_caller_thread = std::this_thread::get_id() == caller;
        failed = error != nullptr;
        seen.set_value(f.committed());  // the job is visible to another connection: committed
    });
    auto answer = seen.get_future();
    CHECK(answer.wait_for(50ms) == std::future_status::timeout);  // nothing blocks, nothing answered yet
    release();
    REQUIRE(answer.wait_for(10s) == std::future_status::ready);
    CHECK(answer.get() == std::vector<int>{7});
    CHECK_FALSE(on_caller_thread);
    CHECK_FALSE(failed);
}

TEST_CASE("a throwing job rolls back only itself and the callbacks come in submission order", "[storage][group-commit]") {
    Fixture f;
    auto const release = f.hold_writer();
    int const commits_before = f.commits;
    std::vector<std::string> outcomes;  // written by the writer thread only
    std::promise<void> all_done;
    auto done = [&](std::string name) {
        return [&, name](std::exception_ptr error) {
            outcomes.push_back(name + ":" + (error ? what(error) : "ok"));
            if (outcomes.size() == 3) all_done.set_value();
        };
    };
    f.committer->submit_async([&] { f.insert(1); }, done("a"));
    f.committer->submit_async([&] {
        f.insert(2);
        throw std::runtime_error("refused");
    }, done("b"));
    f.committer->submit_async([&] { f.insert(3); }, done("c"));
    release();
    REQUIRE(all_done.get_future().wait_for(10s) == std::future_status::ready);
    CHECK(outcomes == std::vector<std::string>{"a:ok", "b:refused", "c:ok"});
    CHECK(f.committed() == std::vector<int>{1, 3});
    CHECK(f.commits - commits_before == 2);  // the holding job's group, then one group for a, b and c
}

TEST_CASE("a failed commit reaches every job of its group and writes nothing", "[storage][group-commit]") {
    Fixture f;
    auto const release = f.hold_writer();
    std::atomic<int> failed{0};
    std::promise<void> both;
    std::atomic<int> called{0};
    auto done = [&](std::exception_ptr error) {
        if (error && what(error).find("FOREIGN KEY") != std::string::npos) ++failed;
        if (++called == 2) both.set_value();
    };
    f.committer->submit_async([&] { f.insert(1); }, done);
    // A deferred foreign key passes the statement and the RELEASE, and fails the COMMIT.
    f.committer->submit_async([] { GroupCommitter::current()->exec("INSERT INTO child(p) VALUES (42)"); }, done);
    release();
    REQUIRE(both.get_future().wait_for(10s) == std::future_status::ready);
    CHECK(failed == 2);
    CHECK(f.committed().empty());

    // The writer carries on with the next group.
    f.committer->submit([&] { f.insert(5); });
    CHECK(f.committed() == std::vector<int>{5});
}

TEST_CASE("submit waits for the commit and rethrows the job's exception", "[storage][group-commit]") {
    Fixture f;
    f.committer->submit([&] { f.insert(1); });
    CHECK(f.committed() == std::vector<int>{1});  // already on disk when submit returns
    CHECK_THROWS_WITH(f.committer->submit([&] {
        f.insert(2);
        throw std::runtime_error("no");
    }), "no");
    f.committer->submit([&] { f.committer->submit([&] { f.insert(3); }); });  // nested: inline
    CHECK(f.committed() == std::vector<int>{1, 3});
}

TEST_CASE("submit from a callback or submit_async from a job is refused instead of deadlocking", "[storage][group-commit]") {
    Fixture f;
    std::promise<std::string> from_callback;
    f.committer->submit_async([] {}, [&](std::exception_ptr) {
        try {
            f.committer->submit([] {});
            from_callback.set_value("ran");
        } catch (std::logic_error const& e) {
            from_callback.set_value(e.what());
        }
    });
    auto answer = from_callback.get_future();
    REQUIRE(answer.wait_for(10s) == std::future_status::ready);
    CHECK_THAT(answer.get(), Catch::Contains("would wait for itself"));
    CHECK_THROWS_AS(f.committer->submit([&] { f.committer->submit_async([] {}, [](std::exception_ptr) {}); }),
                    std::logic_error);
}

TEST_CASE("stopping runs the jobs already queued and their callbacks", "[storage][group-commit]") {
    Fixture f;
    std::atomic<int> called{0};
    {
        auto const release = f.hold_writer();
        for (int i = 0; i < 20; ++i) f.committer->submit_async([&f, i] { f.insert(i); }, [&](std::exception_ptr) { ++called; });
        std::thread releaser([release] {
            std::this_thread::sleep_for(20ms);
            release();
        });
        f.committer.reset();  // waits for the holding job, then drains the queue
        releaser.join();
    }
    CHECK(called == 20);
    CHECK(f.committed().size() == 20);
}

}  // namespace hazeguard::storage
