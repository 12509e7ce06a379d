"""jpdocs: Japanese official documents from YAML specs (see README.md)."""
from . import lazy_imports

# before any module of the package imports reportlab (see lazy_imports.py)
lazy_imports.install()
