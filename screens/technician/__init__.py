"""Technician and operator screens, behind the hidden gesture and the PIN pad."""
