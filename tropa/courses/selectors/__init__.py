"""The courses app's selectors, one module per concept."""
