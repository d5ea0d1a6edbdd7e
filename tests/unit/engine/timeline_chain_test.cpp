// engine/audit/timeline_chain.*: the encoding is unambiguous, and the verifier names the first
// edited, deleted or re-linked row.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/audit/timeline_chain.hpp"

namespace hazeguard::engine {
namespace {

TimelineRecord row(std::int64_t id, std::string summary = "预警发布") {
    return {id, 1, "proposal:" + std::to_string(id), 1797213600 + id, "transition", "副市长李明", std::move(summary),
            R"({"to":"yellow"})", "2024.1"};
}

struct Stored {
    TimelineRecord r;
    std::optional<std::string> prev, hash;
};

// A correctly chained table of `n` rows.
std::vector<Stored> chain(int n) {
    std::vector<Stored> out;
    std::string prev(kChainGenesis);
    for (int i = 1; i <= n; ++i) {
        auto r = row(i);
        auto h = timeline_hash(prev, r);
        out.push_back({r, prev, h});
        prev = h;
    }
    return out;
}

std::optional<ChainFinding> walk(std::vector<Stored> const& rows, TimelineChainVerifier& v) {
    for (auto const& s : rows)
        if (auto f = v.add(s.r, s.prev, s.hash)) return f;
    return std::nullopt;
}

TEST_CASE("the hash is fixed by the format: a changed encoding shows up here first", "[engine][audit]") {
    CHECK(timeline_canonical("", row(1)) ==
          "hazeguard-timeline-v1\n0:,1:1,1:1,10:proposal:1,10:1797213601,10:transition,15:副市长李明,12:预警发布,"
          "15:{\"to\":\"yellow\"},6:2024.1,");
    CHECK(timeline_hash("", row(1)) == timeline_hash("", row(1)));
    CHECK(timeline_hash("", row(1)).size() == 64);
}

TEST_CASE("fields cannot trade bytes, and a missing episode is not episode 0", "[engine][audit]") {
    auto a = row(1), b = row(1);
    a.actor = "ab";
    a.summary_cn = "c";
    b.actor = "a";
    b.summary_cn = "bc";
    CHECK(timeline_hash("", a) != timeline_hash("", b));
    auto none = row(1), zero = row(1);
    none.episode_id.reset();
    zero.episode_id = 0;
    CHECK(timeline_hash("", none) != timeline_hash("", zero));
    CHECK(timeline_hash("x", row(1)) != timeline_hash("", row(1)));
}

TEST_CASE("an intact chain verifies and names its head", "[engine][audit]") {
    auto const rows = chain(5);
    TimelineChainVerifier v;
    CHECK_FALSE(walk(rows, v));
    CHECK(v.rows() == 5);
    CHECK(v.head() == *rows.back().hash);
    TimelineChainVerifier empty;
    CHECK(empty.rows() == 0);
    CHECK(empty.head().empty());
}

TEST_CASE("each kind of change is found at the first row it touches", "[engine][audit]") {
    auto rows = chain(6);
    TimelineChainVerifier v;
    std::optional<ChainFinding> f;
    SECTION("an edited column") {
        rows[2].r.summary_cn = "预警解除";
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 3);
        CHECK(f->fault == ChainFault::hash_mismatch);
        CHECK(v.rows() == 2);
    }
    SECTION("an edited row whose hash was recomputed breaks the next link") {
        rows[2].r.summary_cn = "预警解除";
        rows[2].hash = timeline_hash(*rows[2].prev, rows[2].r);
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 4);
        CHECK(f->fault == ChainFault::chain_break);
    }
    SECTION("a deleted row in the middle") {
        rows.erase(rows.begin() + 2);
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 4);
        CHECK(f->fault == ChainFault::id_gap);
        CHECK(f->detail == "row 3 is missing");
    }
    SECTION("the first row deleted") {
        rows.erase(rows.begin());
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 2);
        CHECK(f->fault == ChainFault::id_gap);
    }
    SECTION("a row without a hash (inserted by hand)") {
        rows[5].hash.reset();
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 6);
        CHECK(f->fault == ChainFault::hash_mismatch);
    }
    SECTION("a row renumbered into the gap its deletion left") {
        rows.erase(rows.begin() + 2);
        for (std::size_t i = 2; i < rows.size(); ++i) rows[i].r.id -= 1;
        f = walk(rows, v);
        REQUIRE(f);
        CHECK(f->id == 3);
        CHECK(f->fault == ChainFault::chain_break);
    }
    CHECK(std::string(fault_name(f->fault)).size() > 0);
}

TEST_CASE("a recorded head is found where it is, and missed when the rows up to it are gone", "[engine][audit]") {
    auto rows = chain(6);
    auto const recorded = *rows[3].hash;
    TimelineChainVerifier v;
    v.expect_head(recorded);
    SECTION("rows appended since are fine") {
        CHECK_FALSE(walk(rows, v));
        CHECK(v.expected_head_at() == 4);
    }
    SECTION("the tail deleted down to before the recorded head") {
        rows.resize(3);
        CHECK_FALSE(walk(rows, v));  // a shorter chain is still a chain
        CHECK_FALSE(v.expected_head_at());
    }
}

}  // namespace
}  // namespace hazeguard::engine
