"""The lessons, in the sidebar's order: one list that the router (app.py), serving, the benchmarks and the tests
import. Each page is one script in this folder; its URL path is what a shared link names.

A URL path differs from its script's file name on purpose: a first deep-link visitor must always reach the router
(see app.py), and the paths read like the course's topics.
"""

from dataclasses import dataclass

from i18n import N_


@dataclass(frozen=True)
class Page:
    script: str  # the lesson's script, from the project root
    url_path: str  # the address of the page; "" for the default (home) page
    title: str  # the sidebar's title, marked for translation and translated where shown
    icon: str  # a Material icon, as Streamlit names it
    section: str  # the sidebar heading it stands under, marked for translation


_START, _NETWORKS, _LOGISTIC = N_("Start"), N_("Neural networks"), N_("Logistic regression")
_VECTORIZATION, _PRACTICE, _REFERENCE = N_("Vectorization"), N_("Practice"), N_("Reference")

PAGES = (
    Page("lessons/home.py", "", N_("Why dL/dz = a − y"), ":material/school:", _START),
    Page("lessons/network.py", "network", N_("What a neural network is"), ":material/hub:", _NETWORKS),
    Page("lessons/supervised.py", "supervised-learning", N_("Supervised learning"), ":material/dataset:", _NETWORKS),
    Page("lessons/activations.py", "activation-functions", N_("Activation functions"), ":material/ssid_chart:",
         _NETWORKS),
    Page("lessons/sigmoid.py", "logistic-regression", N_("The sigmoid"), ":material/show_chart:", _LOGISTIC),
    Page("lessons/loss.py", "loss-and-cost", N_("Loss and cost"), ":material/functions:", _LOGISTIC),
    Page("lessons/backprop.py", "backpropagation", N_("Chain rule and backpropagation"), ":material/account_tree:",
         _LOGISTIC),
    Page("lessons/gradient_descent.py", "gradient-descent", N_("Gradient descent"), ":material/trending_down:",
         _LOGISTIC),
    Page("lessons/convexity.py", "cost-surface", N_("Convex or not"), ":material/landscape:", _LOGISTIC),
    Page("lessons/vectorization.py", "vectorization", N_("From one example to m"), ":material/grid_on:",
         _VECTORIZATION),
    Page("lessons/deep_backprop.py", "l-layers", N_("L layers: backward"), ":material/layers:", _VECTORIZATION),
    Page("lessons/train.py", "train-a-network", N_("Train a network"), ":material/model_training:", _VECTORIZATION),
    Page("lessons/loops.py", "loops-vs-numpy", N_("Loops versus NumPy"), ":material/speed:", _VECTORIZATION),
    Page("lessons/checker.py", "check-my-derivation", N_("Check my derivation"), ":material/fact_check:", _PRACTICE),
    Page("lessons/notes.py", "check-my-notes", N_("Check my notes"), ":material/description:", _PRACTICE),
    Page("lessons/class_notes.py", "grade-a-class", N_("Grade a class's notes"), ":material/groups:", _PRACTICE),
    Page("lessons/derivations.py", "every-derivation", N_("Every derivation, verified"), ":material/verified:",
         _REFERENCE),
)
