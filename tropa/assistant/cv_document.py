"""The CV as one read: the verified part from the portfolio (projects app) plus the owner's edits and choices.

The verified part is the owner's own portfolio (`portfolio_get_for(owner, owner.pk)`: every finished course,
valid certificate, accepted project with its quality score and the skills its rubric evidences). The edits choose
which of those items appear and in what order, and add the summary, experience, education and contacts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from tropa.assistant.models import CurriculumVitae
from tropa.assistant.selectors import cv_edits_for
from tropa.courses.selectors.certificates import certificate_linkedin_url, certificate_verify_url
from tropa.projects.resume import json_resume
from tropa.projects.selectors.portfolio import portfolio_get_for


@dataclass
class Entry:
    """A free-text block of the owner's (experience, education): the first line is its title."""

    title: str
    details: str = ""


@dataclass
class Item:
    key: str  # "course:<id>" or "project:<id>", as the portfolio names items
    kind: str
    obj: object
    included: bool
    position: int


@dataclass
class CVDocument:
    owner: object
    edits: CurriculumVitae
    portfolio: object
    items: list[Item] = field(default_factory=list)  # every verified item, chosen or not, in the chosen order
    projects: list = field(default_factory=list)  # accepted works, chosen, ordered
    courses: list = field(default_factory=list)  # completed enrollments, chosen, ordered
    certificates: list = field(default_factory=list)  # dicts: certificate, verify_url, linkedin_url
    skills: list = field(default_factory=list)
    experience: list[Entry] = field(default_factory=list)
    education: list[Entry] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.owner.display_name


def entries(text: str) -> list[Entry]:
    """Blocks separated by blank lines; the first line of each is its title."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    result = []
    for block in blocks:
        if not block:
            continue
        title, _sep, details = block.partition("\n")
        result.append(Entry(title=title.strip(), details=" ".join(details.split())))
    return result


def _ordered(items: list[Item], order: list[str]) -> list[Item]:
    rank = {key: index for index, key in enumerate(order or [])}
    for index, item in enumerate(items):
        item.position = rank.get(item.key, len(rank) + index) + 1
    return sorted(items, key=lambda item: item.position)


def cv_document_for(*, owner, edits: CurriculumVitae | None = None) -> CVDocument | None:
    """The owner's CV; None only if their profile is gone. `edits` overrides the stored ones (a preview)."""
    portfolio = portfolio_get_for(owner, owner.pk)
    if portfolio is None:
        return None
    edits = edits or cv_edits_for(user=owner)
    hidden = set(edits.hidden_items or [])
    items = [Item(w.item_key, "project", w, w.item_key not in hidden, 0) for w in portfolio.projects]
    items += [Item(e.item_key, "course", e, e.item_key not in hidden, 0) for e in portfolio.courses]
    items = _ordered(items, edits.item_order)
    document = CVDocument(owner=owner, edits=edits, portfolio=portfolio, items=items)
    document.projects = [item.obj for item in items if item.included and item.kind == "project"]
    document.courses = [item.obj for item in items if item.included and item.kind == "course"]
    document.certificates = [
        {
            "certificate": enrollment.valid_certificate,
            "verify_url": certificate_verify_url(enrollment.valid_certificate),
            "linkedin_url": certificate_linkedin_url(enrollment.valid_certificate),
        }
        for enrollment in document.courses
        if enrollment.valid_certificate
    ]
    skills = {}
    for work in document.projects:
        for skill in work.skills:
            skills[skill.pk] = skill
    document.skills = sorted(skills.values(), key=lambda skill: skill.slug)
    document.experience = entries(edits.experience)
    document.education = entries(edits.education)
    return document


def cv_json_resume(document: CVDocument) -> dict:
    """JSON Resume: the projects app's export of the chosen items, with the owner's edits laid over it."""
    chosen = dataclasses.replace(
        document.portfolio, courses=document.courses, projects=document.projects, skills=document.skills
    )
    data = json_resume(chosen)
    edits = document.edits
    basics = data["basics"]
    basics["label"] = edits.headline or basics.get("label", "")
    basics["summary"] = edits.summary or basics.get("summary", "")
    if edits.email:
        basics["email"] = edits.email
    if edits.phone:
        basics["phone"] = edits.phone
    if edits.location:
        basics["location"] = {"city": edits.location}
    basics["profiles"] = [{"network": "web", "url": link} for link in edits.link_list] or basics.get("profiles", [])
    data["work"] = [{"position": entry.title, "summary": entry.details} for entry in document.experience]
    data["education"] = [
        {"institution": entry.title, "area": entry.details, "studyType": ""} for entry in document.education
    ] + data["education"]
    return data
