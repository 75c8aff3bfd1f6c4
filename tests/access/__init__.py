"""Who may open which page and call which API operation, and that what people type comes back escaped."""
