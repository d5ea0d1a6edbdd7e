#include "engine/service/documents/document_page.hpp"

#include "templates/html_renderer.hpp"
#include "templates/renderer.hpp"

namespace hazeguard::service {
using nlohmann::json;

json notice_page(json const& d) {
    json paragraphs = json::array();
    auto const add = [&](json const& text, int heading) { paragraphs.push_back({{"text_cn", text}, {"heading", heading}}); };
    auto const add_items = [&](json const& items) {
        for (auto const& i : items) add(std::to_string(i.at("index").get<int>()) + "．" + i.at("text_cn").get<std::string>(), 0);
    };
    for (auto const& p : d.at("body_cn")) add(p, 0);
    for (auto const& section : d.at("sections")) {
        add(section.at("heading_cn"), 1);
        add_items(section.at("items"));
        for (auto const& sub : section.at("subsections")) {
            add(sub.at("heading_cn"), 2);
            add_items(sub.at("items"));
        }
    }
    add(d.at("closing_cn"), 0);
    json colophon = json::array();
    if (!d.at("copy_to_cn").is_null()) colophon.push_back("抄送：" + d.at("copy_to_cn").get<std::string>() + "。");
    colophon.push_back(d.at("printed_cn").get<std::string>() + "　　" + d.at("printed_date_cn").get<std::string>());
    return {{"drill", d.at("drill")},
            {"mark_cn", d.at("issuer_cn")},
            {"number_cn", d.at("number_line_cn")},
            {"title_cn", d.at("title_cn")},
            {"addressees_cn", d.at("addressees_cn")},
            {"paragraphs", paragraphs},
            {"signature", json::array({d.at("issuer_cn"), d.at("date_cn")})},
            {"note_cn", "（" + d.at("contact_cn").get<std::string>() + "）"},
            {"colophon", colophon}};
}

std::string page_text(json const& page) {
    // Lines rather than optional sections: an absent element leaves no blank line behind.
    json header = json::array();
    if (page.at("drill").get<bool>()) header.push_back("【演练】");
    header.push_back(page.at("mark_cn"));
    if (!page.at("number_cn").is_null()) header.push_back(page.at("number_cn"));
    json lines = json::array();
    for (auto const& p : page.at("paragraphs")) lines.push_back(p.at("text_cn"));
    json closing = page.at("signature");
    if (!page.at("note_cn").is_null()) {
        closing.push_back("");
        closing.push_back(page.at("note_cn"));
    }
    if (!page.at("colophon").empty()) closing.push_back("");
    for (auto const& c : page.at("colophon")) closing.push_back(c);
    return templates::render("documents/page", {{"header", header},
                                                {"title_cn", page.at("title_cn")},
                                                {"addressees_cn", page.at("addressees_cn")},
                                                {"lines", lines},
                                                {"closing_block", closing}});
}

std::string page_html(json const& page) {
    json data = page;
    data["has_colophon"] = !page.at("colophon").empty();
    for (auto& p : data["paragraphs"]) {
        int const heading = p.at("heading").get<int>();
        p["class"] = heading == 1 ? "para heading-1" : heading == 2 ? "para heading-2" : "para";
    }
    return templates::render_html("documents/page.html", data);
}

}  // namespace hazeguard::service
