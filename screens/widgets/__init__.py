"""Widgets shared by screens: buttons, titles, cards, keyboards."""
