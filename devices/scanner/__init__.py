"""devices/scanner."""
