"""The roadmaps app's writes, one module per concept."""
