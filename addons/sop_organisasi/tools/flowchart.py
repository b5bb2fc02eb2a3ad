"""Flowchart of an SOP procedure: pure, deterministic layout and SVG drawing.

No ORM here: the caller passes plain data and gets geometry plus SVG markup.

Model (all lengths in millimetres):

* the procedure is a list of :class:`FlowStep` (kind, section, column, return
  index), in printing order; ``column`` is the index of the actor column
  within the step's section;
* each section has its own actor columns (:class:`FlowSection`);
* every step has one table row; the caller gives the height its texts need and
  the layout may make the row taller (symbol, connectors);
* rows are grouped into pages (a new page for every section, and whenever the
  height budget is used up; rows are never cut). Where the flow continues on
  another page, an off-page connector (pentagon) with a number ends the page
  and the same number starts the next one; a decision's "Tidak" arrow whose
  return step is on another page goes through a pair of connectors labelled
  with a letter.

The whole page is drawn in one coordinate system (x across the actor columns,
y down the rows); :meth:`FlowPage.cell_svg` returns the part of the drawing
that falls into one table cell (row x actor column), so that HTML table rows
and the drawing stay aligned whatever the table borders do.
"""

from dataclasses import dataclass
from dataclasses import field
from math import ceil

from markupsafe import escape

SYMBOL_KINDS = ("start", "process", "decision", "end")

MIN_ROW_HEIGHT = 18.0
CONNECTOR_SPACE = 10.0
CONNECTOR_W = 5.6
CONNECTOR_H = 5.6
STROKE = 0.3
ARROW_LEN = 1.6
ARROW_HALF = 0.8
FONT = 3.0
TURN_GAP = 2.6


@dataclass(frozen=True)
class FlowStep:
    kind: str
    column: int
    section: int = 0
    text: str = ""
    return_index: int | None = None
    min_height: float = MIN_ROW_HEIGHT
    code: str = ""


@dataclass(frozen=True)
class FlowSection:
    columns: int
    column_width: float


@dataclass
class Box:
    """The symbol of one step, in page coordinates."""

    kind: str
    column: int
    x: float
    y: float
    w: float
    h: float
    code: str = ""

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2

    @property
    def right(self):
        return self.x + self.w

    @property
    def bottom(self):
        return self.y + self.h


@dataclass
class Row:
    step_index: int
    y: float
    height: float
    top_extra: float = 0.0
    bottom_extra: float = 0.0


@dataclass
class Connector:
    """Off-page connector: a pentagon pointing down, with its label."""

    label: str
    x: float  # centre
    y: float  # top
    role: str  # "out" (flow leaves the page) or "in"
    w: float = CONNECTOR_W
    h: float = CONNECTOR_H


@dataclass
class Segment:
    """A drawn polyline on one page; ``head`` draws an arrowhead at its end."""

    page: int
    points: list
    head: bool = True


@dataclass
class Arrow:
    """A logical arrow between two steps: ``kind`` is "next" or "loop"."""

    kind: str
    src: int
    dst: int
    segments: list = field(default_factory=list)
    connector: str = ""


@dataclass
class FlowPage:
    index: int
    section: int
    width: float
    column_width: float
    columns: int
    rows: list = field(default_factory=list)
    symbols: dict = field(default_factory=dict)
    connectors: list = field(default_factory=list)
    segments: list = field(default_factory=list)
    labels: list = field(default_factory=list)  # (x, y, text, anchor)

    @property
    def height(self):
        return sum(row.height for row in self.rows)

    # ------------------------------------------------------------- drawing
    def _elements(self):
        """Yield (bbox, svg markup) of everything drawn on the page, in a stable order."""
        for index in sorted(self.symbols):
            box = self.symbols[index]
            yield (box.x, box.y, box.right, box.bottom), _symbol_svg(box)
        for conn in self.connectors:
            bbox = (conn.x - conn.w / 2, conn.y, conn.x + conn.w / 2, conn.y + conn.h)
            yield bbox, _connector_svg(conn)
        for seg in self.segments:
            for (x1, y1), (x2, y2) in zip(seg.points, seg.points[1:], strict=False):
                bbox = (min(x1, x2) - STROKE, min(y1, y2) - STROKE, max(x1, x2) + STROKE, max(y1, y2) + STROKE)
                yield bbox, f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}"/>'
            if seg.head:
                poly = _arrowhead(seg.points[-2], seg.points[-1])
                xs = [p[0] for p in poly]
                ys = [p[1] for p in poly]
                yield (min(xs), min(ys), max(xs), max(ys)), f'<polygon class="h" points="{_points(poly)}" fill="#000"/>'
        for x, y, text, anchor in self.labels:
            width = len(text) * FONT * 0.6
            x0 = x if anchor == "start" else x - width
            yield (
                (x0, y - FONT, x0 + width, y + 0.5),
                (
                    f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" stroke="none" fill="#000">{escape(text)}</text>'
                ),
            )

    def svg(self, numbered=False):
        """The whole page drawing (for previews and tests); ``numbered`` writes each step's number in
        its symbol (the on-screen preview has no table beside it to read the numbers from)."""
        body = "".join(markup for _bbox, markup in self._elements())
        if numbered:
            body += "".join(
                f'<text class="code" x="{_f(box.cx)}" y="{_f(box.cy + FONT / 3)}" text-anchor="middle" '
                f'stroke="none" fill="#000">{escape(box.code)}</text>'
                for _index, box in sorted(self.symbols.items())
                if box.code
            )
        return _svg_wrap(0, 0, self.width, self.height, body)

    def cell_svg(self, row_index, column):
        """The drawing clipped to one table cell (row of the page, actor column)."""
        row = self.rows[row_index]
        x0 = column * self.column_width
        x1 = x0 + self.column_width
        y0, y1 = row.y, row.y + row.height
        body = "".join(
            markup
            for (bx0, by0, bx1, by1), markup in self._elements()
            if bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1
        )
        return _svg_wrap(x0, y0, self.column_width, row.height, body)


