#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

EnterpriseList const& sample_enterprises() {
    static EnterpriseList const list = [] {
        auto parsed = read_list_shape(embedded_sample_list());
        auto const& problems = parsed.problems;
        // The file is compiled in and covered by tests; a broken build artefact is a programming error.
        if (!problems.empty()) {
            std::fprintf(stderr, "embedded sample list: %s: %s\n", problems.front().pointer.c_str(),
                         problems.front().message.c_str());
            std::abort();
        }
        return std::move(parsed.list);
    }();
    return list;
}

}  // namespace hazeguard::engine::detail
