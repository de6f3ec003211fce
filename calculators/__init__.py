"""The value-scoring calculators: one pure-Python reference for every formula the playbook teaches.

No MkDocs here. The site (playbook/calculators/examples.py), the command line (`python -m calculators`)
and the test vectors (tests/vectors/) all call `run(name, inputs)` from calculators.registry.
"""

from .errors import InputError
from .registry import CALCULATORS, run

__all__ = ["CALCULATORS", "InputError", "run"]
