"""State (edge): the SQLite state of a reports folder (results, translations, runs, history),
its JSON form of results, and the lock that keeps one audit at a time."""
