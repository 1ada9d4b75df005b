"""The analyst's workbench in the browser (``quanze app``), its JSON API and ``quanze mcp``."""
