#pragma once
/// @file xml_check.hpp
/// @brief A tiny XML well-formedness check for the generated SVG: balanced tags, quoted
/// attributes, no raw '<' or '&' outside markup and entities.

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hazeguard::report_html::test {

namespace detail {
inline bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == ':' || c == '.';
}

/// Checks the entity starting at text[at] ('&'); returns its length or 0 when invalid.
inline std::size_t entity_length(std::string_view text, std::size_t at) {
    for (std::string_view named : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
        if (text.substr(at, named.size()) == named) return named.size();
    }
    if (text.substr(at, 2) != "&#") return 0;
    std::size_t const end = text.find(';', at);
    return end == std::string_view::npos || end == at + 2 ? 0 : end - at + 1;
}

inline std::string check_text(std::string_view text, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
        if (text[i] == '&' && entity_length(text, i) == 0) return "bad entity at " + std::to_string(i);
    }
    return {};
}
}  // namespace detail

/// @brief "" when `xml` is one well-formed element (a document without prolog), else the first problem.
inline std::string xml_problem(std::string_view xml) {
    if (xml.empty() || xml.front() != '<') return "the document does not start with its root element";
    std::vector<std::string> open;
    std::size_t i = 0;
    bool root_closed = false;
    while (i < xml.size()) {
        std::size_t const lt = xml.find('<', i);
        if (auto problem = detail::check_text(xml, i, lt == std::string_view::npos ? xml.size() : lt); !problem.empty()) return problem;
        if (lt == std::string_view::npos) break;
        if (root_closed) return "content after the root element at " + std::to_string(lt);
        bool const closing = lt + 1 < xml.size() && xml[lt + 1] == '/';
        std::size_t p = lt + (closing ? 2 : 1);
        std::size_t const name_start = p;
        while (p < xml.size() && detail::is_name_char(xml[p])) ++p;
        std::string const name(xml.substr(name_start, p - name_start));
        if (name.empty()) return "tag without a name at " + std::to_string(lt);
        if (closing) {
            if (open.empty() || open.back() != name) return "unexpected </" + name + "> at " + std::to_string(lt);
            if (p >= xml.size() || xml[p] != '>') return "bad closing tag at " + std::to_string(lt);
            open.pop_back();
            root_closed = open.empty();
            i = p + 1;
            continue;
        }
        std::vector<std::string> attributes;
        while (true) {
            while (p < xml.size() && xml[p] == ' ') ++p;
            if (p >= xml.size()) return "unterminated tag <" + name;
            if (xml[p] == '>' || xml.substr(p, 2) == "/>") break;
            std::size_t const attribute_start = p;
            while (p < xml.size() && detail::is_name_char(xml[p])) ++p;
            std::string const attribute(xml.substr(attribute_start, p - attribute_start));
            if (attribute.empty() || p + 1 >= xml.size() || xml[p] != '=' || (xml[p + 1] != '"' && xml[p + 1] != '\'')) {
                return "bad attribute in <" + name + "> at " + std::to_string(p);
            }
            for (auto const& seen : attributes) {
                if (seen == attribute) return "duplicate attribute " + attribute + " in <" + name + ">";
            }
            attributes.push_back(attribute);
            char const quote = xml[p + 1];
            std::size_t const value_end = xml.find(quote, p + 2);
            if (value_end == std::string_view::npos) return "unterminated attribute value in <" + name + ">";
            if (xml.substr(p + 2, value_end - p - 2).find('<') != std::string_view::npos) return "'<' in an attribute of <" + name + ">";
            if (auto problem = detail::check_text(xml, p + 2, value_end); !problem.empty()) return problem;
            p = value_end + 1;
        }
        bool const self_closing = xml[p] == '/';
        i = p + (self_closing ? 2 : 1);
        if (self_closing) {
            root_closed = open.empty();
        } else {
            open.push_back(name);
        }
    }
    if (!open.empty()) return "unclosed <" + open.back() + ">";
    return root_closed ? std::string() : std::string("no root element");
}

/// @brief How often `fragment` occurs in `text`.
inline std::size_t occurrences(std::string_view text, std::string_view fragment) {
    std::size_t count = 0;
    for (std::size_t at = text.find(fragment); at != std::string_view::npos; at = text.find(fragment, at + fragment.size())) ++count;
    return count;
}

}  // namespace hazeguard::report_html::test
