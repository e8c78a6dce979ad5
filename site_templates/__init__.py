"""niemyet's templates, site assets and MkDocs configuration, shipped as package data.

Not code: this file only makes the folder a package, so that ``importlib.resources`` finds it in an
installed wheel as in the checkout (see ``generator/resources.py``).
"""
