"""Answers for the checker's tests: right ones in many forms, wrong ones with their hints, hostile ones."""

CANARY = "/tmp/nn_math_explorer_canary"

CORRECT = [
    ("dL_dz_cross_entropy_sigmoid", t) for t in (
        "a - y", "a-y", "(a - y)", "-y + a", "sigma(z) - y", "σ(z) - y", "sigmoid(z) - y", "1/(1+exp(-z)) - y",
        "-(y - a)", "a − y", "ŷ - y", "yhat - y", "(a - y)*1", "2(a - y)/2", "a - y + 0", "exp(z)/(1 + exp(z)) - y",
        "(-y/a + (1-y)/(1-a)) * a(1-a)", "a(1-a)(-y/a + (1-y)/(1-a))")
] + [
    ("da_dz", t) for t in ("a(1-a)", "a*(1-a)", "a - a^2", "a - a**2", "sigma(z)*(1-sigma(z))", "σ(z)(1-σ(z))",
                           "exp(-z)/(1+exp(-z))^2", "exp(-z)/(1+exp(-z))**2", "1/(2 + exp(z) + exp(-z))",
                           "exp(z)/(1+exp(z))^2", "sigma(z) - sigma(z)^2")
] + [
    ("dL_da_cross_entropy", t) for t in ("-y/a + (1-y)/(1-a)", "(1-y)/(1-a) - y/a", "(a - y)/(a(1-a))", "(a-y)/(a - a^2)")
] + [
    ("dL_dz_squared_error_sigmoid", t) for t in ("(a-y)a(1-a)", "(a - y)*a*(1 - a)", "(sigma(z) - y)*sigma(z)*(1-sigma(z))")
] + [
    ("dL_dw_j", t) for t in ("x_j*(a-y)", "(a-y)x_j", "x*(a - y)", "x_j(sigma(z) - y)", "(a - y) * x_j")
] + [
    ("dL_db", t) for t in ("a - y", "sigma(z) - y")
] + [
    ("da_dz", t) for t in ("sigma(z)(1 - sigma(z))", "a(1-a)")
] + [
    ("tanh_derivative", t) for t in ("1 - tanh(z)^2", "sech(z)^2", "1/cosh(z)^2", "1 - tanh(z)**2")
] + [
    ("relu_derivative", t) for t in ("step(z)", "heaviside(z)")
] + [
    ("leaky_relu_derivative", t) for t in ("step(z) + 0.01*(1 - step(z))", "0.99 step(z) + 0.01", "1/100 + 99/100 step(z)")
] + [
    ("swish_derivative", t) for t in ("sigma(z) + z*sigma(z)*(1 - sigma(z))", "σ(z)(1 + z(1 - σ(z)))",
                                      "1/(1+exp(-z)) + z exp(-z)/(1+exp(-z))^2")
] + [
    ("dW", t) for t in ("1/m * dZ @ A_prev.T", "(1/m) dZ @ A_prev.T", "dZ @ A_prev.T / m", "dZ @ X.T / m",
                        "1/m*dZ@Aprev.T", "(dZ @ A_prev.T)/m")
] + [
    ("db", t) for t in ("sum(dZ, axis=1, keepdims=True)/m", "1/m * sum(dZ, axis=1, keepdims=True)")
] + [
    ("dJ_dw", t) for t in ("1/m * X @ (A - Y).T", "X @ (A - Y).T / m", "X @ dZ.T / m", "(1/m) X @ dZ.T")
] + [
    ("dJ_db", t) for t in ("sum(A - Y)/m", "1/m * sum(dZ)")  # week 2's db (#38)
] + [  # what a note claims besides derivatives: the model, the loss, the cost, the update
    ("sigmoid", "1/(1+exp(-z))"), ("sigmoid", "exp(z)/(1+exp(z))"), ("loss", "-(y log(a) + (1-y) log(1-a))"),
    ("loss", "-y*log(a) - (1-y)*log(1-a)"), ("update_w", "w - alpha*dw"), ("update_w", "w - α dw"),
    ("update_b", "b - alpha*db"), ("yhat", "sigmoid(w.T @ x + b)"), ("yhat", "sigma(w^T x + b)"),
    ("z_linear", "w.T @ x + b"), ("z_linear", "x.T @ w + b"),
    ("cost", "-sum(Y*log(A) + (1-Y)*log(1-A), axis=1, keepdims=True)/m"),
    ("cost", r"-\frac{1}{m}\sum_{i=1}^{m}\left[y^{(i)}\log\hat{y}^{(i)} + (1-y^{(i)})\log(1-\hat{y}^{(i)})\right]"),
    ("dZ_output", "A - Y"), ("dZ_output", "-(Y - A)"),
] + [  # layer l of a network and the loss's other forms (mathcore.claims.targets, #34)
    ("tanh", "(exp(z) - exp(-z))/(exp(z) + exp(-z))"), ("relu", "np.maximum(0, z)"),
    ("leaky_relu", "np.maximum(0.01 * z, z)"), ("squared_error_loss", "(a - y)^2 / 2"), ("loss_given_y1", "-log(a)"),
    ("loss_given_y0", "-log(1 - a)"), ("update_W", "W - alpha * dW"), ("z_layer", "np.dot(W, A_prev) + b"),
    ("dA_prev", "np.dot(W.T, dZ)"), ("dW_example", "dZ @ A_prev.T"), ("db_example", "dZ"),
    *((f"dZ_layer_{g}", f"dA * {slope}") for g, slope in (
        ("sigmoid", "a * (1 - a)"), ("tanh", "(1 - a^2)"), ("relu", "step(z)"), ("leaky_relu", "(0.01 + 0.99 * step(z))"))),
    *((f"dZ_hidden_{g}", f"np.dot(W_next.T, dZ_next) * {slope}") for g, slope in (
        ("sigmoid", "A * (1 - A)"), ("tanh", "(1 - np.power(A, 2))"), ("relu", "step(Z)"),
        ("leaky_relu", "(0.01 + 0.99 * step(Z))"))),
]

