#pragma once
/// @file documents_support.hpp
/// @brief Golden files of the documents (公文) the server writes: tests/golden/documents/NAME.txt
/// holds the full expected text. HG_UPDATE_GOLDEN=1 rewrites them from the actual text (read the
/// diff before committing it).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {

inline std::filesystem::path golden_path(std::string const& name) {
    return std::filesystem::path(HG_SOURCE_DIR) / "tests" / "golden" / "documents" / (name + ".txt");
}

/// @brief CHECKs that `actual` is the golden text `name` (or rewrites it with HG_UPDATE_GOLDEN=1).
inline void check_golden(std::string const& name, std::string const& actual) {
    auto const path = golden_path(name);
    if (std::getenv("HG_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("golden file " << path.string() << " (HG_UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(in.good());
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK(actual == expected.str());
}

/// @brief A forecast by the joint consultation, issued at `issued`, of daily central AQI values
/// from day `first` on (range ±15, primary pollutant PM2.5).
inline json joint_forecast(std::string const& issued, int first, std::vector<int> const& centrals) {
    json days = json::array();
    for (std::size_t i = 0; i < centrals.size(); ++i) {
        int const c = centrals[i];
        days.push_back(day(first + static_cast<int>(i), c, c - 15, c + 15));
    }
    return {{"issued_at", issued}, {"issuer", "joint"}, {"days", days}};
}

/// @brief Proposes `p` (with `forecast`, submitted first) and has `signer` sign it; returns the
/// signed proposal's view.
inline json signed_proposal(Api& api, json p, json const& forecast, std::string const& signer) {
    p["forecast_id"] = api.submit_forecast(forecast);
    auto const id = api.propose(p);
    auto const r = api.approve(id, signer);
    INFO(r.raw);
    REQUIRE(r.status == 200);
    return r.body;
}

}  // namespace hazeguard::api::test
