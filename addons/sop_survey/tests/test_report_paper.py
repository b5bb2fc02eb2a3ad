from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestReportPaper(TransactionCase):
    def test_reports_follow_the_company_paper_size(self):
        company = self.env.company
        reports = [
            ("sop_survey.action_report_sinovik_proposal", "Portrait"),
            ("sop_survey.action_report_sinovik_certificate", "Landscape"),
            ("sop_survey.action_report_skm_unit", "Portrait"),
        ]
        for xmlid, orientation in reports:
            report = self.env.ref(xmlid)
            with self.subTest(report=xmlid):
                company.sop_paper_size = "f4"
                paper = report.get_paperformat()
                self.assertEqual((paper.page_width, paper.page_height, paper.orientation), (215, 330, orientation))
                company.sop_paper_size = "a4"
                paper = report.get_paperformat()
                self.assertEqual((paper.format, paper.orientation), ("A4", orientation))
