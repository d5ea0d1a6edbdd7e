#include "engine/domain/words_cn.hpp"

#include "engine/domain/ref.hpp"

namespace hazeguard::engine {

std::string ref_cn(std::string_view text) {
    auto const ref = parse_ref(text);
    if (!ref) return std::string(text);
    auto const n = std::to_string(ref->id);
    switch (ref->kind) {
        case Ref::Kind::proposal: return "第" + n + "号审批单";
        case Ref::Kind::batch: return "第" + n + "批指令";
        case Ref::Kind::forecast: return "第" + n + "次会商预报";
        case Ref::Kind::directive: return "第" + n + "号区域预警指令";
        case Ref::Kind::episode: return "第" + n + "号过程";
        case Ref::Kind::order: return "第" + n + "号指令";
        case Ref::Kind::warning: return "预警状态";
    }
    return std::string(text);
}

std::string directive_issuer_cn(std::string const& issuer) {
    if (issuer == "MEE") return "生态环境部";
    if (issuer == "shanxi") return "山西省";
    if (issuer == "fenwei_office") return "汾渭平原大气污染防治协作小组办公室";
    return issuer;
}

std::string actor_cn(std::string const& actor) { return actor == "system" ? "系统（自动）" : actor; }

}  // namespace hazeguard::engine
