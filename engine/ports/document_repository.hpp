#pragma once
/// @file document_repository.hpp
/// @brief Port: the documents (公文) signed proposals are published as — each with its number,
/// unique in its series and period (发文字号 "X〔2026〕3号"; 调度令 "第3号" per season), assigned
/// in the signing transaction.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

struct DocumentRecord {
    std::int64_t id = 0;     ///< assigned by add()
    std::string series;      ///< "notice" (通知) or "dispatch" (调度令)
    std::string period;      ///< the numbering period: "2026", or the season "2026—2027"
    int serial = 0;          ///< 1, 2, … within (series, period)
    std::string ref;         ///< what it publishes: "proposal:3" (one document per ref)
    std::string number_cn;   ///< as printed: "并环委办发〔2026〕3号", "第3号"
    engine::Instant issued_at = 0;
    std::string body;        ///< the document's JSON (engine/service/documents/notice_document.hpp)
};

class DocumentRepository {
public:
    virtual ~DocumentRepository() = default;
    /// @brief The serial the next document of (series, period) gets: one more than the highest.
    virtual int next_serial(std::string const& series, std::string const& period) = 0;
    /// @brief Stores a document; a second document with the same (series, period, serial) or the
    /// same ref violates a constraint (errc conflict), so a number is never given twice.
    virtual std::int64_t add(DocumentRecord const& document) = 0;
    virtual std::optional<DocumentRecord> find_by_ref(std::string const& ref) = 0;
    /// @brief The most recent document of a series (highest id), if any.
    virtual std::optional<DocumentRecord> latest(std::string const& series) = 0;
};

}  // namespace hazeguard::ports
