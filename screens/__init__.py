"""Screens: one module per screen. Screens render state and emit intents; they never do I/O."""
