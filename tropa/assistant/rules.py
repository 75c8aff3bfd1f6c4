"""The built-in assistant: intent by keywords (Russian and English), answers built from the user's context.

It answers when no model is configured or the model fails, so it must be useful on its own: every line names
the learner's own courses, deadlines, projects, reviewers' remarks, certificates or progress. It reads only the
context (context.py), so it cannot say anything about anyone else.
"""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

NEXT, PROGRESS, CV, INTERVIEW, PRIVACY, HELP = "next", "progress", "cv", "interview", "privacy", "help"

# Asking about someone else, or trying to talk the assistant out of its rules, in either language.
PRIVACY_PATTERNS = [
    r"\b(user|пользовател\w*|юзер\w*|id)\s*(#|№|n[o°]\.?)?\s*\d+",
    r"\b(other|another|someone else'?s?|other people'?s?)\s+(user|learner|student|person)",
    r"(друг\w+|чуж\w+)\s+(пользовател\w*|ученик\w*|студент\w*|человек\w*|данн\w*)",
    r"\bignore\b.*\b(instruction|rule|prompt)",
    r"игнорир\w*.*(инструкц|правил|промпт)",
    r"\b(system prompt|jailbreak)\b",
    r"(системн\w+ промпт|забудь (все|свои) (инструкции|правила))",
]
KEYWORDS = {
    INTERVIEW: ["interview", "собеседован", "интервью", "job talk", "hr-скрин", "hiring manager"],
    CV: ["cv", "resume", "résumé", "резюме", "linkedin", "линкедин", "портфолио", "portfolio"],
    PROGRESS: [
        "how am i doing", "how i'm doing", "progress", "doing", "how far", "status", "my results", "streak",
        "как у меня", "как мои", "как я", "прогресс", "успех", "успева", "результат", "как дела", "стрик", "итог",
    ],
    NEXT: [
        "learn next", "study next", "what next", "next", "should i learn", "should i study", "recommend", "learn",
        "дальше", "следующ", "изучать", "изучить", "учить", "выучить", "посоветуй", "рекоменд", "заняться",
    ],
}  # fmt: skip
# An answer names this many items at most: short enough to read in a chat panel.
SHOWN = 3


def detect_intent(text: str) -> str:
    lowered = " ".join((text or "").lower().split())
    if any(re.search(pattern, lowered) for pattern in PRIVACY_PATTERNS):
        return PRIVACY
    best, best_hits = HELP, 0
    for intent, words in KEYWORDS.items():  # ordered: interview and CV win over the generic "learn"/"next"
        hits = sum(1 for word in words if word in lowered)
        if hits > best_hits:
            best, best_hits = intent, hits
    return best


def _date(iso: str | None) -> str:
    return formats.date_format(date.fromisoformat(iso), "DATE_FORMAT") if iso else ""


def _quoted(text: str) -> str:
    return _("“%(text)s”") % {"text": text}


def _weak_criteria(context: dict, below: float = 0.67) -> list[str]:
    seen = []
    for project in context["projects"]:
        for row in project.get("criteria", []):
            if row["share"] < below and row["criterion"] not in seen:
                seen.append(row["criterion"])
    return seen[:SHOWN]


def _active(context: dict) -> list[dict]:
    rows = [c for c in context["courses"] if c["status"] == "active"]
    return sorted(rows, key=lambda c: (c["next_deadline"] or "9999-12-31", -c["progress"]))


def _planner_lines(context: dict) -> list[str]:
    lines = []
    for section in (context.get("planner") or {}).values():
        steps = [step.get("title") for step in section.get("next_steps", []) if step.get("title")][:SHOWN]
        if steps:
            lines.append(_("From your roadmap: %(steps)s.") % {"steps": ", ".join(_quoted(s) for s in steps)})
        gaps = [gap.get("skill") for gap in section.get("gaps", []) if gap.get("skill")][:SHOWN]
        if gaps:
            lines.append(_("Skills your target role still needs: %(skills)s.") % {"skills": ", ".join(gaps)})
    return lines


