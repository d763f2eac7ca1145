"""devices/printer."""
