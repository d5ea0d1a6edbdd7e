#pragma once
/// @file console_progress_watch.hpp
/// @brief The episode page's long poll (docs/console.md, "Progress without a reload"): a
/// progress.json request whose digest is still current is held here until a commit changes the
/// episode's progress section, or until its hold time is over. Each group commit bumps a counter
/// (one lock, one notify: cheap on the writer thread); the watch's own thread — never an I/O
/// thread — re-renders each watched episode once per pass and answers every holder whose digest
/// no longer matches. Bounded in number (past the bound hold() refuses and the page falls back to
/// its one-second poll) and closed on stop (every holder is answered "unchanged" at once).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hazeguard::api {

/// @brief The 16 hex digits that name a progress section's content.
std::string progress_digest(std::string const& html);

class ProgressWatch {
public:
    struct Limits {
        std::size_t max_held = 32;                            ///< requests held at once
        std::chrono::milliseconds hold{20000};                ///< then answered "unchanged"
        std::chrono::milliseconds settle{50};                 ///< least time between two re-renders
    };
    /// @brief The episode's progress section as the page shows it (may throw: answered unchanged).
    using Render = std::function<std::string(std::int64_t episode)>;
    /// @brief A holder's answer: the new section, or none when nothing changed before the hold ended.
    using Answer = std::function<void(std::optional<std::string> html)>;

    ProgressWatch() = default;
    ~ProgressWatch();
    ProgressWatch(ProgressWatch const&) = delete;
    ProgressWatch& operator=(ProgressWatch const&) = delete;

    /// @brief Applies to requests held from now on.
    void limit(Limits limits);
    /// @brief The commit counter: read it before rendering what the holder is compared with.
    std::uint64_t commits() const;
    /// @brief A group commit reached the disk (called on the writer thread; quick, never throws).
    void committed() noexcept;
    /// @brief Holds a request whose page shows `digest`, rendered after `seen` commits; `answer`
    /// is called once, from the watch's thread or from close(). False — and `answer` is never
    /// called — when the bound is reached or the watch is closed: the caller answers at once.
    bool hold(std::int64_t episode, std::string digest, std::uint64_t seen, Render render, Answer answer);
    /// @brief Requests held now.
    std::size_t held() const;
    /// @brief Answers every holder "unchanged", refuses new ones and stops the thread (the
    /// server's stop, the Application's end). Idempotent.
    void close();

private:
    using Clock = std::chrono::steady_clock;
    struct Holder {
        std::int64_t episode;
        std::string digest;
        std::uint64_t seen;
        Clock::time_point until;
        Render render;
        Answer answer;
    };
    void loop();
    void answer_expired(std::unique_lock<std::mutex>& lock);
    void rerender_stale(std::unique_lock<std::mutex>& lock);

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    Limits limits_;
    std::list<Holder> holders_;
    std::uint64_t commits_ = 0;
    Clock::time_point next_pass_{};
    bool closed_ = false;
    std::thread thread_;  // started by the first hold()
};

}  // namespace hazeguard::api
