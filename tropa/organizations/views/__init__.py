"""Pages of the organizations app, one module per concept."""
