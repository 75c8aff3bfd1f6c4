"""Seed the daily-challenge and battle question pool: six questions in each of four directions, ru and en.

Reversible: unapplying removes exactly these prompts. Directions come from courses' own seed migration.
"""

from django.db import migrations

# direction slug, skill slug, (prompt ru, prompt en), [(choice ru, choice en), ...], correct index, (why ru, why en)
POOL = [
    ("programming", "python", ("Что выведет print(len('тропа'))?", "What does print(len('tropa')) print?"),
     [("4", "4"), ("5", "5"), ("6", "6")], 1, ("В строке пять символов.", "The string has five characters.")),
    ("programming", "python", ("Какой тип у значения 3 / 2 в Python 3?", "What type is 3 / 2 in Python 3?"),
     [("int", "int"), ("float", "float"), ("Decimal", "Decimal")], 1,
     ("Оператор / всегда даёт float.", "The / operator always gives a float.")),
    ("programming", "git", ("Какая команда создаёт новую ветку и переключается на неё?", "Which command creates a branch and switches to it?"),
     [("git branch -d", "git branch -d"), ("git switch -c", "git switch -c"), ("git merge", "git merge")], 1,
     ("switch -c создаёт ветку и переходит на неё.", "switch -c creates the branch and moves to it.")),
    ("programming", "python", ("Что вернёт [1, 2, 3][-1]?", "What does [1, 2, 3][-1] return?"),
     [("1", "1"), ("3", "3"), ("Ошибку", "An error")], 1, ("Индекс -1 — последний элемент.", "Index -1 is the last item.")),
    ("programming", "javascript", ("Чему равно typeof null в JavaScript?", "What is typeof null in JavaScript?"),
     [("'null'", "'null'"), ("'object'", "'object'"), ("'undefined'", "'undefined'")], 1,
     ("Историческая особенность языка.", "A historical quirk of the language.")),
    ("programming", "sql", ("Какое ключевое слово убирает дубликаты в SELECT?", "Which keyword removes duplicates in SELECT?"),
     [("UNIQUE", "UNIQUE"), ("DISTINCT", "DISTINCT"), ("GROUP", "GROUP")], 1,
     ("SELECT DISTINCT возвращает уникальные строки.", "SELECT DISTINCT returns unique rows.")),
    ("data-analysis", "statistics", ("Какая мера центра устойчива к выбросам?", "Which measure of centre resists outliers?"),
     [("Среднее", "The mean"), ("Медиана", "The median"), ("Размах", "The range")], 1,
     ("Медиана не зависит от крайних значений.", "The median ignores extreme values.")),
    ("data-analysis", "pandas", ("Какой метод pandas показывает первые строки таблицы?", "Which pandas method shows the first rows?"),
     [("df.top()", "df.top()"), ("df.head()", "df.head()"), ("df.first()", "df.first()")], 1,
     ("head() по умолчанию показывает пять строк.", "head() shows five rows by default.")),
    ("data-analysis", "sql", ("Что делает LEFT JOIN?", "What does a LEFT JOIN do?"),
     [("Только совпадения", "Only matches"), ("Все строки слева и совпадения справа", "All left rows plus matches on the right"),
      ("Все строки справа", "All right rows")], 1,
     ("Строки левой таблицы сохраняются всегда.", "Rows of the left table are always kept.")),
    ("data-analysis", "statistics", ("Корреляция 0,9 означает…", "A correlation of 0.9 means…"),
     [("Причинную связь", "Causation"), ("Сильную линейную связь", "A strong linear relation"), ("Отсутствие связи", "No relation")], 1,
     ("Корреляция не доказывает причинность.", "Correlation does not prove causation.")),
    ("data-analysis", "excel", ("Какая функция Excel ищет значение в первом столбце диапазона?", "Which Excel function looks a value up in a range's first column?"),
     [("SUMIF", "SUMIF"), ("VLOOKUP", "VLOOKUP"), ("COUNT", "COUNT")], 1,
     ("ВПР (VLOOKUP) ищет по первому столбцу.", "VLOOKUP searches the first column.")),
    ("data-analysis", "data-visualization", ("Какой график лучше показывает долю частей в целом при 3 частях?", "Which chart best shows parts of a whole with 3 parts?"),
     [("Линейный", "Line chart"), ("Столбчатая с накоплением", "Stacked bar"), ("Точечный", "Scatter plot")], 1,
     ("Столбик с накоплением легко сравнивать.", "A stacked bar is easy to compare.")),
    ("design", "ui-ux", ("Какое минимальное соотношение контраста текста по WCAG AA?", "What is the minimum WCAG AA text contrast ratio?"),
     [("3:1", "3:1"), ("4.5:1", "4.5:1"), ("7:1", "7:1")], 1,
     ("4.5:1 для обычного текста.", "4.5:1 for normal text.")),
    ("design", "figma", ("Как в Figma называется переиспользуемый элемент?", "What is a reusable element called in Figma?"),
     [("Фрейм", "Frame"), ("Компонент", "Component"), ("Слой", "Layer")], 1,
     ("Компоненты и их экземпляры.", "Components and their instances.")),
    ("design", "ui-ux", ("Закон Фиттса связывает время до цели с…", "Fitts's law links the time to a target with…"),
     [("Цветом", "Its colour"), ("Размером и расстоянием", "Its size and distance"), ("Шрифтом", "The font")], 1,
     ("Крупные и близкие цели достигаются быстрее.", "Big, near targets are quicker to hit.")),
    ("design", "ui-ux", ("Что проверяет юзабилити-тест?", "What does a usability test check?"),
     [("Скорость сервера", "Server speed"), ("Может ли человек решить задачу", "Whether people can do a task"), ("Цены", "Prices")], 1,
     ("Наблюдаем, как люди решают задачи.", "We watch people attempt tasks.")),
    ("design", "figma", ("Что такое Auto Layout в Figma?", "What is Auto Layout in Figma?"),
     [("Экспорт в PDF", "PDF export"), ("Автоматическая раскладка элементов", "Automatic arrangement of elements"), ("Плагин", "A plugin")], 1,
     ("Рамка сама расставляет содержимое.", "The frame arranges its content itself.")),
    ("design", "ui-ux", ("Сколько основных цветов в модели RGB?", "How many primary colours does RGB have?"),
     [("2", "2"), ("3", "3"), ("4", "4")], 1, ("Красный, зелёный, синий.", "Red, green, blue.")),
    ("mathematics", None, ("Чему равно 7 × 8?", "What is 7 × 8?"), [("54", "54"), ("56", "56"), ("58", "58")], 1,
     ("7 × 8 = 56.", "7 × 8 = 56.")),
    ("mathematics", None, ("Сколько градусов в сумме углов треугольника?", "What do a triangle's angles add up to?"),
     [("90°", "90°"), ("180°", "180°"), ("360°", "360°")], 1, ("Всегда 180°.", "Always 180°.")),
    ("mathematics", None, ("Чему равно 2 в десятой степени?", "What is 2 to the tenth power?"),
     [("512", "512"), ("1024", "1024"), ("2048", "2048")], 1, ("2¹⁰ = 1024.", "2¹⁰ = 1024.")),
    ("mathematics", None, ("Какое число простое?", "Which number is prime?"), [("21", "21"), ("23", "23"), ("25", "25")], 1,
     ("23 делится только на 1 и на себя.", "23 divides only by 1 and itself.")),
    ("mathematics", None, ("Чему равен 1/4 в процентах?", "What is 1/4 as a percentage?"),
     [("20%", "20%"), ("25%", "25%"), ("40%", "40%")], 1, ("1/4 = 0,25 = 25%.", "1/4 = 0.25 = 25%.")),
    ("mathematics", None, ("Решите: x + 5 = 12", "Solve: x + 5 = 12"), [("5", "5"), ("7", "7"), ("17", "17")], 1,
     ("x = 12 − 5 = 7.", "x = 12 − 5 = 7.")),
]


