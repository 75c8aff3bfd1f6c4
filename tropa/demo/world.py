"""What the demo world contains: people, organizations and who plays which role where."""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_PASSWORD = "tropa-demo-2026"


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    language: str = "ru"
    is_minor: bool = False
    is_staff: bool = False
    headline: str = ""
    city: str = ""
    skills: tuple[str, ...] = ()
    note: str = ""  # shown in the printed login table


@dataclass(frozen=True)
class Org:
    slug: str
    name: str
    kind: str
    city: str
    website: str
    description: str
    owner: str
    members: dict[str, str] = field(default_factory=dict)  # email -> role


PEOPLE = [
    Person("admin@tropa.local", "Ирина", "Соколова", is_staff=True, note="platform admin (/admin/)"),
    # Young Coders: a children's supplementary-education centre.
    Person(
        "owner@yuniy-kod.local",
        "Марина",
        "Петрова",
        headline="Директор центра",
        city="Казань",
        note="owner, Young Coders centre",
    ),
    Person("admin@yuniy-kod.local", "Олег", "Кузнецов", note="admin, Young Coders"),
    Person("methodist@yuniy-kod.local", "Анна", "Волкова", headline="Методист", note="methodologist, Young Coders"),
    Person(
        "curator@yuniy-kod.local", "Дмитрий", "Орлов", headline="Преподаватель Python", note="curator, Young Coders"
    ),
    Person("support@yuniy-kod.local", "Елена", "Морозова", note="support, Young Coders"),
    Person("moderator@yuniy-kod.local", "Игорь", "Лебедев", note="moderator, Young Coders"),
    Person("child@yuniy-kod.local", "Миша", "Смирнов", is_minor=True, note="learner (child), Young Coders"),
    Person("parent@tropa.local", "Светлана", "Смирнова", note="parent of Misha (confirmed link)"),
    # Data School: an online school for adults.
    Person("owner@data-school.local", "Павел", "Никитин", note="owner, Data School"),
    Person(
        "author@data-school.local",
        "Kate",
        "Miller",
        language="en",
        headline="Data analyst, course author",
        city="Remote",
        skills=("SQL", "Python", "pandas"),
        note="author, Data School (English)",
    ),
    Person("editor@data-school.local", "Наталья", "Фёдорова", note="editor, Data School"),
    Person("curator@data-school.local", "Артём", "Козлов", note="curator, Data School"),
    # Companies.
    Person("ceo@technosoft.local", "Виктор", "Соловьёв", headline="CEO", note="owner, TechnoSoft"),
    Person("hr@technosoft.local", "Ольга", "Белова", headline="HR-менеджер", note="HR, TechnoSoft"),
    Person(
        "expert@technosoft.local", "Максим", "Григорьев", headline="Lead backend engineer", note="expert, TechnoSoft"
    ),
    Person(
        "mentor@technosoft.local",
        "Алексей",
        "Зайцев",
        headline="Senior Python developer",
        skills=("Python", "Django", "PostgreSQL"),
        note="mentor, TechnoSoft",
    ),
    Person(
        "hr@northwind.local",
        "Emily",
        "Clark",
        language="en",
        headline="Talent partner",
        note="owner/HR, Northwind Analytics (English)",
    ),
    Person(
        "mentor@northwind.local",
        "James",
        "Turner",
        language="en",
        headline="Analytics engineer",
        note="mentor, Northwind Analytics (English)",
    ),
    # Learners.
    Person(
        "learner@tropa.local",
        "Анастасия",
        "Егорова",
        headline="Начинающий аналитик данных",
        city="Москва",
        skills=("Excel", "SQL"),
        note="learner",
    ),
    Person(
        "learner.en@tropa.local",
        "Tom",
        "Baker",
        language="en",
        headline="Career changer into QA",
        city="Remote",
        skills=("Testing",),
        note="learner (English)",
    ),
]

ORGANIZATIONS = [
    Org(
        "yuniy-kod",
        "Центр «Юный кодер»",
        "school",
        "Казань",
        "https://yuniy-kod.example",
        "Центр дополнительного образования: программирование и робототехника для детей 8–16 лет.",
        owner="owner@yuniy-kod.local",
        members={
            "admin@yuniy-kod.local": "admin",
            "methodist@yuniy-kod.local": "methodologist",
            "curator@yuniy-kod.local": "curator",
            "support@yuniy-kod.local": "support",
            "moderator@yuniy-kod.local": "moderator",
            "child@yuniy-kod.local": "learner",
        },
    ),
    Org(
        "data-school",
        "Онлайн-школа «Данные»",
        "school",
        "Москва",
        "https://data-school.example",
        "Онлайн-школа аналитики данных: от Excel и SQL до первой работы аналитиком.",
        owner="owner@data-school.local",
        members={
            "author@data-school.local": "author",
            "editor@data-school.local": "editor",
            "curator@data-school.local": "curator",
            "learner@tropa.local": "learner",
        },
    ),
    Org(
        "technosoft",
        "ТехноСофт",
        "company",
        "Санкт-Петербург",
        "https://technosoft.example",
        "Продуктовая IT-компания: берём стажёров по итогам финальных проектов.",
        owner="ceo@technosoft.local",
        members={"hr@technosoft.local": "hr", "expert@technosoft.local": "expert", "mentor@technosoft.local": "mentor"},
    ),
    Org(
        "northwind",
        "Northwind Analytics",
        "company",
        "Remote",
        "https://northwind.example",
        "A data consultancy hiring junior analysts worldwide.",
        owner="hr@northwind.local",
        members={"mentor@northwind.local": "mentor"},
    ),
]

# (guardian email, child email): confirmed by the child's school on the child's behalf.
GUARDIANS = [("parent@tropa.local", "child@yuniy-kod.local", "yuniy-kod")]


# The learners of the running cohort of the long data-analysis course (tropa/demo/course_seed.py gives each a
# way of learning: steady, fast, stalled, slow, left).
_STUDENT_NAMES = [
    ("Алина", "Орлова"), ("Борис", "Петров"), ("Вера", "Смирнова"), ("Глеб", "Козлов"), ("Дарья", "Новикова"),
    ("Егор", "Морозов"), ("Жанна", "Волкова"), ("Захар", "Лебедев"), ("Ирина", "Зайцева"), ("Кирилл", "Соколов"),
    ("Лиза", "Павлова"), ("Марк", "Семёнов"), ("Нина", "Голубева"), ("Олег", "Виноградов"), ("Полина", "Богданова"),
    ("Роман", "Воробьёв"), ("София", "Фёдорова"), ("Тимур", "Михайлов"), ("Ульяна", "Беляева"), ("Фёдор", "Тарасов"),
    ("Юлия", "Белова"), ("Ян", "Комаров"), ("Кира", "Киселёва"), ("Лев", "Макаров"),
]  # fmt: skip
STUDENT_PEOPLE = [
    Person(f"student{n:02d}@data-school.local", first, last, note="learner, data-analysis cohort")
    for n, (first, last) in enumerate(_STUDENT_NAMES, start=1)
]
STUDENTS = [person.email for person in STUDENT_PEOPLE]
