"""Package data: `okr_template.xlsx`, the look and the words of okrxl's workbooks (see okrxl.excel.template)."""
