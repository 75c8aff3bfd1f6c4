"""The selectors careers uses: a learner's project quality score and accepted projects with skills."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tropa.projects.selectors.quality import accepted_projects, project_quality_for, skills_evidenced
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, submit

pytestmark = pytest.mark.django_db


def test_only_accepted_projects_count(project, school, django_assert_num_queries):
    first = submit(project, school.people.l1).work
    submit(project, school.people.l2)
    review_submit(actor=school.people.curator, work_id=first.pk, levels=levels_all(project, 2), feedback="ok",
                  decision="accept")  # fmt: skip
    assert project_quality_for(school.people.l1) == Decimal("66.67")
    assert project_quality_for(school.people.l2) is None
    assert project_quality_for(school.people.l1, course_id=project.course_id + 1) is None
    # The works, their teammates, the rubric criteria and their skills: four queries however many rows.
    with django_assert_num_queries(4):
        rows = list(accepted_projects(min_score=60))
        assert [row.user for row in rows] == [school.people.l1]
        assert [skill.slug for skill in skills_evidenced(rows[0])] == ["python", "sql"]
    assert list(accepted_projects(min_score=70)) == []
    assert len(accepted_projects(skill_slugs=["sql"])) == 1
    assert len(accepted_projects(course_ids=[project.course_id])) == 1