WRONG = [  # (target, answer, a phrase the hint must contain; "" where no specific hint applies)
    ("dL_dz_cross_entropy_sigmoid", "y - a", "sign is flipped"),
    ("dL_dz_cross_entropy_sigmoid", "-(a - y)", "sign is flipped"),
    ("dL_dz_cross_entropy_sigmoid", "y - sigma(z)", "sign is flipped"),
    ("dL_dz_cross_entropy_sigmoid", "(a - y)*a*(1 - a)", "a(1 − a) factor is left in"),
    ("dL_dz_cross_entropy_sigmoid", "(a-y)a(1-a)", "a(1 − a) factor is left in"),
    ("dL_dz_cross_entropy_sigmoid", "a(1-a)", "da/dz alone"),
    ("dL_dz_cross_entropy_sigmoid", "sigma(z)(1-sigma(z))", "da/dz alone"),
    ("dL_dz_cross_entropy_sigmoid", "-y/a + (1-y)/(1-a)", "dL/da alone"),
    ("dL_dz_cross_entropy_sigmoid", "a + y", ""),
    ("dL_dz_cross_entropy_sigmoid", "a", ""),
    ("dL_dz_cross_entropy_sigmoid", "a - y^2", ""),
    ("dL_dz_cross_entropy_sigmoid", "2(a - y)", ""),
    ("dL_dz_cross_entropy_sigmoid", "exp(-z) - y", ""),
    ("dL_dz_cross_entropy_sigmoid", "(a - y)/m", ""),
    ("dL_da_cross_entropy", "y/a - (1-y)/(1-a)", "sign is flipped"),
    ("dL_da_cross_entropy", "a - y", "That is dL/dz"),
    ("dL_da_cross_entropy", "-y/a - (1-y)/(1-a)", ""),
    ("dL_da_cross_entropy", "-y/a", ""),
    ("da_dz", "a(1+a)", "a(1 + a)"),
    ("da_dz", "sigma(z)", "σ(z) itself"),
    ("da_dz", "a^2", ""),
    ("da_dz", "exp(-z)/(1+exp(-z))", ""),
    ("da_dz", "1 - a", ""),
    ("dL_dz_squared_error_sigmoid", "a - y", "a(1 − a) factor is missing"),
    ("dL_dz_squared_error_sigmoid", "(y - a)a(1-a)", "sign is flipped"),
    ("dL_dz_squared_error_sigmoid", "(a-y)^2", ""),
    ("dL_dz_squared_error_sigmoid", "(a-y)a", ""),
    ("dL_dw_j", "a - y", "x_j is missing"),
    ("dL_dw_j", "x_j(y - a)", "sign is flipped"),
    ("dL_dw_j", "x_j(a-y)a(1-a)", "a(1 − a) factor is left in"),
    ("dL_dw_j", "x_j", ""),
    ("dL_dw_j", "x_j(a + y)", ""),
    ("dL_db", "y - a", "sign is flipped"),
    ("dL_db", "(a - y)x", "dz/db is 1"),
    ("dL_db", "1", ""),
    ("da_dz", "sigma(z)(1 + sigma(z))", "a(1 + a)"),  # σ'(z) was its own target before it took da_dz's key
    ("da_dz", "1 - sigma(z)", ""),
    ("tanh_derivative", "1 + tanh(z)^2", "1 + tanh²"),
    ("tanh_derivative", "tanh(z)^2", ""),
    ("tanh_derivative", "cosh(z)^2", ""),
    ("relu_derivative", "z", ""),
    ("relu_derivative", "1", ""),
    ("dW", "dZ @ A_prev.T", "1/m is missing"),
    ("dW", "A_prev @ dZ.T / m", "dWᵀ"),
    ("dW", "dZ @ A_prev / m", "transpose is missing"),
    ("dW", "dZ * A_prev / m", "matrix product `@`"),
    ("dW", "dZ @ A_prev.T / m / m", "extra 1/m"),
    ("dW", "dZ.T @ A_prev / m", "transpose is missing"),
    ("db", "sum(dZ, axis=1, keepdims=True)", "1/m is missing"),
    ("db", "sum(dZ, axis=0, keepdims=True)/m", "axis=1"),
    ("db", "sum(dZ, axis=1)/m", "keepdims=True"),
    ("db", "sum(dZ)/m", ""),
    ("dJ_dw", "X @ (A - Y).T", "1/m is missing"),
    ("dJ_dw", "(A - Y) @ X.T / m", "dwᵀ"),
    ("dJ_dw", "X @ (Y - A).T / m", "sign is flipped"),
    ("dJ_dw", "X * (A - Y) / m", "matrix product `@`"),
    ("sigmoid", "1/(1+exp(z))", "exponent's sign"), ("loss", "-y log(a) + (1-y) log(1-a)", "minus sign covers only"),
    ("loss", "(a-y)^2/2", "squared error"), ("update_w", "w + alpha dw", "against the gradient"),
    ("update_b", "b - db", "learning rate"), ("yhat", "w.T @ x + b", "sigmoid is missing"),
    ("z_linear", "w @ x.T + b", "wᵀx, not wxᵀ"),
    ("cost", r"-\frac{1}{m}\sum_{i=1}^{m} y^{(i)}\log\hat{y}^{(i)} + (1-y^{(i)})\log(1-\hat{y}^{(i)})", "sum and the minus"),
    ("cost", r"\frac{1}{m}\sum_{i=1}^{m} \left(-y^{(i)}\log\hat{y}^{(i)} + (1-y^{(i)})\log(1-\hat{y}^{(i)})\right)",
     "minus sign covers only"),
    ("dZ_output", "Y - A", "sign is flipped"), ("dZ_output", "(A - Y)/m", "No 1/m"),
]

