#pragma once
/// @file charts_svg.hpp
/// @brief The SVG writer behind charts.hpp: elements, escaping, number format, legend and frame.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hazeguard::engine::report::svg {

/// @brief & < > " ' as XML entities.
std::string xml_escape(std::string_view text);

/// @brief A coordinate with one decimal ("79.2"), never "-0.0".
std::string num(double value);

/// @brief Rough rendered width of a label: CJK characters 1 em, others 0.6 em.
double text_width(std::string_view text, double font_size);

using Point = std::pair<double, double>;

/// @brief Appends SVG elements to a document. Attribute strings are written as given (callers pass
/// constants of their own); every text content goes through xml_escape.
class Writer {
public:
    /// @brief Opens the <svg> element (chart viewBox, width 100 %, role="img") with its <title>.
    explicit Writer(std::string_view title);
    void open_group(std::string_view attributes);
    void close_group();
    void rect(double x, double y, double width, double height, std::string_view attributes);
    void line(Point from, Point to, std::string_view attributes);
    /// @brief Nothing for fewer than two points.
    void polyline(std::vector<Point> const& points, std::string_view attributes);
    void circle(Point centre, double radius, std::string_view attributes);
    void text(Point at, std::string_view content, std::string_view attributes);
    /// @brief Closes the <svg> element and hands the document over.
    std::string finish() &&;

private:
    std::string out_;
};

enum class Symbol { line, line_with_dot, dashed_line, thin_line, swatch, none };

/// @brief One legend entry: a symbol drawn in `colour`, then the text.
struct LegendItem {
    Symbol symbol = Symbol::none;
    std::string colour;
    std::string text;
};

/// @brief Lays the legend out left to right above the plot area, wrapping onto further rows.
void draw_legend(Writer& svg, std::vector<LegendItem> const& items);

/// @brief A light outline of the plot area and its left and bottom axis lines.
void draw_frame(Writer& svg);

/// @brief An axis title written bottom-to-top left of the plot area.
void draw_vertical_title(Writer& svg, std::string_view title);

/// @brief Horizontal axis label for `x` below the plot area.
void draw_bottom_label(Writer& svg, double x, std::string_view label);

/// @brief Vertical axis label for `y` left of the plot area.
void draw_left_label(Writer& svg, double y, std::string_view label);

/// @brief Colours shared by the charts.
inline constexpr char const* kAxisColour = "#333333";
inline constexpr char const* kGridColour = "#e3e3e3";

}  // namespace hazeguard::engine::report::svg
