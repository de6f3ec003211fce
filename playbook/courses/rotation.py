"""Who plays which part in each role-play round: groups of three, seats A, B and C, roles turning round.

In round r (from 0) seat s plays role (s + r) mod 3, so over any three rounds in a row each seat plays
customer, salesperson and observer once each. The rounds come from the course: each role-play block holds
as many rounds of its card as its minutes allow (at least one).
"""

from dataclasses import dataclass

from playbook.courses.plan import clock, to_minutes

ROLES = ("customer", "salesperson", "observer")
SEATS = "ABC"


def rotation(rounds: int) -> list[tuple[str, str, str]]:
    """For each round, the seats playing customer, salesperson and observer: ('A', 'B', 'C'), ('C', 'A', 'B'), …"""
    return [tuple(SEATS[(role - r) % 3] for role in range(len(ROLES))) for r in range(rounds)]


@dataclass
class Round:
    number: int
    start: str
    end: str
    card: object
    seats: tuple  # the seats playing customer, salesperson, observer


def rounds(plan) -> list[Round]:
    """Every round of role-play in the course, in agenda order, with its clock times and seats."""
    runs = []
    for _, rows in plan.sessions:
        for row in rows:
            if row.card:
                count = max(1, row.block.minutes // row.card.minutes)
                start = to_minutes(row.start)
                runs += [(start + n * row.card.minutes, row.card) for n in range(count)]
    return [Round(n, clock(start), clock(start + card.minutes), card, seats)
            for n, ((start, card), seats) in enumerate(zip(runs, rotation(len(runs))), 1)]
