"""The annual overview (連携協定締結状況) of one fiscal year's agreements: its rows
and the blocks, CSV and HTML made from them. The package's stages, each importing only
the ones before it: columns.py, numbers.py → rows.py → blocks.py → spreadsheet.py, web.py, pdf.py → book.py.

    specs → the year's agreements in signing order, or in the office's own numbers where
        they give them (numbers.py) (Row) → the summary table, once
        → annual-YYYY.csv   (UTF-8 with BOM: Excel opens it as Japanese; ISO dates added)
        → annual-YYYY.docx  (cover, contents, summary table: the model + DOCX writer)
        → annual-YYYY.pdf   (pdf.py: the same blocks plus every agreement's
                             overview sheet, in one reportlab document)
        → annual-YYYY.html and annual-YYYY.fragment.html (--format html: the page
                             and the part a CMS takes)

The columns are the house style's (`annual.columns`): data of the agreement, computed
here as the agreement itself states it, or the office's own fields (`agreement.fields`),
printed only where a column names them.

A spec belongs to the fiscal year of its signing date (4月1日 to 3月31日: an
agreement of 2025-01-08 is in 令和６年度), or to `agreement.fiscal_year` where
the office files it otherwise. Every spec given is loaded first and any error
stops the book: a published list that silently lacks an agreement is worse than
no list.
"""