HOSTILE = [
    # code injection: Python syntax our grammar does not have
    "__import__('os').system('touch " + CANARY + "')", "open('" + CANARY + "', 'w')",
    "exec('import os')", "eval('1+1')", "lambda: 0", "(lambda x: x)(1)", "[x for x in range(10)]",
    "{1: 2}", "a if y else z", "a; import os", "import os", "a.__class__", "a.__class__.__mro__",
    "().__class__.__bases__[0].__subclasses__()", "getattr(a, 'b')", "globals()", "locals()", "vars()",
    "__builtins__", "a[0]", "a[1:2]", "'string'", '"string"', "f'{a}'", "b'a'", "a == y", "a < y", "a and y",
    "not a", "a | y", "a & y", "~a", "a % y", "a // y", "a << 2", "@decorator", "a := 1", "print(a)",
    "sigma('a')", "exp('z')", "log(a, 'x')", "sum(dZ, axis='1')", "sum(dZ, dtype=object)", "sum(dZ, axis=1, out=a)",
    "Symbol('x')", "sympify('x')", "os.system", "sys.exit()", "compile('1', 'x', 'eval')", "__loader__",
    "a#comment", "a\\ny", "a\\x00", "\\u0061", "a\u200by", "а - y", "ａ - y", "a ‐ y", "a\u00a0- y",
    # huge numbers, powers, floats and factorials
    "9" * 50, "9" * 9, "1e999999", "1e10", "10^10^10", "a^(10^10)", "a^1000", "2^9999", "(a^10)^10^10",
    "a^y", "a^z", "a^(1/0)", "exp(exp(exp(exp(exp(z)))))^10", "0.00000000001", "99999999.9", "a!", "factorial(99999)",
    "gamma(1e6)", "x^-99", "1/0", "log(0)", "exp(1000)",
    # deep nesting and size
    "(" * 50 + "a" + ")" * 50, "-" * 40 + "a", "sigma(" * 20 + "z" + ")" * 20, "a" + "+a" * 200,
    "a" * 10_000, "(a - y)" * 100, "x" * 1_000_000, "a+" * 160 + "a",
    # empty, whitespace and broken
    "", " ", "\\t\\n", "(", ")", "(a", "a)", "((a - y)", "a -", "- ", "* a", "a * * y", "a ^", "sigma()", "sigma(,)",
    "sigma(a,)", "sum()", "a .T", "a..T", ".T", "a @", "@ a", "1 2", "a,y", "a = y", "axis=1",
    # unknown names and functions
    "b", "w", "sin(z)", "max(a, y)", "abs(a)", "sqrt(a)", "pi", "E", "oo", "nan", "inf", "I", "True", "None",
]