def answer_next(context: dict) -> str:
    lines = _planner_lines(context)
    active = _active(context)
    if active:
        first = active[0]
        line = _("Continue %(course)s: %(progress)s%% done.") % {
            "course": _quoted(first["title"]),
            "progress": first["progress"],
        }
        if first["next_deadline"]:
            line += " " + _("Next deadline: %(module)s on %(date)s.") % {
                "module": _quoted(first["next_deadline_module"]),
                "date": _date(first["next_deadline"]),
            }
        lines.append(line)
        if len(active) > 1:
            others = ", ".join(f"{_quoted(c['title'])} ({c['progress']}%)" for c in active[1:SHOWN])
            lines.append(_("Also in progress: %(courses)s.") % {"courses": others})
    for project in context["projects"]:
        if project["status"] == "revision":
            lines.append(
                _("Your project %(title)s is waiting for a revision: reviewers asked for changes.")
                % {"title": _quoted(project["title"])}
            )
    weak = _weak_criteria(context)
    if weak:
        lines.append(
            _("Practise what reviewers scored lowest: %(criteria)s.")
            % {"criteria": ", ".join(_quoted(c) for c in weak)}
        )
    if not active:
        finished = [c for c in context["courses"] if c["status"] == "completed"]
        catalogue = reverse("courses:catalogue")
        if finished:
            lines.append(
                ngettext(
                    "You have finished %(count)d course. Choose the next one in the catalogue (%(url)s): a longer "
                    "course with a final project in the same direction turns what you learned into a portfolio item.",
                    "You have finished %(count)d courses. Choose the next one in the catalogue (%(url)s): a longer "
                    "course with a final project in the same direction turns what you learned into a portfolio item.",
                    len(finished),
                )
                % {"count": len(finished), "url": catalogue}
            )
        else:
            lines.append(
                _(
                    "You have no courses yet. Open the catalogue (%(url)s) and start with a short course in the "
                    "direction you want to work in."
                )
                % {"url": catalogue}  # fmt: skip
            )
    return "\n".join(lines)


def answer_progress(context: dict) -> str:
    courses = context["courses"]
    active = _active(context)
    finished = [c for c in courses if c["status"] == "completed"]
    lines = [
        _("Courses: %(active)d in progress, %(finished)d finished.")
        % {"active": len(active), "finished": len(finished)}
    ]
    for course in active[:SHOWN]:
        line = f"• {course['title']} — {course['progress']}%"
        if course["next_deadline"]:
            line += "; " + _("next deadline %(date)s") % {"date": _date(course["next_deadline"])}
        lines.append(line)
    projects = context["projects"]
    accepted = [p for p in projects if p["status"] == "accepted" and p["score"] is not None]
    in_review = [p for p in projects if p["status"] == "submitted"]
    if accepted:
        average = round(sum(p["score"] for p in accepted) / len(accepted))
        lines.append(
            ngettext(
                "Projects: %(count)d accepted, average quality %(score)d/100.",
                "Projects: %(count)d accepted, average quality %(score)d/100.",
                len(accepted),
            )
            % {"count": len(accepted), "score": average}
        )
    if in_review:
        lines.append(ngettext("%(count)d project is in review.", "%(count)d projects are in review.", len(in_review))
                     % {"count": len(in_review)})  # fmt: skip
    certificates = [c for c in context["certificates"] if c["valid"]]
    if certificates:
        lines.append(ngettext("Certificates: %(count)d.", "Certificates: %(count)d.", len(certificates))
                     % {"count": len(certificates)})  # fmt: skip
    progress = context["progress"]
    lines.append(
        _("Level %(level)d, %(xp)d XP (%(to_next)d XP to the next level).")
        % {"level": progress["level"], "xp": progress["xp"], "to_next": progress["xp_to_next_level"]}
    )
    if progress["streak_days"]:
        lines.append(
            ngettext("Streak: %(days)d day in a row (longest %(longest)d).",
                     "Streak: %(days)d days in a row (longest %(longest)d).", progress["streak_days"])
            % {"days": progress["streak_days"], "longest": progress["longest_streak"]}
        )  # fmt: skip
    else:
        lines.append(_("No streak right now: one step today starts a new one."))
    if context["deadlines"]:
        soon = context["deadlines"][0]
        lines.append(_("Coming up: %(module)s (%(course)s) on %(date)s.") % {
            "module": _quoted(soon["module"]), "course": soon["course"], "date": _date(soon["due"])
        })  # fmt: skip
    return "\n".join(lines)


