"""The verbs the projects app records on the activity spine; notifications, gamification and courses subscribe.

Every event carries organization_id and course_id. Payloads of events a peer may hear about never name the
author of an anonymous project.
"""

PROJECT_SUBMITTED = "project.submitted"  # payload: work_id, version, is_late, resubmission
REVIEW_ASSIGNED = "review.assigned"  # payload: review_id, work_id, reviewer_id, due_at
REVIEW_REMINDED = "review.reminded"  # payload: review_id, reviewer_id, due_at
REVIEW_SUBMITTED = "review.submitted"  # payload: review_id, work_id, role, score, author_id
PROJECT_REVISION_REQUESTED = "project.revision_requested"  # payload: work_id, author_id, revisions_left
# payload: work_id, author_id (= learner_id), project_id, title, score, skills (slugs), skill_ids, step_id,
# enrollment_id
PROJECT_ACCEPTED = "project.accepted"
PROJECT_NOT_ACCEPTED = "project.not_accepted"  # payload: work_id, author_id, score
REVIEW_RATED = "review.rated"  # payload: review_id, work_id, reviewer_id, helpful (the author rated a review)
REVIEW_APPEALED = "review.appealed"  # payload: appeal_id, review_id, work_id
APPEAL_RESOLVED = "appeal.resolved"  # payload: appeal_id, work_id, upheld, score, author_id
TEAM_INVITED = "project_team.invited"  # payload: work_id, author_id, invite_id, invitee_id
TEAM_JOINED = "project_team.joined"  # payload: work_id, author_id, invite_id, member_id
TEAM_DECLINED = "project_team.declined"  # payload: work_id, author_id, invite_id, member_id
TEAM_LEFT = "project_team.left"  # payload: work_id, author_id, member_id (left or removed by the author)
