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

std::string action_name_cn(std::string const& action) {
    if (action == "issue") return "发布预警";
    if (action == "upgrade") return "预警升级";
    if (action == "downgrade") return "预警降级";
    if (action == "extend") return "延长预警";
    if (action == "lift") return "解除预警";
    return action;
}

std::string transition_cn(std::string const& action) {
    if (action == "planned_end") return "预警到期结束";
    if (action == "directive_start") return "区域预警指令开始";
    if (action == "directive_end") return "区域预警指令结束";
    return action_name_cn(action);
}

std::string sector_cn(std::string const& sector) {
    if (sector == "health") return "健康防护引导措施";
    if (sector == "advocacy") return "倡议性减排措施";
    if (sector == "industrial") return "强制性减排措施（工业源）";
    if (sector == "mobile") return "强制性减排措施（移动源）";
    if (sector == "dust") return "强制性减排措施（扬尘源）";
    return "其他措施";
}

std::string forecast_issuer_cn(std::string const& issuer) {
    if (issuer == "joint") return "省、市专家组联合会商";
    if (issuer == "city") return "市生态环境、气象部门会商";
    if (issuer == "province" || issuer == "shanxi") return "省级会商";
    if (issuer == "CNEMC") return "中国环境监测总站预报";
    return issuer;
}

std::string pollutant_cn(std::string const& pollutant) {
    if (pollutant == "O3") return "臭氧";
    if (pollutant == "dust") return "沙尘";
    if (pollutant == "fireworks") return "烟花爆竹燃放";
    return pollutant;
}

}  // namespace hazeguard::service
