"""The gamification app's selectors: reads, prefetched, scoped to the viewer."""
