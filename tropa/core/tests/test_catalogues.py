"""The ru and en catalogues are complete and compiled, and the site really speaks Russian by default.

A new string that nobody translated, a translation left fuzzy (gettext ignores those at run time), or a .po edited
without `make messages` recompiling its .mo fails here, so CI catches it rather than a Russian user.
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

LANGUAGES = ("ru", "en")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # {0: str} for a singular entry
    flags: set[str] = field(default_factory=set)
    line: int = 0
    msgctxt: str | None = None

    @property
    def key(self) -> str:
        """The id gettext compiles: the context and the id joined by EOT, as in the .mo file."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


def parse_po(path: Path) -> list[Entry]:
    """A minimal .po reader: comments, flags, msgctxt, msgid(_plural), msgstr[n], multi-line strings; no obsolete."""
    entries: list[Entry] = []
    entry = Entry()
    target = None  # ("msgid" | "msgid_plural" | "msgstr" | "msgctxt", index)

    def finish():
        nonlocal entry, target
        if entry.msgstr or entry.msgid:
            entries.append(entry)
        entry, target = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue  # obsolete entries are not compiled
        if line.startswith("#,"):
            if target is not None and target[0] == "msgstr":
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            if target is not None and target[0] == "msgstr":
                finish()
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = None, line
        elif keyword.startswith("msgstr["):
            target = ("msgstr", int(keyword[len("msgstr[") : -1]))
        elif keyword in {"msgid", "msgid_plural", "msgstr", "msgctxt"}:
            if keyword in {"msgid", "msgctxt"} and target is not None and target[0] == "msgstr":
                finish()
            target = (keyword, 0)
            if keyword == "msgid":
                entry.line = number
        else:
            raise AssertionError(f"{path}:{number}: cannot parse {raw!r}")
        assert target is not None, f"{path}:{number}: a string outside an entry"
        text = ast.literal_eval(rest)  # a C-style quoted string; the escapes gettext uses are Python's too
        kind, index = target
        if kind == "msgid":
            entry.msgid += text
        elif kind == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + text
        elif kind == "msgid_plural":
            entry.msgid_plural = (entry.msgid_plural or "") + text
        elif kind == "msgstr":
            entry.msgstr[index] = entry.msgstr.get(index, "") + text
    finish()
    return entries


def _po_path(language: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"


def _messages(language: str) -> list[Entry]:
    return [entry for entry in parse_po(_po_path(language)) if entry.msgid]  # the header has an empty msgid


def _plural_count(language: str) -> int:
    header = next(entry for entry in parse_po(_po_path(language)) if not entry.msgid)
    match = re.search(r"nplurals\s*=\s*(\d+)", header.msgstr[0])
    assert match, f"{language}: no Plural-Forms in the header"
    return int(match.group(1))


def test_the_parser_reads_multiline_strings_plurals_and_flags(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgid ""\n"Hello, "\n"%(name)s \\"x\\""\nmsgstr "Привет, %(name)s"\n\n'
        'msgid "%(n)d day"\nmsgid_plural "%(n)d days"\nmsgstr[0] "one"\nmsgstr[1] ""\n\n'
        '#~ msgid "old"\n#~ msgstr "старое"\n',
        encoding="utf-8",
    )
    header, hello, days = parse_po(po)
    assert header.msgid == "" and "nplurals=2" in header.msgstr[0]
    assert hello.msgid == 'Hello, %(name)s "x"' and hello.msgstr == {0: "Привет, %(name)s"}
    assert hello.flags == {"fuzzy", "python-format"}
    assert days.msgid_plural == "%(n)d days" and days.msgstr == {0: "one", 1: ""}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    entries = _messages(language)
    assert len(entries) > 100, f"{language}: the catalogue looks empty; run `make messages`"
    nplurals = _plural_count(language)
    untranslated = [
        f"line {entry.line}: {entry.msgid!r}"
        for entry in entries
        if not all(entry.msgstr.get(index) for index in range(nplurals if entry.msgid_plural else 1))
    ]
    fuzzy = [f"line {entry.line}: {entry.msgid!r}" for entry in entries if "fuzzy" in entry.flags]
    assert not untranslated, f"{language}: untranslated entries:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{language}: fuzzy entries (ignored at run time):\n" + "\n".join(fuzzy)


def test_russian_uses_three_plural_forms():
    assert _plural_count("ru") == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for entry in _messages(language):
        expected = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural or ""))
        for index, text in entry.msgstr.items():
            # A plural form may leave out the count (Russian "one" form does not always need it), never add names.
            found = set(PLACEHOLDER.findall(text))
            if found - expected or (not entry.msgid_plural and found != expected):
                wrong.append(f"line {entry.line} [{index}]: {entry.msgid!r} -> {text!r}")
    assert not wrong, f"{language}: placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po(language):
    po_path = _po_path(language)
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)._catalog
    compiled_ids = {key[0] if isinstance(key, tuple) else key for key in compiled} - {""}
    entries = _messages(language)
    assert len(compiled_ids) == len(entries), f"{language}: django.mo is stale; run `make messages`"
    stale = []
    for entry in entries:
        if entry.msgid_plural:
            ok = all(compiled.get((entry.key, index)) == text for index, text in entry.msgstr.items())
        else:
            ok = compiled.get(entry.key) == entry.msgstr[0]
        if not ok:
            stale.append(f"line {entry.line}: {entry.msgid!r}")
    assert not stale, f"{language}: django.mo differs from django.po; run `make messages`:\n" + "\n".join(stale)


@pytest.mark.django_db
def test_pages_render_in_russian_by_default(make_user):
    client = Client()  # no language cookie: Russian, the default

    landing = client.get("/")
    assert landing.status_code == 200
    html = landing.content.decode()
    assert '<html lang="ru"' in html
    assert "От учёбы до работы — одной тропой" in html
    assert "Зарегистрироваться" in html
    assert "From learning to a job, on one trail" not in html

    login = client.get("/accounts/login/")
    assert login.status_code == 200
    assert "Войти" in login.content.decode()
    assert "Sign in" not in login.content.decode()

    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Страница не найдена" in missing.content.decode()

    user = make_user("ru-reader@example.com", first_name="Анна", language="ru")
    client.force_login(user)
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert "Здравствуйте, Анна!" in html
    assert "Заполненность профиля" in html
    assert "Настройки" in html
