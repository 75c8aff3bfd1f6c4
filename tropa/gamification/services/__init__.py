"""The gamification app's services: the only code that writes its tables or records its events."""
