"""The courses app's services, one module per concept."""
