"""Services of the messaging app: the only place that writes its models."""
