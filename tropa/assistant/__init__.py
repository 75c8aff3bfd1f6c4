"""The assistant (answers from the asking user's own data) and the CV built from verified achievements."""
