"""The interface in English and Korean: gettext catalogues, one per language, read with Babel.

English is the source language: a message is its own English text. Each other language has a
catalogue, ``i18n/locale/<lang>/LC_MESSAGES/messages.po``, that translators edit; it is compiled in memory
when first needed, so no build step stands between a clone and a running app. ``python -m i18n update``
gathers the messages from the code with Babel (``_``, ``N_`` and ``ngettext`` in the interface, ``Text`` in
mathcore) and merges them into the catalogues; ``python -m i18n check``
lists what is untranslated.

The language is per script run (a context variable): the router calls ``use(lang)`` before anything is
drawn, and every page, chart and caption calls ``_``. Math stays math: a message that is only LaTeX between
dollars is shown as it is.

>>> use("ko"); _("Gradient descent"), _("$a - y$")
('경사 하강법', '$a - y$')
>>> from mathcore.text import Text
>>> _(Text("dL/da ({loss})", loss=Text("cross-entropy")))  # the template and its fields, each translated
'dL/da (교차 엔트로피)'
>>> use("en"); _("Gradient descent")
'Gradient descent'
"""

import gettext as _gettext
import io
import re
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from mathcore.text import Text

LANGUAGES = {"en": "English", "ko": "한국어"}
LOCALE = Path(__file__).parent / "locale"
#: When true, a message with no translation raises instead of showing English (the tests set it).
STRICT = False
#: Messages asked for in a language that has no translation for them (what STRICT would have raised).
MISSING = set()

_language = ContextVar("language", default="en")
_MATH_ONLY = re.compile(r"(\s*\$[^$]*\$\s*)+")


class MissingTranslation(KeyError):
    pass


def use(lang):
    """Speak ``lang`` (a key of LANGUAGES) for the rest of this script run."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    _language.set(lang)


def language():
    return _language.get()


def catalogue_path(lang):
    return LOCALE / lang / "LC_MESSAGES" / "messages.po"


class _Untranslated(_gettext.NullTranslations):
    """The fallback: record the miss (or raise, when STRICT) and show the English."""

    def gettext(self, message):
        if not _MATH_ONLY.fullmatch(message):
            MISSING.add(message)
            if STRICT:
                raise MissingTranslation(message)
        return message

    def ngettext(self, singular, plural, n):
        self.gettext(singular)
        return singular if n == 1 else plural


@cache
def translations(lang):
    """The compiled catalogue of ``lang``: Babel reads the .po, writes the .mo in memory, gettext reads it."""
    with open(catalogue_path(lang), "rb") as po:
        catalog = read_po(po, locale=lang)
    mo = io.BytesIO()
    write_mo(mo, catalog)  # fuzzy entries are left out, so they count as untranslated
    mo.seek(0)
    compiled = _gettext.GNUTranslations(mo)
    compiled.add_fallback(_Untranslated())
    return compiled


def gettext(message):
    """``message`` in the current language; a ``Text`` has its template and its Text fields translated."""
    if isinstance(message, Text) and message.fields:
        fields = {k: gettext(v) if isinstance(v, Text) else v for k, v in message.fields.items()}
        return gettext(message.template).format(**fields)
    if language() == "en" or not message:
        return str(message)
    return translations(language()).gettext(str(message))


def ngettext(singular, plural, n):
    """The singular or plural form for ``n``, in the current language (Korean has one form)."""
    if language() == "en":
        return singular if n == 1 else plural
    return translations(language()).ngettext(singular, plural, n)


def N_(message):
    """Mark ``message`` for the catalogue without translating it yet (for module-level tables)."""
    return message


_ = gettext
