"""The Qt-free ground floor shared by the kiosk and (for the wire contract) the hub."""
