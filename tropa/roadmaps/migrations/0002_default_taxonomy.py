"""Seed the default taxonomy: target roles per direction with the skills and levels they need, a few skills the
starter set lacked, and the diagnostic's question bank (three levels for each of ten key skills), ru and en.

Reversible: unapplying removes these roles and questions, and the skills this migration added (by slug).
Applying again updates rows with the same slugs and prompts instead of failing.
"""

from django.db import migrations

NEW_SKILLS = [
    ("rest-api", "REST API", "REST APIs"),
    ("test-design", "Тест-дизайн", "Test design"),
    ("user-research", "Исследования пользователей", "User research"),
    ("product-analytics", "Продуктовая аналитика", "Product analytics"),
    ("financial-modeling", "Финансовое моделирование", "Financial modelling"),
    ("accounting", "Бухгалтерский учёт", "Accounting"),
]

# slug, direction, (ru, en), (summary ru, summary en), [(skill, level 1..3), ...]
ROLES = [
    ("data-analyst", "data-analysis", ("Аналитик данных", "Data analyst"),
     ("Отвечает на вопросы бизнеса с помощью данных: SQL, Python, статистика, графики.",
      "Answers business questions with data: SQL, Python, statistics, charts."),
     [("sql", 3), ("excel", 2), ("statistics", 2), ("pandas", 2), ("python", 2), ("data-visualization", 2),
      ("power-bi", 1)]),
    ("bi-analyst", "data-analysis", ("BI-аналитик", "BI analyst"),
     ("Строит дашборды и отчёты, по которым компания принимает решения.",
      "Builds the dashboards and reports a company decides by."),
     [("sql", 3), ("power-bi", 3), ("data-visualization", 3), ("excel", 2), ("statistics", 1)]),
    ("backend-developer", "programming", ("Backend-разработчик (Python)", "Backend developer (Python)"),
     ("Пишет серверную часть веб-сервисов: API, базы данных, развёртывание.",
      "Builds the server side of web services: APIs, databases, deployment."),
     [("python", 3), ("django", 2), ("sql", 2), ("git", 2), ("rest-api", 2), ("docker", 1), ("linux", 1)]),
    ("frontend-developer", "programming", ("Frontend-разработчик", "Frontend developer"),
     ("Делает интерфейсы сайтов и приложений, которые работают в браузере.",
      "Builds the interfaces of sites and apps that run in the browser."),
     [("javascript", 3), ("html-css", 3), ("react", 2), ("git", 2), ("typescript", 1), ("rest-api", 1)]),
    ("qa-engineer", "testing", ("Инженер по тестированию (QA)", "QA engineer"),
     ("Находит ошибки до пользователей: тест-дизайн, API, базы данных, автотесты.",
      "Finds bugs before users do: test design, APIs, databases, automated tests."),
     [("test-design", 3), ("rest-api", 2), ("sql", 1), ("git", 1), ("python", 1)]),
    ("ui-ux-designer", "design", ("UI/UX-дизайнер", "UI/UX designer"),
     ("Проектирует удобные интерфейсы: исследования, прототипы, дизайн-системы.",
      "Designs usable interfaces: research, prototypes, design systems."),
     [("ui-ux", 3), ("figma", 3), ("user-research", 2), ("graphic-design", 1)]),
    ("product-manager", "product-management", ("Продакт-менеджер", "Product manager"),
     ("Решает, что и зачем делать продукту, и доводит это до результата.",
      "Decides what a product should do and why, and sees it through."),
     [("product-analytics", 2), ("user-research", 2), ("agile-scrum", 2), ("project-management", 2), ("sql", 1)]),
    ("digital-marketer", "marketing", ("Интернет-маркетолог", "Digital marketer"),
     ("Приводит клиентов через поиск, соцсети и тексты и меряет результат.",
      "Brings customers through search, social media and copy, and measures the result."),
     [("web-analytics", 2), ("seo", 2), ("smm", 2), ("copywriting", 2)]),
    ("financial-analyst", "finance", ("Финансовый аналитик", "Financial analyst"),
     ("Считает деньги компании: модели, отчётность, прогнозы.",
      "Works the company's numbers: models, reporting, forecasts."),
     [("excel", 3), ("financial-modeling", 2), ("accounting", 2), ("statistics", 1), ("sql", 1)]),
]