@dataclass
class Flowchart:
    pages: list
    arrows: list

    def page_of(self, step_index):
        for page in self.pages:
            if step_index in page.symbols:
                return page
        raise KeyError(step_index)

    def symbol(self, step_index):
        return self.page_of(step_index).symbols[step_index]


# ---------------------------------------------------------------- helpers
def _f(value):
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _points(points):
    return " ".join(f"{_f(x)},{_f(y)}" for x, y in points)


def _svg_wrap(x, y, w, h, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(w)}mm" height="{_f(h)}mm" '
        f'viewBox="{_f(x)} {_f(y)} {_f(w)} {_f(h)}" style="display:block" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{_f(FONT)}">'
        f'<g fill="none" stroke="#000" stroke-width="{_f(STROKE)}">{body}</g></svg>'
    )


def _symbol_svg(box):
    if box.kind in ("start", "end"):
        radius = box.h / 2
        return (
            f'<rect class="{box.kind}" x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.w)}" '
            f'height="{_f(box.h)}" rx="{_f(radius)}" ry="{_f(radius)}" fill="#fff"/>'
        )
    if box.kind == "decision":
        points = [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]
        return f'<polygon class="decision" points="{_points(points)}" fill="#fff"/>'
    return (
        f'<rect class="process" x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.w)}" height="{_f(box.h)}" fill="#fff"/>'
    )


def _connector_svg(conn):
    x0, x1 = conn.x - conn.w / 2, conn.x + conn.w / 2
    y0 = conn.y
    y1 = conn.y + conn.h * 0.62
    tip = conn.y + conn.h
    points = [(x0, y0), (x1, y0), (x1, y1), (conn.x, tip), (x0, y1)]
    text_y = conn.y + conn.h * 0.55
    return (
        f'<polygon class="connector" points="{_points(points)}" fill="#fff"/>'
        f'<text x="{_f(conn.x)}" y="{_f(text_y)}" text-anchor="middle" stroke="none" fill="#000" '
        f'font-size="{_f(FONT * 0.95)}">{escape(conn.label)}</text>'
    )


def _arrowhead(start, end):
    (x1, y1), (x2, y2) = start, end
    if abs(x2 - x1) >= abs(y2 - y1):
        sign = 1 if x2 >= x1 else -1
        return [(x2, y2), (x2 - sign * ARROW_LEN, y2 - ARROW_HALF), (x2 - sign * ARROW_LEN, y2 + ARROW_HALF)]
    sign = 1 if y2 >= y1 else -1
    return [(x2, y2), (x2 - ARROW_HALF, y2 - sign * ARROW_LEN), (x2 + ARROW_HALF, y2 - sign * ARROW_LEN)]


def symbol_size(kind, column_width):
    """Width and height of a step symbol in a column of the given width."""
    if kind == "decision":
        return min(column_width * 0.52, 15.0), 11.0
    if kind in ("start", "end"):
        return min(column_width * 0.7, 20.0), 7.0
    return min(column_width * 0.7, 20.0), 8.0


