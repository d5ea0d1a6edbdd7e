#include "api/app/console/console_progress_watch.hpp"

#include <map>
#include <utility>
#include <vector>

#include "engine/util/sha256.hpp"

namespace hazeguard::api {

std::string progress_digest(std::string const& html) { return engine::sha256_hex(html).substr(0, 16); }

ProgressWatch::~ProgressWatch() { close(); }

void ProgressWatch::limit(Limits limits) {
    std::lock_guard lock(mutex_);
    limits_ = limits;
}

std::uint64_t ProgressWatch::commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

void ProgressWatch::committed() noexcept {
    {
        std::lock_guard lock(mutex_);
        ++commits_;
        if (holders_.empty()) return;
    }
    wake_.notify_one();
}

bool ProgressWatch::hold(std::int64_t episode, std::string digest, std::uint64_t seen, Render render, Answer answer) {
    {
        std::lock_guard lock(mutex_);
        if (closed_ || holders_.size() >= limits_.max_held) return false;
        holders_.push_back({episode, std::move(digest), seen, Clock::now() + limits_.hold, std::move(render), std::move(answer)});
        if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
    }
    wake_.notify_one();
    return true;
}

std::size_t ProgressWatch::held() const {
    std::lock_guard lock(mutex_);
    return holders_.size();
}

void ProgressWatch::close() {
    std::list<Holder> left;
    std::thread thread;
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        left.swap(holders_);
        thread.swap(thread_);
    }
    wake_.notify_one();
    if (thread.joinable()) thread.join();
    for (auto& h : left) h.answer(std::nullopt);
}

void ProgressWatch::loop() {
    std::unique_lock lock(mutex_);
    while (!closed_) {
        answer_expired(lock);
        if (closed_) break;
        auto const now = Clock::now();
        bool stale = false;
        auto wake_at = Clock::time_point::max();
        for (auto const& h : holders_) {
            stale = stale || h.seen < commits_;
            wake_at = std::min(wake_at, h.until);
        }
        if (stale && now >= next_pass_) {
            rerender_stale(lock);
            next_pass_ = Clock::now() + limits_.settle;
            continue;
        }
        if (stale) wake_at = std::min(wake_at, next_pass_);
        if (wake_at == Clock::time_point::max()) wake_.wait(lock);
        else wake_.wait_until(lock, wake_at);
    }
}

// Holders whose time is over are answered "unchanged" (outside the lock: an answer posts to a
// connection's strand, or in tests fulfils a promise).
void ProgressWatch::answer_expired(std::unique_lock<std::mutex>& lock) {
    auto const now = Clock::now();
    std::vector<Answer> due;
    for (auto it = holders_.begin(); it != holders_.end();) {
        if (it->until > now) {
            ++it;
            continue;
        }
        due.push_back(std::move(it->answer));
        it = holders_.erase(it);
    }
    if (due.empty()) return;
    lock.unlock();
    for (auto& answer : due) answer(std::nullopt);
    lock.lock();
}

// One render per watched episode for all commits seen so far; holders whose digest it no longer
// matches get the new section, the others wait on from this commit count.
void ProgressWatch::rerender_stale(std::unique_lock<std::mutex>& lock) {
    std::uint64_t const upto = commits_;
    std::map<std::int64_t, Render> episodes;
    for (auto const& h : holders_)
        if (h.seen < upto) episodes.emplace(h.episode, h.render);
    lock.unlock();
    std::map<std::int64_t, std::optional<std::string>> sections;
    for (auto const& [episode, render] : episodes) {
        try {
            sections[episode] = render(episode);
        } catch (...) {  // unreadable now (storage busy): its holders wait for the next commit
            sections[episode] = std::nullopt;
        }
    }
    lock.lock();
    std::vector<std::pair<Answer, std::string>> changed;
    for (auto it = holders_.begin(); it != holders_.end();) {
        auto const section = sections.find(it->episode);
        if (it->seen >= upto || section == sections.end()) {
            ++it;
            continue;
        }
        if (!section->second || progress_digest(*section->second) == it->digest) {
            it->seen = upto;
            ++it;
            continue;
        }
        changed.emplace_back(std::move(it->answer), *section->second);
        it = holders_.erase(it);
    }
    if (changed.empty()) return;
    lock.unlock();
    for (auto& [answer, html] : changed) answer(std::move(html));
    lock.lock();
}

}  // namespace hazeguard::api
