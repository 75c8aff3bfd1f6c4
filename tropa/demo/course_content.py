"""What the demo courses teach: two long courses with final projects and four short ones, in Russian and English.

A course is a tree of plain tuples, so that the content reads like a syllabus:
modules -> (title, unlock rule, lessons) -> (title, steps) -> (kind, title, body, questions).
A question is (kind, prompt, explanation, answer): for choices a list of (text, correct), for a number
(value, tolerance), for a short text the accepted answers, one per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

T, V, Q, A, F = "text", "video", "quiz", "assignment", "final_project"
OPEN, AFTER, DATE = "open", "after_previous", "on_date"
DEMO_VIDEO = "https://www.youtube.com/watch?v=kqtD5dpn9C8"


@dataclass(frozen=True)
class CourseSpec:
    key: str
    organization: str  # a slug of tropa.demo.world.ORGANIZATIONS
    author: str  # email; a writer in that organization
    publisher: str  # email of an owner/admin there, who approves and publishes
    title: str
    language: str
    format: str
    mode: str
    level: str
    direction: str  # a slug from migration 0002
    skills: tuple[str, ...]
    summary: str
    description: str
    outcomes: str
    duration_weeks: int
    weekly_hours: int
    modules: list = field(default_factory=list)
    price: str = "0"


def _quiz(prompt: str, options: list[tuple[str, bool]], why: str):
    return ("single", prompt, why, options)


ANALYST = CourseSpec(
    key="analyst",
    organization="data-school",
    author="author@data-school.local",
    publisher="owner@data-school.local",
    title="Аналитик данных: от Excel до Python",
    language="ru",
    format="long",
    mode="cohort",
    level="beginner",
    direction="data-analysis",
    skills=("excel", "sql", "python", "pandas"),
    price="24900",
    summary="Десять недель практики: таблицы, SQL, Python и дашборд, который не стыдно показать работодателю.",
    description=(
        "## Для кого курс\n\nДля тех, кто работает с таблицами и хочет перейти в аналитику.\n\n"
        "## Как устроено обучение\n\nКаждую неделю открывается новый уровень. Куратор проверяет задания и "
        "отвечает на вопросы, а в конце вы защищаете **финальный проект** на реальных данных."
    ),
    outcomes="Чистить и объединять данные в таблицах\nПисать SQL-запросы с JOIN и оконными функциями\n"
    "Анализировать данные в pandas\nСобирать дашборд и рассказывать историю данных",
    duration_weeks=10,
    weekly_hours=6,
    modules=[
        (
            "Уровень 1. Таблицы",
            OPEN,
            [
                (
                    "Данные в таблицах",
                    [
                        (
                            T,
                            "Что делает аналитик",
                            "Аналитик отвечает на вопросы бизнеса **данными**: считает, сравнивает и объясняет.",
                            None,
                        ),
                        (V, "Сводные таблицы за 10 минут", "Посмотрите, как собрать сводную таблицу.", None),
                        (
                            Q,
                            "Проверим себя",
                            "",
                            [
                                _quiz(
                                    "Что показывает сводная таблица?",
                                    [
                                        ("Итоги по группам", True),
                                        ("Список всех строк", False),
                                        ("График", False),
                                    ],
                                    "Сводная таблица группирует строки и считает итоги по группам.",
                                ),
                            ],
                        ),
                        (
                            A,
                            "Очистите выгрузку продаж",
                            "Найдите и исправьте дубликаты и пустые значения. Приложите файл или ссылку на таблицу.",
                            None,
                        ),
                    ],
                ),
            ],
        ),
        (
            "Уровень 2. SQL",
            DATE,
            [
                (
                    "Запросы SELECT",
                    [
                        (
                            T,
                            "SELECT, WHERE, ORDER BY",
                            "```sql\nSELECT city, count(*)\nFROM orders\nGROUP BY city\nORDER BY 2 DESC;\n```",
                            None,
                        ),
                        (
                            Q,
                            "Тест по SELECT",
                            "",
                            [
                                _quiz(
                                    "Какой оператор фильтрует сгруппированные строки?",
                                    [
                                        ("WHERE", False),
                                        ("HAVING", True),
                                        ("ORDER BY", False),
                                    ],
                                    "WHERE работает до группировки, HAVING — после.",
                                ),
                                (
                                    "number",
                                    "Сколько строк вернёт SELECT 1 UNION SELECT 1?",
                                    "UNION убирает дубликаты.",
                                    (1, 0),
                                ),
                            ],
                        ),
                    ],
                ),
                (
                    "Объединение таблиц",
                    [
                        (
                            T,
                            "JOIN без страха",
                            "INNER JOIN оставляет совпавшие строки, LEFT JOIN — все строки левой таблицы.",
                            None,
                        ),
                        (
                            A,
                            "Когорты покупателей",
                            "Напишите запрос, который считает удержание покупателей по месяцам первой покупки.",
                            None,
                        ),
                    ],
                ),
            ],
        ),
        (
            "Уровень 3. Python и pandas",
            DATE,
            [
                (
                    "pandas за неделю",
                    [
                        (T, "DataFrame", "`DataFrame` — таблица в памяти: строки, столбцы и индекс.", None),
                        (
                            Q,
                            "Тест по pandas",
                            "",
                            [
                                (
                                    "text",
                                    "Каким методом pandas читает CSV-файл? (без скобок)",
                                    "pd.read_csv",
                                    "read_csv\npd.read_csv",
                                ),
                            ],
                        ),
                        (
                            T,
                            "Группировка и агрегаты",
                            "`df.groupby('city')['revenue'].sum()` — выручка по городам.",
                            None,
                        ),
                        (T, "Графики", "Линейный график показывает тренд, столбчатый — сравнение групп.", None),
                        (
                            A,
                            "Исследуйте продажи в pandas",
                            "Найдите три самых прибыльных категории и постройте график по месяцам. "
                            "Пришлите ссылку на ноутбук.",
                            None,
                        ),
                    ],
                ),
            ],
        ),
        (
            "Уровень 4. Финальный проект",
            DATE,
            [
                (
                    "Защита проекта",
                    [
                        (
                            T,
                            "Как оценивается проект",
                            "Проект оценивают по качеству данных, глубине анализа и ясности выводов.",
                            None,
                        ),
                        (
                            F,
                            "Финальный проект: анализ маркетплейса",
                            "Исследуйте данные маркетплейса и "
                            "подготовьте дашборд с выводами. Приложите ссылку на репозиторий.",
                            None,
                        ),
                    ],
                ),
            ],
        ),
    ],
)

FRONTEND = CourseSpec(
    key="frontend",
    organization="data-school",
    author="author@data-school.local",
    publisher="owner@data-school.local",
    title="Frontend Developer: HTML, CSS and JavaScript",
    language="en",
    format="long",
    mode="cohort",
    level="beginner",
    direction="programming",
    skills=("javascript", "html-css"),
    price="19900",
    summary="Build and ship three real web pages, then a final project reviewed by working developers.",
    description="## What you will build\n\nA portfolio site, an interactive form and a small single-page app.",
    outcomes="Lay out responsive pages with modern CSS\nWrite JavaScript that talks to an API\n"
    "Ship a site with Git and a CI check",
    duration_weeks=8,
    weekly_hours=5,
    modules=[
        (
            "Level 1. HTML and CSS",
            OPEN,
            [
                (
                    "Structure and style",
                    [
                        (
                            T,
                            "Semantic HTML",
                            "Use `header`, `main`, `nav` and `footer`: browsers and screen readers "
                            "understand your page.",
                            None,
                        ),
                        (
                            Q,
                            "Check yourself",
                            "",
                            [
                                _quiz(
                                    "Which element holds the main content?",
                                    [
                                        ("<main>", True),
                                        ("<section>", False),
                                        ("<div>", False),
                                    ],
                                    "There is one <main> per page.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
        (
            "Level 2. JavaScript",
            AFTER,
            [
                (
                    "The language",
                    [
                        (T, "Values and functions", "Functions are values: pass them, return them.", None),
                        (A, "A to-do list", "Build a to-do list that keeps items in localStorage.", None),
                    ],
                ),
            ],
        ),
        (
            "Level 3. Final project",
            AFTER,
            [("Ship it", [(F, "Final project: your portfolio", "Publish your portfolio and send the link.", None)])],
        ),
    ],
)

SQL_WEEK = CourseSpec(
    key="sql",
    organization="data-school",
    author="author@data-school.local",
    publisher="owner@data-school.local",
    title="SQL за неделю",
    language="ru",
    format="short",
    mode="self_paced",
    level="beginner",
    direction="data-analysis",
    skills=("sql",),
    summary="Пять коротких уроков: от первого SELECT до JOIN и группировок.",
    description="Курс для тех, кто никогда не писал запросов. Каждый урок — 20 минут и тест.",
    outcomes="Писать запросы SELECT с фильтрами\nГруппировать и считать итоги\nОбъединять таблицы",
    duration_weeks=1,
    weekly_hours=3,
    modules=[
        (
            "Основы",
            OPEN,
            [
                (
                    "Первый запрос",
                    [
                        (T, "Таблицы и строки", "База данных хранит **таблицы**; запрос выбирает из них строки.", None),
                        (
                            Q,
                            "Тест",
                            "",
                            [
                                _quiz(
                                    "Что вернёт SELECT * FROM users?",
                                    [
                                        ("Все столбцы всех строк", True),
                                        ("Только первую строку", False),
                                    ],
                                    "Звёздочка означает «все столбцы».",
                                ),
                            ],
                        ),
                    ],
                ),
                ("Группировки", [(T, "GROUP BY", "GROUP BY собирает строки в группы для подсчёта итогов.", None)]),
            ],
        ),
    ],
)

GIT = CourseSpec(
    key="git",
    organization="data-school",
    author="author@data-school.local",
    publisher="owner@data-school.local",
    title="Git Essentials",
    language="en",
    format="short",
    mode="self_paced",
    level="beginner",
    direction="programming",
    skills=("git",),
    summary="Commit, branch, merge and recover: the Git you use every day, in one evening.",
    description="Hands-on: every lesson ends with a task in your own repository.",
    outcomes="Commit with clear messages\nBranch and merge\nUndo a mistake safely",
    duration_weeks=1,
    weekly_hours=2,
    modules=[
        (
            "Everyday Git",
            OPEN,
            [
                (
                    "Commits",
                    [
                        (
                            T,
                            "What a commit is",
                            "A commit is a snapshot of your project with a message saying why.",
                            None,
                        ),
                        (V, "Branches in five minutes", "Watch how branches move.", None),
                        (
                            Q,
                            "Quiz",
                            "",
                            [
                                (
                                    "multiple",
                                    "Which commands change history?",
                                    "Both rewrite commits.",
                                    [
                                        ("git rebase", True),
                                        ("git commit --amend", True),
                                        ("git status", False),
                                    ],
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)

SCRATCH = CourseSpec(
    key="scratch",
    organization="yuniy-kod",
    author="methodist@yuniy-kod.local",
    publisher="admin@yuniy-kod.local",
    title="Scratch: моя первая игра",
    language="ru",
    format="short",
    mode="self_paced",
    level="beginner",
    direction="programming-for-kids",
    skills=("scratch",),
    summary="Для детей 8–11 лет: за четыре занятия собираем игру с котом, очками и уровнями.",
    description="Занятия короткие и весёлые. Родители видят, как идут дела.",
    outcomes="Двигать персонажей и менять костюмы\nСчитать очки в переменной\nДелать уровни игры",
    duration_weeks=2,
    weekly_hours=2,
    modules=[
        (
            "Кот учится ходить",
            OPEN,
            [
                (
                    "Первые блоки",
                    [
                        (T, "Где живут блоки", "Блоки лежат слева. Перетащите блок «идти 10 шагов» на поле.", None),
                        (
                            Q,
                            "Вопрос",
                            "",
                            [
                                _quiz(
                                    "Какой блок запускает программу?",
                                    [
                                        ("Когда щёлкнут по флажку", True),
                                        ("Повторить 10 раз", False),
                                    ],
                                    "Зелёный флажок запускает все скрипты с этим блоком.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
        (
            "Очки и уровни",
            AFTER,
            [
                (
                    "Переменные",
                    [
                        (
                            A,
                            "Игра с очками",
                            "Сделайте игру, где кот ловит мышку и получает очки. Пришлите ссылку на проект.",
                            None,
                        )
                    ],
                )
            ],
        ),
    ],
)

PRODUCT = CourseSpec(
    key="product",
    organization="northwind",
    author="hr@northwind.local",
    publisher="hr@northwind.local",
    title="Product Analytics Fundamentals",
    language="en",
    format="short",
    mode="self_paced",
    level="intermediate",
    direction="data-analysis",
    skills=("sql", "web-analytics"),
    summary="Funnels, retention and A/B tests, taught by the analysts who hire our juniors.",
    description="Learn the metrics a product team asks about on your first day.",
    outcomes="Build a funnel\nRead a retention curve\nJudge an A/B test",
    duration_weeks=2,
    weekly_hours=3,
    modules=[
        (
            "Metrics",
            OPEN,
            [
                (
                    "Funnels",
                    [
                        (T, "From visit to purchase", "A funnel counts who reaches each step.", None),
                        (
                            Q,
                            "Quiz",
                            "",
                            [
                                ("number", "100 visits, 20 sign-ups: conversion in %?", "20 / 100 = 20 %.", (20, 0)),
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
)

COURSES = [ANALYST, FRONTEND, SQL_WEEK, GIT, SCRATCH, PRODUCT]
