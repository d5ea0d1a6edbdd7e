// The roster of notice recipients: read and checked in one pass, every fault reported with its
// JSON pointer (docs/roster-format.md).
#include "plans/roster.hpp"

#include <algorithm>
#include <set>

namespace hazeguard::plans {
using nlohmann::json;

namespace {

constexpr std::size_t kMaxRecipients = 2000;
constexpr std::size_t kMaxContacts = 20;

class RosterReader {
public:
    explicit RosterReader(std::vector<std::string> const& districts) : districts_(districts) {}

    std::variant<Roster, std::vector<RosterProblem>> read(json const& doc) {
        Roster roster;
        if (!doc.is_object()) return std::vector<RosterProblem>{{"", "must be a JSON object"}};
        only(doc, "", {"title", "sample", "recipients"});
        roster.title = text(doc, "", "title", true, 100);
        if (auto it = doc.find("sample"); it != doc.end()) {
            if (!it->is_boolean()) fault("/sample", "must be true or false");
            else roster.sample = it->get<bool>();
        }
        auto const it = doc.find("recipients");
        if (it == doc.end() || !it->is_array() || it->empty()) {
            fault("/recipients", "must be a non-empty array");
        } else if (it->size() > kMaxRecipients) {
            fault("/recipients", "may hold at most " + std::to_string(kMaxRecipients) + " recipients");
        } else {
            for (std::size_t i = 0; i < it->size(); ++i)
                roster.recipients.push_back(recipient((*it)[i], "/recipients/" + std::to_string(i)));
        }
        if (!problems_.empty()) return problems_;
        return roster;
    }

private:
    void fault(std::string pointer, std::string message) { problems_.push_back({std::move(pointer), std::move(message)}); }

    void only(json const& object, std::string const& at, std::initializer_list<char const*> keys) {
        for (auto const& item : object.items()) {
            std::string const& key = item.key();
            if (std::none_of(keys.begin(), keys.end(), [&](char const* k) { return key == k; }))
                fault(at + "/" + key, "is not a field of the roster");
        }
    }

    std::string text(json const& object, std::string const& at, char const* key, bool required, std::size_t max_chars) {
        auto const it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) fault(at + "/" + key, "is required");
            return {};
        }
        if (!it->is_string()) {
            fault(at + "/" + key, "must be a string");
            return {};
        }
        auto value = it->get<std::string>();
        if (required && value.empty()) fault(at + "/" + key, "must not be empty");
        if (value.size() > max_chars * 3) fault(at + "/" + key, "is longer than " + std::to_string(max_chars) + " characters");
        return value;
    }

    RosterRecipient recipient(json const& r, std::string const& at) {
        RosterRecipient out;
        if (!r.is_object()) {
            fault(at, "must be an object");
            return out;
        }
        only(r, at, {"id", "name", "kind", "district", "receives", "contacts"});
        out.id = text(r, at, "id", true, 40);
        if (!out.id.empty() && !std::all_of(out.id.begin(), out.id.end(), [](unsigned char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            }))
            fault(at + "/id", "may hold only a-z, 0-9 and '-'");
        else if (!out.id.empty() && !ids_.insert(out.id).second)
            fault(at + "/id", "is used by another recipient");
        out.name = text(r, at, "name", true, 60);
        out.kind = text(r, at, "kind", true, 20);
        if (!out.kind.empty() && out.kind != "district" && out.kind != "park" && out.kind != "department")
            fault(at + "/kind", "must be district, park or department");
        auto district = text(r, at, "district", false, 60);
        if (!district.empty()) {
            if (std::find(districts_.begin(), districts_.end(), district) == districts_.end())
                fault(at + "/district", "is not a district of the plan");
            out.district = district;
        } else if (out.kind == "district" || out.kind == "park") {
            fault(at + "/district", "is required for a " + out.kind + " (the plan's district it answers for)");
        }
        read_receives(r, at, out);
        read_contacts(r, at, out);
        return out;
    }

    void read_receives(json const& r, std::string const& at, RosterRecipient& out) {
        auto const it = r.find("receives");
        if (it == r.end() || !it->is_array() || it->empty()) {
            fault(at + "/receives", "must list what it receives: notices, escalations");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto const& v = (*it)[i];
            std::string const what = v.is_string() ? v.get<std::string>() : "";
            if (what == "notices") out.notices = true;
            else if (what == "escalations") out.escalations = true;
            else fault(at + "/receives/" + std::to_string(i), "must be notices or escalations");
        }
        if (out.escalations && !out.district)
            fault(at + "/receives", "escalations go to a district's recipients only: name its district");
    }

    void read_contacts(json const& r, std::string const& at, RosterRecipient& out) {
        auto const it = r.find("contacts");
        if (it == r.end()) return;  // a recipient reached only by its system's webhook
        if (!it->is_array() || it->size() > kMaxContacts) {
            fault(at + "/contacts", "must be an array of at most " + std::to_string(kMaxContacts) + " contacts");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto const& c = (*it)[i];
            std::string const here = at + "/contacts/" + std::to_string(i);
            if (!c.is_object()) {
                fault(here, "must be an object");
                continue;
            }
            only(c, here, {"name", "title", "mobile", "phone"});
            RosterContact contact{text(c, here, "name", true, 30), text(c, here, "title", false, 30),
                                  text(c, here, "mobile", false, 11), text(c, here, "phone", false, 30)};
            if (!contact.mobile.empty() && !is_mainland_mobile(contact.mobile))
                fault(here + "/mobile", "must be a mainland mobile number (11 digits, 13…–19…)");
            out.contacts.push_back(std::move(contact));
        }
    }

    std::vector<std::string> const& districts_;
    std::vector<RosterProblem> problems_;
    std::set<std::string> ids_;
};

}  // namespace

RosterRecipient const* Roster::find(std::string_view id) const {
    auto const it = std::find_if(recipients.begin(), recipients.end(), [&](auto const& r) { return r.id == id; });
    return it == recipients.end() ? nullptr : &*it;
}

bool is_mainland_mobile(std::string_view n) {
    return n.size() == 11 && n[0] == '1' && n[1] >= '3' && n[1] <= '9' &&
           std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::variant<Roster, std::vector<RosterProblem>> parse_roster(json const& doc, std::vector<std::string> const& districts) {
    return RosterReader(districts).read(doc);
}

json to_json(Roster const& roster) {
    json recipients = json::array();
    for (auto const& r : roster.recipients) {
        json receives = json::array();
        if (r.notices) receives.push_back("notices");
        if (r.escalations) receives.push_back("escalations");
        json contacts = json::array();
        for (auto const& c : r.contacts) {
            json contact{{"name", c.name}};
            if (!c.title.empty()) contact["title"] = c.title;
            if (!c.mobile.empty()) contact["mobile"] = c.mobile;
            if (!c.phone.empty()) contact["phone"] = c.phone;
            contacts.push_back(std::move(contact));
        }
        json entry{{"id", r.id}, {"name", r.name}, {"kind", r.kind}, {"receives", receives}, {"contacts", contacts}};
        if (r.district) entry["district"] = *r.district;
        recipients.push_back(std::move(entry));
    }
    json doc{{"title", roster.title}, {"recipients", recipients}};
    if (roster.sample) doc["sample"] = true;
    return doc;
}

}  // namespace hazeguard::plans
