"""What the file calculators' columns share (base.py); each calculator's own are calculators/<name>/columns.py:
its formulas as polars expressions over a batch of cells, for calculators/engine.py.

Each plan mirrors its calculator's pure-Python row function step for step, in the same floating-point
order, and marks `ok` only the rows it settles exactly; the others go through that row function.
tests/calculators/test_calc_engine.py proves both write the same file. Cells are the columns c0, c1, … (text).
"""
