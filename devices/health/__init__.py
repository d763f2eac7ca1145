"""devices/health."""