def estimate_text_height(text, width, font_pt=8.0, line_factor=1.25, padding=2.4):
    """Conservative height (mm) of ``text`` wrapped in a cell ``width`` mm wide.

    Over-estimates on purpose: a table row taller than its drawing is fine, the
    other way round the drawing would not reach the next row. Words are wrapped
    as the browser does; a character is taken as 0.56 em wide (DejaVu Sans
    averages about 0.53 em on Indonesian text) and a line as 1.25 em (the
    report uses line-height 1.2).
    """
    if not text:
        return 0.0
    char_w = font_pt * 0.3528 * 0.56
    per_line = max(int(width / char_w * 0.97), 1)
    lines = 0
    for paragraph in str(text).splitlines() or [""]:
        words = paragraph.split()
        current = 0
        count = 1
        for word in words:
            size = len(word)
            if current and current + 1 + size > per_line:
                count += 1
                current = 0
            count += max(ceil(size / per_line) - 1, 0)
            current = (current + 1 + size) if current else size
        lines += count
    return lines * font_pt * 0.3528 * line_factor + padding


# ------------------------------------------------------------------ layout
def _paginate(steps, heights, budget):
    """Split step indices into pages: one section per page, rows never cut.

    Prefers not to separate a decision from its return step when the span fits.
    """
    pages = []
    current = []
    # every page keeps room for a connector above its first row and one below its last row
    used = CONNECTOR_SPACE
    for index, step in enumerate(steps):
        height = heights[index]
        new_section = current and steps[current[-1]].section != step.section
        if current and (new_section or used + height + CONNECTOR_SPACE > budget):
            carried = [] if new_section else None
            if carried is None:
                current, carried = _keep_loops_together(steps, current, heights, budget)
            pages.append(current)
            current = carried
            used = CONNECTOR_SPACE + sum(heights[i] for i in current)
        current.append(index)
        used += height
    if current:
        pages.append(current)
    return pages


def _keep_loops_together(steps, page, heights, budget):
    """If a later decision returns into this page, move its span to the next page."""
    last = page[-1]
    cut = None
    for index in range(last + 1, len(steps)):
        step = steps[index]
        if step.section != steps[last].section:
            break
        target = step.return_index
        if step.kind == "decision" and target is not None and target in page and target != page[0]:
            span = sum(heights[i] for i in range(target, index + 1)) + CONNECTOR_SPACE * 2
            if span <= budget:
                cut = target if cut is None else min(cut, target)
    if cut is None:
        return page, []
    position = page.index(cut)
    return page[:position], page[position:]


def _check_input(steps, sections):
    for index, step in enumerate(steps):
        if step.kind not in SYMBOL_KINDS:
            raise ValueError(f"step {index}: unknown kind {step.kind!r}")
        if not 0 <= step.column < sections[step.section].columns:
            raise ValueError(f"step {index}: column {step.column} out of range")
        if step.return_index is not None and not 0 <= step.return_index < len(steps):
            raise ValueError(f"step {index}: return step {step.return_index} out of range")


def _build_pages(steps, sections, groups, base, page_of):
    """Pages with their rows (connector space where the flow leaves or enters) and symbols."""
    top_extra = {}
    bottom_extra = {}
    for index in range(len(steps) - 1):
        if steps[index].kind != "end" and page_of[index] != page_of[index + 1]:
            bottom_extra[index] = CONNECTOR_SPACE
            top_extra[index + 1] = CONNECTOR_SPACE
    pages = []
    for number, group in enumerate(groups):
        section = sections[steps[group[0]].section]
        page = FlowPage(
            index=number,
            section=steps[group[0]].section,
            width=section.columns * section.column_width,
            column_width=section.column_width,
            columns=section.columns,
        )
        y = 0.0
        for index in group:
            step = steps[index]
            top, bottom = top_extra.get(index, 0.0), bottom_extra.get(index, 0.0)
            row = Row(index, y, base[index] + top + bottom, top, bottom)
            page.rows.append(row)
            width, sym_h = symbol_size(step.kind, page.column_width)
            cx = (step.column + 0.5) * page.column_width
            page.symbols[index] = Box(
                step.kind, step.column, cx - width / 2, y + top + (base[index] - sym_h) / 2, width, sym_h, step.code
            )
            y += row.height
        pages.append(page)
    return pages