# -- the four notations (#16): NumPy as the assignments write it, LaTeX from notes, Unicode math ----------------

CORRECT_NUMPY = [
    ("dW", t) for t in ("np.dot(dZ, A_prev.T) / m", "np.dot(dZ, A_prev.T)/m", "1/m * np.dot(dZ, A_prev.T)",
                        "(1 / m) * np.dot(dZ, A_prev.T)", "dZ.dot(A_prev.T) / m", "np.matmul(dZ, A_prev.T) / m",
                        "np.dot(dZ, X.T) / m", "1./m * np.dot(dZ, A_prev.T)", "np.divide(np.dot(dZ, A_prev.T), m)",
                        "np.multiply(1/m, np.dot(dZ, A_prev.T))", "dW = np.dot(dZ, A_prev.T) / m",
                        "numpy.dot(dZ, A_prev.T) / m", "dW = 1./m * np.dot(dZ,A_prev.T)")
] + [
    ("db", t) for t in ("np.sum(dZ, axis=1, keepdims=True) / m", "1/m * np.sum(dZ, axis=1, keepdims=True)",
                        "dZ.sum(axis=1, keepdims=True) / m", "np.mean(dZ, axis=1, keepdims=True)",
                        "dZ.mean(axis=1, keepdims=True)", "np.sum(dZ, keepdims=True, axis=1) / m",
                        "db = np.sum(dZ, axis = 1, keepdims = True) / m", "1./m * np.sum(dZ, axis=1, keepdims=True)")
] + [
    ("dJ_dw", t) for t in ("np.dot(X, (A - Y).T) / m", "1/m * np.dot(X, (A-Y).T)", "np.dot(X, dZ.T) / m",
                           "X.dot(dZ.T) / m", "dw = 1 / m * np.dot(X, (A - Y).T)", "np.dot(X, np.subtract(A, Y).T) / m")
] + [
    ("dL_dz_cross_entropy_sigmoid", "1/(1+np.exp(-z)) - y"), ("dL_dz_cross_entropy_sigmoid", "np.subtract(a, y)"),
    ("da_dz", "np.exp(-z)/(1+np.exp(-z))**2"), ("da_dz", "np.multiply(a, 1 - a)"),
    ("tanh_derivative", "1 - np.tanh(z)**2"), ("tanh_derivative", "1 - np.power(np.tanh(z), 2)"),
    ("dL_da_cross_entropy", "np.divide(a - y, a*(1-a))"), ("dL_dw_j", "np.multiply(x_j, a - y)"),
    ("swish_derivative", "1/(1+np.exp(-z)) + z*np.exp(-z)/(1+np.exp(-z))**2"),
    ("relu_derivative", "np.maximum(0, step(z))"),
]

