"""The SQLite engine behind the store's `Database` proxy: the embedded default."""
