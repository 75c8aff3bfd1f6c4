"""Final projects, rubrics, submissions and reviews (curator, mentor, expert, peer); the portfolio's verified work."""
