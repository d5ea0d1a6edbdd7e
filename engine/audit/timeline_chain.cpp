#include "engine/audit/timeline_chain.hpp"

#include "engine/util/sha256.hpp"

namespace hazeguard::engine {
namespace {

void netstring(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

}  // namespace

std::string timeline_canonical(std::string_view prev_hash, TimelineRecord const& row) {
    // Versioned so that a later change of the encoding can be told apart from tampering.
    std::string out = "hazeguard-timeline-v1\n";
    out.reserve(out.size() + prev_hash.size() + row.ref.size() + row.kind.size() + row.actor.size() +
                row.summary_cn.size() + row.detail.size() + row.plan_version.size() + 64);
    netstring(out, prev_hash);
    netstring(out, std::to_string(row.id));
    if (row.episode_id) netstring(out, std::to_string(*row.episode_id));
    else out += '~';
    netstring(out, row.ref);
    netstring(out, std::to_string(row.at));
    netstring(out, row.kind);
    netstring(out, row.actor);
    netstring(out, row.summary_cn);
    netstring(out, row.detail);
    netstring(out, row.plan_version);
    return out;
}

std::string timeline_hash(std::string_view prev_hash, TimelineRecord const& row) {
    return sha256_hex(timeline_canonical(prev_hash, row));
}

char const* fault_name(ChainFault f) {
    switch (f) {
        case ChainFault::id_gap: return "gap in ids";
        case ChainFault::chain_break: return "chain break";
        case ChainFault::hash_mismatch: return "hash mismatch";
    }
    return "unknown";
}

std::optional<ChainFinding> TimelineChainVerifier::add(TimelineRecord const& row,
                                                       std::optional<std::string> const& prev_hash,
                                                       std::optional<std::string> const& hash) {
    // Ids are consecutive: the writer never deletes a row, and a rolled-back insert frees its id
    // for the next one.
    if (row.id != last_id_ + 1) {
        auto const first = std::to_string(last_id_ + 1), last = std::to_string(row.id - 1);
        return ChainFinding{row.id, ChainFault::id_gap,
                            row.id <= last_id_        ? "id " + std::to_string(row.id) + " follows id " + std::to_string(last_id_)
                            : row.id == last_id_ + 2  ? "row " + first + " is missing"
                                                      : "rows " + first + "–" + last + " are missing"};
    }
    if (!prev_hash || *prev_hash != head_)
        return ChainFinding{row.id, ChainFault::chain_break,
                            "its prev_hash is not the hash of row " + std::to_string(last_id_)};
    if (!hash) return ChainFinding{row.id, ChainFault::hash_mismatch, "the row has no hash"};
    if (timeline_hash(*prev_hash, row) != *hash)
        return ChainFinding{row.id, ChainFault::hash_mismatch, "its columns do not give its stored hash"};
    ++rows_;
    last_id_ = row.id;
    head_ = *hash;
    if (!expected_.empty() && head_ == expected_) expected_at_ = row.id;
    return std::nullopt;
}

}  // namespace hazeguard::engine
