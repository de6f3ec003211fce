"""Reading paths, such as a new salesperson's first week: days of steps to tick."""
