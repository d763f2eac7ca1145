"""The QR scan widget embedded by every screen that reads a code (ID card, procedure, receipt)."""
