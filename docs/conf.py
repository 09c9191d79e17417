# Sphinx configuration of the documentation site, built by scripts/build_docs.py (which gathers
# the guides, the executed example notebooks and Doxygen's C++ API into one source folder).
import os

project = "aci_cost"
author = "aci_cost contributors"
extensions = ["myst_nb", "sphinx.ext.autodoc"]
myst_enable_extensions = ["dollarmath"]
myst_heading_anchors = 3
nb_execution_mode = "off"          # the notebooks come executed by scripts/run_notebooks.py
nb_merge_streams = True
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
autodoc_member_order = "bysource"
autodoc_typehints = "none"         # signatures carry them; the pybind11 types have no targets
autodoc_default_options = {"undoc-members": False}  # members: listed on each page
html_theme = "alabaster"
html_title = "aci_cost"
html_extra_path = [p for p in [os.environ.get("ACI_COST_DOXYGEN_HTML", "")] if p]
suppress_warnings = ["mystnb.unknown_mime_type"]
