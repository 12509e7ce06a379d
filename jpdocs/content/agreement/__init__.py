"""The agreement document (協定書): its text composed from the spec and the house's
standard articles (compose.py)."""
