"""Services of the projects app: the only place that writes its models."""
