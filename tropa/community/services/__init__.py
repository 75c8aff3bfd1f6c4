"""Services of the community app: the only place that writes its models. One module per area."""
