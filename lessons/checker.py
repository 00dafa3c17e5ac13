"""Check my derivation: type an answer the way you write it, and see whether it is right, where, and why."""

import streamlit as st

from i18n import _

from mathcore.answer import NOTATIONS
from mathcore.checker import DEPRECATED, TARGETS
from mathcore.derivations import dL_da_key, dL_dz_key
from mathcore.judge import Outcome
from ui import link
from ui.checking import check, show

st.title(_("Check my derivation"))
st.markdown(_("Type your answer the way you write it: plain (`a - y`, `sigma(z)*(1-sigma(z))`, `x_j(a-y)`, "
              "`1/m * dZ @ A_prev.T`), NumPy as in the assignments (`np.dot(dZ, A_prev.T) / m`, "
              "`np.sum(dZ, axis=1, keepdims=True) / m`), LaTeX from your notes (`\\frac{1}{m} dZ A^{[l-1]T}`, "
              "`\\frac{1}{1+e^{-z}} - y`), or Unicode (`σ(z)(1 − σ(z))`, `a − a²`, `A_prevᵀ`). A left-hand side "
              "such as `dW =` is set aside. Here $a = \\hat y = \\sigma(z)$. Two judges decide: SymPy's algebra, "
              "and numbers at random points confirmed in exact arithmetic."))

COMMITTED = "checker:committed"


def commit(key):
    """The learner asked for a verdict (Enter in the box, or Check): the answer now in the box is judged."""
    st.session_state[COMMITTED] = st.session_state[key]


single, steps = st.tabs([_("One answer"), _("The chain rule, step by step")])
with single:
    target = st.selectbox(_("What are you deriving?"), list(TARGETS), format_func=lambda k: _(TARGETS[k].title),
                          **link.option("target", dL_da_key("cross_entropy"), TARGETS, DEPRECATED))
    st.latex(TARGETS[target].lhs + " = \\;?")
    shapes = ", ".join(f"{k} {v}" for k, v in TARGETS[target].shapes.items())
    st.caption(_("You may use: {names}").format(names=", ".join(f"`{v}`" for v in TARGETS[target].variables))
               + (". " + _("Shapes: {shapes}.").format(shapes=shapes) if shapes else "."))
    answer_box = link.text("answer", "", 300)
    names = ", ".join(TARGETS[target].variables)
    answer = st.text_input(_("Your answer"), placeholder=_("an expression in {names}").format(names=names),
                           max_chars=300, on_change=commit, args=(answer_box["key"],), **answer_box)
    st.button(_("Check"), type="primary", on_click=commit, args=(answer_box["key"],))
    if answer and answer == st.session_state.get(COMMITTED):
        verdict = check(target, answer)
        if verdict.preview:
            read_as = _("read as ({notation}):").format(notation=_(NOTATIONS[verdict.notation]))
            st.latex(rf"\text{{{read_as} }} {verdict.preview}")
        show(verdict)
    elif answer:  # restored from a shared link: judged when this learner asks, not for every visitor
        st.info(_("Press Check (or Enter in the box) to judge this answer."), icon=":material/keyboard_return:")

with steps:
    st.markdown(_("Derive $\\partial L/\\partial z$ for cross-entropy after a sigmoid in four steps; the first wrong "
                  "step is pointed out."))
    simplified = _("simplified:")
    dL_da, dL_dz = dL_da_key("cross_entropy"), dL_dz_key("cross_entropy", "sigmoid")
    chain = [(dL_da, r"\frac{\partial L}{\partial a} ="), ("da_dz", r"\frac{da}{dz} ="),
             (dL_dz, r"\frac{\partial L}{\partial a}\cdot\frac{da}{dz} ="),
             (dL_dz, rf"\text{{{simplified} }} \frac{{\partial L}}{{\partial z}} =")]
    texts = []
    for i, (key, label) in enumerate(chain):
        left, right = st.columns([1, 3], vertical_alignment="center")
        left.latex(label)
        texts.append(right.text_input(_("step {i}").format(i=i + 1), max_chars=300, label_visibility="collapsed",
                                      placeholder=["-y/a + (1-y)/(1-a)", "a(1-a)", "(-y/a + (1-y)/(1-a)) a(1-a)",
                                                   "a - y"][i], **link.text(f"step_{i + 1}", "", 300)))
    if all(texts) and st.button(_("Check every step"), type="primary"):
        for i, ((key, _label), text) in enumerate(zip(chain, texts), start=1):
            verdict = check(key, text)
            if not verdict.right:
                wrong = verdict.outcome is Outcome.NOT_EQUIVALENT  # else unreadable or undecided: not a wrong step
                st.markdown((_("**Step {i} is the first that is not right.**") if wrong else
                             _("**Step {i} was not judged**, so the steps after it were not checked.")).format(i=i))
                show(verdict)
                break
        else:
            st.success(_("Every step is right: the a(1 − a) from the sigmoid cancels against dL/da, leaving a − y."))