def seed(apps, schema_editor):
    Direction = apps.get_model("courses", "Direction")
    Skill = apps.get_model("courses", "Skill")
    Question = apps.get_model("gamification", "ChallengeQuestion")
    directions = {d.slug: d for d in Direction.objects.all()}
    skills = {s.slug: s for s in Skill.objects.all()}
    for direction, skill, (prompt_ru, prompt_en), choices, correct, (why_ru, why_en) in POOL:
        if direction not in directions:
            continue
        # The pool is written with the right answer second; rotate so that it lands anywhere.
        shift = len(prompt_en) % len(choices)
        choices = choices[shift:] + choices[:shift]
        correct = (correct - shift) % len(choices)
        Question.objects.update_or_create(
            prompt_en=prompt_en,
            direction=directions[direction],
            defaults={
                "skill": skills.get(skill) if skill else None,
                "prompt_ru": prompt_ru,
                "choices_ru": [ru for ru, _en in choices],
                "choices_en": [en for _ru, en in choices],
                "correct": correct,
                "explanation_ru": why_ru,
                "explanation_en": why_en,
            },
        )


def unseed(apps, schema_editor):
    Question = apps.get_model("gamification", "ChallengeQuestion")
    Question.objects.filter(prompt_en__in=[prompts[1] for _d, _s, prompts, *_rest in POOL]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gamification", "0001_initial"),
        ("courses", "0002_directions_and_skills"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
