"""Verbs of the events the roadmaps app records (entity.action)."""

DIAGNOSTIC_COMPLETED = "diagnostic.completed"  # payload: diagnostic_id, role_id, direction_id, skills {id: level}
ROADMAP_CREATED = "roadmap.created"  # payload: roadmap_id, role_id, steps, weeks
ROADMAP_CHANGED = "roadmap.changed"  # payload: roadmap_id, reason (replanned | swapped | removed | moved | added), by
RECOMMENDATION_SHOWN = "recommendation.shown"  # payload: items [[kind, id, source]]
RECOMMENDATION_ACCEPTED = "recommendation.accepted"  # payload: kind, id, source, reason
RECOMMENDATION_DISMISSED = "recommendation.dismissed"  # payload: kind, id, source
