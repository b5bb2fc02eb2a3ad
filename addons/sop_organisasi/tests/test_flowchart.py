import itertools
import re

from odoo.tests import tagged
from odoo.tests.common import BaseCase
from odoo.tests.common import TransactionCase

from ..tools import flowchart
from ..tools.flowchart import FlowSection
from ..tools.flowchart import FlowStep


def _check_geometry(case, chart, steps):
    """Symbols in their actor's column, one arrow per consecutive pair, one loop per decision."""
    for index, step in enumerate(steps):
        page = chart.page_of(index)
        box = page.symbols[index]
        left = step.column * page.column_width
        case.assertGreaterEqual(box.x, left, f"step {index} leaves its column on the left")
        case.assertLessEqual(box.right, left + page.column_width, f"step {index} leaves its column on the right")
        case.assertEqual(box.kind, step.kind)
        row = next(r for r in page.rows if r.step_index == index)
        case.assertGreaterEqual(box.y, row.y, f"step {index}: symbol above its row")
        case.assertLessEqual(box.bottom, row.y + row.height, f"step {index}: symbol below its row")
    pairs = [(a.src, a.dst) for a in chart.arrows if a.kind == "next"]
    expected = [(i, i + 1) for i in range(len(steps) - 1) if steps[i].kind != "end"]
    case.assertEqual(pairs, expected, "one arrow per consecutive pair of steps")
    loops = sorted((a.src, a.dst) for a in chart.arrows if a.kind == "loop")
    case.assertEqual(
        loops, sorted((i, s.return_index) for i, s in enumerate(steps) if s.kind == "decision"), "one loop per decision"
    )
    for arrow in chart.arrows:
        for segment in arrow.segments:
            points = segment.points
            for (x1, y1), (x2, y2) in itertools.pairwise(points):
                case.assertTrue(abs(x1 - x2) < 1e-6 or abs(y1 - y2) < 1e-6, "arrows are orthogonal lines")
        # the arrow starts at its source symbol and ends at its target symbol
        src = chart.symbol(arrow.src)
        dst = chart.symbol(arrow.dst)
        start, end = arrow.segments[0].points[0], arrow.segments[-1].points[-1]
        case.assertTrue(src.x - 0.01 <= start[0] <= src.right + 0.01 and src.y - 0.01 <= start[1] <= src.bottom + 0.01)
        case.assertTrue(dst.x - 0.01 <= end[0] <= dst.right + 0.01 and dst.y - 0.01 <= end[1] <= dst.bottom + 0.01)


def _linear_steps(count, columns=4, decisions=()):
    steps = []
    for index in range(count):
        kind = "start" if index == 0 else "end" if index == count - 1 else "process"
        back = None
        if index in decisions:
            kind, back = "decision", index - 2
        steps.append(FlowStep(kind=kind, column=(index * 3) % columns, return_index=back, text=f"Step {index}"))
    return steps


