#pragma once
/// @file cap_check.hpp
/// @brief Checks a CAP 1.2 alert or an Atom feed from the outside, with xmllint (libxml2-utils):
/// the alert against the OASIS schema in tests/fixtures/cap/, the feed for well-formedness; and
/// reads elements out of them for assertions. Header-only: used by the API and integration tests.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace hazeguard::test {

/// @brief xmllint's verdict on `xml`: "" when it is valid against the CAP 1.2 schema (with
/// `cap_schema`) or well formed (without), else xmllint's messages. --nonet: nothing is fetched.
inline std::string xmllint(std::string const& xml, bool cap_schema) {
    static int counter = 0;
    auto const file = std::filesystem::temp_directory_path() /
                      ("hg-cap-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xml");
    std::ofstream(file) << xml;
    std::string const cmd = std::string("xmllint --noout --nonet ") +
                            (cap_schema ? "--schema " HG_SOURCE_DIR "/tests/fixtures/cap/CAP-v1.2.xsd " : "") +
                            file.string() + " 2>&1";
    std::string out;
    int status = -1;
    if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, pipe)) out += buf;
        status = ::pclose(pipe);
    }
    std::filesystem::remove(file);
    return status == 0 ? "" : "xmllint failed (" + std::to_string(status) + "): " + out;
}

/// @brief The text of the first <tag>…</tag> in `xml`, or "".
inline std::string xml_element(std::string const& xml, std::string const& tag) {
    auto const open = xml.find("<" + tag + ">");
    if (open == std::string::npos) return "";
    auto const from = open + tag.size() + 2;
    return xml.substr(from, xml.find("</" + tag + ">", from) - from);
}

/// @brief The alert identifiers an Atom feed of hazeguard lists, in its order (newest first).
inline std::vector<std::string> feed_identifiers(std::string const& feed) {
    std::vector<std::string> ids;
    std::string const marker = "/v1/public/alerts/";
    for (auto i = feed.find("<entry>"); i != std::string::npos; i = feed.find("<entry>", i + 1)) {
        auto const url = xml_element(feed.substr(i), "id");
        if (auto const m = url.find(marker); m != std::string::npos) ids.push_back(url.substr(m + marker.size()));
    }
    return ids;
}

}  // namespace hazeguard::test
