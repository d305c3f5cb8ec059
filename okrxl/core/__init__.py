"""The pure core: the OKR model, scoring and pacing, gaps, changes, rollover and a quarter's status.

It imports only the core: no Excel library, no pandas, no click; it reads no clock (every function
takes `as_of`) and touches no file (tests/test_purity.py).
"""
