"""jpdocs: Japanese official documents from YAML specs (see README.md)."""
