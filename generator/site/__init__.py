"""The public site: ``niemyet build`` and ``niemyet serve``.

Phases (MkDocs style, see build.py): check → resolve overlays → render Markdown from
``site_templates/pages`` → MkDocs with Material → Pagefind search index, written atomically.
"""
