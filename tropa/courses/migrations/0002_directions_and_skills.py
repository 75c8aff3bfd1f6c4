"""A curated starter set of the catalogue's directions and skills, in Russian and English.

Reversible: unapplying removes exactly these slugs (courses keep existing, with no direction).
Applying again over rows with the same slugs updates their names instead of failing.
"""

from django.db import migrations

DIRECTIONS = [
    ("programming", "Программирование", "Programming"),
    ("data-analysis", "Анализ данных", "Data analysis"),
    ("machine-learning", "Машинное обучение и ИИ", "Machine learning and AI"),
    ("design", "Дизайн", "Design"),
    ("marketing", "Маркетинг", "Marketing"),
    ("management", "Управление и менеджмент", "Management"),
    ("product-management", "Продакт-менеджмент", "Product management"),
    ("testing", "Тестирование", "Software testing"),
    ("devops", "DevOps и инфраструктура", "DevOps and infrastructure"),
    ("security", "Информационная безопасность", "Information security"),
    ("game-development", "Разработка игр", "Game development"),
    ("robotics-for-kids", "Робототехника для детей", "Robotics for kids"),
    ("programming-for-kids", "Программирование для детей", "Programming for kids"),
    ("mathematics", "Математика", "Mathematics"),
    ("languages", "Иностранные языки", "Languages"),
    ("finance", "Финансы и бухгалтерия", "Finance and accounting"),
    ("hr", "HR и рекрутинг", "HR and recruiting"),
    ("soft-skills", "Гибкие навыки", "Soft skills"),
]

SKILLS = [
    ("python", "Python", "Python"),
    ("sql", "SQL", "SQL"),
    ("javascript", "JavaScript", "JavaScript"),
    ("typescript", "TypeScript", "TypeScript"),
    ("java", "Java", "Java"),
    ("go", "Go", "Go"),
    ("html-css", "HTML и CSS", "HTML and CSS"),
    ("react", "React", "React"),
    ("django", "Django", "Django"),
    ("git", "Git", "Git"),
    ("linux", "Linux", "Linux"),
    ("docker", "Docker", "Docker"),
    ("excel", "Excel", "Excel"),
    ("pandas", "pandas", "pandas"),
    ("statistics", "Статистика", "Statistics"),
    ("data-visualization", "Визуализация данных", "Data visualization"),
    ("power-bi", "Power BI", "Power BI"),
    ("machine-learning", "Машинное обучение", "Machine learning"),
    ("figma", "Figma", "Figma"),
    ("ui-ux", "UI/UX-дизайн", "UI/UX design"),
    ("graphic-design", "Графический дизайн", "Graphic design"),
    ("seo", "SEO", "SEO"),
    ("smm", "SMM", "Social media marketing"),
    ("copywriting", "Копирайтинг", "Copywriting"),
    ("web-analytics", "Веб-аналитика", "Web analytics"),
    ("project-management", "Управление проектами", "Project management"),
    ("agile-scrum", "Agile и Scrum", "Agile and Scrum"),
    ("public-speaking", "Публичные выступления", "Public speaking"),
    ("teamwork", "Работа в команде", "Teamwork"),
    ("lego-robotics", "Робототехника LEGO", "LEGO robotics"),
    ("arduino", "Arduino", "Arduino"),
    ("scratch", "Scratch", "Scratch"),
    ("algebra", "Алгебра", "Algebra"),
    ("geometry", "Геометрия", "Geometry"),
    ("english", "Английский язык", "English"),
    ("russian-as-foreign", "Русский как иностранный", "Russian as a foreign language"),
]


def _upsert(model, rows):
    for slug, name_ru, name_en in rows:
        model.objects.update_or_create(slug=slug, defaults={"name_ru": name_ru, "name_en": name_en})


def add_starter_set(apps, schema_editor):
    _upsert(apps.get_model("courses", "Direction"), DIRECTIONS)
    _upsert(apps.get_model("courses", "Skill"), SKILLS)


def remove_starter_set(apps, schema_editor):
    apps.get_model("courses", "Direction").objects.filter(slug__in=[row[0] for row in DIRECTIONS]).delete()
    apps.get_model("courses", "Skill").objects.filter(slug__in=[row[0] for row in SKILLS]).delete()


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(add_starter_set, remove_starter_set)]
