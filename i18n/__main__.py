"""``python -m i18n update``: gather the messages from the code into every catalogue (new ones untranslated,
gone ones dropped). ``python -m i18n check``: list the untranslated and fuzzy ones; exit 1 if there are any."""

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from i18n import _MATH_ONLY, LANGUAGES, catalogue_path

ROOT = Path(__file__).resolve().parents[1]

#: Where messages live, and the call names that mark them (argument positions count from 1).
SOURCES = [("app.py", "python"), ("lessons/**.py", "python"), ("ui/**.py", "python"), ("charts/**.py", "python"),
           ("mathcore/**.py", "python")]
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "Text": None}


def extracted():
    """A Catalog of every message in the code, with the places it is used."""
    catalog = Catalog(project="NN Math Explorer")
    skip = lambda path: not any(part in path for part in ("tests", "benchmarks", "__pycache__"))  # noqa: E731
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, SOURCES, keywords=KEYWORDS,
                                                                         directory_filter=skip):
        if not _MATH_ONLY.fullmatch(message if isinstance(message, str) else message[0]):  # math stays math
            catalog.add(message, locations=[(filename, lineno)], context=context)
    return catalog


def read(lang):
    with open(catalogue_path(lang), "rb") as po:
        return read_po(po, locale=lang)


def update():
    template = extracted()
    for lang in LANGUAGES:
        if lang == "en":
            continue
        path = catalogue_path(lang)
        catalog = read(lang) if path.exists() else Catalog(locale=lang, project="NN Math Explorer")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as po:
            write_po(po, catalog, width=120, omit_header=False, sort_output=False)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(untranslated(catalog))} untranslated")


def untranslated(catalog):
    """Messages with no translation, or only a fuzzy one."""
    translated = lambda m: all(m.string) if isinstance(m.string, tuple) else bool(m.string)  # noqa: E731
    return [m for m in catalog if m.id and (m.fuzzy or not translated(m))]


def check():
    missing = 0
    for lang in LANGUAGES:
        if lang != "en":
            for message in untranslated(read(lang)):
                missing += 1
                print(f"{lang}: {message.id!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
