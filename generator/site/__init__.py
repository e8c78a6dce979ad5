"""The public site: ``niemyet build`` and ``niemyet serve``.

Phases (MkDocs style, see build.py): gather (check, history, oversight figures: gather.py) → typed
page contexts (contexts.py, pages.py) → render every file of the docs_dir from ``site_templates/pages``
(render.py) → one writer (files.py) → MkDocs with Material → Pagefind search index, written atomically.
"""
