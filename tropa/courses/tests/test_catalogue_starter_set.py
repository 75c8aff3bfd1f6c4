"""The data migration's curated directions and skills: present in both languages, and reversible."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from tropa.courses.models import Course, Direction, Skill

pytestmark = pytest.mark.django_db

migration = importlib.import_module("tropa.courses.migrations.0002_directions_and_skills")


def test_the_starter_set_is_there_with_russian_and_english_names():
    assert Direction.objects.count() >= len(migration.DIRECTIONS)
    for slug in ["programming", "data-analysis", "design", "marketing", "management", "robotics-for-kids"]:
        direction = Direction.objects.get(slug=slug)
        assert direction.name_ru and direction.name_en
    assert {"python", "sql", "figma"} <= set(Skill.objects.values_list("slug", flat=True))
    analysis = Direction.objects.get(slug="data-analysis")
    with translation.override("ru"):
        assert analysis.name == "Анализ данных"
    with translation.override("en"):
        assert analysis.name == "Data analysis"


def test_every_slug_and_name_is_unique_and_filled():
    for rows in (migration.DIRECTIONS, migration.SKILLS):
        slugs = [slug for slug, _ru, _en in rows]
        assert len(slugs) == len(set(slugs))
        assert all(ru.strip() and en.strip() for _slug, ru, en in rows)


def test_unapplying_removes_the_set_and_keeps_courses(make_course):
    course = make_course(modules=0, direction=Direction.objects.get(slug="design"))
    course.skills.add(Skill.objects.get(slug="figma"))
    # Migrating backwards undoes the later apps' seeds first: the roadmaps taxonomy protects its directions.
    importlib.import_module("tropa.roadmaps.migrations.0002_default_taxonomy").unseed(apps, None)
    migration.remove_starter_set(apps, None)
    assert not Direction.objects.filter(slug__in=[row[0] for row in migration.DIRECTIONS]).exists()
    assert not Skill.objects.filter(slug__in=[row[0] for row in migration.SKILLS]).exists()
    course.refresh_from_db()
    assert course.direction is None and course.skills.count() == 0
    assert Course.objects.filter(pk=course.pk).exists()


def test_applying_again_updates_names_instead_of_failing():
    Direction.objects.filter(slug="design").update(name_en="Old name")
    migration.add_starter_set(apps, None)
    migration.add_starter_set(apps, None)
    assert Direction.objects.get(slug="design").name_en == "Design"
    assert Direction.objects.filter(slug="design").count() == 1
