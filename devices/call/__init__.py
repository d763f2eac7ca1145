"""The kiosk's side of a video consultation (WebRTC with aiortc): media tracks and the signalling peer."""
