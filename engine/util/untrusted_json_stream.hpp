#pragma once
/// @file untrusted_json_stream.hpp
/// @brief Reading an untrusted JSON document as SAX events (nlohmann's json_sax) instead of a
/// parse tree, from a file a chunk at a time or from text already in memory, so a large document
/// is never held as a tree. Failures are parse_untrusted_json's: one JsonInputError, safe to show
/// a client, and nesting bounded.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/util/untrusted_json.hpp"

namespace hazeguard::engine {

/// @brief The bytes of a JSON document for the parser: a whole text, or a stream read in chunks.
class JsonSource {
public:
    /// @brief A document already in memory (a request body); `text` must outlive the source.
    explicit JsonSource(std::string_view text) : chunk_(text), whole_(true) {}
    /// @brief A document read a chunk at a time (a file); `in` must outlive the source.
    explicit JsonSource(std::istream& in);

    /// @brief Bytes handed to the parser so far (a progress display's measure).
    std::size_t bytes_read() const { return before_ + pos_; }
    /// @brief The whole text, when the document was given in memory.
    std::string_view whole_text() const { return whole_ ? chunk_ : std::string_view(); }
    bool in_memory() const { return whole_; }

    /// @brief The next unread bytes, as many as are at hand (at most a chunk), counted as read;
    /// empty at the end. Valid until the next take() or next().
    std::string_view take();
    /// @brief Back to the first byte, to read the document again (a refused document's second
    /// reading); false when the stream cannot seek.
    bool rewind();

    /// @brief The next byte for the parser, or end of file (an input adapter's get_character).
    std::char_traits<char>::int_type next() {
        if (pos_ == chunk_.size() && (refill(), pos_ == chunk_.size())) return std::char_traits<char>::eof();
        return std::char_traits<char>::to_int_type(chunk_[pos_++]);
    }

private:
    void refill();  // the next chunk of the stream; an empty chunk at its end
    std::istream* in_ = nullptr;
    std::string buffer_;
    std::string_view chunk_;
    std::size_t pos_ = 0;
    std::size_t before_ = 0;  // bytes of the chunks before this one
    std::streamoff start_ = 0;  // the stream's position at the document's first byte
    bool whole_ = false;
};

/// @brief Feeds `source` to `sax`. Throws JsonInputError, with parse_untrusted_json's reasons, for
/// malformed JSON, invalid UTF-8, a number outside a double's range, or nesting deeper than
/// `max_depth`; `sax` has then seen the events of the part before the fault. A text in memory is
/// checked for nesting before anything is parsed, as parse_untrusted_json does; a stream is
/// checked as it goes (the same limit and byte, but a syntax error earlier in the stream wins).
void sax_parse_untrusted(JsonSource& source, nlohmann::json_sax<nlohmann::json>& sax, int max_depth = kMaxJsonDepth);

}  // namespace hazeguard::engine