CORRECT_LATEX = [
    ("dL_dz_cross_entropy_sigmoid", t) for t in (
        r"\sigma(z) - y", r"\hat{y} - y", r"\hat y - y", r"\frac{1}{1+e^{-z}} - y", r"\frac{\partial L}{\partial z} = a - y",
        r"\frac{\partial \mathcal{L}}{\partial z} = a - y", r"a^{(i)} - y^{(i)}", r"\left(a - y\right)", r"dz^{[l]} = a - y",
        r"\sigma\left(z\right) - y", r"-\left(y - a\right)", r"\frac{e^{z}}{1+e^{z}} - y",
        r"\left(-\frac{y}{a} + \frac{1-y}{1-a}\right) a(1-a)", r"\frac{1}{1 + \exp(-z)} - y")
] + [
    ("da_dz", t) for t in (r"\sigma(z)(1-\sigma(z))", r"\sigma(z)\left(1-\sigma(z)\right)", r"\frac{e^{-z}}{(1+e^{-z})^2}",
                           r"\frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}", r"a - a^{2}", r"\frac{da}{dz} = a(1 - a)",
                           r"\sigma'(z) = \sigma(z)(1-\sigma(z))", r"a \cdot (1-a)", r"\hat{y}(1-\hat{y})")
] + [
    ("dL_da_cross_entropy", t) for t in (r"-\frac{y}{a} + \frac{1-y}{1-a}", r"\frac{a-y}{a(1-a)}",
                                         r"-\frac{y}{\hat{y}} + \frac{1-y}{1-\hat{y}}",
                                         r"\frac{\partial L}{\partial a} = -\frac{y}{a}+\frac{1-y}{1-a}")
] + [
    ("dL_dz_squared_error_sigmoid", r"(a-y)\,a(1-a)"), ("dL_dz_squared_error_sigmoid", r"(a - y) \cdot a \cdot (1 - a)"),
    ("dL_dw_j", r"x_{j}(a-y)"), ("dL_dw_j", r"x_j \cdot (a - y)"), ("dL_dw_j", r"(a-y)x_{j}"),
    ("dL_dw_j", r"\frac{\partial L}{\partial w_j} = x_j(a - y)"), ("dL_db", r"\hat{y} - y"),
    ("dL_db", r"\frac{\partial L}{\partial b} = a - y"), ("tanh_derivative", r"1 - \tanh^2(z)"),
    ("tanh_derivative", r"1 - \tanh(z)^2"), ("tanh_derivative", r"\operatorname{sech}^2(z)"),
    ("tanh_derivative", r"\frac{1}{\cosh^2(z)}"), ("swish_derivative", r"\sigma(z) + z\sigma(z)(1-\sigma(z))"),
    ("leaky_relu_derivative", r"0.01 + 0.99\,\operatorname{step}(z)"),
] + [
    ("dW", t) for t in (r"\frac{1}{m} dZ A^{[L-1]T}", r"\frac{1}{m} dZ^{[l]} A^{[l-1]T}", r"\frac{1}{m} dZ^{[l]} A^{[l-1]\top}",
                        r"dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}", r"\frac{1}{m} dZ^{[1]} X^T",
                        r"\frac{1}{m} dZ^{[l]} \cdot A^{[l-1] T}", r"\frac{1}{m} dZ^{[1]} A^{[0]T}")
] + [
    ("db", t) for t in (r"\frac{1}{m}\sum_{i=1}^{m} dz^{(i)}", r"db^{[l]} = \frac{1}{m} \sum_{i = 1}^{m} dZ^{[l](i)}",
                        r"\frac{1}{m}\sum_{i=1}^m dz^{(i)}", r"\frac{1}{m}\sum_{i=1}^{m} dZ^{[l](i)}")
] + [
    ("dJ_dw", t) for t in (r"\frac{1}{m} X (A - Y)^T", r"\frac{1}{m} X(A-Y)^{T}",
                           r"\frac{1}{m}\sum_{i=1}^{m} x^{(i)}(a^{(i)}-y^{(i)})", r"\frac{1}{m} X dZ^T",
                           r"\frac{\partial J}{\partial w} = \frac{1}{m}X(A-Y)^T")
]

