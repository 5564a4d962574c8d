"""The PostgreSQL engine behind the store's `Database` proxy: a school's shared server."""
