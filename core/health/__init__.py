"""Health check rules: plausibility limits, categories, sessions and the journey. Pure, Qt-free."""