# skill, level, (prompt ru, prompt en), [(choice ru, choice en), ...], correct index
QUESTIONS = [
    ("sql", 1, ("Какая команда выбирает строки из таблицы?", "Which statement reads rows from a table?"),
     [("SELECT", "SELECT"), ("INSERT", "INSERT"), ("DROP", "DROP")], 0),
    ("sql", 2, ("Что вернёт LEFT JOIN для строки слева без пары справа?", "What does a LEFT JOIN give for a left row with no match?"),
     [("Ничего, строка пропадёт", "Nothing, the row is dropped"), ("Строку с NULL в правых столбцах", "The row with NULLs on the right"), ("Ошибку", "An error")], 1),
    ("sql", 3, ("Чем оконная функция отличается от GROUP BY?", "How does a window function differ from GROUP BY?"),
     [("Сохраняет каждую строку, добавляя агрегат", "It keeps every row and adds the aggregate"), ("Работает только с датами", "It only works with dates"), ("Ничем", "No difference")], 0),
    ("statistics", 1, ("Что такое медиана?", "What is the median?"),
     [("Самое частое значение", "The most frequent value"), ("Значение посередине упорядоченного ряда", "The middle value of the sorted data"), ("Среднее арифметическое", "The arithmetic mean")], 1),
    ("statistics", 2, ("p-value = 0,03 при уровне 0,05 означает…", "A p-value of 0.03 at the 0.05 level means…"),
     [("Гипотеза H0 верна", "H0 is true"), ("Отвергаем H0", "We reject H0"), ("Эффект большой", "The effect is large")], 1),
    ("statistics", 3, ("Зачем в A/B-тесте считать мощность заранее?", "Why compute power before an A/B test?"),
     [("Чтобы выбрать размер выборки", "To choose the sample size"), ("Чтобы ускорить сервер", "To speed up the server"), ("Чтобы не нужен был p-value", "So no p-value is needed")], 0),
    ("python", 1, ("Как в Python получить длину списка items?", "How do you get the length of a list items in Python?"),
     [("items.length", "items.length"), ("len(items)", "len(items)"), ("size(items)", "size(items)")], 1),
    ("python", 2, ("Что делает конструкция with open(...) as f?", "What does with open(...) as f do?"),
     [("Закрывает файл автоматически", "Closes the file automatically"), ("Открывает файл навсегда", "Opens the file for good"), ("Копирует файл", "Copies the file")], 0),
    ("python", 3, ("Чем генератор отличается от списка?", "How does a generator differ from a list?"),
     [("Выдаёт значения по одному, не храня все", "Yields values one by one without storing all"), ("Он быстрее сортирует", "It sorts faster"), ("Ничем", "No difference")], 0),
    ("javascript", 1, ("Как объявить изменяемую переменную в современном JS?", "How do you declare a reassignable variable in modern JS?"),
     [("let", "let"), ("const", "const"), ("define", "define")], 0),
    ("javascript", 2, ("Что вернёт [1, 2, 3].map(x => x * 2)?", "What does [1, 2, 3].map(x => x * 2) return?"),
     [("[2, 4, 6]", "[2, 4, 6]"), ("12", "12"), ("[1, 2, 3]", "[1, 2, 3]")], 0),
    ("javascript", 3, ("Что делает await внутри async-функции?", "What does await do inside an async function?"),
     [("Блокирует весь браузер", "Blocks the whole browser"), ("Ждёт промис, не блокируя поток", "Waits for a promise without blocking the thread"), ("Создаёт поток", "Starts a thread")], 1),
    ("html-css", 1, ("Какой тег делает ссылку?", "Which tag makes a link?"),
     [("<a>", "<a>"), ("<link>", "<link>"), ("<href>", "<href>")], 0),
    ("html-css", 2, ("Какое свойство включает flex-раскладку?", "Which property turns on flex layout?"),
     [("display: flex", "display: flex"), ("position: flex", "position: flex"), ("float: flex", "float: flex")], 0),
    ("html-css", 3, ("Какой селектор специфичнее: .btn.primary или #save?", "Which selector is more specific: .btn.primary or #save?"),
     [(".btn.primary", ".btn.primary"), ("#save", "#save"), ("Одинаково", "The same")], 1),
    ("test-design", 1, ("Что такое баг-репорт?", "What is a bug report?"),
     [("Описание ошибки с шагами воспроизведения", "A description of a defect with steps to reproduce"), ("План релиза", "A release plan"), ("Отзыв клиента", "Customer feedback")], 0),
    ("test-design", 2, ("Поле принимает 1–100. Какие значения проверить по граничным значениям?", "A field takes 1–100. Which values does boundary analysis test?"),
     [("50", "50"), ("0, 1, 100, 101", "0, 1, 100, 101"), ("Любые три", "Any three")], 1),
    ("test-design", 3, ("Когда полезна попарная (pairwise) техника?", "When is pairwise testing useful?"),
     [("Много параметров с вариантами", "Many parameters with several values"), ("Один текстовый ввод", "A single text input"), ("Нагрузочное тестирование", "Load testing")], 0),
    ("ui-ux", 1, ("Что такое прототип?", "What is a prototype?"),
     [("Черновая модель интерфейса для проверки идеи", "A rough model of an interface to test an idea"), ("Готовый код", "Finished code"), ("Логотип", "A logo")], 0),
    ("ui-ux", 2, ("Минимальный контраст обычного текста по WCAG AA?", "The minimum WCAG AA contrast for normal text?"),
     [("3:1", "3:1"), ("4.5:1", "4.5:1"), ("7:1", "7:1")], 1),
    ("ui-ux", 3, ("Сколько участников юзабилити-теста обычно находят большинство проблем?", "How many usability-test participants usually find most problems?"),
     [("Около пяти", "About five"), ("Не меньше ста", "At least a hundred"), ("Один", "One")], 0),
    ("product-analytics", 1, ("Что такое DAU?", "What is DAU?"),
     [("Число пользователей за день", "Users active in a day"), ("Выручка за день", "Revenue per day"), ("Число багов", "Number of bugs")], 0),
    ("product-analytics", 2, ("Что показывает когортный анализ удержания?", "What does a cohort retention analysis show?"),
     [("Сколько пользователей каждой когорты возвращается со временем", "How many users of each cohort come back over time"), ("Цену продукта", "The product's price"), ("Скорость сайта", "Site speed")], 0),
    ("product-analytics", 3, ("LTV = 3 000 ₽, CAC = 4 000 ₽. Что это значит?", "LTV is 3,000 and CAC is 4,000. What does it mean?"),
     [("Клиент приносит меньше, чем стоит его привлечение", "A customer brings less than they cost to acquire"), ("Всё хорошо", "All is well"), ("Нужно больше рекламы", "More ads are needed")], 0),
    ("web-analytics", 1, ("Что такое конверсия?", "What is a conversion rate?"),
     [("Доля посетителей, совершивших целевое действие", "The share of visitors who complete the goal"), ("Число страниц", "The number of pages"), ("Цена клика", "The cost of a click")], 0),
    ("web-analytics", 2, ("Зачем нужны UTM-метки?", "What are UTM tags for?"),
     [("Чтобы знать, откуда пришёл трафик", "To know where traffic came from"), ("Чтобы ускорить сайт", "To speed the site up"), ("Для SEO-текстов", "For SEO copy")], 0),
    ("web-analytics", 3, ("Чем модель атрибуции «по последнему клику» искажает картину?", "How does last-click attribution distort the picture?"),
     [("Недооценивает каналы, с которых путь начался", "It undervalues the channels that started the journey"), ("Никак", "It does not"), ("Удваивает продажи", "It doubles sales")], 0),
    ("excel", 1, ("Как сложить значения A1:A10?", "How do you add up A1:A10?"),
     [("=SUM(A1:A10)", "=SUM(A1:A10)"), ("=ADD(A1:A10)", "=ADD(A1:A10)"), ("=A1+A10", "=A1+A10")], 0),
    ("excel", 2, ("Что делает $ в ссылке $A$1?", "What does $ do in the reference $A$1?"),
     [("Закрепляет ссылку при копировании", "Fixes the reference when copied"), ("Форматирует как деньги", "Formats as money"), ("Ничего", "Nothing")], 0),
    ("excel", 3, ("Чем XLOOKUP (ПРОСМОТРX) удобнее VLOOKUP?", "Why is XLOOKUP handier than VLOOKUP?"),
     [("Ищет в любом столбце и в любую сторону", "It looks up in any column and either direction"), ("Работает только с числами", "It only works with numbers"), ("Ничем", "No difference")], 0),
]


