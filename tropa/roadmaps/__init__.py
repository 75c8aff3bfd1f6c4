"""Skills and target roles, the onboarding diagnostic, personal roadmaps and recommendations."""
