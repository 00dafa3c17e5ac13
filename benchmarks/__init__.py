"""Speed and scale measurements, printed with ratios; never timing assertions in tests."""
