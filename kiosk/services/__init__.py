"""GUI-thread facades over worker threads; callbacks always run on the GUI thread."""