def _route_next(steps, pages, page_of):
    """One arrow from each step to the next one (none after an end)."""
    arrows = []
    number_label = 0
    for index in range(len(steps) - 1):
        if steps[index].kind == "end":
            continue
        src_page, dst_page = pages[page_of[index]], pages[page_of[index + 1]]
        src, dst = src_page.symbols[index], dst_page.symbols[index + 1]
        arrow = Arrow("next", index, index + 1)
        if src_page is dst_page:
            row = next(r for r in src_page.rows if r.step_index == index + 1)
            turn = row.y + min(TURN_GAP, (dst.y - row.y) / 2)
            points = [(src.cx, src.bottom)]
            if abs(src.cx - dst.cx) > 0.01:
                points += [(src.cx, turn), (dst.cx, turn)]
            points.append((dst.cx, dst.y))
            arrow.segments.append(Segment(src_page.index, points))
        else:
            number_label += 1
            arrow.connector = str(number_label)
            out_row = src_page.rows[-1]
            out_y = out_row.y + out_row.height - CONNECTOR_SPACE + (CONNECTOR_SPACE - CONNECTOR_H) / 2
            src_page.connectors.append(Connector(arrow.connector, src.cx, out_y, "out"))
            in_y = dst_page.rows[0].y + (CONNECTOR_SPACE - CONNECTOR_H) / 2
            dst_page.connectors.append(Connector(arrow.connector, dst.cx, in_y, "in"))
            arrow.segments += [
                Segment(src_page.index, [(src.cx, src.bottom), (src.cx, out_y)]),
                Segment(dst_page.index, [(dst.cx, in_y + CONNECTOR_H), (dst.cx, dst.y)]),
            ]
        if steps[index].kind == "decision":
            src_page.labels.append((src.cx + 0.8, src.bottom + FONT + 0.2, "Ya", "start"))
        for segment in arrow.segments:
            pages[segment.page].segments.append(segment)
        arrows.append(arrow)
    return arrows


def _route_loops(steps, pages, page_of):
    """The "Tidak" arrow of every decision back to its return step."""
    arrows = []
    letter = 0
    lanes = {}
    for index, step in enumerate(steps):
        if step.kind != "decision" or step.return_index is None:
            continue
        target = step.return_index
        src_page, dst_page = pages[page_of[index]], pages[page_of[target]]
        src, dst = src_page.symbols[index], dst_page.symbols[target]
        arrow = Arrow("loop", index, target)
        if src_page is dst_page:
            if target < index:  # the lane goes up: label below the line
                src_page.labels.append((src.right + 0.2, src.cy + FONT + 0.3, "Tidak", "start"))
            else:
                src_page.labels.append((src.right + 0.3, src.cy - 0.6, "Tidak", "start"))
            boundary = (max(src.column, dst.column) + 1) * src_page.column_width
            key = (src_page.index, boundary)
            lane = boundary - 1.6 - 1.1 * lanes.get(key, 0)
            lanes[key] = lanes.get(key, 0) + 1
            points = [(src.right, src.cy), (lane, src.cy), (lane, dst.cy), (dst.right, dst.cy)]
            arrow.segments.append(Segment(src_page.index, points))
        else:
            src_page.labels.append((src.right + 0.3, src.cy - 0.6, "Tidak", "start"))
            arrow.connector = chr(ord("A") + letter % 26) + (str(letter // 26) if letter >= 26 else "")
            letter += 1
            lane = (src.column + 1) * src_page.column_width - CONNECTOR_W / 2 - 0.4
            conn_y = src.cy + 1.2
            src_page.connectors.append(Connector(arrow.connector, lane, conn_y, "out"))
            lane_in = (dst.column + 1) * dst_page.column_width - CONNECTOR_W / 2 - 0.4
            conn_in_y = dst.cy - 1.2 - CONNECTOR_H
            dst_page.connectors.append(Connector(arrow.connector, lane_in, conn_in_y, "in"))
            arrow.segments += [
                Segment(src_page.index, [(src.right, src.cy), (lane, src.cy), (lane, conn_y)]),
                Segment(dst_page.index, [(lane_in, conn_in_y + CONNECTOR_H), (lane_in, dst.cy), (dst.right, dst.cy)]),
            ]
        for segment in arrow.segments:
            pages[segment.page].segments.append(segment)
        arrows.append(arrow)
    return arrows


def layout(steps, sections, heights=None, page_budget=150.0):
    """Lay the steps out on pages and route the arrows.

    :param steps: list of :class:`FlowStep` in printing order.
    :param sections: list of :class:`FlowSection` (``FlowStep.section`` indexes it).
    :param heights: text height (mm) each row needs; defaults to ``step.min_height``.
    :param page_budget: height (mm) available for the rows of one page.
    :return: a :class:`Flowchart`.
    """
    _check_input(steps, sections)
    base = [max(MIN_ROW_HEIGHT, step.min_height, (heights[i] if heights else 0.0)) for i, step in enumerate(steps)]
    groups = _paginate(steps, base, page_budget)
    page_of = {index: number for number, group in enumerate(groups) for index in group}
    pages = _build_pages(steps, sections, groups, base, page_of)
    arrows = _route_next(steps, pages, page_of) + _route_loops(steps, pages, page_of)
    return Flowchart(pages, arrows)
