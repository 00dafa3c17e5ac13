"""The figures #18 started from, printed beside each new one: ``python -m benchmarks`` on 2026-11-28
(``benchmarks/REPORT.md`` as of commit f76c6e0), on this 2-core machine. A page that did not exist then
has no figure."""

#: Each derivation built, proved and checked from cold, in catalogue order in one process (ms).
DERIVATION_MS = {
    "sigmoid_at_zero": 66.2, "sigmoid_limit_pos": 108.4, "sigmoid_limit_neg": 80.2, "sigmoid_symmetry": 17.3,
    "da_dz": 24.3, "sigmoid_derivative_max": 69.0, "tanh_derivative": 101.2, "relu_derivative": 7.0,
    "leaky_relu_derivative": 7.1, "dL_da_cross_entropy": 5.3, "dL_da_squared_error": 4.2,
    "dL_dz_cross_entropy_sigmoid": 90.8, "dL_dz_squared_error_sigmoid": 21.2, "dL_dz_squared_error_tanh": 37.2,
    "dL_dz_squared_error_relu": 80.5, "dL_dz_squared_error_leaky_relu": 38.8, "dz_dw_j": 41.3, "dz_db": 21.6,
    "dL_dw_j": 429.5, "dL_db": 338.4, "dJ_dw_j": 3741.2, "dJ_db": 2848.1, "d2L_dz2_cross_entropy": 35.0,
    "d2L_dz2_squared_error": 263.0, "curvature_along_cross_entropy": 678.5, "curvature_along_squared_error": 653.0,
}
ALL_DERIVATIONS_MS = 9808.3

#: The SymPy-derived gradient (the per-example form broadcast, then a mean) over hand-written NumPy, n_x = 100,
#: m = 100,000.
SYMPY_OVER_NUMPY = 17.6

#: The cost surface with its Hessian, 150 x 150 grid, broadcast (ms), by (m, loss).
SURFACE_MS = {(100, "cross_entropy"): 105, (100, "squared_error"): 89,
              (1_000, "cross_entropy"): 1247, (1_000, "squared_error"): 1152}

#: Per page: (first visit ms, new session × bare, interaction × bare); the bare page: 969 ms, 988 ms, 100 ms.
PAGES = {
    "(home)": (3343, 1.8, 4.2), "network": (4445, 2.5, 4.9), "supervised-learning": (4460, 2.5, 3.8),
    "activation-functions": (4090, 2.7, 3.6), "logistic-regression": (4050, 2.7, 3.7),
    "loss-and-cost": (3788, 2.7, 3.7), "backpropagation": (11336, 3.1, 4.1), "gradient-descent": (4200, 2.4, 5.1),
    "cost-surface": (7105, 4.6, 6.6), "vectorization": (3935, 2.5, 3.6), "l-layers": (3288, 2.2, 3.5),
    "loops-vs-numpy": (8354, 2.5, 54.7), "check-my-derivation": (2137, 1.7, 3.2), "every-derivation": (13777, 2.4, 4.8),
}
BARE_FIRST_VISIT_MS = 969
#: The app's server start (``streamlit run app.py`` to its health check) on 2026-12-01, before ``serving.preloaded``
#: imported and warmed first: one start, on the same machine.
APP_START_S = 0.8
