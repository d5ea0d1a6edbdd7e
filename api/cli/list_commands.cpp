// hazeguard list import FILE [--dry-run], hazeguard list generate [--count N] [--seed S].
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "api/cli/commands.hpp"
#include "api/resources/lists/list_json.hpp"
#include "engine/enterprises/list_import.hpp"
#include "engine/service/error.hpp"
#include "engine/service/lists/import_progress.hpp"
#include "engine/service/service.hpp"
#include "engine/storage/open_service.hpp"

namespace hazeguard::cli {

namespace {

// The import's progress on one terminal line of stderr: drawn at the first report and at the
// reading's first (which brings the estimate), else rewritten at most five times a second, never wider than the terminal (a wrapped line would not be
// overwritten). The reading (this thread) and the storing (the writer's) report at once: each
// tells only its part.
class TerminalProgress {
public:
    explicit TerminalProgress(std::string file) : file_(std::filesystem::path(file).filename().string()) {}

    void show(service::ImportProgress const& p) {
        std::lock_guard lock(mutex_);
        bool const first_read = p.read.rows_read > 0 && latest_.read.rows_read == 0;
        if (p.read.rows_read > 0 || p.read.bytes_read > 0) latest_.read = p.read;
        latest_.size = std::max(latest_.size, p.size);
        latest_.rows_stored = std::max(latest_.rows_stored, p.rows_stored);
        auto const now = Clock::now();
        if (drawn_ && !first_read && now - shown_ < std::chrono::milliseconds(200)) return;
        shown_ = now;
        double const elapsed = std::chrono::duration<double>(now - start_).count();
        draw(file_ + ": " + service::import_progress_line(latest_, elapsed));
        drawn_ = true;
    }
    // The last line: how long it all took, or (`failed`) only an end to the line.
    void done(bool failed = false) {
        std::lock_guard lock(mutex_);
        if (!drawn_) return;
        double const total = std::chrono::duration<double>(Clock::now() - start_).count();
        if (failed) {
            std::fputs("\n", stderr);
            return;
        }
        char took[32];
        std::snprintf(took, sizeof took, "done in %.1f s", total);
        draw(file_ + ": " + took);
        std::fputs("\n", stderr);
    }

private:
    // `line` over the one drawn before, cut to the terminal's width (the file name goes first).
    void draw(std::string line) {
        winsize size{};
        if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) {
            std::size_t const room = size.ws_col - 1u;
            if (display_width(line) > room) line.erase(0, file_.size() + 2);
            if (line.size() > room) line.resize(room);  // the rest is ASCII
        }
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        std::fflush(stderr);
    }
    // Columns on a terminal: a character beyond U+07FF (CJK) takes two, one below it one.
    static std::size_t display_width(std::string_view text) {
        std::size_t width = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            auto const b = static_cast<unsigned char>(text[i]);
            if ((b & 0xC0) == 0x80) continue;
            width += b >= 0xE0 ? 2 : 1;
        }
        return width;
    }

    using Clock = std::chrono::steady_clock;
    std::mutex mutex_;
    std::string file_;
    service::ImportProgress latest_;
    Clock::time_point start_ = Clock::now(), shown_ = start_;
    bool drawn_ = false;
};

}  // namespace

int list_import(ListImportOptions const& o) {
    std::optional<TerminalProgress> terminal;
    try {
        std::ifstream in(o.file, std::ios::binary | std::ios::ate);
        if (!in) {
            std::cerr << o.file << ": cannot read file\n";
            return 1;
        }
        auto const size = static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0));
        in.seekg(0);
        auto [plan_text, plan] = load_plan(o.plan);
        auto const svc = storage::open_service(o.db, plan, plan_text);
        bool const csv = o.file.size() > 4 && o.file.substr(o.file.size() - 4) == ".csv";
        service::Command cmd{{"cli", "admin", "", ""}, std::nullopt, ""};
        // Progress only for a person watching: not when stderr goes to a file or a pipe.
        service::ImportProgressFn progress;
        if (::isatty(STDERR_FILENO)) {
            terminal.emplace(o.file);
            progress = [&](service::ImportProgress const& p) { terminal->show(p); };
        }
        auto const reply = service::wait_for([&](service::Completion done) {
            svc->lists().import_list(cmd, {csv ? "csv" : "json", {}, &in, size}, o.dry_run, o.file, progress,
                                     {[&views = svc->views()](service::ListImport const& r) { return api::list_import_reply(views, r); },
                                      std::move(done)});
        });
        if (terminal) terminal->done();
        std::cout << reply.body.dump(2) << "\n";
        return 0;
    } catch (service::Error const& p) {
        if (terminal) terminal->done(true);
        std::cerr << p.detail << "\n";
        for (auto const& e : p.errors) std::cout << e.pointer << ": " << e.message << "\n";
        return 1;
    } catch (std::exception const& e) {
        if (terminal) terminal->done(true);
        std::cerr << "hazeguard list import: " << e.what() << "\n";
        return 1;
    }
}

int list_generate(ListGenerateOptions const& o) {
    try {
        auto [plan_text, plan] = load_plan(o.plan);
        // Written an enterprise at a time: the list is never held whole, as a model or as text.
        engine::CanonicalListWriter writer([](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
        engine::generate_list(plan, o.count, o.seed, [&](engine::Enterprise const& e) { writer.add(e); });
        writer.finish();
        std::fputs("\n", stdout);
        if (std::fflush(stdout) != 0) throw std::runtime_error("cannot write the list");
        return 0;
    } catch (std::exception const& e) {
        std::cerr << "hazeguard list generate: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace hazeguard::cli
