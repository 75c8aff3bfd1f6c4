"""The diagnostic's writes: every answer is saved as it comes, so that a learner can stop and come back.

The quiz is adaptive per skill: the first question is at the level the learner claimed (1..3); a right answer
asks one level up, a wrong one one level down; two questions per skill at most. The quiz's level is the highest
level answered right (or one below the lowest missed), and the result leans on it two to one over the claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import ServiceError
from tropa.roadmaps import events
from tropa.roadmaps.models import Diagnostic, DiagnosticStatus, DiagnosticStep, Experience
from tropa.roadmaps.selectors import facts
from tropa.roadmaps.services.profile import skills_assess
from tropa.roadmaps.services.roadmap import roadmap_plan

MAX_INTERESTS = 3
QUIZ_SKILLS_PER_DIRECTION = 2
QUESTIONS_PER_SKILL = 2
DEFAULT_HOURS = 5


@dataclass(frozen=True)
class GoalSaved:
    diagnostic: Diagnostic
    missing: str | None  # the first required field still empty; the rest was saved all the same


def _lock(diagnostic: Diagnostic, actor) -> Diagnostic:
    fresh = Diagnostic.objects.select_for_update().filter(pk=diagnostic.pk, user=actor).first()
    if fresh is None or fresh.is_completed:
        raise ServiceError(_("This diagnostic is finished; start a new one to retake it."), field="diagnostic")
    return fresh


@transaction.atomic
def diagnostic_start(*, actor) -> Diagnostic:
    """The learner's diagnostic in progress, or a new one prefilled with the last answers (a retake)."""
    current = Diagnostic.objects.filter(user=actor, status=DiagnosticStatus.IN_PROGRESS).first()
    if current is not None:
        return current
    last = facts.last_completed_diagnostic(user=actor)
    if last is None:
        return Diagnostic.objects.create(user=actor)
    return Diagnostic.objects.create(
        user=actor,
        role_id=last.role_id,
        direction_id=last.direction_id,
        interest_ids=last.interest_ids,
        experience=last.experience,
        hours_per_week=last.hours_per_week,
        self_levels=last.self_levels,
    )


@transaction.atomic
def diagnostic_save_goal(
    *,
    actor,
    diagnostic: Diagnostic,
    role_id: int | None,
    direction_id: int | None,
    interest_ids: list[int],
    experience: str,
    hours_per_week: int | None,
    advance: bool,
) -> GoalSaved:
    """Save what was answered of the goal step; move on to the self-assessment when `advance` and all is there."""
    diagnostic = _lock(diagnostic, actor)
    role = facts.role_get(role_id=role_id)
    if role_id and role is None:
        raise ServiceError(_("Choose a target role from the list."), field="role")
    direction = facts.direction_get(direction_id=direction_id)
    if direction_id and direction is None:
        raise ServiceError(_("Choose a direction from the list."), field="direction")
    known = {d.pk for d in facts.direction_list()}
    if any(pk not in known for pk in interest_ids):
        raise ServiceError(_("Choose interests from the list."), field="interests")
    if len(interest_ids) > MAX_INTERESTS:
        raise ServiceError(_("Choose at most three interests."), field="interests")
    if experience and experience not in Experience.values:
        raise ServiceError(_("Choose your experience from the list."), field="experience")
    if hours_per_week is not None and not 1 <= hours_per_week <= 60:
        raise ServiceError(_("Hours a week must be between 1 and 60."), field="hours_per_week")
    diagnostic.role, diagnostic.direction = role, direction or (role.direction if role else None)
    diagnostic.interest_ids = list(dict.fromkeys(interest_ids))
    diagnostic.experience, diagnostic.hours_per_week = experience or "", hours_per_week
    missing = None
    if advance:
        if diagnostic.role is None and diagnostic.direction is None:
            missing = "role"
        elif not diagnostic.experience:
            missing = "experience"
        elif diagnostic.hours_per_week is None:
            missing = "hours_per_week"
        else:
            diagnostic.step = DiagnosticStep.SKILLS
    fields = ["role", "direction", "interest_ids", "experience", "hours_per_week", "step", "updated_at"]
    diagnostic.save(update_fields=fields)
    return GoalSaved(diagnostic=diagnostic, missing=missing)


def assessed_skill_ids(diagnostic: Diagnostic) -> list[int]:
    """The skills the learner rates: those of the goal (role, or the direction's roles), most needed first."""
    if diagnostic.role_id:
        needed = facts.requirements(role_id=diagnostic.role_id)
    elif diagnostic.direction_id:
        needed = facts.direction_requirements(direction_ids=[diagnostic.direction_id])
    else:
        needed = {}
    return [skill for skill, _level in sorted(needed.items(), key=lambda pair: (-pair[1], pair[0]))]


def _quiz_skills(diagnostic: Diagnostic) -> list[int]:
    """Per chosen direction (the goal's, then each interest), its most needed skills that have questions."""
    directions = [d for d in [diagnostic.direction_id, *diagnostic.interest_ids] if d]
    chosen: list[int] = []
    for direction_id in dict.fromkeys(directions):
        if direction_id == diagnostic.direction_id and diagnostic.role_id:
            needed = facts.requirements(role_id=diagnostic.role_id)
        else:
            needed = facts.direction_requirements(direction_ids=[direction_id])
        bank = facts.quiz_questions(skill_ids=needed)
        ranked = sorted((s for s in needed if s in bank and s not in chosen), key=lambda s: (-needed[s], s))
        chosen.extend(ranked[:QUIZ_SKILLS_PER_DIRECTION])
    return chosen


