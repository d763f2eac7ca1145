"""The kiosk shell: main window, header, navigator, home, help, idle warning, PIN pad, problem."""
