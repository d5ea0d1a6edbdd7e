#include "engine/service/warnings/wording.hpp"

namespace hazeguard::service {

std::string action_cn(std::string const& action) {
    if (action == "issue") return "发布";
    if (action == "upgrade") return "升级为";
    if (action == "downgrade") return "降级为";
    if (action == "extend") return "延长";
    if (action == "lift") return "解除";
    return action;
}

std::string sector_cn(std::string const& sector) {
    if (sector == "health") return "健康防护引导措施";
    if (sector == "advocacy") return "倡议性减排措施";
    if (sector == "industrial") return "强制性减排措施（工业源）";
    if (sector == "mobile") return "强制性减排措施（移动源）";
    if (sector == "dust") return "强制性减排措施（扬尘源）";
    return "其他措施";
}

}  // namespace hazeguard::service
