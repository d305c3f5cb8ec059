"""The workbooks: the layout they share, the template, what people type into cells, the .xlsx reader,
files and folders, the strategy and team workbooks out and back in, and the team sheet's formulas.

It imports the core and itself, never the outputs (tests/test_purity.py).
"""
