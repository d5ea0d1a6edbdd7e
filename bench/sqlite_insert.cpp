// hg_bench_sqlite FILE [ROWS=100000] [BYTES=1000]
//
// The "bare limit" for the fan-out benchmark: SQLite (through SQLiteCpp, as the product uses it)
// inserting ROWS rows of about BYTES bytes each in ONE transaction, with the product's settings
// (journal_mode=WAL, synchronous=FULL, default autocheckpoint). FILE is deleted first (with its
// -wal and -shm). Prints "SQLITE_RESULT ms=<total> insert_ms=<...> commit_ms=<...> rows=<...>":
// total = BEGIN .. COMMIT returned (the commit's fsync and the autocheckpoint included).
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::cerr << "usage: hg_bench_sqlite FILE [ROWS=100000] [BYTES=1000]\n";
        return 2;
    }
    std::string const file = argv[1];
    long const rows = argc > 2 ? std::stol(argv[2]) : 100000;
    std::size_t const bytes = argc > 3 ? std::stoul(argv[3]) : 1000;
    for (auto const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file + suffix);
    try {
        SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=FULL");
        db.exec("CREATE TABLE rows_1k (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, enterprise INTEGER NOT NULL, "
                "body TEXT NOT NULL)");
        // Distinct, printable payloads prepared up front so only SQLite is timed.
        std::mt19937_64 rng(2026);
        std::vector<std::string> bodies(64);
        for (auto& b : bodies) {
            b.resize(bytes);
            for (auto& c : b) c = static_cast<char>('a' + rng() % 26);
        }
        using clock = std::chrono::steady_clock;
        auto const t0 = clock::now();
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement ins(db, "INSERT INTO rows_1k(batch, enterprise, body) VALUES (1, ?, ?)");
        for (long i = 1; i <= rows; ++i) {
            ins.bind(1, static_cast<std::int64_t>(i));
            ins.bind(2, bodies[static_cast<std::size_t>(i) % bodies.size()]);
            ins.exec();
            ins.reset();
        }
        auto const t1 = clock::now();
        tx.commit();
        auto const t2 = clock::now();
        auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
        std::printf("SQLITE_RESULT ms=%.1f insert_ms=%.1f commit_ms=%.1f rows=%ld bytes=%zu\n", ms(t2 - t0),
                    ms(t1 - t0), ms(t2 - t1), rows, bytes);
    } catch (std::exception const& e) {
        std::cerr << "hg_bench_sqlite: " << e.what() << "\n";
        return 1;
    }
    for (auto const* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file + suffix);
    return 0;
}
