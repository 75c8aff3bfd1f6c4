"""Forms of the projects app: they parse input; services decide."""
