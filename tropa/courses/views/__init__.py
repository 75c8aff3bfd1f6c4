"""The courses app's views, one module per concept."""