def seed(apps, schema_editor):
    Direction = apps.get_model("courses", "Direction")
    Skill = apps.get_model("courses", "Skill")
    TargetRole = apps.get_model("roadmaps", "TargetRole")
    RoleSkill = apps.get_model("roadmaps", "RoleSkill")
    QuizQuestion = apps.get_model("roadmaps", "QuizQuestion")
    for slug, name_ru, name_en in NEW_SKILLS:
        Skill.objects.update_or_create(slug=slug, defaults={"name_ru": name_ru, "name_en": name_en})
    directions = {d.slug: d for d in Direction.objects.all()}
    skills = {s.slug: s for s in Skill.objects.all()}
    for position, (slug, direction, (name_ru, name_en), (summary_ru, summary_en), needs) in enumerate(ROLES):
        if direction not in directions:
            continue
        role, _created = TargetRole.objects.update_or_create(
            slug=slug,
            defaults={
                "direction": directions[direction],
                "name_ru": name_ru,
                "name_en": name_en,
                "summary_ru": summary_ru,
                "summary_en": summary_en,
                "position": position,
            },
        )
        for skill, level in needs:
            if skill in skills:
                RoleSkill.objects.update_or_create(role=role, skill=skills[skill], defaults={"level": level})
    for skill, level, (prompt_ru, prompt_en), choices, correct in QUESTIONS:
        if skill not in skills:
            continue
        # Written with the right answer first or second; rotate so that it lands anywhere.
        shift = len(prompt_en) % len(choices)
        choices = choices[shift:] + choices[:shift]
        QuizQuestion.objects.update_or_create(
            skill=skills[skill],
            prompt_en=prompt_en,
            defaults={
                "level": level,
                "prompt_ru": prompt_ru,
                "choices_ru": [ru for ru, _en in choices],
                "choices_en": [en for _ru, en in choices],
                "correct": (correct - shift) % len(choices),
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("roadmaps", "QuizQuestion").objects.filter(prompt_en__in=[q[2][1] for q in QUESTIONS]).delete()
    apps.get_model("roadmaps", "TargetRole").objects.filter(slug__in=[r[0] for r in ROLES]).delete()
    apps.get_model("courses", "Skill").objects.filter(slug__in=[s[0] for s in NEW_SKILLS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roadmaps", "0001_initial"),
        ("courses", "0002_directions_and_skills"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
