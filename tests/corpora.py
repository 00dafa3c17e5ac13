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
