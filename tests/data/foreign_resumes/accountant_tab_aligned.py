"""Writes accountant_tab_aligned.docx: a common word-processor layout, company and dates on one line with
the dates on a right tab stop, the title in italics on the next line. Run with python-docx, then convert:
soffice --headless --convert-to pdf accountant_tab_aligned.docx"""

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt

document = Document()
style = document.styles["Normal"]
style.font.name, style.font.size = "Liberation Sans", Pt(10.5)


def right_tab(paragraph):
    paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)


name = document.add_paragraph()
run = name.add_run("Daniel K. Brooks")
run.bold, run.font.size = True, Pt(18)
document.add_paragraph("daniel.brooks@example.net | +1 (614) 555-0131 | Columbus, OH")

for heading, entries in (
    (
        "Experience",
        [
            (
                "Meridian Freight Corp.",
                "Jan 2020 – Present",
                "Senior Staff Accountant",
                [
                    "Closed the monthly books for 4 entities in 5 business days.",
                    "Reconciled 30 bank accounts each month.",
                ],
            ),
            (
                "Hollis & Grant LLP",
                "Aug 2016 – Dec 2019",
                "Audit Associate",
                ["Audited manufacturing and non-profit clients under GAAS."],
            ),
        ],
    ),
    (
        "Education",
        [
            (
                "The Ohio State University",
                "2012 – 2016",
                "Bachelor of Business Administration in Accounting",
                [],
            ),
        ],
    ),
):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    run = paragraph.add_run(heading)
    run.bold, run.font.size = True, Pt(13)
    for organization, dates, title, bullets in entries:
        line = document.add_paragraph()
        line.paragraph_format.space_before = Pt(8)
        right_tab(line)
        line.add_run(organization).bold = True
        line.add_run("\t" + dates)
        document.add_paragraph().add_run(title).italic = True
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")

skills = document.add_paragraph()
skills.paragraph_format.space_before = Pt(12)
run = skills.add_run("Skills")
run.bold, run.font.size = True, Pt(13)
document.add_paragraph("GAAP, month-end close, account reconciliation, NetSuite, Excel")
document.save("accountant_tab_aligned.docx")
