"""What okrxl makes of a quarter or a year for people: the report, the year review, the terminal
summary and the printed PDFs. It imports the core and the workbooks' layer."""
