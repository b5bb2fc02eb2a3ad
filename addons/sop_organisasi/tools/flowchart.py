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
                    f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" stroke="none" fill="#000">{_escape(text)}</text>'
                ),
            )

    def svg(self):
        """The whole page drawing (for previews and tests)."""
        body = "".join(markup for _bbox, markup in self._elements())
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


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


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
        f'font-size="{_f(FONT * 0.95)}">{_escape(conn.label)}</text>'
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


def estimate_text_height(text, width, font_pt=8.0, line_factor=1.3, padding=2.4):
    """Conservative height (mm) of ``text`` wrapped in a cell ``width`` mm wide.

    Over-estimates on purpose: a table row taller than its drawing is fine, the
    other way round the drawing would not reach the next row.
    """
    if not text:
        return 0.0
    char_w = font_pt * 0.3528 * 0.56
    per_line = max(int(width / char_w * 0.88), 1)
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
    used = 0.0
    for index, step in enumerate(steps):
        height = heights[index]
        new_section = current and steps[current[-1]].section != step.section
        reserve = CONNECTOR_SPACE * 2
        if current and (new_section or used + height + reserve > budget):
            if not new_section:
                current, carried = _keep_loops_together(steps, current, heights, budget)
            else:
                carried = []
            pages.append(current)
            current = carried
            used = sum(heights[i] for i in current) + (CONNECTOR_SPACE if current else 0.0)
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


