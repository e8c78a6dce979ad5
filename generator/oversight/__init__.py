"""``niemyet report`` and the site section "Tình hình công khai": is every commune posting fully and on time?

compute.py turns the model (plus the dates of last change from git history) into one row per
commune; formats.py prints those rows; load.py reads a data tree tolerantly (a listed code whose
catalogue file is gone must still be shown); site.py makes the page, its SVG chart and open data.
"""
