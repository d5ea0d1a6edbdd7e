#pragma once
/// @file timeline_chain.hpp
/// @brief The timeline's hash chain, pure: each row's hash is SHA-256 over the previous row's hash
/// and an unambiguous encoding of every column of the row. Storage reads and writes the rows
/// (engine/storage/timeline_store.*); this file only computes and checks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hazeguard::engine {

/// @brief One timeline row, every column the chain covers (the hash columns excepted).
struct TimelineRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> episode_id;
    std::string ref;
    std::int64_t at = 0;
    std::string kind;
    std::string actor;
    std::string summary_cn;
    std::string detail;  ///< the stored JSON text, byte for byte
    std::string plan_version;
};

/// @brief The previous hash of the first row.
inline constexpr std::string_view kChainGenesis = "";

/// @brief The bytes that are hashed: a version tag, then `prev_hash` and each column as a netstring
/// ("<byte count>:<bytes>,"); a NULL episode is "~", which no netstring starts with.
std::string timeline_canonical(std::string_view prev_hash, TimelineRecord const& row);

/// @brief Lower-case hex SHA-256 of timeline_canonical().
std::string timeline_hash(std::string_view prev_hash, TimelineRecord const& row);

/// @brief What is wrong at the first row that does not verify.
enum class ChainFault {
    id_gap,         ///< ids are not consecutive from 1: rows before this one were deleted
    chain_break,    ///< the row's prev_hash is not the previous row's hash: rows were inserted,
                    ///< deleted or re-hashed before it
    hash_mismatch,  ///< the row's columns do not give its stored hash (or it has none): it was edited
};

char const* fault_name(ChainFault f);

struct ChainFinding {
    std::int64_t id = 0;  ///< the row where the walk stopped
    ChainFault fault = ChainFault::hash_mismatch;
    std::string detail;
};

/// @brief Walks the chain one row at a time, in id order, in constant memory.
class TimelineChainVerifier {
public:
    /// @brief Checks the next row against the rows before it. Returns the fault, if any; after a
    /// fault the walk is over (later rows are not checked).
    std::optional<ChainFinding> add(TimelineRecord const& row, std::optional<std::string> const& prev_hash,
                                    std::optional<std::string> const& hash);
    std::int64_t rows() const { return rows_; }
    /// @brief The last verified row's hash (empty before the first row).
    std::string const& head() const { return head_; }
    /// @brief A head hash recorded earlier (e.g. from the server's log): the walk notes the row
    /// that carries it. Rows appended since are fine; its absence means rows up to it are gone.
    void expect_head(std::string h) { expected_ = std::move(h); }
    /// @brief The id of the row whose hash is the expected head, once the walk has passed it.
    std::optional<std::int64_t> expected_head_at() const { return expected_at_; }

private:
    std::int64_t rows_ = 0;
    std::int64_t last_id_ = 0;
    std::string head_;
    std::string expected_;
    std::optional<std::int64_t> expected_at_;
};

}  // namespace hazeguard::engine
