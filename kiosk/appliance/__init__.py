"""The kiosk as an appliance: systemd notification, the headless sync service, ``kiosk doctor``,
USB device naming (udev) and signed package updates. See deploy/ and docs/install.md."""