CORRECT_UNICODE = [
    ("dL_dz_cross_entropy_sigmoid", "σ(z) − y"), ("dL_dz_cross_entropy_sigmoid", "ŷ − y"),
    ("dL_dz_cross_entropy_sigmoid", "y\u0302 - y"),  # y and a combining hat: NFC makes it ŷ
    ("da_dz", "σ(z)·(1 − σ(z))"), ("da_dz", "a − a²"), ("da_dz", "a(1−a)"), ("da_dz", "σ(z) − σ(z)²"),
    ("da_dz", "ŷ⋅(1 − ŷ)"), ("tanh_derivative", "1 − tanh²(z)"), ("tanh_derivative", "sech²(z)"),
    ("tanh_derivative", "1/cosh²(z)"), ("dL_dz_squared_error_sigmoid", "(a − y)·a·(1 − a)"),
    ("dL_dw_j", "x_j·(a − y)"), ("dL_da_cross_entropy", "−y/a + (1 − y)/(1 − a)"),
    ("dW", "(1/m) dZ @ A_prevᵀ"), ("dW", "1/m · dZ · A_prevᵀ"), ("dW", "dZ @ A_prev⊤ / m"),
    ("dJ_dw", "(1/m) · X @ (A − Y)ᵀ"), ("db", "Σ dZ / m"), ("db", "(1/m) Σ dZ"), ("db", "1/m ∑ dZ"),
    ("dW", "1/m × dZ @ Aprevᵀ"),
]