@tagged("post_install", "-at_install")
class TestFlowchartLayout(BaseCase):
    def test_single_page_geometry(self):
        steps = _linear_steps(8, decisions=(4,))
        chart = flowchart.layout(steps, [FlowSection(4, 30.0)], page_budget=500)
        self.assertEqual(len(chart.pages), 1)
        _check_geometry(self, chart, steps)
        svg = chart.pages[0].svg()
        self.assertEqual(svg.count('class="start"'), 1)
        self.assertEqual(svg.count('class="end"'), 1)
        self.assertEqual(svg.count('class="decision"'), 1)
        self.assertEqual(svg.count('class="process"'), 5)
        self.assertIn(">Ya</text>", svg)
        self.assertIn(">Tidak</text>", svg)
        self.assertNotIn('class="connector"', svg)

    def test_page_split_with_connectors(self):
        steps = _linear_steps(40, decisions=(10, 25))
        chart = flowchart.layout(steps, [FlowSection(4, 30.0)], page_budget=120)
        self.assertGreater(len(chart.pages), 3)
        _check_geometry(self, chart, steps)
        # every step printed exactly once, in order, rows never cut
        printed = [row.step_index for page in chart.pages for row in page.rows]
        self.assertEqual(printed, list(range(40)))
        for page in chart.pages:
            base = sum(row.height - row.top_extra - row.bottom_extra for row in page.rows)
            self.assertLessEqual(base, 120)
        # the flow leaves each page through a numbered connector and enters the next one with it
        for page, following in zip(chart.pages, chart.pages[1:], strict=False):
            out = [c.label for c in page.connectors if c.role == "out" and c.label.isdigit()]
            into = [c.label for c in following.connectors if c.role == "in" and c.label.isdigit()]
            self.assertEqual(len(out), 1)
            self.assertEqual(out, into)
        labels = [a.connector for a in chart.arrows if a.kind == "next" and a.connector]
        self.assertEqual(labels, [str(n) for n in range(1, len(chart.pages))])

    def test_loop_kept_on_one_page(self):
        """A page break is moved before the return step so that the loop stays on one page."""
        steps = _linear_steps(12, decisions=(6,))
        chart = flowchart.layout(steps, [FlowSection(4, 30.0)], page_budget=20 * 6 + 21)
        self.assertIs(chart.page_of(6), chart.page_of(4))
        _check_geometry(self, chart, steps)
        loop = next(a for a in chart.arrows if a.kind == "loop")
        self.assertFalse(loop.connector)

    def test_loop_across_pages_uses_letter_connectors(self):
        steps = [FlowStep("start", 0)] + [FlowStep("process", 1) for _i in range(8)]
        steps += [FlowStep("decision", 2, return_index=1), FlowStep("end", 0)]
        chart = flowchart.layout(steps, [FlowSection(3, 30.0)], page_budget=80)
        self.assertIsNot(chart.page_of(9), chart.page_of(1))
        _check_geometry(self, chart, steps)
        loop = next(a for a in chart.arrows if a.kind == "loop")
        self.assertEqual(loop.connector, "A")
        self.assertIn("A", [c.label for c in chart.page_of(9).connectors if c.role == "out"])
        self.assertIn("A", [c.label for c in chart.page_of(1).connectors if c.role == "in"])

    def test_sections_start_new_pages(self):
        steps = [FlowStep("start", 0, 0), FlowStep("process", 1, 0), FlowStep("process", 0, 1), FlowStep("end", 2, 1)]
        chart = flowchart.layout(steps, [FlowSection(2, 40.0), FlowSection(3, 25.0)], page_budget=500)
        self.assertEqual([[r.step_index for r in p.rows] for p in chart.pages], [[0, 1], [2, 3]])
        self.assertEqual([p.columns for p in chart.pages], [2, 3])
        _check_geometry(self, chart, steps)
        # the flow continues from section A to section B through connector 1
        self.assertEqual(chart.arrows[1].connector, "1")

    def test_long_text_grows_row(self):
        short = flowchart.estimate_text_height("Mengarsipkan", 60)
        long = flowchart.estimate_text_height(" ".join(["menyiapkan konsep surat"] * 20), 60)
        self.assertGreater(long, 3 * short)
        steps = [FlowStep("start", 0), FlowStep("end", 1)]
        chart = flowchart.layout(steps, [FlowSection(2, 30.0)], heights=[short, long], page_budget=500)
        self.assertEqual(chart.pages[0].rows[0].height, flowchart.MIN_ROW_HEIGHT)
        self.assertGreaterEqual(chart.pages[0].rows[1].height, long)

    def test_cell_svg_slices(self):
        steps = _linear_steps(5, columns=3, decisions=(3,))
        chart = flowchart.layout(steps, [FlowSection(3, 30.0)], page_budget=500)
        page = chart.pages[0]
        for row_number, row in enumerate(page.rows):
            step = steps[row.step_index]
            for column in range(3):
                cell = page.cell_svg(row_number, column)
                viewbox = re.search(r'viewBox="([^"]+)"', cell).group(1).split()
                self.assertEqual(float(viewbox[0]), column * 30.0)
                self.assertAlmostEqual(float(viewbox[3]), row.height, places=2)
                has_symbol = f'class="{step.kind}"' in cell
                self.assertEqual(has_symbol, column == step.column, (row_number, column))

    def test_deterministic(self):
        steps = _linear_steps(30, decisions=(7, 20))
        first = flowchart.layout(steps, [FlowSection(5, 27.0)], page_budget=130)
        second = flowchart.layout(list(steps), [FlowSection(5, 27.0)], page_budget=130)
        self.assertEqual([p.svg() for p in first.pages], [p.svg() for p in second.pages])
        self.assertEqual(
            [p.cell_svg(0, 0) for p in first.pages],
            [p.cell_svg(0, 0) for p in second.pages],
        )

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            flowchart.layout([FlowStep("start", 3)], [FlowSection(2, 30.0)])
        with self.assertRaises(ValueError):
            flowchart.layout([FlowStep("circle", 0)], [FlowSection(2, 30.0)])


@tagged("post_install", "-at_install")
class TestSkjFlowchart(TransactionCase):
    def test_skj_flowchart(self):
        sop = self.env.ref("sop_organisasi.sop_skj")
        document = sop._get_report_document(paper="f4")
        chart = document["chart"]
        steps = sop._get_ordered_steps()
        self.assertEqual(len(steps), 26)
        flow_steps = []
        for step in steps:
            roles = list(step.section_id.role_ids)
            flow_steps.append(
                FlowStep(
                    step.kind,
                    roles.index(step.role_id),
                    section=list(sop.section_ids.sorted("sequence")).index(step.section_id),
                    return_index=list(steps).index(step.return_step_id) if step.return_step_id else None,
                )
            )
        _check_geometry(self, chart, flow_steps)
        self.assertEqual(len(document["pages"][0]["roles"]), 4, "section A has four actor columns")
        b_page = next(p for p in document["pages"] if p["section"].code == "B")
        self.assertEqual(len(b_page["roles"]), 5, "section B has five actor columns")
        loops = {(steps[a.src].code, steps[a.dst].code) for a in chart.arrows if a.kind == "loop"}
        self.assertEqual(loops, {("A.4", "A.2"), ("B.14", "B.12")})
        again = sop._get_report_document(paper="f4")
        self.assertEqual([p.svg() for p in chart.pages], [p.svg() for p in again["chart"].pages])