def answer_cv(context: dict) -> str:
    accepted = sorted((p for p in context["projects"] if p["status"] == "accepted"), key=lambda p: -(p["score"] or 0))
    finished = [c for c in context["courses"] if c["status"] == "completed"]
    certificates = [c for c in context["certificates"] if c["valid"]]
    lines = [
        _("Your CV (%(url)s) is built from verified achievements: %(courses)d finished courses, %(certificates)d "
          "certificates, %(projects)d accepted projects. Add your own summary and experience there.")
        % {"url": reverse("assistant:cv"), "courses": len(finished), "certificates": len(certificates),
           "projects": len(accepted)}
    ]  # fmt: skip
    if not context["user"]["headline"]:
        lines.append(_("Write a one-line headline with the role you aim for, for example “Junior data analyst”."))
    if accepted:
        best = accepted[0]
        line = _("Put %(title)s first") % {"title": _quoted(best["title"])}
        if best["score"] is not None:
            line += " " + _("(quality %(score)d/100)") % {"score": round(best["score"])}
        lines.append(line + ": " + _("one line on the problem, one on what you did, one on the result."))
        praise = next((f["text"] for p in accepted for f in p["feedback"] if f["role"] != "peer"), "")
        if praise:
            lines.append(_("Reviewers wrote: «%(text)s» — turn it into a result line.") % {"text": praise})
    else:
        lines.append(_("An accepted final project with its quality score is the strongest line in a junior's CV: "
                       "finish one before you apply."))  # fmt: skip
    skills = [row["skill"] for row in context["progress"]["top_skills"]][:5]
    if skills:
        lines.append(_("Skills you have evidence for: %(skills)s. List these, not skills you only declared.")
                     % {"skills": ", ".join(skills)})  # fmt: skip
    if certificates:
        lines.append(_("Add your certificates to LinkedIn from the CV page: one click each."))
    lines.append(_("Keep it to one page, and download it in Russian and English."))
    return "\n".join(lines)


def answer_interview(context: dict) -> str:
    lines = []
    projects = sorted(
        (p for p in context["projects"] if p["status"] in ("accepted", "submitted", "revision")),
        key=lambda p: -(p["score"] or 0),
    )
    if projects:
        best = projects[0]
        line = _("Prepare a two-minute story about %(title)s (%(course)s): the problem, what you did, the result.") % {
            "title": _quoted(best["title"]), "course": best["course"]
        }  # fmt: skip
        if best["score"] is not None:
            line += " " + _("Mention its quality score, %(score)d/100.") % {"score": round(best["score"])}
        lines.append(line)
        criteria = [row["criterion"] for row in best.get("criteria", [])]
        if criteria:
            lines.append(_("Expect questions on: %(topics)s.") % {"topics": ", ".join(criteria[:4])})
        remark = next((f["text"] for p in projects for f in p["feedback"]), "")
        if remark:
            lines.append(_("Be ready to discuss a reviewer's remark: «%(text)s»") % {"text": remark})
    else:
        finished = [c["title"] for c in context["courses"] if c["status"] == "completed"][:SHOWN]
        if finished:
            lines.append(_("Talk about what you built in %(courses)s: one task, how you solved it, what you learned.")
                         % {"courses": ", ".join(_quoted(t) for t in finished)})  # fmt: skip
        else:
            lines.append(_("You have no finished course or project to talk about yet: a small project of your own "
                           "gives you a story to tell."))  # fmt: skip
    weak = _weak_criteria(context)
    if weak:
        lines.append(_("Revise before the interview: %(criteria)s scored lowest in your reviews.")
                     % {"criteria": ", ".join(_quoted(c) for c in weak)})  # fmt: skip
    skills = [row["skill"] for row in context["progress"]["top_skills"]][:4]
    if skills:
        lines.append(_("Prepare one example for each skill you list: %(skills)s.") % {"skills": ", ".join(skills)})
    lines.append(_("Answer with the STAR method (situation, task, action, result), and prepare two questions for "
                   "the employer about the team and the first three months."))  # fmt: skip
    return "\n".join(lines)


def answer_privacy(context: dict) -> str:
    return _("I can only see your own learning data: your courses, deadlines, projects, certificates and progress. "
             "I cannot show or discuss anyone else's data.")  # fmt: skip


def answer_help(context: dict) -> str:
    return "\n".join(
        [
            _("I answer from your own learning data. Ask me:"),
            "• " + _("What should I learn next?"),
            "• " + _("How am I doing?"),
            "• " + _("Improve my CV"),
            "• " + _("Prepare me for an interview"),
        ]
    )


ANSWERS = {
    NEXT: answer_next,
    PROGRESS: answer_progress,
    CV: answer_cv,
    INTERVIEW: answer_interview,
    PRIVACY: answer_privacy,
    HELP: answer_help,
}


def answer(intent: str, context: dict) -> str:
    return ANSWERS.get(intent, answer_help)(context)