WRONG_NOTATIONS = [  # (target, answer, a phrase the hint or message must contain)
    # right at m = 5 only: judged over several m, they are found out
    ("dW", "dZ @ A_prev.T / 5", ""), ("db", "sum(dZ, axis=1, keepdims=True)/5", ""), ("dJ_dw", "X @ (A - Y).T / 5", ""),
    ("dW", "np.dot(dZ, A_prev.T) / 5", ""), ("db", "np.sum(dZ, axis=1, keepdims=True) / 5", ""),
    ("dW", "dZ @ A_prev.T / 7", ""), ("db", "1/5 Σ dZ", ""), ("dJ_dw", r"\frac{1}{5} X (A - Y)^T", ""),
    # NumPy
    ("dW", "np.dot(dZ, A_prev.T)", "1/m is missing"), ("dW", "np.dot(A_prev, dZ.T) / m", "dWᵀ"),
    ("dW", "np.dot(dZ, A_prev) / m", "transpose is missing"), ("dW", "np.multiply(dZ, A_prev) / m", "matrix product"),
    ("db", "np.sum(dZ, axis=0, keepdims=True) / m", "axis=1"), ("db", "np.sum(dZ) / m", ""),
    ("db", "dZ.sum(axis=1) / m", "keepdims=True"), ("db", "np.mean(dZ, axis=0, keepdims=True)", "m axis"),
    ("dJ_dw", "np.dot(X, (Y - A).T) / m", "sign is flipped"), ("dJ_dw", "np.dot((A - Y), X.T) / m", "dwᵀ"),
    ("dL_dz_cross_entropy_sigmoid", "np.exp(-z) - y", ""), ("dL_dw_j", "np.multiply(x_j, y - a)", "sign is flipped"),
    # LaTeX
    ("dL_dz_cross_entropy_sigmoid", r"y - \hat{y}", "sign is flipped"),
    ("dL_dz_cross_entropy_sigmoid", r"\frac{\partial L}{\partial z} = y - a", "sign is flipped"),
    ("dL_dz_cross_entropy_sigmoid", r"(a-y)\,a(1-a)", "left in"),
    ("dL_dz_cross_entropy_sigmoid", r"\frac{1}{m}(a - y)", "No 1/m"),
    ("da_dz", r"\sigma(z)(1+\sigma(z))", "a(1 + a)"), ("da_dz", r"\frac{e^{-z}}{1+e^{-z}}", ""),
    ("dL_da_cross_entropy", r"\frac{y}{a} - \frac{1-y}{1-a}", "sign is flipped"),
    ("tanh_derivative", r"1 + \tanh^2(z)", "1 + tanh²"), ("dW", r"\frac{1}{m} A^{[l-1]} dZ^{[l]T}", "dWᵀ"),
    ("dW", r"dZ^{[l]} A^{[l-1]T}", "1/m is missing"), ("db", r"\sum_{i=1}^{m} dz^{(i)}", "1/m is missing"),
    ("dJ_dw", r"\frac{1}{m} X (Y - A)^T", "sign is flipped"), ("dL_dw_j", r"x_{j}(y - a)", "sign is flipped"),
    ("dL_dz_squared_error_sigmoid", r"\hat{y} - y", "missing"), ("dL_db", r"x_j(\hat{y} - y)", "dz/db is 1"),
    # Unicode
    ("dL_dz_cross_entropy_sigmoid", "y − a", "sign is flipped"), ("dL_dz_cross_entropy_sigmoid", "ŷ(1 − ŷ)", "da/dz alone"),
    ("da_dz", "a + a²", ""), ("da_dz", "σ(z)(1 + σ(z))", "a(1 + a)"), ("tanh_derivative", "1 + tanh²(z)", "1 + tanh²"),
    ("dW", "dZ @ A_prevᵀ", "1/m is missing"), ("dW", "A_prev @ dZᵀ / m", "dWᵀ"), ("db", "Σ dZ", "1/m"),
    ("dJ_dw", "X @ (Y − A)ᵀ / m", "sign is flipped"), ("dL_da_cross_entropy", "y/a − (1 − y)/(1 − a)", "sign is flipped"),
    ("da_dz", "a²", ""),
    # read the way Python reads it (with a warning that names the other reading)
    ("dL_da_cross_entropy", "(a - y)/a(1 - a)", ""),
]

