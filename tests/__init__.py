"""niemyet's tests; ``tests.kit`` holds the helpers they share (pytest puts the checkout on ``sys.path``)."""
