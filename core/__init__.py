"""The ground floor: the Qt-free domain (formats, catalogue, health rules and readings, the flow and visit state
machines, PIN, Telex, money, paths, logging) and the one QtCore base (threads). Everything else builds on it;
it imports nothing of ours."""