HOSTILE_NOTATIONS = [
    # LaTeX that runs code, reads files or makes links in a TeX engine or KaTeX: never read, refused by name
    r"\def\x{a}\x", r"\input{/etc/passwd}", r"\include{x}", r"\write18{touch " + CANARY + "}",
    r"\immediate\write18{rm -rf /}", r"\href{javascript:alert(1)}{a}", r"\htmlClass{x}{a}", r"\htmlId{x}{a}",
    r"\htmlStyle{color:red}{a}", r"\htmlData{x=1}{a}", r"\url{http://x}", r"\newcommand{\x}{a}",
    r"\renewcommand{\sigma}{a}", r"\let\a\b", r"\catcode`\^=11", r"\csname x\endcsname", r"\expandafter",
    r"\special{x}", r"\openout", r"\read", r"\includegraphics{x}", r"\color{red}{a}", r"\textcolor{red}{a}",
    r"\raisebox{1em}{a}", r"\verb|a|", r"\begin{verbatim}a\end{verbatim}", r"\begin{pmatrix}a\end{pmatrix}",
    r"\mathrm{\write18{x}}", r"\operatorname{\input{x}}", r"\text{\def\x}",
    # deep nesting and huge bounds
    "\\frac{" * 40 + "a" + "}{b}" * 40, "{" * 50 + "a" + "}" * 50, r"\sum_{i=1}^{10^{99}} a", r"\sum_{i=1}^{\infty} a",
    r"\sum_{i=1}^{99999999999} a", r"\sum_{i=-10^{9}}^{m} a", r"\prod_{i=1}^{m} a", r"\int_0^1 a",
    r"e^{e^{e^{e^{e^{z}}}}}", r"e^{10^{10}}", r"a^{a^{a}}", r"\alpha^{\alpha^{\alpha}}", "\\log" * 40 + " a",
    "\\sigma" * 40 + " z", "\\sum_{i=1}^{m}" * 30 + "dZ",
    # broken LaTeX
    r"\frac{a}", r"\frac", r"\frac{a}{", r"\hat{a}", r"\hat", r"a^{", r"a_{", r"a^{}", r"a_{}", r"a_{j+1}", r"x^{(j)}",
    r"A^{[l+1]}", r"A^{[L-2]}", r"\sqrt{a}", r"\sqrt[3]{a}", r"\left( a", r"a \right)", r"\left\{ a \right\}", r"\\",
    "a & b", r"\mathcal{L}", r"\partial L", r"\frac{\partial L}{\partial z}", "$a - y$", "$$a$$", "\\(a\\)", r"\[a\]",
    "<script>alert(1)</script>", "a - y\\", "\\", "{", "}", "}{", "a^^b", "a__b", r"\frac{1}{m} = ",
    # NumPy that would touch files, modules or memory
    "np.load('x')", "np.fromfile('/etc/passwd')", "np.save('x', a)", "np.array([1])", "np.lib", "np.ctypeslib",
    "np.dot(dZ)", "np.dot(dZ, A_prev.T, out=a)", "np.sum(dZ, axis=99)", "np.sum(dZ, axis=1, keepdims=1)",
    "np.sum(dZ, where=a)", "dZ.sum(axis=1, keepdims=True, out=a)", "dZ.__class__", "dZ" + ".T" * 60,
    "np.dot(" * 16 + "dZ" + ", dZ)" * 16, "np.power(a, 10**10)", "np.power(a, a)", "np.exp(" * 12 + "z" + ")" * 12,
    "numpy.__dict__", "np.os.system('x')", "np.testing", "np.sum(dZ, axis=1, keepdims=True)/m; import os",
    "np.empty(10**10)", "np.ones((10**5, 10**5))", "np.dot(dZ, A_prev.T) / m.__class__",
    # Unicode: digits that are not 0-9, look-alikes, invisible and direction marks
    "a − ৪", "৪", "a + ８", "a + ٣", "a + ²", "ᵀ", "a ²²", "x¹", "a⁻¹", "ⅷ", "a\u0302 - y", "\u202ea - y", "a\ufeff- y",
    "a - y\u2028", "𝑎 - 𝑦", "ｙ", "Σ", "Σ" * 20 + " dZ", "σ", "ŷŷŷŷ", "a ⁄ y", "a ∕ y", "a ÷ y",
]
