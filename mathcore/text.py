"""Words meant for people: English strings that keep their template, so an interface can translate them.

mathcore speaks English (the CLI, the exports, the tests). A ``Text`` is an ordinary ``str`` (its English
words), and also carries the template and the fields it was made from; ``i18n.gettext`` translates the
template and fills in the same fields. Babel finds the templates by the keyword ``Text`` (see i18n/babel.cfg).

>>> t = Text("Wrong shape: your answer is {got}.", got=(1, 3))
>>> t, t.template, t.fields
('Wrong shape: your answer is (1, 3).', 'Wrong shape: your answer is {got}.', {'got': (1, 3)})
>>> import pickle; pickle.loads(pickle.dumps(t)).fields  # it crosses into the checker's worker processes
{'got': (1, 3)}
"""


class Text(str):
    """``template.format(**fields)``, remembering ``template`` and ``fields``."""

    def __new__(cls, template, **fields):
        text = super().__new__(cls, template.format(**fields) if fields else template)
        text.template, text.fields = template, fields
        return text

    def __reduce__(self):
        return _text, (self.template, self.fields)


def _text(template, fields):
    return Text(template, **fields)