@transaction.atomic
def diagnostic_save_skills(*, actor, diagnostic: Diagnostic, levels: dict[int, int], advance: bool) -> Diagnostic:
    """Save the self-assessment; on `advance`, line up the quiz (or finish when there is nothing to ask)."""
    diagnostic = _lock(diagnostic, actor)
    allowed = set(assessed_skill_ids(diagnostic))
    for skill_id, level in levels.items():
        if skill_id not in allowed:
            raise ServiceError(_("Rate only the skills listed."), field=f"skill_{skill_id}")
        if level not in (0, 1, 2, 3):
            raise ServiceError(_("Choose a level from the list."), field=f"skill_{skill_id}")
    diagnostic.self_levels = {**diagnostic.self_levels, **{str(k): v for k, v in levels.items()}}
    if advance:
        queue = _quiz_skills(diagnostic)
        diagnostic.quiz = {"queue": queue, "answers": {}}
        diagnostic.step = DiagnosticStep.QUIZ
    diagnostic.save(update_fields=["self_levels", "quiz", "step", "updated_at"])
    if advance and not diagnostic.quiz["queue"]:
        _complete(diagnostic, actor=actor)
    return diagnostic


def _claimed(diagnostic: Diagnostic, skill_id: int) -> int:
    return int(diagnostic.self_levels.get(str(skill_id), 0))


def next_question_level(diagnostic: Diagnostic, skill_id: int) -> int | None:
    """The level of the next question for this skill, or None when the skill is settled."""
    asked = diagnostic.quiz.get("answers", {}).get(str(skill_id), [])
    if not asked:
        return min(max(_claimed(diagnostic, skill_id), 1), 3)
    if len(asked) >= QUESTIONS_PER_SKILL:
        return None
    level, right = asked[-1][1], asked[-1][2]
    following = level + 1 if right else level - 1
    return following if 1 <= following <= 3 else None


def quiz_level(answers: list) -> int:
    right = [level for _question, level, ok in answers if ok]
    if right:
        return max(right)
    return max(min(level for _question, level, _ok in answers) - 1, 0)


def current_question(diagnostic: Diagnostic):
    """(question, number asked so far, skills left) or (None, ...) when the quiz is over."""
    answers = diagnostic.quiz.get("answers", {})
    for skill_id in diagnostic.quiz.get("queue", []):
        level = next_question_level(diagnostic, skill_id)
        if level is None:
            continue
        asked = {row[0] for row in answers.get(str(skill_id), [])}
        bank = facts.quiz_questions(skill_ids=[skill_id]).get(skill_id, {})
        pool = [q for q in bank.get(level, []) if q.pk not in asked]
        if pool:
            return pool[0]
    return None


@transaction.atomic
def diagnostic_answer(*, actor, diagnostic: Diagnostic, question_id: int | None, choice: int | None) -> Diagnostic:
    """Record one quiz answer; the last one completes the diagnostic."""
    diagnostic = _lock(diagnostic, actor)
    if diagnostic.step != DiagnosticStep.QUIZ:
        raise ServiceError(_("The quiz has not started yet."), field="question")
    question = current_question(diagnostic)
    if question is None or question.pk != question_id:
        raise ServiceError(_("This question has already been answered; here is the next one."), field="question")
    if choice is None or not 0 <= choice < len(question.choices_en):
        raise ServiceError(_("Choose one of the answers."), field="choice")
    answers = diagnostic.quiz.setdefault("answers", {})
    answers.setdefault(str(question.skill_id), []).append([question.pk, question.level, choice == question.correct])
    diagnostic.save(update_fields=["quiz", "updated_at"])
    if current_question(diagnostic) is None:
        _complete(diagnostic, actor=actor)
    return diagnostic


@transaction.atomic
def diagnostic_finish_quiz(*, actor, diagnostic: Diagnostic) -> Diagnostic:
    """Stop the quiz early: skills not probed keep the learner's own rating."""
    diagnostic = _lock(diagnostic, actor)
    if diagnostic.step != DiagnosticStep.QUIZ:
        raise ServiceError(_("The quiz has not started yet."), field="question")
    _complete(diagnostic, actor=actor)
    return diagnostic


def _complete(diagnostic: Diagnostic, *, actor) -> None:
    quiz = {int(skill): quiz_level(answers) for skill, answers in diagnostic.quiz.get("answers", {}).items() if answers}
    result = {int(skill): int(level) for skill, level in diagnostic.self_levels.items()}
    for skill, level in quiz.items():
        result[skill] = round((result.get(skill, level) + 2 * level) / 3)
    diagnostic.quiz_levels = {str(k): v for k, v in quiz.items()}
    diagnostic.result = {str(k): v for k, v in result.items()}
    diagnostic.status, diagnostic.step, diagnostic.completed_at = (
        DiagnosticStatus.COMPLETED,
        DiagnosticStep.DONE,
        timezone.now(),
    )
    diagnostic.save(update_fields=["quiz_levels", "result", "status", "step", "completed_at", "updated_at"])
    skills_assess(user=actor, levels=result)
    record(
        actor=actor,
        verb=events.DIAGNOSTIC_COMPLETED,
        obj=diagnostic,
        payload={
            "diagnostic_id": diagnostic.pk,
            "role_id": diagnostic.role_id,
            "direction_id": diagnostic.direction_id,
            "skills": diagnostic.result,
        },
    )
    role = diagnostic.role or (
        facts.first_role_of(direction_id=diagnostic.direction_id) if diagnostic.direction_id else None
    )
    if role is not None:
        roadmap_plan(
            actor=actor, user=actor, role=role, hours_per_week=diagnostic.hours_per_week or DEFAULT_HOURS, reason="goal"
        )
