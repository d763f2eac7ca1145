"""Spoken guidance: offline Vietnamese (and English) speech with espeak-ng, cached as WAV files. Qt-free."""
