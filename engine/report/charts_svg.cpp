#include "engine/report/charts_svg.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>

#include "engine/report/charts.hpp"

namespace hazeguard::engine::report::svg {
namespace {
constexpr char const* kFontFamily = "'Noto Sans CJK SC','WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif";
constexpr double kLegendFont = 12, kLegendSymbol = 22, kLegendGap = 16, kLegendRowHeight = 17;

std::string attr(std::string_view name, double value) { return " " + std::string(name) + "=\"" + num(value) + "\""; }
}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char const c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string num(double value) {
    std::array<char, 32> buf{};
    double const rounded = std::round(value * 10) / 10 + 0.0;
    auto const result = std::to_chars(buf.data(), buf.data() + buf.size(), rounded, std::chars_format::fixed, 1);
    return {buf.data(), result.ptr};
}

double text_width(std::string_view text, double font_size) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto const lead = static_cast<unsigned char>(text[i]);
        std::size_t const length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        width += (length >= 3 ? 1.0 : 0.6) * font_size;
        i += length;
    }
    return width;
}

Writer::Writer(std::string_view title) {
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kChartWidth) + " " + num(kChartHeight) +
            "\" width=\"100%\" role=\"img\" font-family=\"" + kFontFamily + "\" font-size=\"12\">";
    out_ += "<title>" + xml_escape(title) + "</title>";
}

void Writer::open_group(std::string_view attributes) { out_ += "<g " + std::string(attributes) + ">"; }

void Writer::close_group() { out_ += "</g>"; }

void Writer::rect(double x, double y, double width, double height, std::string_view attributes) {
    out_ += "<rect" + attr("x", x) + attr("y", y) + attr("width", width) + attr("height", height) + " " +
            std::string(attributes) + "/>";
}

void Writer::line(Point from, Point to, std::string_view attributes) {
    out_ += "<line" + attr("x1", from.first) + attr("y1", from.second) + attr("x2", to.first) + attr("y2", to.second) +
            " " + std::string(attributes) + "/>";
}

void Writer::polyline(std::vector<Point> const& points, std::string_view attributes) {
    if (points.size() < 2) return;
    out_ += "<polyline fill=\"none\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        out_ += (i ? " " : "") + num(points[i].first) + "," + num(points[i].second);
    }
    out_ += "\" " + std::string(attributes) + "/>";
}

void Writer::circle(Point centre, double radius, std::string_view attributes) {
    out_ += "<circle" + attr("cx", centre.first) + attr("cy", centre.second) + attr("r", radius) + " " +
            std::string(attributes) + "/>";
}

void Writer::text(Point at, std::string_view content, std::string_view attributes) {
    out_ += "<text" + attr("x", at.first) + attr("y", at.second) + " " + std::string(attributes) + ">" +
            xml_escape(content) + "</text>";
}

std::string Writer::finish() && { return std::move(out_) + "</svg>"; }

void draw_legend(Writer& svg, std::vector<LegendItem> const& items) {
    double x = kPlotArea.left, y = 16;
    svg.open_group("class=\"legend\"");
    for (auto const& item : items) {
        bool const has_symbol = item.symbol != Symbol::none;
        double const width = (has_symbol ? kLegendSymbol + 5 : 0) + text_width(item.text, kLegendFont);
        if (x + width > kChartWidth - 8 && x > kPlotArea.left) {
            x = kPlotArea.left;
            y += kLegendRowHeight;
        }
        std::string const stroke = "stroke=\"" + item.colour + "\"";
        Point const from{x, y - 4}, to{x + kLegendSymbol, y - 4};
        switch (item.symbol) {
            case Symbol::line: svg.line(from, to, stroke + " stroke-width=\"2\""); break;
            case Symbol::line_with_dot:
                svg.line(from, to, stroke + " stroke-width=\"2\"");
                svg.circle({x + kLegendSymbol / 2, y - 4}, 3, "fill=\"" + item.colour + "\"");
                break;
            case Symbol::dashed_line: svg.line(from, to, stroke + " stroke-width=\"2\" stroke-dasharray=\"5 3\""); break;
            case Symbol::thin_line: svg.line(from, to, stroke + " stroke-width=\"1\""); break;
            case Symbol::swatch:
                svg.rect(x + 3, y - 10, kLegendSymbol - 6, 11, "fill=\"" + item.colour + "\" fill-opacity=\"0.45\"");
                break;
            case Symbol::none: break;
        }
        svg.text({has_symbol ? x + kLegendSymbol + 5 : x, y}, item.text, "fill=\"#222222\"");
        x += width + kLegendGap;
    }
    svg.close_group();
}

void draw_frame(Writer& svg) {
    svg.rect(kPlotArea.left, kPlotArea.top, kPlotArea.width(), kPlotArea.height(),
             "fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"0.8\"");
    std::string const axis = std::string("stroke=\"") + kAxisColour + "\" stroke-width=\"1\"";
    svg.line({kPlotArea.left, kPlotArea.top}, {kPlotArea.left, kPlotArea.bottom}, axis);
    svg.line({kPlotArea.left, kPlotArea.bottom}, {kPlotArea.right, kPlotArea.bottom}, axis);
}

void draw_vertical_title(Writer& svg, std::string_view title) {
    double const y = (kPlotArea.top + kPlotArea.bottom) / 2;
    svg.text({16, y}, title, "text-anchor=\"middle\" fill=\"#444444\" transform=\"rotate(-90 16 " + num(y) + ")\"");
}

void draw_bottom_label(Writer& svg, double x, std::string_view label) {
    svg.line({x, kPlotArea.bottom}, {x, kPlotArea.bottom + 4}, std::string("stroke=\"") + kAxisColour + "\"");
    svg.text({x, kPlotArea.bottom + 17}, label, "text-anchor=\"middle\" fill=\"#333333\" font-size=\"11\"");
}

void draw_left_label(Writer& svg, double y, std::string_view label) {
    svg.line({kPlotArea.left - 4, y}, {kPlotArea.left, y}, std::string("stroke=\"") + kAxisColour + "\"");
    svg.text({kPlotArea.left - 7, y + 4}, label, "text-anchor=\"end\" fill=\"#333333\" font-size=\"11\"");
}

}  // namespace hazeguard::engine::report::svg