def layout(steps, sections, heights=None, page_budget=150.0):
    """Lay the steps out on pages and route the arrows.

    :param steps: list of :class:`FlowStep` in printing order.
    :param sections: list of :class:`FlowSection` (``FlowStep.section`` indexes it).
    :param heights: text height (mm) each row needs; defaults to ``step.min_height``.
    :param page_budget: height (mm) available for the rows of one page.
    :return: a :class:`Flowchart`.
    """
    for index, step in enumerate(steps):
        if step.kind not in SYMBOL_KINDS:
            raise ValueError(f"step {index}: unknown kind {step.kind!r}")
        if not 0 <= step.column < sections[step.section].columns:
            raise ValueError(f"step {index}: column {step.column} out of range")
        if step.return_index is not None and not 0 <= step.return_index < len(steps):
            raise ValueError(f"step {index}: return step {step.return_index} out of range")
    base = [max(MIN_ROW_HEIGHT, step.min_height, (heights[i] if heights else 0.0)) for i, step in enumerate(steps)]
    groups = _paginate(steps, base, page_budget)
    page_of = {index: number for number, group in enumerate(groups) for index in group}

    pages = []
    for number, group in enumerate(groups):
        section = sections[steps[group[0]].section]
        pages.append(
            FlowPage(
                index=number,
                section=steps[group[0]].section,
                width=section.columns * section.column_width,
                column_width=section.column_width,
                columns=section.columns,
            )
        )

    # which steps need connector space above / below their symbol
    top_extra = {}
    bottom_extra = {}
    for index in range(len(steps) - 1):
        if steps[index].kind == "end":
            continue
        if page_of[index] != page_of[index + 1]:
            bottom_extra[index] = CONNECTOR_SPACE
            top_extra[index + 1] = CONNECTOR_SPACE

    # rows and symbols
    for page, group in zip(pages, groups, strict=True):
        y = 0.0
        for index in group:
            step = steps[index]
            height = base[index] + top_extra.get(index, 0.0) + bottom_extra.get(index, 0.0)
            row = Row(index, y, height, top_extra.get(index, 0.0), bottom_extra.get(index, 0.0))
            page.rows.append(row)
            width, sym_h = symbol_size(step.kind, page.column_width)
            core_top = y + row.top_extra
            core_h = base[index]
            cx = (step.column + 0.5) * page.column_width
            page.symbols[index] = Box(
                step.kind, step.column, cx - width / 2, core_top + (core_h - sym_h) / 2, width, sym_h
            )
            y += height

    arrows = []
    number_label = 0
    for index in range(len(steps) - 1):
        if steps[index].kind == "end":
            continue
        src_page, dst_page = pages[page_of[index]], pages[page_of[index + 1]]
        src, dst = src_page.symbols[index], dst_page.symbols[index + 1]
        arrow = Arrow("next", index, index + 1)
        if src_page is dst_page:
            row = src_page.rows[[r.step_index for r in src_page.rows].index(index + 1)]
            turn = row.y + min(TURN_GAP, (dst.y - row.y) / 2)
            points = [(src.cx, src.bottom)]
            if abs(src.cx - dst.cx) > 0.01:
                points += [(src.cx, turn), (dst.cx, turn)]
            points.append((dst.cx, dst.y))
            segment = Segment(src_page.index, points)
            src_page.segments.append(segment)
            arrow.segments.append(segment)
        else:
            number_label += 1
            label = str(number_label)
            out_row = src_page.rows[-1]
            out_y = out_row.y + out_row.height - CONNECTOR_SPACE + (CONNECTOR_SPACE - CONNECTOR_H) / 2
            src_page.connectors.append(Connector(label, src.cx, out_y, "out"))
            out_seg = Segment(src_page.index, [(src.cx, src.bottom), (src.cx, out_y)])
            src_page.segments.append(out_seg)
            in_row = dst_page.rows[0]
            in_y = in_row.y + (CONNECTOR_SPACE - CONNECTOR_H) / 2
            dst_page.connectors.append(Connector(label, dst.cx, in_y, "in"))
            in_seg = Segment(dst_page.index, [(dst.cx, in_y + CONNECTOR_H), (dst.cx, dst.y)])
            dst_page.segments.append(in_seg)
            arrow.segments += [out_seg, in_seg]
            arrow.connector = label
        if steps[index].kind == "decision":
            src_page.labels.append((src.cx + 0.8, src.bottom + FONT + 0.2, "Ya", "start"))
        arrows.append(arrow)

    letter = 0
    lanes = {}
    for index, step in enumerate(steps):
        if step.kind != "decision" or step.return_index is None:
            continue
        target = step.return_index
        src_page, dst_page = pages[page_of[index]], pages[page_of[target]]
        src, dst = src_page.symbols[index], dst_page.symbols[target]
        arrow = Arrow("loop", index, target)
        upward = page_of[target] < page_of[index] or (page_of[target] == page_of[index] and target < index)
        if src_page is dst_page and upward:
            src_page.labels.append((src.right + 0.2, src.cy + FONT + 0.3, "Tidak", "start"))
        else:
            src_page.labels.append((src.right + 0.3, src.cy - 0.6, "Tidak", "start"))
        if src_page is dst_page:
            boundary = (max(src.column, dst.column) + 1) * src_page.column_width
            key = (src_page.index, boundary)
            lane = boundary - 1.6 - 1.1 * lanes.get(key, 0)
            lanes[key] = lanes.get(key, 0) + 1
            points = [(src.right, src.cy), (lane, src.cy), (lane, dst.cy), (dst.right, dst.cy)]
            segment = Segment(src_page.index, points)
            src_page.segments.append(segment)
            arrow.segments.append(segment)
        else:
            label = chr(ord("A") + letter % 26) + (str(letter // 26) if letter >= 26 else "")
            letter += 1
            lane = (src.column + 1) * src_page.column_width - CONNECTOR_W / 2 - 0.4
            conn_y = src.cy + 1.2
            src_page.connectors.append(Connector(label, lane, conn_y, "out"))
            out_seg = Segment(src_page.index, [(src.right, src.cy), (lane, src.cy), (lane, conn_y)])
            src_page.segments.append(out_seg)
            lane_in = (dst.column + 1) * dst_page.column_width - CONNECTOR_W / 2 - 0.4
            conn_in_y = dst.cy - 1.2 - CONNECTOR_H
            dst_page.connectors.append(Connector(label, lane_in, conn_in_y, "in"))
            in_seg = Segment(
                dst_page.index,
                [(lane_in, conn_in_y + CONNECTOR_H), (lane_in, dst.cy), (dst.right, dst.cy)],
            )
            dst_page.segments.append(in_seg)
            arrow.segments += [out_seg, in_seg]
            arrow.connector = label
        arrows.append(arrow)
    return Flowchart(pages, arrows)
