#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

EnterpriseList const& sample_enterprises() {
    static EnterpriseList const list = [] {
        std::vector<ListProblem> problems;
        std::string city;
        EnterpriseList parsed;
        try {
            parsed = read_list_document(nlohmann::json::parse(embedded_sample_list()), problems, city);
        } catch (nlohmann::json::exception const& e) {
            problems.push_back({0, "", e.what()});
        }
        // The file is compiled in and covered by tests; a broken build artefact is a programming error.
        if (!problems.empty()) {
            std::fprintf(stderr, "embedded sample list: %s: %s\n", problems.front().pointer.c_str(),
                         problems.front().message.c_str());
            std::abort();
        }
        return parsed;
    }();
    return list;
}

}  // namespace hazeguard::engine::detail
